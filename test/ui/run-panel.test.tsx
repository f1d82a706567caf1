// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createLabStore, LabProvider } from '../../src/store';
import { RunPanel } from '../../src/ui/panels/RunPanel';
import { resultsJson } from '../../src/ui/run/results-io';
import { attachRunner } from '../../src/ui/run/runner-registry';
import { record } from './analysis-records';
import { doneResult, fakeWorkers, settle } from './run-fakes';

afterEach(cleanup);

function setup() {
  const store = createLabStore();
  store.getState().setSweep({ n: 2, epochs: 1, warmupEpochs: 0, trainSize: 256 });
  const fake = fakeWorkers();
  const runner = attachRunner(store, { spawn: fake.spawn, progressHz: 1000 });
  const { container } = render(
    <LabProvider store={store}>
      <RunPanel />
    </LabProvider>,
  );
  const q = within(container);
  const importFile = async (name: string, text: string) => {
    await act(async () => {
      fireEvent.change(q.getByLabelText('results file'), {
        target: { files: [new File([text], name, { type: 'application/json' })] },
      });
    });
    await act(() => settle());
  };
  return { store, fake, runner, q, importFile };
}

const messages = (store: ReturnType<typeof createLabStore>) => store.getState().messages.map((m) => m.text);

describe('Run panel', () => {
  it('shows Run, Pause, Step, Stop with shortcuts, the backend menu, and the import/export buttons', () => {
    const { q } = setup();
    for (const name of ['Run', 'Pause', 'Step', 'Stop']) {
      const b = q.getByRole('button', { name });
      expect(b.getAttribute('aria-keyshortcuts')).toMatch(/^Alt\+[A-Z]$/);
    }
    expect((q.getByRole('button', { name: 'Run' }) as HTMLButtonElement).disabled).toBe(false);
    expect((q.getByRole('button', { name: 'Pause' }) as HTMLButtonElement).disabled).toBe(true);
    const backend = q.getByRole('combobox', { name: 'Backend' }) as HTMLSelectElement;
    expect([...backend.options].map((o) => o.value)).toEqual(['auto', 'webgpu', 'webgl', 'wasm', 'cpu']);
    for (const name of ['Export results JSON', 'Export results CSV', 'Import results'])
      expect(q.getByRole('button', { name })).toBeTruthy();
  });

  it('Run fills the queue table; progress bars and the study progress follow; a row click selects the model', async () => {
    const { store, fake, q } = setup();
    fireEvent.change(q.getByRole('combobox', { name: 'Backend' }), { target: { value: 'wasm' } });
    expect(store.getState().backend).toBe('wasm');
    await act(async () => {
      fireEvent.click(q.getByRole('button', { name: 'Run' }));
      await settle();
    });
    const table = q.getByRole('table', { name: 'Queue' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect((q.getByRole('button', { name: 'Pause' }) as HTMLButtonElement).disabled).toBe(false);
    await act(async () => {
      fake.runs[0].finish(doneResult(40));
      await settle();
    });
    const study = q.getByRole('progressbar', { name: 'Study progress' });
    expect(study.getAttribute('aria-valuenow')).toBe('1');
    expect(study.getAttribute('aria-valuemax')).toBe('2');
    expect(q.getByRole('progressbar', { name: 'model 1 progress' }).getAttribute('aria-valuenow')).toBe(
      '100',
    );
    expect(within(table).getByText('40.0%')).toBeTruthy();
    fireEvent.click(within(table).getAllByRole('row')[1]);
    expect(store.getState().selectedModelId).toBe(store.getState().jobs[0].id);
  });

  it('Alt+P pauses while running; plain letters typed do nothing', async () => {
    const { store } = setup();
    await act(async () => {
      fireEvent.keyDown(window, { key: 'r', code: 'KeyR' });
      await settle();
    });
    expect(store.getState().runState).toBe('idle');
    await act(async () => {
      fireEvent.keyDown(window, { key: 'r', code: 'KeyR', altKey: true });
      await settle();
    });
    expect(store.getState().runState).toBe('running');
    act(() => {
      fireEvent.keyDown(window, { key: 'p', code: 'KeyP', altKey: true });
    });
    expect(store.getState().runState).toBe('paused');
  });

  it('a malformed results file gives a message naming the problem and keeps the existing records', async () => {
    const { store, importFile } = setup();
    act(() => store.getState().addRecords([record({ id: 'keep' })]));
    await importFile('broken.json', '{"schema": "dslab.results", "version": 1, "records": [');
    expect(store.getState().records.map((r) => r.id)).toEqual(['keep']);
    const text = messages(store).join('\n');
    expect(text).toMatch(/Cannot import broken\.json/);
    await importFile('other.json', '{"schema": "something.else", "version": 1}');
    expect(messages(store).join('\n')).toMatch(/Cannot import other\.json/);
    expect(store.getState().records.map((r) => r.id)).toEqual(['keep']);
  });

  it('an exported results file imports back: sweeps and records, duplicates replaced', async () => {
    const { store, importFile } = setup();
    const sweep = {
      id: 'sw-a',
      name: 'AnyNetX_A',
      space: { baseId: 'anynetx_a', constraints: ['shared-b'] },
      settings: { ...store.getState().sweep },
      createdAt: '2024-01-01T00:00:00.000Z',
      data: 'fashion-mnist',
    };
    const text = resultsJson({ sweeps: [sweep], records: [record({ id: 'a', error: 0.2 })] });
    act(() => store.getState().addRecords([record({ id: 'a', error: 0.9 }), record({ id: 'b' })]));
    await importFile('results.json', text);
    const s = store.getState();
    expect(s.records.map((r) => [r.id, r.error])).toEqual([
      ['a', 0.2],
      ['b', 0.3],
    ]);
    expect(s.sweeps).toEqual([sweep]);
  });

  it('Clear results asks first', async () => {
    const store = createLabStore();
    store.getState().addRecords([record({ id: 'a' })]);
    attachRunner(store, { spawn: fakeWorkers().spawn });
    const { container } = render(
      <LabProvider store={store}>
        <RunPanel />
      </LabProvider>,
    );
    const button = within(container).getByRole('button', { name: 'Clear results' });
    const confirmSpy = globalThis.window as unknown as { confirm: (q: string) => boolean };
    const original = confirmSpy.confirm;
    confirmSpy.confirm = () => false;
    fireEvent.click(button);
    expect(store.getState().records).toHaveLength(1);
    confirmSpy.confirm = () => true;
    fireEvent.click(button);
    await waitFor(() => expect(store.getState().records).toHaveLength(0));
    confirmSpy.confirm = original;
  });
});
