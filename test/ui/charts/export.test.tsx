// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EdfChart } from '../../../src/ui/charts/EdfChart';
import {
  csvCell,
  downloadSvg,
  svgSize,
  svgToPngBlob,
  svgToString,
  toCsv,
} from '../../../src/ui/charts/export';
import { chartStylesheet } from '../../../src/ui/charts/theme';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  document.head.innerHTML = '';
});

const series = [
  {
    name: 'RegNet',
    points: [
      { x: 0.3, y: 0.5 },
      { x: 0.4, y: 1 },
    ],
    n: 2,
    min: 0.3,
    mean: 0.35,
  },
];

function renderChart() {
  const ref = createRef<SVGSVGElement>();
  const utils = render(<EdfChart series={series} svgRef={ref} width={400} height={240} />);
  return { ...utils, svg: ref.current! };
}

describe('toCsv', () => {
  it('writes one row per point in long format, quoting only where needed', () => {
    const csv = toCsv(
      [
        { name: 'plain', points: [{ x: 0.25, y: 1 }] },
        { name: 'a, "quoted" name', points: [{ x: 1e-7, y: 0.5 }] },
      ],
      { x: 'error', y: 'F' },
    );
    expect(csv).toBe('series,error,F\nplain,0.25,1\n"a, ""quoted"" name",1e-7,0.5\n');
  });

  it('quotes line breaks and outer spaces and blanks non-finite numbers', () => {
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(NaN)).toBe('');
  });
});

describe('svgToString', () => {
  it('serializes a standalone svg with the theme colours inline and without hover UI', () => {
    const { svg, container } = renderChart();
    fireEvent.pointerMove(container.querySelector('rect.edf-overlay')!, { clientX: 200, clientY: 50 });
    expect(container.querySelector('.edf-readout')).not.toBeNull();
    const text = svgToString(svg, { theme: 'dark' });
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain(`#${svg.id} { --chart-bg: #0d1117;`);
    expect(text).toContain('--series-0: #7b9cf5;');
    expect(text).not.toContain('edf-readout');
    expect(text).toContain('2 | 30.0% | 35.0%');
    // the live chart keeps its readout
    expect(container.querySelector('.edf-readout')).not.toBeNull();
  });

  it('falls back to the light palette when no stylesheet defines the variables', () => {
    const { svg } = renderChart();
    expect(svgToString(svg)).toContain('--series-0: #4269d0;');
  });

  it('uses the colours in effect on the element when no theme is given', () => {
    const style = document.createElement('style');
    style.textContent = chartStylesheet();
    document.head.appendChild(style);
    // happy-dom does not inherit custom properties, so the theme class goes on the bare svg itself.
    const ref = createRef<SVGSVGElement>();
    render(<EdfChart series={series} svgRef={ref} table="none" className="theme-dark" />);
    const text = svgToString(ref.current!);
    expect(text).toContain('--chart-bg: #0d1117;');
    expect(text).toContain('--series-1: #f5c04a;');
  });

  it('explains what to pass when given something else', () => {
    expect(() => svgToString(document.createElement('div') as unknown as SVGSVGElement)).toThrow(
      /<svg> element/,
    );
  });
});

describe('downloads', () => {
  it('downloadSvg saves an svg blob under the given name', async () => {
    const { svg } = renderChart();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    downloadSvg(svg, 'edf.svg');
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('edf.svg');
    expect(blobs[0].type).toBe('image/svg+xml;charset=utf-8');
    expect(await blobs[0].text()).toContain('role="img"');
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('reads the drawing size from the viewBox and rejects a bad PNG scale', async () => {
    const { svg } = renderChart();
    expect(svgSize(svg)).toEqual({ width: 400, height: 240 });
    await expect(svgToPngBlob(svg, { scale: 0 })).rejects.toThrow(/scale must be > 0/);
  });
});
