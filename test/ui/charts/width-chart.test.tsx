// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { runLengths, WidthChart } from '../../../src/ui/charts/WidthChart';

afterEach(cleanup);

// Hand-derived RegNet with w0 = 24, wa = 36, wm = 2.5, d = 5 (REGNET.md §2.1):
//   u_j = 24 + 36 j = [24, 60, 96, 132, 168]
//   s_j = ln(u_j / 24) / ln 2.5 = [0, 1, 1.51, 1.86, 2.12] → k_j = [0, 1, 2, 2, 2]
//   w_j = 8 · round(24 · 2.5^k / 8) = [24, 8·round(7.5) = 64, 8·round(18.75) = 152, 152, 152]
const U = [24, 60, 96, 132, 168];
const W = [24, 64, 152, 152, 152];

// 560 x 300 with margin {top 44, right 16, bottom 40, left 52}: plot 492 x 216 px.
const PLOT_W = 492;
const PLOT_H = 216;
const BLOCK_PX = PLOT_W / 5; // x domain [-0.5, 4.5]

describe('WidthChart', () => {
  it('draws one staircase step per block at its quantized width on a log2 axis', () => {
    const { container } = render(<WidthChart blockWidths={W} continuousWidths={U} />);
    const steps = [...container.querySelectorAll('line.block-step')];
    expect(steps).toHaveLength(5);
    steps.forEach((s, j) => {
      expect(Number(s.getAttribute('x1'))).toBeCloseTo(j * BLOCK_PX, 6);
      expect(Number(s.getAttribute('x2'))).toBeCloseTo((j + 1) * BLOCK_PX, 6);
    });
    // widths span [24, 168] → log2 domain snapped to [16, 256] (4 octaves over 216 px)
    const yOf = (w: number) => PLOT_H * (1 - (Math.log2(w) - 4) / 4);
    expect(Number(steps[1].getAttribute('y1'))).toBeCloseTo(yOf(64), 6); // 108
    expect(Number(steps[0].getAttribute('y1'))).toBeCloseTo(yOf(24), 6);
    // risers only where the width changes: 24→64 and 64→152
    expect(container.querySelectorAll('line.block-riser')).toHaveLength(2);
  });

  it('marks the boundaries between the 3 stages with 2 rules and labels each stage', () => {
    const { container } = render(<WidthChart blockWidths={W} continuousWidths={U} />);
    const rules = [...container.querySelectorAll('line.stage-rule')].map((l) => Number(l.getAttribute('x1')));
    expect(rules).toHaveLength(2);
    expect(rules[0]).toBeCloseTo(BLOCK_PX, 6); // between block 0 and 1
    expect(rules[1]).toBeCloseTo(2 * BLOCK_PX, 6); // between block 1 and 2
    const labels = [...container.querySelectorAll('text.stage-label')].map((t) => t.textContent);
    expect(labels).toEqual(['stage 1', 'stage 2', 'stage 3']);
    expect(container.textContent).toContain('d=3 w=152');
  });

  it('draws the continuous widths as one dotted line through every block centre', () => {
    const { container } = render(<WidthChart blockWidths={W} continuousWidths={U} />);
    const d = container.querySelector('path.continuous-widths')!.getAttribute('d')!;
    expect(d.match(/[ML]/g)).toHaveLength(5);
  });

  it('uses explicit stage depths and flags widths changed by group compatibility', () => {
    const { container, getByRole } = render(
      <WidthChart blockWidths={W} stageDepths={[1, 1, 3]} adjustedStageWidths={[24, 64, 144]} />,
    );
    expect(container.querySelectorAll('circle.adjusted-width')).toHaveLength(1);
    expect(getByRole('img').getAttribute('aria-label')).toBe(
      'Block widths on a log2 axis: 5 blocks in 3 stages; depths [1, 1, 3], widths [24, 64, 152], adjusted widths [24, 64, 144].',
    );
  });

  it('lists every block in its data table', () => {
    const { container } = render(<WidthChart blockWidths={W} continuousWidths={U} />);
    const rows = [...container.querySelectorAll('table tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['0', '1', '24', '24'],
      ['1', '2', '60', '64'],
      ['2', '3', '96', '152'],
      ['3', '3', '132', '152'],
      ['4', '3', '168', '152'],
    ]);
  });

  it('rejects inconsistent inputs with a clear message', () => {
    expect(() => render(<WidthChart blockWidths={W} continuousWidths={[1, 2]} />)).toThrow(
      /one u_j per block/,
    );
    expect(() => render(<WidthChart blockWidths={W} stageDepths={[2, 2]} />)).toThrow(
      /summing to the 5 blocks/,
    );
    expect(() => render(<WidthChart blockWidths={[8, 0]} />)).toThrow(/block width 1/);
  });

  it('run-length encodes equal consecutive widths', () => {
    expect(runLengths([8, 8, 16, 16, 16, 8])).toEqual([2, 3, 1]);
    expect(runLengths([])).toEqual([]);
  });
});
