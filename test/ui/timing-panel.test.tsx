// @vitest-environment happy-dom
import { act, cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createLabStore, LabProvider } from '../../src/store';
import { TimingPanel } from '../../src/ui/panels/TimingPanel';
import { record, sweep } from './analysis-records';

afterEach(cleanup);

function setup() {
  const store = createLabStore();
  const { container } = render(
    <LabProvider store={store}>
      <TimingPanel />
    </LabProvider>,
  );
  return { store, q: within(container), container };
}

const titles = (container: HTMLElement) =>
  [...container.querySelectorAll('.timing-title')].map((t) => t.textContent);

describe('complexity vs time panel', () => {
  it('explains what will appear before any model finishes', () => {
    const { q } = setup();
    expect(q.getByText(/activations predict run time better than flops/)).toBeTruthy();
  });

  it('prints the Spearman rho of each plot, computed by hand for a tiny case', () => {
    const { store, container, q } = setup();
    // Inference time rises with flops (same order: rho 1) and falls with acts (reversed order: rho -1).
    // Training ms per image = 1000 / images per second: 1, 2, 4, rising with flops too.
    const rows = [
      { flops: 1e6, acts: 9e4, ms: 0.1, ips: 1000 },
      { flops: 2e6, acts: 8e4, ms: 0.2, ips: 500 },
      { flops: 3e6, acts: 7e4, ms: 0.3, ips: 250 },
    ];
    act(() =>
      store.setState({
        sweeps: [sweep('sw-a', 'A')],
        records: rows.map((r, i) =>
          record({
            id: `m${i}`,
            complexity: { flops: r.flops, acts: r.acts },
            timings: { inferenceMsPerImage: r.ms, imagesPerSec: r.ips },
          }),
        ),
      }),
    );
    expect(titles(container)).toEqual([
      'inference ms / image vs flops · Spearman ρ = 1.00',
      'inference ms / image vs acts · Spearman ρ = -1.00',
      'training ms / image vs flops · Spearman ρ = 1.00',
      'training ms / image vs acts · Spearman ρ = -1.00',
    ]);
    expect(
      q.getByRole('img', { name: /^inference ms \/ image vs flops: 3 models, Spearman ρ = 1.00/ }),
    ).toBeTruthy();
  });

  it('says how many models lack a measurement and prints n/a when rho is undefined', () => {
    const { store, container } = setup();
    act(() =>
      store.setState({
        sweeps: [sweep('sw-a', 'A')],
        records: [
          record({ id: 'm0', timings: { inferenceMsPerImage: 0.1, imagesPerSec: null } }),
          record({ id: 'm1', timings: { inferenceMsPerImage: null, imagesPerSec: null } }),
        ],
      }),
    );
    expect(titles(container)[0]).toBe('inference ms / image vs flops · Spearman ρ n/a · 1 not measured');
    expect(titles(container)[2]).toBe('training ms / image vs flops · Spearman ρ n/a · 2 not measured');
  });
});
