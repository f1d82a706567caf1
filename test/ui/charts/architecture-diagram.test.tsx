// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ArchitectureDiagram,
  type ArchitectureDiagramProps,
} from '../../../src/ui/charts/ArchitectureDiagram';

afterEach(cleanup);

// RegNetX-200MF stages (REGNET.md §4: d = [1, 1, 4, 7], w = [24, 56, 152, 368], g = 8).
const net: ArchitectureDiagramProps = {
  stages: [
    { depth: 1, width: 24, groupWidth: 8, bottleneckRatio: 1, stride: 2 },
    { depth: 1, width: 56, groupWidth: 8, bottleneckRatio: 1, stride: 2 },
    { depth: 4, width: 152, groupWidth: 8, bottleneckRatio: 1, stride: 2 },
    { depth: 7, width: 368, groupWidth: 8, bottleneckRatio: 1, stride: 2 },
  ],
  stem: { type: 'imagenet', width: 32 },
  seRatio: 0,
  classes: 1000,
  resolution: 224,
};

const num = (el: Element, a: string) => Number(el.getAttribute(a));

describe('ArchitectureDiagram', () => {
  it('draws one rect per stage, length ∝ depth and height ∝ log2 width', () => {
    const { container } = render(<ArchitectureDiagram {...net} />);
    const rects = [...container.querySelectorAll('rect.arch-stage')];
    expect(rects).toHaveLength(4);
    const len = rects.map((r) => num(r, 'width'));
    const h = rects.map((r) => num(r, 'height'));
    expect(len[3] / len[2]).toBeCloseTo(7 / 4, 9);
    expect(len[0] / len[1]).toBeCloseTo(1, 9);
    expect(h[3] / h[0]).toBeCloseTo(Math.log2(368) / Math.log2(24), 9);
    expect(h[2] / h[1]).toBeCloseTo(Math.log2(152) / Math.log2(56), 9);
    // stages run left to right without overlapping
    for (let i = 1; i < 4; i++)
      expect(num(rects[i], 'x')).toBeGreaterThan(num(rects[i - 1], 'x') + len[i - 1]);
    // a separator between consecutive blocks of a stage: 0 + 0 + 3 + 6
    expect(container.querySelectorAll('line.arch-block-sep')).toHaveLength(9);
  });

  it('labels widths, depths, group widths, bottlenecks and SE', () => {
    const { container } = render(<ArchitectureDiagram {...net} seRatio={0.25} />);
    const labels = [...container.querySelectorAll('text.arch-stage-label')].map((t) => t.textContent);
    expect(labels).toEqual(['w 24 · d 1', 'w 56 · d 1', 'w 152 · d 4', 'w 368 · d 7']);
    expect(container.textContent).toContain('g 8 · b 1');
    // 224 → stem stride 2 → 112 → four stride-2 stages: 56, 28, 14, 7
    expect(container.textContent).toContain('7² · SE');
    expect(container.querySelector('rect.arch-stage title')!.textContent).toContain('SE ratio 0.25');
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toContain('SE ratio 0.25');
    expect(container.textContent).toContain('1000 classes');
  });

  it('gives output sizes in its data table and a full aria summary', () => {
    const { container, getByRole } = render(<ArchitectureDiagram {...net} />);
    const sizes = [...container.querySelectorAll('table tbody tr')].map((tr) => tr.children[6].textContent);
    expect(sizes).toEqual(['56×56', '28×28', '14×14', '7×7']);
    expect(getByRole('img').getAttribute('aria-label')).toBe(
      'Architecture: 224×224 input, imagenet stem of width 32, 4 stages with depths [1, 1, 4, 7], widths [24, 56, 152, 368], group widths [8, 8, 8, 8], bottleneck ratios [1, 1, 1, 1], no SE; head with 1000 classes.',
    );
  });

  it('keeps the CIFAR stem at full resolution', () => {
    const { container } = render(
      <ArchitectureDiagram {...net} stem={{ type: 'cifar', width: 16 }} resolution={32} classes={10} />,
    );
    const sizes = [...container.querySelectorAll('table tbody tr')].map((tr) => tr.children[6].textContent);
    // 32 → stem stride 1 → 32 → 16, 8, 4, 2
    expect(sizes).toEqual(['16×16', '8×8', '4×4', '2×2']);
  });

  it('rejects an invalid stage with a clear message', () => {
    const bad = { ...net, stages: [{ ...net.stages[0], depth: 0 }] };
    expect(() => render(<ArchitectureDiagram {...bad} />)).toThrow(/stage 1 depth must be an integer >= 1/);
    expect(() => render(<ArchitectureDiagram {...net} stages={[]} />)).toThrow(/at least one stage/);
    expect(() => render(<ArchitectureDiagram {...net} width={120} />)).toThrow(/too small/);
  });
});
