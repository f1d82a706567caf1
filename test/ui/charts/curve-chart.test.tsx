// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CurveChart, trainingCurves } from '../../../src/ui/charts/CurveChart';
import { pathVertices } from './svg-path';

afterEach(cleanup);

const history = [
  { epoch: 1, trainLoss: 2.1, trainError: 0.7, testError: 0.62 },
  { epoch: 2, trainLoss: 1.6, trainError: 0.55, testError: 0.5 },
  { epoch: 3, trainLoss: 1.3, trainError: 0.45 },
  { epoch: 4, trainLoss: 1.2, trainError: 0.4, testError: 0.41 },
];

describe('trainingCurves', () => {
  it('splits a history into loss and error series and skips missing values', () => {
    const { loss, error } = trainingCurves(history, 2);
    expect(loss).toEqual([
      {
        name: 'train loss',
        colorIndex: 2,
        dash: 'dashed',
        points: [
          { x: 1, y: 2.1 },
          { x: 2, y: 1.6 },
          { x: 3, y: 1.3 },
          { x: 4, y: 1.2 },
        ],
      },
    ]);
    expect(error.map((s) => s.name)).toEqual(['train error', 'test error']);
    expect(error[1].points.map((p) => p.x)).toEqual([1, 2, 4]);
  });
});

describe('CurveChart', () => {
  // 480 x 260 with margin {top 10, right 20, bottom 30, left 50}: plot 410 x 220.
  const margin = { top: 10, right: 20, bottom: 30, left: 50 };

  it('draws one line per series through its points', () => {
    const { error } = trainingCurves(history);
    const { container } = render(
      <CurveChart series={error} errorUnit="fraction" margin={margin} xDomain={[1, 4]} yDomain={[0, 1]} />,
    );
    const paths = [...container.querySelectorAll('path.curve-line')];
    expect(paths).toHaveLength(2);
    const test = pathVertices(paths[1].getAttribute('d')!);
    // epoch 1..4 over 410 px; error 0..1 over 220 px (top = 1)
    expect(test.map((v) => v.x)).toEqual([0, 410 / 3, 410].map((v) => expect.closeTo(v, 2)));
    expect(test[0].y).toBeCloseTo(220 * (1 - 0.62), 2);
    expect(paths[0].getAttribute('stroke-dasharray')).toBe('5 3');
    expect(paths[1].getAttribute('stroke-dasharray')).toBeNull();
  });

  it('labels each series with its minimum, pycls style', () => {
    const { error } = trainingCurves(history);
    const { container, getByRole } = render(<CurveChart series={error} errorUnit="fraction" />);
    const legend = container.querySelector('.curve-legend')!.textContent;
    expect(legend).toContain('train error 40.00%');
    expect(legend).toContain('test error 41.00%');
    expect(getByRole('img').getAttribute('aria-label')).toBe(
      'error per epoch: train error 4 points, minimum 40.00%; test error 3 points, minimum 41.00%.',
    );
  });

  it('puts a log2 axis at powers of two', () => {
    const series = [
      {
        name: 'err',
        points: [
          { x: 1, y: 3 },
          { x: 2, y: 40 },
        ],
      },
    ];
    const { container } = render(<CurveChart series={series} yScale="log2" />);
    const ticks = [...container.querySelectorAll('.axis-y .tick text')].map((t) => t.textContent);
    // [3, 40] snaps to [2, 64]
    expect(ticks).toEqual(['2', '4', '8', '16', '32', '64']);
  });

  it('stops a log2 error axis at 100%', () => {
    const series = [
      {
        name: 'err',
        points: [
          { x: 1, y: 0.28 },
          { x: 2, y: 0.9 },
        ],
      },
    ];
    const { container } = render(<CurveChart series={series} yScale="log2" errorUnit="fraction" />);
    const ticks = [...container.querySelectorAll('.axis-y .tick text')].map((t) => t.textContent);
    // [0.28, 0.9] snaps to [0.25, 1], not [0.25, 2]
    expect(ticks).toEqual(['25%', '50%', '100%']);
  });

  it('refuses non-positive values on a log2 axis', () => {
    const series = [{ name: 'loss', points: [{ x: 1, y: 0 }] }];
    expect(() => render(<CurveChart series={series} yScale="log2" />)).toThrow(
      /log2 y axis needs values > 0/,
    );
  });

  it('waits politely for the first epoch', () => {
    const { container } = render(<CurveChart series={[{ name: 'loss', points: [] }]} />);
    expect(container.textContent).toContain('Waiting for the first epoch');
  });
});
