// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EdfChart } from '../../../src/ui/charts/EdfChart';
import type { EdfSeries } from '../../../src/ui/charts/edf-series';
import { risers } from './svg-path';

afterEach(cleanup);

// 640 x 360 with margin {top 12, right 16, bottom 40, left 48}: plot 576 x 308.
const MARGIN = { top: 12, right: 16, bottom: 40, left: 48 };
const PLOT_W = 576;
const PLOT_H = 308;
const DOMAIN: [number, number] = [0.25, 0.45];
const px = (e: number) => ((e - DOMAIN[0]) / (DOMAIN[1] - DOMAIN[0])) * PLOT_W;
const py = (f: number) => PLOT_H * (1 - f);

const three: EdfSeries = {
  name: 'AnyNetX_A',
  points: [
    { x: 0.3, y: 1 / 3 },
    { x: 0.35, y: 2 / 3 },
    { x: 0.4, y: 1 },
  ],
  n: 3,
  min: 0.3,
  mean: 0.35,
};

function renderEdf(series: EdfSeries[], extra: Partial<Parameters<typeof EdfChart>[0]> = {}) {
  return render(
    <EdfChart series={series} xDomain={DOMAIN} margin={MARGIN} width={640} height={360} {...extra} />,
  );
}

describe('EdfChart', () => {
  it('draws one riser per distinct error, at the error and up to the cumulative fraction', () => {
    const { container } = renderEdf([three]);
    const paths = container.querySelectorAll('path.edf-line');
    expect(paths).toHaveLength(1);
    const r = risers(paths[0].getAttribute('d')!);
    expect(r).toHaveLength(3);
    [0.3, 0.35, 0.4].forEach((e, i) => {
      expect(r[i].x).toBeCloseTo(px(e), 2);
      expect(r[i].from).toBeCloseTo(py(i / 3), 2);
      expect(r[i].to).toBeCloseTo(py((i + 1) / 3), 2);
    });
  });

  it('merges tied errors into one riser of double height', () => {
    const tied: EdfSeries = {
      name: 'tied',
      points: [
        { x: 0.3, y: 0.25 },
        { x: 0.3, y: 0.5 },
        { x: 0.3, y: 0.75 },
        { x: 0.42, y: 1 },
      ],
      n: 4,
      min: 0.3,
      mean: 0.33,
    };
    const { container } = renderEdf([tied]);
    const r = risers(container.querySelector('path.edf-line')!.getAttribute('d')!);
    expect(r).toHaveLength(2);
    expect(r[0].from).toBeCloseTo(py(0), 2);
    expect(r[0].to).toBeCloseTo(py(0.75), 2);
    expect(r[1].x).toBeCloseTo(px(0.42), 2);
  });

  it('shows the pycls legend n | min | mean with errors as percentages', () => {
    const a: EdfSeries = { ...three, name: 'RegNetX', n: 100, min: 0.3521, mean: 0.41749 };
    const b: EdfSeries = { ...three, name: 'AnyNetX_E', n: 32, min: 0.29, mean: 0.3333 };
    const { container } = renderEdf([a, b]);
    const stats = [...container.querySelectorAll('.legend-stats')].map((t) => t.textContent);
    expect(stats).toEqual(['100 | 35.2% | 41.7%', '32 | 29.0% | 33.3%']);
    const names = [...container.querySelectorAll('.legend-name')].map((t) => t.textContent);
    expect(names).toEqual(['RegNetX', 'AnyNetX_E']);
    expect(container.querySelector('.edf-legend')!.textContent).toContain('n | min | mean');
  });

  it('reads errors given in percent when errorUnit is percent', () => {
    const pct: EdfSeries = {
      name: 'pct',
      points: [{ x: 35.21, y: 1 }],
      n: 1,
      min: 35.21,
      mean: 35.21,
    };
    const { container } = render(<EdfChart series={[pct]} errorUnit="percent" />);
    expect(container.querySelector('.legend-stats')!.textContent).toBe('1 | 35.2% | 35.2%');
  });

  it('is an img with a summarising aria-label and a data table', () => {
    const { getByRole, container } = renderEdf([{ ...three, n: 3, min: 0.3, mean: 0.35 }]);
    const svg = getByRole('img');
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.getAttribute('aria-label')).toBe(
      'Error EDF of 1 series. AnyNetX_A: n 3, min 30.0%, mean 35.0%.',
    );
    const cells = [...container.querySelectorAll('table tbody td')].map((td) => td.textContent);
    // series, n, min, median (first error reaching F >= 0.5 is 0.35), mean
    expect(cells).toEqual(['AnyNetX_A', '3', '30.0%', '35.0%', '35.0%']);
  });

  it('colours series by colorIndex through CSS variables', () => {
    const { container } = renderEdf([three, { ...three, name: 'b', colorIndex: 13 }]);
    const strokes = [...container.querySelectorAll('path.edf-line')].map((p) => p.getAttribute('stroke'));
    expect(strokes[0]).toMatch(/^var\(--series-0,/);
    expect(strokes[1]).toMatch(/^var\(--series-3,/);
  });

  it('shows a hover rule with each series F(e) at the pointer and hides it on leave', () => {
    const other: EdfSeries = {
      name: 'other',
      points: [
        { x: 0.26, y: 0.5 },
        { x: 0.44, y: 1 },
      ],
      n: 2,
      min: 0.26,
      mean: 0.35,
    };
    const { container } = renderEdf([three, other]);
    const overlay = container.querySelector('rect.edf-overlay')!;
    // e = 0.37: three has F = 2/3 (errors 0.30 and 0.35 are below), other has F = 0.5.
    fireEvent.pointerMove(overlay, { clientX: MARGIN.left + px(0.37), clientY: 100 });
    const readout = container.querySelector('.edf-readout')!;
    expect(readout).not.toBeNull();
    const lines = [...readout.querySelectorAll('.readout-line')].map((t) => t.textContent);
    expect(lines[0]).toBe('e = 37.00%');
    expect(lines[1]).toBe('AnyNetX_A  0.67');
    expect(lines[2]).toBe('other  0.50');
    expect(Number(readout.querySelector('line')!.getAttribute('x1'))).toBeCloseTo(px(0.37), 6);
    fireEvent.pointerLeave(overlay);
    expect(container.querySelector('.edf-readout')).toBeNull();
  });

  it('renders an empty state without series', () => {
    const { container, getByRole } = render(<EdfChart series={[]} />);
    expect(container.textContent).toContain('No finished models yet');
    expect(getByRole('img').getAttribute('aria-label')).toBe('Error EDF: no data yet.');
  });

  it('rejects unsorted points and non-cumulative y with a clear message', () => {
    const bad: EdfSeries = {
      ...three,
      points: [
        { x: 0.4, y: 0.5 },
        { x: 0.3, y: 1 },
      ],
    };
    expect(() => render(<EdfChart series={[bad]} />)).toThrow(/sorted by error/);
    const big: EdfSeries = { ...three, points: [{ x: 0.4, y: 2 }] };
    expect(() => render(<EdfChart series={[big]} />)).toThrow(/cumulative fraction/);
    expect(() => render(<EdfChart series={[three]} width={40} />)).toThrow(/no room to plot/);
  });
});
