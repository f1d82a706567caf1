// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScatterChart, type ScatterChartProps } from '../../../src/ui/charts/ScatterChart';

afterEach(cleanup);

// 500 x 300 with margin {top 20, right 50, bottom 30, left 50}: plot 400 x 250 px.
const MARGIN = { top: 20, right: 50, bottom: 30, left: 50 };
const PLOT_W = 400;
const PLOT_H = 250;
const points = [
  { id: 'a', x: 10, y: 0.3 },
  { id: 'b', x: 50, y: 0.5 },
  { id: 'c', x: 90, y: 0.4 },
];

function renderScatter(extra: Partial<ScatterChartProps> = {}) {
  return render(
    <ScatterChart points={points} width={500} height={300} margin={MARGIN} xDomain={[0, 100]} {...extra} />,
  );
}

/** A drag on the overlay between two client x positions (the svg has no layout in happy-dom). */
function drag(overlay: Element, fromClientX: number, toClientX: number) {
  fireEvent.pointerDown(overlay, { clientX: fromClientX, clientY: 100, pointerId: 1, button: 0 });
  fireEvent.pointerMove(overlay, { clientX: (fromClientX + toClientX) / 2, clientY: 100, pointerId: 1 });
  fireEvent.pointerMove(overlay, { clientX: toClientX, clientY: 100, pointerId: 1 });
  fireEvent.pointerUp(overlay, { clientX: toClientX, clientY: 100, pointerId: 1 });
}

const ONE_PX = 100 / PLOT_W; // data units per pixel on [0, 100]

describe('ScatterChart brush', () => {
  it('reports the dragged x-range inverted through the scale', () => {
    const onBrush = vi.fn();
    const { container } = renderScatter({ onBrush });
    // plot px 100 → 300 of 400 on [0, 100] is [25, 75].
    drag(container.querySelector('rect.scatter-overlay')!, MARGIN.left + 100, MARGIN.left + 300);
    expect(onBrush).toHaveBeenCalledTimes(1);
    const [lo, hi] = onBrush.mock.calls[0][0];
    expect(Math.abs(lo - 25)).toBeLessThanOrEqual(ONE_PX);
    expect(Math.abs(hi - 75)).toBeLessThanOrEqual(ONE_PX);
  });

  it('orders a right-to-left drag and clamps it to the plot', () => {
    const onBrush = vi.fn();
    const { container } = renderScatter({ onBrush });
    // plot px 600 (beyond the right edge, clamped to 400) → 250: [62.5, 100].
    drag(container.querySelector('rect.scatter-overlay')!, MARGIN.left + 600, MARGIN.left + 250);
    const [lo, hi] = onBrush.mock.calls[0][0];
    expect(Math.abs(lo - 62.5)).toBeLessThanOrEqual(ONE_PX);
    expect(Math.abs(hi - 100)).toBeLessThanOrEqual(ONE_PX);
  });

  it('treats a click without movement as no brush', () => {
    const onBrush = vi.fn();
    const { container } = renderScatter({ onBrush });
    drag(container.querySelector('rect.scatter-overlay')!, MARGIN.left + 120, MARGIN.left + 121);
    expect(onBrush).not.toHaveBeenCalled();
  });

  it('inverts through a log x scale', () => {
    const onBrush = vi.fn();
    const { container } = renderScatter({ onBrush, logX: true, xDomain: [1, 1000] });
    // plot px 0 → 200 of 400 spans log10 0 → 1.5: [1, 10^1.5].
    drag(container.querySelector('rect.scatter-overlay')!, MARGIN.left, MARGIN.left + 200);
    const [lo, hi] = onBrush.mock.calls[0][0];
    expect(lo).toBeCloseTo(1, 6);
    // one pixel is a factor 10^(3/400) in log space
    expect(Math.abs(Math.log10(hi) - 1.5)).toBeLessThanOrEqual(3 / PLOT_W);
  });

  it('shows a live preview while dragging', () => {
    const { container } = renderScatter({ onBrush: () => {} });
    const overlay = container.querySelector('rect.scatter-overlay')!;
    fireEvent.pointerDown(overlay, { clientX: MARGIN.left + 40, clientY: 50, pointerId: 1, button: 0 });
    fireEvent.pointerMove(overlay, { clientX: MARGIN.left + 140, clientY: 50, pointerId: 1 });
    const preview = container.querySelector('rect.brush-preview')!;
    expect(Number(preview.getAttribute('x'))).toBeCloseTo(40, 6);
    expect(Number(preview.getAttribute('width'))).toBeCloseTo(100, 6);
  });

  it('draws a given brush range and clears it with the × control (click and keyboard)', () => {
    const onBrush = vi.fn();
    const { container, getByRole } = renderScatter({ onBrush, brush: [25, 75] });
    const rect = container.querySelector('rect.brush-range')!;
    expect(Number(rect.getAttribute('x'))).toBeCloseTo(100, 6);
    expect(Number(rect.getAttribute('width'))).toBeCloseTo(200, 6);
    const clear = getByRole('button', { name: 'Clear the selected x-range' });
    fireEvent.click(clear);
    expect(onBrush).toHaveBeenLastCalledWith(null);
    fireEvent.keyDown(clear, { key: 'Enter' });
    expect(onBrush).toHaveBeenCalledTimes(2);
    expect(onBrush).toHaveBeenLastCalledWith(null);
  });
});

describe('ScatterChart marks', () => {
  it('places the bootstrap band and the best line', () => {
    const { container } = renderScatter({ bootstrap: [20, 40, 60] });
    const band = container.querySelector('rect.bootstrap-band')!;
    expect(Number(band.getAttribute('x'))).toBeCloseTo(80, 6); // 20 / 100 * 400
    expect(Number(band.getAttribute('width'))).toBeCloseTo(160, 6); // (60 - 20) / 100 * 400
    expect(Number(band.getAttribute('height'))).toBe(PLOT_H);
    const best = container.querySelector('line.bootstrap-best')!;
    expect(Number(best.getAttribute('x1'))).toBeCloseTo(160, 6);
    expect(Number(best.getAttribute('x2'))).toBeCloseTo(160, 6);
    expect(container.querySelector('.bootstrap-label')!.textContent).toBe('best: 40');
  });

  it('uses the pycls y-range [e_min − Δ/5, e_max + Δ/5]', () => {
    const { container } = renderScatter();
    // errors 0.3..0.5 → Δ = 0.2 → y domain [0.26, 0.54]
    const cy = (id: string) => Number(container.querySelector(`circle[data-id="${id}"]`)!.getAttribute('cy'));
    expect(cy('a')).toBeCloseTo((PLOT_H * (0.54 - 0.3)) / 0.28, 6);
    expect(cy('b')).toBeCloseTo((PLOT_H * (0.54 - 0.5)) / 0.28, 6);
    const cx = Number(container.querySelector('circle[data-id="c"]')!.getAttribute('cx'));
    expect(cx).toBeCloseTo(360, 6);
  });

  it('selects a point on click and marks the selected one', () => {
    const onSelect = vi.fn();
    const { container } = renderScatter({ onSelect, selectedId: 'b' });
    fireEvent.click(container.querySelector('circle[data-id="c"]')!);
    expect(onSelect).toHaveBeenCalledWith('c');
    expect(container.querySelector('circle.selected')!.getAttribute('data-id')).toBe('b');
  });

  it('shows a rank correlation label for complexity-vs-time use', () => {
    const { container } = renderScatter({
      rankCorrelation: { value: 0.8267 },
      xLabel: 'flops',
      yLabel: 'ms/step',
    });
    expect(container.querySelector('.rank-correlation')!.textContent).toBe('Spearman ρ = 0.83');
    const label = container.querySelector('svg')!.getAttribute('aria-label')!;
    expect(label).toContain('ms/step vs flops: 3 points');
    expect(label).toContain('Spearman ρ = 0.83');
  });

  it('offers every point in its data table', () => {
    const { container } = renderScatter({ errorUnit: 'fraction', xLabel: 'depth' });
    const rows = [...container.querySelectorAll('table tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['a', '10', '30.00%'],
      ['b', '50', '50.00%'],
      ['c', '90', '40.00%'],
    ]);
  });

  it('rejects inputs it cannot draw with a clear message', () => {
    expect(() => render(<ScatterChart points={[{ id: 'z', x: 0, y: 1 }]} logX />)).toThrow(
      /logX needs x > 0/,
    );
    expect(() => render(<ScatterChart points={points} bootstrap={[5, 1, 9]} />)).toThrow(
      /\[low, best, high\]/,
    );
    expect(() => render(<ScatterChart points={[{ id: 'n', x: NaN, y: 1 }]} />)).toThrow(/non-finite/);
    expect(() => render(<ScatterChart points={[points[0], points[0]]} />)).toThrow(/id "a" appears twice/);
    expect(() => render(<ScatterChart points={points} brush={[5, 1]} />)).toThrow(/brush must be \[lo, hi\]/);
  });
});
