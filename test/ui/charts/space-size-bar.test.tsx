// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatSpaceSize, SpaceSizeBar, spaceBarFraction } from '../../../src/ui/charts/SpaceSizeBar';

afterEach(cleanup);

describe('SpaceSizeBar', () => {
  it('fills the bar on a log scale and says how much is left', () => {
    // 240 x 34 with margin {top 16, right 4, bottom 4, left 4}: bar 232 px; 10^9 of 10^18 is half the log bar.
    const { container, getByRole } = render(<SpaceSizeBar total={1e18} remaining={1e9} />);
    expect(Number(container.querySelector('.space-bar-fill')!.getAttribute('width'))).toBeCloseTo(116, 6);
    expect(getByRole('img').getAttribute('aria-label')).toBe(
      'design space: 10^9.0 of 10^18.0 (10^-9.0) remain.',
    );
  });

  it('formats small counts exactly and big ones as powers of ten', () => {
    expect(formatSpaceSize(123456)).toBe('123,456');
    expect(formatSpaceSize(2.5e7)).toBe('10^7.4');
    expect(spaceBarFraction(1000, 1)).toBe(0);
    expect(spaceBarFraction(1000, 1000)).toBe(1);
  });

  it('rejects a remaining size above the total', () => {
    expect(() => render(<SpaceSizeBar total={10} remaining={11} />)).toThrow(/between 0 and total/);
  });
});
