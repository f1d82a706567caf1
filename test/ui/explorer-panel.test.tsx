// @vitest-environment happy-dom
import { cleanup, fireEvent, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateModelConfig } from '../../src/io/parse';
import { createLabStore, LabProvider } from '../../src/store';
import { ExplorerPanel } from '../../src/ui/panels/ExplorerPanel';

afterEach(cleanup);

function setup() {
  const store = createLabStore();
  const { container } = render(
    <LabProvider store={store}>
      <ExplorerPanel />
    </LabProvider>,
  );
  return { store, explorer: within(container) };
}

type Q = ReturnType<typeof setup>['explorer'];

/** Column values of the stage table, by header text. */
function column(q: Q, header: string): number[] {
  const table = q.getByRole('table', { name: 'stages' });
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent);
  const index = headers.indexOf(header);
  expect(index, `column '${header}' in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  const rows = within(table).getAllByRole('row').slice(1);
  return rows.map((r) => Number(r.querySelectorAll('th, td')[index].textContent));
}

const metric = (q: Q, name: string) =>
  q.getByRole('group', { name: 'complexity' }).querySelector(`[data-metric=${name}] .metric-exact`)!
    .textContent;

const typeInto = (q: Q, name: string, value: string) =>
  fireEvent.change(q.getByLabelText(name), { target: { value } });

describe('RegNet explorer panel', () => {
  it('names its sliders as the issue asks', () => {
    const { explorer } = setup();
    for (const name of ['w0', 'wa', 'wm', 'depth', 'group width', 'bottleneck ratio']) {
      expect(explorer.getByRole('slider', { name })).toBeTruthy();
      expect(explorer.getByRole('spinbutton', { name: `${name} value` })).toBeTruthy();
    }
  });

  it('snapping to RegNetX-200MF shows its golden stages and flops (REGNET.md §4.2)', () => {
    const { explorer, store } = setup();
    store.getState().setExplorerParam('depth', 30);
    fireEvent.change(explorer.getByRole('combobox', { name: 'preset' }), {
      target: { value: 'RegNetX-200MF' },
    });
    expect(column(explorer, 'width')).toEqual([24, 56, 152, 368]);
    expect(column(explorer, 'depth')).toEqual([1, 1, 4, 7]);
    expect(column(explorer, 'group width')).toEqual([8, 8, 8, 8]);
    expect(metric(explorer, 'flops')).toBe('199,040,872');
    expect(metric(explorer, 'params')).toBe('2,684,792');
    expect(metric(explorer, 'acts')).toBe('2,164,056');
  });

  it('setting the sliders by hand to RegNetX-400MF, w0 last, shows 32, 64, 160, 384 and the raw widths', () => {
    const { explorer } = setup();
    typeInto(explorer, 'depth value', '22');
    typeInto(explorer, 'wa value', '24.48');
    typeInto(explorer, 'wm value', '2.54');
    typeInto(explorer, 'group width value', '16');
    fireEvent.change(explorer.getByRole('slider', { name: 'w0' }), { target: { value: '32' } });
    expect(column(explorer, 'width')).not.toEqual([32, 64, 160, 384]);
    fireEvent.change(explorer.getByRole('slider', { name: 'w0' }), { target: { value: '24' } });
    expect(column(explorer, 'width')).toEqual([32, 64, 160, 384]);
    expect(column(explorer, 'pre-compat width')).toEqual([24, 64, 152, 392]);
    expect(column(explorer, 'depth')).toEqual([1, 2, 7, 12]);
    expect(metric(explorer, 'flops')).toBe('397,678,568');
    expect((explorer.getByRole('combobox', { name: 'preset' }) as HTMLSelectElement).value).toBe(
      'RegNetX-400MF',
    );
    expect(explorer.getByText(/Group-width compatibility changed stage 1 24 → 32/)).toBeTruthy();
  });

  it('warns for w0 = 20 and keeps the page alive', () => {
    const { explorer } = setup();
    typeInto(explorer, 'w0 value', '20');
    expect(explorer.getByText(/w0 = 20 is not a multiple of 8/)).toBeTruthy();
    expect(explorer.queryByRole('table', { name: 'stages' })).toBeNull();
    expect(explorer.getByText(/No network for these parameters/)).toBeTruthy();
    typeInto(explorer, 'w0 value', '24');
    expect(column(explorer, 'width')).toEqual([24, 56, 152, 368]);
  });

  it('warns for a skipped stage and for not having 4 stages', () => {
    const { explorer } = setup();
    // d = 2, w0 = 8, wa = 200, wm = 2: u = [8, 208], k = [0, 5] (hand-derived).
    typeInto(explorer, 'depth value', '2');
    typeInto(explorer, 'w0 value', '8');
    typeInto(explorer, 'wa value', '200');
    typeInto(explorer, 'wm value', '2');
    const warnings = explorer.getByRole('list', { name: 'warnings' });
    expect(within(warnings).getByText(/A stage was skipped/)).toBeTruthy();
    expect(within(warnings).getByText(/timm cannot load it/)).toBeTruthy();
    expect(column(explorer, 'width')).toEqual([8, 256]);
  });

  it('wm <= 1 shows a warning instead of throwing', () => {
    const { explorer } = setup();
    typeInto(explorer, 'wm value', '1');
    expect(explorer.getByText(/wm must be > 1/)).toBeTruthy();
  });

  it('recounts complexity at the chosen resolution', () => {
    const { explorer } = setup();
    fireEvent.change(explorer.getByRole('combobox', { name: 'resolution' }), { target: { value: 'cifar' } });
    expect(explorer.getByText(/at 32×32 px, 3 channels, 10 classes/)).toBeTruthy();
    expect(metric(explorer, 'flops')).not.toBe('199,040,872');
  });

  it('Train this config queues the model config in the store', () => {
    const { explorer, store } = setup();
    fireEvent.click(explorer.getByRole('button', { name: 'Train this config' }));
    const pending = store.getState().pendingConfigs;
    expect(pending).toHaveLength(1);
    expect(pending[0].name).toBe('RegNetX-200MF');
    expect(pending[0].network.stages.map((s) => s.width)).toEqual([24, 56, 152, 368]);
    expect(explorer.getByText('1 config waiting for the Run panel.')).toBeTruthy();
  });

  it('Export JSON downloads a file that validates against the io schema', async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      const { explorer } = setup();
      fireEvent.click(explorer.getByRole('button', { name: 'Export JSON' }));
      expect(blobs).toHaveLength(1);
      const doc = validateModelConfig(JSON.parse(await blobs[0].text()));
      expect(doc.name).toBe('RegNetX-200MF');
      expect(doc.complexity.flops).toBe(199040872);
      expect(doc.regnet?.w0).toBe(24);
      expect(click).toHaveBeenCalledTimes(1);
    } finally {
      create.mockRestore();
      revoke.mockRestore();
      click.mockRestore();
    }
  });

  it('copies the timm arguments and shows what timm cannot take', async () => {
    const written: string[] = [];
    const clipboard = { writeText: async (t: string) => void written.push(t) };
    Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
    const { explorer } = setup();
    // d = 4, w0 = 8, wa = 8, wm = 2 gives 3 stages (hand-derived in test/store/explorer-view.test.ts).
    typeInto(explorer, 'depth value', '4');
    typeInto(explorer, 'w0 value', '8');
    typeInto(explorer, 'wa value', '8');
    typeInto(explorer, 'wm value', '2');
    fireEvent.click(explorer.getByRole('button', { name: 'Copy timm args' }));
    expect(await explorer.findByText(/timm args · copied to the clipboard/)).toBeTruthy();
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('RegNetCfg(depth=4, w0=8');
    expect(explorer.getAllByText(/needs exactly 4 stages/).length).toBeGreaterThan(0);
  });
});
