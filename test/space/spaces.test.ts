import { describe, expect, it } from 'vitest';
import {
  constraintKey,
  INCREASING_D,
  INCREASING_W,
  quantizedLinear,
  rangeConstraint,
  SHARED_B,
  SHARED_G,
} from '../../src/space/constraints';
import { designKeys, rangeParams, type AnyNetSpace } from '../../src/space/design-space';
import { domainValues } from '../../src/space/domains';
import {
  childSpace,
  findSpace,
  getSpace,
  SPACE_IDS,
  SPACES,
  spaceProblems,
  withConstraint,
  withoutConstraint,
  withRange,
} from '../../src/space/spaces';

const A = getSpace('anynetx_a');

describe('built-in design spaces', () => {
  it('has the paper’s seven spaces', () => {
    expect(SPACE_IDS).toEqual([
      'anynetx_a',
      'anynetx_b',
      'anynetx_c',
      'anynetx_d',
      'anynetx_e',
      'regnetx',
      'regnety',
    ]);
    for (const s of SPACES) expect(spaceProblems(s)).toEqual([]);
  });

  it('AnyNetX: 4 stages, d 1..16, w 8..1024 step 8, b in {1,2,4}, g in {1,...,32}, stride 2, stem 32', () => {
    if (A.kind !== 'anynet') throw new Error('AnyNetX_A must be an AnyNet space');
    expect(A.stages).toBe(4);
    expect(A.stride).toBe(2);
    expect(A.stemWidth).toBe(32);
    expect(domainValues(A.domains.d)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(domainValues(A.domains.w)).toEqual(Array.from({ length: 128 }, (_, i) => 8 * (i + 1)));
    expect(domainValues(A.domains.b)).toEqual([1, 2, 4]);
    expect(domainValues(A.domains.g)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(A.domains.d.dist).toBe('log_uniform');
    expect(A.domains.w.dist).toBe('log_uniform');
  });

  it('B..E add shared b, shared g, increasing widths, increasing depths in turn', () => {
    const keys = (id: string) => getSpace(id).constraints.map(constraintKey);
    expect(keys('anynetx_a')).toEqual([]);
    expect(keys('anynetx_b')).toEqual(['shared-b']);
    expect(keys('anynetx_c')).toEqual(['shared-b', 'shared-g']);
    expect(keys('anynetx_d')).toEqual(['shared-b', 'shared-g', 'increasing-w']);
    expect(keys('anynetx_e')).toEqual(['shared-b', 'shared-g', 'increasing-w', 'increasing-d']);
  });

  it('RegNetX/Y use the pycls regnet_sampler ranges and differ only in SE', () => {
    const x = getSpace('regnetx');
    const y = getSpace('regnety');
    if (x.kind !== 'regnet' || y.kind !== 'regnet') throw new Error('RegNet spaces expected');
    expect(x.seRatio).toBe(0);
    expect(y.seRatio).toBe(0.25);
    expect(x.domains).toEqual(y.domains);
    expect(x.domains.d).toEqual({ dist: 'uniform', lo: 12, hi: 28, q: 1 });
    expect(x.domains.w0).toEqual({ dist: 'log_uniform', lo: 8, hi: 256, q: 8 });
    expect(x.domains.wa).toEqual({ dist: 'log_uniform', lo: 8, hi: 256, q: 0.1 });
    expect(x.domains.wm).toEqual({ dist: 'log_uniform', lo: 2, hi: 3, q: 0.001 });
    expect(x.domains.g).toEqual({ dist: 'power2_or_log_uniform', lo: 8, hi: 128, q: 8 });
    expect(domainValues(x.domains.b)).toEqual([1]);
    expect(x.constraints).toEqual([quantizedLinear(4)]);
    expect(designKeys(x)).toEqual(['d', 'w0', 'wa', 'wm', 'g', 'b']);
  });

  it('spaces are plain JSON data', () => {
    for (const s of SPACES) expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('getSpace explains unknown ids', () => {
    expect(findSpace('AnyNetX_C')?.id).toBe('anynetx_c');
    expect(() => getSpace('anynetx_z')).toThrow(
      /Unknown design space 'anynetx_z'; choose one of anynetx_a, .*regnety/,
    );
  });

  it('range parameters include design keys, bare families (AnyNet) and complexity', () => {
    expect(rangeParams(A)).toEqual(
      expect.arrayContaining(['d1', 'w4', 'b2', 'g3', 'd', 'w', 'b', 'g', 'flops', 'params', 'acts']),
    );
    expect(rangeParams(getSpace('regnetx'))).toEqual([
      'd',
      'w0',
      'wa',
      'wm',
      'g',
      'b',
      'flops',
      'params',
      'acts',
    ]);
  });
});

describe('deriving spaces', () => {
  it('switching the paper chips on walks A -> B -> C -> D -> E', () => {
    let s = A;
    const ids = [s.id];
    for (const c of [SHARED_B, SHARED_G, INCREASING_W, INCREASING_D]) {
      s = withConstraint(s, c);
      ids.push(s.id);
    }
    expect(ids).toEqual(['anynetx_a', 'anynetx_b', 'anynetx_c', 'anynetx_d', 'anynetx_e']);
    expect(s).toEqual(getSpace('anynetx_e'));
  });

  it('matches built-ins whatever the order, and switching off undoes switching on', () => {
    expect(withConstraint(withConstraint(A, SHARED_G), SHARED_B).id).toBe('anynetx_c');
    expect(withoutConstraint(getSpace('anynetx_e'), INCREASING_D).id).toBe('anynetx_d');
    const narrowed = withConstraint(A, INCREASING_D);
    expect(narrowed.id).toBe('anynetx_a+increasing-d');
    expect(narrowed.parent).toBe('anynetx_a');
    expect(withoutConstraint(narrowed, 'increasing-d')).toEqual(A);
  });

  it('adding a present constraint or removing an absent one changes nothing', () => {
    const B = getSpace('anynetx_b');
    expect(withConstraint(B, SHARED_B)).toBe(B);
    expect(withoutConstraint(B, SHARED_G)).toBe(B);
  });

  it('refuses constraints that do not fit the space, with the reason', () => {
    expect(() => withConstraint(A, quantizedLinear(4))).toThrow(/quantized linear.*RegNet spaces only/);
    expect(() => withConstraint(getSpace('regnetx'), SHARED_G)).toThrow(/AnyNet spaces only/);
    expect(() => withConstraint(A, rangeConstraint('w0', 8, 64))).toThrow(/no parameter 'w0'/);
  });

  it('withRange keeps one range per parameter (a brush being dragged)', () => {
    const s = withRange(withRange(A, 'w1', 8, 64), 'w1', 16, 32);
    expect(s.constraints).toEqual([rangeConstraint('w1', 16, 32)]);
    expect(withRange(s, 'flops', 1e8, 2e8).constraints).toHaveLength(2);
  });

  it('childSpace appends constraints, names the child and points at the parent', () => {
    const D = getSpace('anynetx_d');
    const child = childSpace(D, [rangeConstraint('w4', 256, 1024), SHARED_B]);
    expect(child.parent).toBe('anynetx_d');
    expect(child.id).toBe('anynetx_d+w4=256..1024');
    expect(child.label).toBe('AnyNetX_D + 256 ≤ w4 ≤ 1024');
    expect(child.constraints.map(constraintKey)).toEqual([
      'shared-b',
      'shared-g',
      'increasing-w',
      'w4=256..1024',
    ]);
    expect(childSpace(D, [], { id: 'mine', label: 'Mine' })).toMatchObject({
      id: 'mine',
      label: 'Mine',
      parent: 'anynetx_d',
    });
    expect(() => childSpace(D, [rangeConstraint('flops', 2, 1)])).toThrow(/swap/);
  });

  it('spaceProblems reports a broken space', () => {
    const a = A as AnyNetSpace;
    const broken: AnyNetSpace = {
      ...a,
      stages: 0,
      domains: { ...a.domains, w: { dist: 'log_uniform', lo: 0, hi: 8, q: 8 } },
    };
    const problems = spaceProblems(broken).join(' ');
    expect(problems).toMatch(/Domain of 'w'.*low must be > 0/);
    expect(problems).toMatch(/stages must be a positive integer/);
  });
});
