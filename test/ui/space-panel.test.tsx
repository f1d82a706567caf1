// @vitest-environment happy-dom
import { cleanup, fireEvent, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createLabStore, LabProvider } from '../../src/store';
import { SpacePanel } from '../../src/ui/panels/SpacePanel';

afterEach(cleanup);

function setup() {
  const store = createLabStore();
  const { container } = render(
    <LabProvider store={store}>
      <SpacePanel />
    </LabProvider>,
  );
  return { store, q: within(container) };
}

type Q = ReturnType<typeof setup>['q'];
const paper = (q: Q) => q.getByTestId('paper-size').textContent;
const exact = (q: Q) => q.getByTestId('exact-size').textContent;
const chip = (q: Q, name: string) => q.getByRole('button', { name: new RegExp(`${name}$`) });

describe('design-space panel', () => {
  it('shows the AnyNetX_A size as powers of ten: (16·128·3·6)^4 ≈ 1.8e18', () => {
    const { q } = setup();
    expect(paper(q)).toContain('10^18.3');
    expect(exact(q)).toContain('10^18.3');
    expect(q.getByTestId('space-label').textContent).toBe('AnyNetX_A');
  });

  it('chips toggle on and off and the size follows (paper Table 1)', () => {
    const { q } = setup();
    const sharedB = chip(q, 'shared b');
    expect(sharedB.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(sharedB);
    expect(chip(q, 'shared b').getAttribute('aria-pressed')).toBe('true');
    expect(q.getByTestId('space-label').textContent).toBe('AnyNetX_B');
    expect(paper(q)).toContain('10^16.8'); // 6.8e16
    fireEvent.click(chip(q, 'shared g'));
    expect(paper(q)).toContain('10^14.5'); // 3.2e14
    fireEvent.click(chip(q, 'increasing widths'));
    expect(paper(q)).toContain('10^13.1'); // 1.3e13
    fireEvent.click(chip(q, 'increasing depths'));
    expect(paper(q)).toContain('10^11.7'); // 5.5e11
    expect(q.getByTestId('space-label').textContent).toBe('AnyNetX_E');
    fireEvent.click(chip(q, 'increasing depths'));
    expect(chip(q, 'increasing depths').getAttribute('aria-pressed')).toBe('false');
    expect(paper(q)).toContain('10^13.1');
  });

  it('on a RegNet space quantized linear is on and the AnyNet chips are disabled', () => {
    const { q } = setup();
    fireEvent.change(q.getByRole('combobox', { name: 'base space' }), { target: { value: 'regnetx' } });
    expect(chip(q, 'quantized linear').getAttribute('aria-pressed')).toBe('true');
    expect((chip(q, 'shared b') as HTMLButtonElement).disabled).toBe(true);
    expect(paper(q)).toContain('10^8.5'); // 3.0e8
    expect(q.getByText(/Not in the counts.*quantized linear, 4 stages/)).toBeTruthy();
  });

  it('regime presets fill the band and the estimate follows the sweep settings', () => {
    const { q, store } = setup();
    fireEvent.change(q.getByRole('combobox', { name: 'complexity regime' }), { target: { value: '400MF' } });
    expect((q.getByRole('spinbutton', { name: 'flops min (MF)' }) as HTMLInputElement).value).toBe('360');
    expect((q.getByRole('spinbutton', { name: 'flops max (MF)' }) as HTMLInputElement).value).toBe('400');
    expect(store.getState().sweep.shape).toBe('imagenet');
    // 16 × 3 × 12,000 images at the assumed 1,000 images/s = 576 s.
    expect(q.getByTestId('study-time').textContent).toBe('≈ 9 min 36 s');
    fireEvent.change(q.getByRole('spinbutton', { name: 'models' }), { target: { value: '4' } });
    expect(store.getState().sweep.n).toBe(4);
    expect(q.getByTestId('study-time').textContent).toBe('≈ 2 min 24 s');
    expect(q.getByText(/assumed speed/)).toBeTruthy();
  });

  it('epochs default to 3 with 1 warm-up epoch; warm-up cannot exceed epochs', () => {
    const { q, store } = setup();
    expect((q.getByRole('spinbutton', { name: 'epochs' }) as HTMLInputElement).value).toBe('3');
    expect((q.getByRole('spinbutton', { name: 'warm-up epochs' }) as HTMLInputElement).value).toBe('1');
    fireEvent.change(q.getByRole('spinbutton', { name: 'warm-up epochs' }), { target: { value: '7' } });
    expect(store.getState().sweep.warmupEpochs).toBe(3);
  });
});
