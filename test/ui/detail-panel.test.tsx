// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLabStore, LabProvider, type JobRow } from '../../src/store';
import { DetailPanel } from '../../src/ui/panels/DetailPanel';
import { record, sweep } from './analysis-records';

vi.mock('../../src/ui/run/weights', () => ({
  downloadTrainedWeights: vi.fn(async () => {
    throw new Error('Trained weights are not stored for this model.');
  }),
}));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function setup() {
  const store = createLabStore();
  const { container } = render(
    <LabProvider store={store}>
      <DetailPanel />
    </LabProvider>,
  );
  return { store, q: within(container), container };
}

describe('model detail panel', () => {
  it('asks to pick a model when none is selected', () => {
    const { q } = setup();
    expect(q.getByText(/Click a point on a plot/)).toBeTruthy();
  });

  it('shows provenance, complexity, architecture and the training curve of a selected record', () => {
    const { store, q, container } = setup();
    act(() => {
      store.setState({
        sweeps: [sweep('sw-a', 'A')],
        records: [record({ id: 'm1', error: 0.27, complexity: { flops: 2.5e6 } })],
      });
      store.getState().selectModel('m1');
    });
    const rows = Object.fromEntries(
      [...container.querySelectorAll('.provenance-row')].map((row) => [
        row.querySelector('dt')!.textContent,
        row.querySelector('dd')!.textContent,
      ]),
    );
    expect(rows).toMatchObject({
      status: 'done',
      'test error': '27.00%',
      'data set': 'fashion-mnist · 12,000 train / 2,000 test · 28 px',
      epochs: '2',
      seed: '7',
      backend: 'webgpu · Test GPU',
      finished: '2025-02-01T10:00:00.000Z',
    });
    expect(container.querySelector('[data-metric=flops] .metric-exact')!.textContent).toBe('2,500,000');
    const errorChart = q.getByRole('img', { name: 'Error per epoch of m1' });
    expect(errorChart.querySelectorAll('.curve-line')).toHaveLength(2); // train and test error
    const lossChart = q.getByRole('img', { name: 'Training loss per epoch of m1' });
    expect(lossChart.querySelectorAll('.curve-line')).toHaveLength(1);
    // Data-table alternative of the error curve: epoch 2 has train 30.00%, test 27.00%.
    const table = errorChart.closest('figure')!.querySelector('table')!;
    expect(table.textContent).toContain('30.00%');
    expect(table.textContent).toContain('27.00%');
    expect(container.querySelectorAll('svg[role=img]').length).toBeGreaterThanOrEqual(3);
  });

  it('Export config JSON downloads the model config', async () => {
    const { store, q } = setup();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    act(() => {
      store.setState({ records: [record({ id: 'm1' })] });
      store.getState().selectModel('m1');
    });
    fireEvent.click(q.getByRole('button', { name: 'Export config JSON' }));
    expect(blobs).toHaveLength(1);
    const doc = JSON.parse(await blobs[0].text());
    expect(doc.schema).toBe('dslab.model-config');
    expect(doc.network.stages.map((s: { width: number }) => s.width)).toEqual([16, 32, 64, 128]);
  });

  it('Export weights shows a failure as a message', async () => {
    const { store, q } = setup();
    act(() => {
      store.setState({ records: [record({ id: 'm1' })] });
      store.getState().selectModel('m1');
    });
    fireEvent.click(q.getByRole('button', { name: 'Export weights' }));
    await waitFor(() =>
      expect(store.getState().messages.map((m) => m.text)).toEqual([
        'Export weights failed: Trained weights are not stored for this model.',
      ]),
    );
  });

  it('shows a job that is still training, found by job id', () => {
    const { store, q, container } = setup();
    const r = record({ id: 'x' });
    const job: JobRow = {
      id: 'job-3',
      sweepId: 'sw-a',
      index: 3,
      config: r.config,
      status: 'running',
      progress: 0.5,
      epoch: 1,
      loss: 1.1,
      error: null,
      imagesPerSec: 900,
      backend: 'webgl',
    };
    act(() => {
      store.setState({ jobs: [job] });
      store.getState().selectModel('job-3');
    });
    expect(q.getByText(/training curve appears when this model finishes/)).toBeTruthy();
    expect(container.querySelector('.provenance')!.textContent).toContain('50% · epoch 1');
    expect((q.getByRole('button', { name: 'Export weights' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
