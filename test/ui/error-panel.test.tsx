// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createLabStore, LabProvider } from '../../src/store';
import { ErrorPanel } from '../../src/ui/panels/ErrorPanel';
import { REGNET_DESIGN, record, sweep } from './analysis-records';

afterEach(cleanup);

function setup() {
  const store = createLabStore();
  const { container } = render(
    <LabProvider store={store}>
      <ErrorPanel />
    </LabProvider>,
  );
  return { store, q: within(container), container };
}

type Q = ReturnType<typeof setup>['q'];
const scatterNames = (q: Q) =>
  q.getAllByRole('img', { name: /^Error vs / }).map((el) => el.getAttribute('aria-label'));

const anynetRecords = (sweepId = 'sw-a') =>
  [0.2, 0.3, 0.4, 0.5, 0.6].map((error, i) =>
    record({ id: `${sweepId}-${i}`, sweep: sweepId, error, complexity: { flops: (i + 1) * 1e6 } }),
  );

describe('error vs parameter panel', () => {
  it('explains what will appear before any model finishes', () => {
    const { q } = setup();
    expect(q.getByText(/one scatter per design parameter/)).toBeTruthy();
  });

  it('shows one scatter per AnyNetX_A parameter plus flops, params and acts', () => {
    const { store, q } = setup();
    act(() => store.setState({ sweeps: [sweep('sw-a', 'A')], records: anynetRecords() }));
    const stages = (p: string) => [1, 2, 3, 4].map((i) => `Error vs ${p}${i}`);
    expect(scatterNames(q)).toEqual([
      ...stages('d'),
      ...stages('w'),
      ...stages('b'),
      ...stages('g'),
      'Error vs flops',
      'Error vs params',
      'Error vs acts',
    ]);
  });

  it('shows b and g once for a space with shared b and g (AnyNetX_C)', () => {
    const { store, q } = setup();
    act(() => store.setState({ sweeps: [sweep('sw-a', 'C', 'anynetx_c')], records: anynetRecords() }));
    const names = scatterNames(q);
    expect(names).toContain('Error vs b');
    expect(names).toContain('Error vs g');
    expect(names).not.toContain('Error vs b1');
    expect(names).toHaveLength(4 + 4 + 1 + 1 + 3);
  });

  it('shows the RegNet parameters for a regnetx sweep', () => {
    const { store, q } = setup();
    const records = [0.2, 0.3].map((error, i) =>
      record({ id: `r${i}`, sweep: 'sw-r', space: 'regnetx', design: REGNET_DESIGN, error }),
    );
    act(() => store.setState({ sweeps: [sweep('sw-r', 'RegNetX', 'regnetx')], records }));
    expect(scatterNames(q)).toEqual(
      ['d', 'w0', 'wa', 'wm', 'g', 'b', 'flops', 'params', 'acts'].map((p) => `Error vs ${p}`),
    );
  });

  it('draws the bootstrap band and best line on every plot once enough models finished', () => {
    const { store, container } = setup();
    act(() => store.setState({ sweeps: [sweep('sw-a', 'A')], records: anynetRecords() }));
    expect(container.querySelectorAll('.bootstrap-best')).toHaveLength(19);
  });

  it('Apply brushes adds the brushed ranges, rounded outward to the grid, as constraints', () => {
    const { store, q } = setup();
    act(() => store.setState({ sweeps: [sweep('sw-a', 'A')], records: anynetRecords() }));
    const apply = q.getByRole('button', { name: 'Apply brushes' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    act(() => {
      store.getState().setBrush('w1', [70, 130]);
      store.getState().setBrush('d2', [1.4, 3.2]);
    });
    fireEvent.click(apply);
    // w on multiples of 8: 70 → 64, 130 → 136; d on integers: 1.4 → 1, 3.2 → 4.
    expect(store.getState().space.constraints).toEqual(['w1=64..136', 'd2=1..4']);
    expect(store.getState().brushes).toEqual({});
  });

  it('narrows the sweep it was drawn on even when another base space is current', () => {
    const { store, q } = setup();
    act(() => {
      store.getState().setBaseSpace('regnetx');
      store.setState({ sweeps: [sweep('sw-a', 'C', 'anynetx_c')], records: anynetRecords() });
      store.getState().setBrush('b', [1.5, 2.5]);
    });
    fireEvent.click(q.getByRole('button', { name: 'Apply brushes' }));
    // b takes values {1, 2, 4}: 1.5 widens down to 1 and 2.5 up to 4.
    expect(store.getState().space).toEqual({
      baseId: 'anynetx_c',
      constraints: ['shared-b', 'shared-g', 'b=1..4'],
    });
  });

  it('Clear brushes drops every brush', () => {
    const { store, q } = setup();
    act(() => {
      store.setState({ sweeps: [sweep('sw-a', 'A')], records: anynetRecords() });
      store.getState().setBrush('w1', [70, 130]);
    });
    expect(q.getByRole('img', { name: 'Error vs w1' }).querySelector('.brush-range')).toBeTruthy();
    fireEvent.click(q.getByRole('button', { name: 'Clear brushes' }));
    expect(store.getState().brushes).toEqual({});
  });

  it('clicking a point selects the model', () => {
    const { store, q } = setup();
    act(() => store.setState({ sweeps: [sweep('sw-a', 'A')], records: anynetRecords() }));
    const point = q.getByRole('img', { name: 'Error vs flops' }).querySelector('circle[data-id="sw-a-2"]')!;
    fireEvent.click(point);
    expect(store.getState().selectedModelId).toBe('sw-a-2');
  });

  it('picks the latest sweep by default and offers a picker', () => {
    const { store, q } = setup();
    act(() =>
      store.setState({
        sweeps: [
          sweep('old', 'Old', 'regnetx'),
          sweep('new', 'New', 'anynetx_a', { createdAt: '2025-03-01T00:00:00.000Z' }),
        ],
        records: [
          record({ id: 'r0', sweep: 'old', space: 'regnetx', design: REGNET_DESIGN }),
          ...anynetRecords('new'),
        ],
      }),
    );
    expect(scatterNames(q)).toContain('Error vs w1');
    fireEvent.change(q.getByRole('combobox', { name: 'sweep' }), { target: { value: 'old' } });
    expect(scatterNames(q)).toContain('Error vs w0');
    expect(scatterNames(q)).not.toContain('Error vs w1');
  });
});
