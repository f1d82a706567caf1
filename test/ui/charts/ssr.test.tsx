// Default (node) environment on purpose: charts must render with no DOM globals (CLI use).
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArchitectureDiagram } from '../../../src/ui/charts/ArchitectureDiagram';
import { CurveChart } from '../../../src/ui/charts/CurveChart';
import { EdfChart } from '../../../src/ui/charts/EdfChart';
import { ScatterChart } from '../../../src/ui/charts/ScatterChart';
import { SpaceSizeBar } from '../../../src/ui/charts/SpaceSizeBar';
import { WidthChart } from '../../../src/ui/charts/WidthChart';

const charts: Record<string, ReactElement> = {
  EdfChart: createElement(EdfChart, {
    series: [
      {
        name: 'A',
        points: [
          { x: 0.3, y: 0.5 },
          { x: 0.4, y: 1 },
        ],
        n: 2,
        min: 0.3,
        mean: 0.35,
      },
    ],
  }),
  ScatterChart: createElement(ScatterChart, {
    points: [
      { id: 'a', x: 1, y: 0.3 },
      { id: 'b', x: 4, y: 0.4 },
    ],
    bootstrap: [1, 2, 3],
    brush: [1.5, 2.5],
    onBrush: () => {},
    logX: true,
  }),
  WidthChart: createElement(WidthChart, { blockWidths: [24, 64, 64], continuousWidths: [24, 60, 96] }),
  ArchitectureDiagram: createElement(ArchitectureDiagram, {
    stages: [{ depth: 2, width: 32, groupWidth: 8, bottleneckRatio: 1, stride: 2 }],
    stem: { type: 'cifar', width: 16 },
    seRatio: 0.25,
    classes: 10,
    resolution: 32,
  }),
  CurveChart: createElement(CurveChart, {
    series: [
      {
        name: 'loss',
        points: [
          { x: 1, y: 2 },
          { x: 2, y: 1 },
        ],
      },
    ],
  }),
  SpaceSizeBar: createElement(SpaceSizeBar, { total: 1e6, remaining: 1e3 }),
};

describe('charts render on the server', () => {
  it('runs without DOM globals', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
  });

  for (const [name, element] of Object.entries(charts)) {
    it(`${name}: an accessible svg plus a data table`, () => {
      const html = renderToStaticMarkup(element);
      expect(html.startsWith('<figure')).toBe(true);
      expect(html).toMatch(/<svg[^>]* role="img" aria-label="[^"]{10,}"/);
      expect(html).toContain('<table');
      expect(html).toContain('<caption>');
    });
  }

  it('renders a bare, self-contained svg for the CLI', () => {
    const element = createElement(WidthChart, {
      blockWidths: [24, 64],
      table: 'none',
      standaloneTheme: 'dark',
    });
    const svg = renderToStaticMarkup(element);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    // the dark palette is embedded, scoped to this svg's id
    const id = /<svg id="([^"]+)"/.exec(svg)![1];
    expect(svg).toContain(`#${id} {`);
    expect(svg).toContain('--series-0: #7b9cf5;');
  });

  it('shows a data table in a <details> on request', () => {
    const html = renderToStaticMarkup(createElement(CurveChart, { series: [], table: 'details' }));
    expect(html).toContain('<details><summary');
  });
});
