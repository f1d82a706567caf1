// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLabStore, LabProvider } from '../../src/store';
import { EdfPanel } from '../../src/ui/panels/EdfPanel';
import { record, sweep } from './analysis-records';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function setup() {
  const store = createLabStore();
  const { container } = render(
    <LabProvider store={store}>
      <EdfPanel />
    </LabProvider>,
  );
  return { store, q: within(container), container };
}

const legendRows = (container: HTMLElement) =>
  [...container.querySelectorAll('.edf-legend .legend-row')].map((row) => [
    row.querySelector('.legend-name')!.textContent,
    row.querySelector('.legend-stats')!.textContent,
  ]);

describe('EDF panel', () => {
  it('explains what will appear before any model finishes, with exports disabled', () => {
    const { q } = setup();
    expect(q.getByText(/error EDF of each sweep appears here/)).toBeTruthy();
    expect((q.getByRole('button', { name: 'Export EDF CSV' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows one curve per sweep with the hand-computed n | min | mean, finished models only', () => {
    const { store, q, container } = setup();
    act(() =>
      store.setState({
        sweeps: [sweep('sw-a', 'Alpha'), sweep('sw-b', 'Beta')],
        records: [
          record({ id: 'a1', error: 0.2 }),
          record({ id: 'a2', error: 0.3 }),
          record({ id: 'a3', error: 0.4 }),
          record({ id: 'a4', status: 'diverged' }),
          record({ id: 'b1', sweep: 'sw-b', error: 0.1 }),
          record({ id: 'b2', sweep: 'sw-b', error: 0.5 }),
        ],
      }),
    );
    // Alpha: n 3, min 20%, mean (0.2 + 0.3 + 0.4) / 3 = 30%. Beta: n 2, min 10%, mean 30%.
    expect(legendRows(container)).toEqual([
      ['Alpha', '3 | 20.0% | 30.0%'],
      ['Beta', '2 | 10.0% | 30.0%'],
    ]);
    const chart = q.getByRole('img', { name: /^Error EDF/ });
    expect(chart.getAttribute('aria-label')).toContain('Alpha: n 3');
    expect(container.querySelectorAll('.edf-line')).toHaveLength(2);
  });

  it('updates live as a model finishes', () => {
    const { store, container } = setup();
    act(() =>
      store.setState({ sweeps: [sweep('sw-a', 'Alpha')], records: [record({ id: 'a1', error: 0.2 })] }),
    );
    expect(legendRows(container)).toEqual([['Alpha', '1 | 20.0% | 20.0%']]);
    act(() => store.getState().addRecords([record({ id: 'a2', error: 0.4 })]));
    expect(legendRows(container)).toEqual([['Alpha', '2 | 20.0% | 30.0%']]);
  });

  it('draws a child sweep right after its parent', () => {
    const { store, container } = setup();
    act(() =>
      store.setState({
        sweeps: [
          sweep('p', 'Parent'),
          sweep('other', 'Other', 'regnetx'),
          sweep('c', 'Child', 'anynetx_a', { parentId: 'p' }),
        ],
        records: [
          record({ id: 'p1', sweep: 'p', error: 0.3 }),
          record({ id: 'o1', sweep: 'other', error: 0.3 }),
          record({ id: 'c1', sweep: 'c', error: 0.2 }),
        ],
      }),
    );
    expect(legendRows(container).map((r) => r[0])).toEqual(['Parent', '↳ Child', 'Other']);
  });

  it('the Normalized EDF checkbox reweights models to a uniform flops distribution', () => {
    const { store, q, container } = setup();
    act(() =>
      store.setState({
        sweeps: [sweep('sw-a', 'Alpha')],
        records: [
          record({ id: 'a1', error: 0.2, complexity: { flops: 1e6 } }),
          record({ id: 'a2', error: 0.3, complexity: { flops: 1e6 } }),
          record({ id: 'a3', error: 0.4, complexity: { flops: 3e6 } }),
        ],
      }),
    );
    expect(legendRows(container)).toEqual([['Alpha', '3 | 20.0% | 30.0%']]);
    fireEvent.click(q.getByRole('checkbox', { name: 'Normalized EDF' }));
    expect(store.getState().edfNormalized).toBe(true);
    // Flops range [1, 3] MF: 10..3 bins leave a bin empty; 2 bins hold {a1, a2} and {a3}, weights
    // 1/4, 1/4, 1/2, so the weighted mean is 0.05 + 0.075 + 0.2 = 32.5%.
    expect(legendRows(container)).toEqual([['Alpha', '3 | 20.0% | 32.5%']]);
    expect(q.getByRole('img', { name: /^Error EDF \(complexity-normalized\)/ })).toBeTruthy();
    expect(q.getByText(/in 2 bin\(s\)/)).toBeTruthy();
  });

  it('Export EDF CSV writes one row per curve point', async () => {
    const { store, q } = setup();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    act(() =>
      store.setState({
        sweeps: [sweep('sw-a', 'Alpha')],
        records: [record({ id: 'a1', error: 0.2 }), record({ id: 'a2', error: 0.4 })],
      }),
    );
    fireEvent.click(q.getByRole('button', { name: 'Export EDF CSV' }));
    expect(blobs).toHaveLength(1);
    expect(await blobs[0].text()).toBe('series,error,cumulative\nAlpha,0.2,0.5\nAlpha,0.4,1\n');
  });
});
