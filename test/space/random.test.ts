import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainLaw, domainValues, type Domain } from '../../src/space/domains';
import {
  choiceDraw,
  createRng,
  decimalMultiple,
  decimalPlaces,
  logUniform,
  logUniformDraw,
  power2OrLogUniform,
  power2Uniform,
  quantize,
  uniform,
} from '../../src/space/random';

const M32 = 0xffffffffn;

/** sfc32 + splitmix32 re-derived in BigInt arithmetic mod 2^32, independent of JS int32 tricks. */
function referenceStream(seed: number, count: number): number[] {
  let s = BigInt(seed >>> 0);
  const mix = () => {
    s = (s + 0x9e3779b9n) & M32;
    let z = s;
    z = ((z ^ (z >> 16n)) * 0x21f0aaadn) & M32;
    z = ((z ^ (z >> 15n)) * 0x735a2d97n) & M32;
    return (z ^ (z >> 15n)) & M32;
  };
  let [a, b, c, d] = [mix(), mix(), mix(), mix()];
  const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (32n - r))) & M32;
  const next = () => {
    const t = (a + b + d) & M32;
    d = (d + 1n) & M32;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & M32;
    c = (rotl(c, 21n) + t) & M32;
    return Number(t);
  };
  for (let i = 0; i < 12; i++) next();
  return Array.from({ length: count }, next);
}

describe('createRng', () => {
  it('matches a BigInt re-derivation of sfc32 seeded by splitmix32 (pure 32-bit integer math)', () => {
    for (const seed of [0, 1, 42, 123456789, 2 ** 31 + 5]) {
      const rng = createRng(seed);
      expect(Array.from({ length: 64 }, () => rng.nextUint32())).toEqual(referenceStream(seed, 64));
    }
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const take = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    expect(take(0)).not.toEqual(take(2 ** 32)); // the high word of the seed counts too
  });

  it('draws floats in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const x = rng.next();
          if (!(x >= 0 && x < 1)) return false;
        }
        return true;
      }),
      { numRuns: 50 },
    );
  });

  it('rejects a non-integer seed with a clear message', () => {
    expect(() => createRng(1.5)).toThrow(/seed must be an integer/);
    expect(() => createRng(Number.NaN)).toThrow(/seed must be an integer/);
  });
});

describe('decimal-exact quantization', () => {
  it('builds n * q in decimal as pycls does with Decimal', () => {
    expect(decimalMultiple(0.1)(3)).toBe(0.3);
    expect(3 * 0.1).not.toBe(0.3); // the float product that pycls avoids
    expect(decimalMultiple(0.1)(364)).toBe(36.4);
    expect(decimalMultiple(0.001)(2490)).toBe(2.49);
    expect(decimalMultiple(8)(3)).toBe(24);
    expect(quantize(36.44, 0.1, Math.floor)).toBe(36.4);
    expect(quantize(36.41, 0.1, Math.ceil)).toBe(36.5);
  });

  it('counts decimal places, also in exponent notation', () => {
    expect(decimalPlaces(8)).toBe(0);
    expect(decimalPlaces(0.1)).toBe(1);
    expect(decimalPlaces(0.001)).toBe(3);
    expect(decimalPlaces(1e-7)).toBe(7);
    expect(decimalPlaces(1.25e-7)).toBe(9);
  });
});

/** A valid (low, high, q) on a decimal grid: q in {0.001, 0.1, 1, 8}, ends multiples of q. */
const gridRange = (positive: boolean) =>
  fc
    .record({
      q: fc.constantFrom(0.001, 0.1, 1, 8),
      a: fc.integer({ min: positive ? 1 : 0, max: 400 }),
      span: fc.integer({ min: 0, max: 400 }),
    })
    .map(({ q, a, span }) => ({ q, lo: decimalMultiple(q)(a), hi: decimalMultiple(q)(a + span) }));

const onGrid = (v: number, q: number) => Math.abs(v / q - Math.round(v / q)) < 1e-9;
const isPowerOfTwo = (v: number) => v > 0 && 2 ** Math.round(Math.log2(v)) === v;

describe('pycls primitives (properties)', () => {
  it('uniform stays in [lo, hi] on multiples of q', () => {
    fc.assert(
      fc.property(gridRange(false), fc.integer(), ({ lo, hi, q }, seed) => {
        const rng = createRng(seed);
        for (let i = 0; i < 30; i++) {
          const v = uniform(rng, lo, hi, q);
          if (!(v >= lo && v <= hi && onGrid(v, q))) return false;
        }
        return true;
      }),
    );
  });

  it('log_uniform stays in [lo, hi] on multiples of q and only produces domain values', () => {
    fc.assert(
      fc.property(gridRange(true), fc.integer(), ({ lo, hi, q }, seed) => {
        const rng = createRng(seed);
        const values = new Set(domainValues({ dist: 'log_uniform', lo, hi, q }));
        for (let i = 0; i < 30; i++) {
          const v = logUniform(rng, lo, hi, q);
          if (!(v >= lo && v <= hi && onGrid(v, q) && values.has(v))) return false;
        }
        return true;
      }),
    );
  });

  it('power2_uniform gives powers of two inside the range', () => {
    const powers = fc
      .tuple(fc.integer({ min: -3, max: 10 }), fc.integer({ min: 0, max: 6 }))
      .map(([e, span]) => ({ lo: 2 ** e, hi: 2 ** (e + span) }));
    fc.assert(
      fc.property(powers, fc.integer(), ({ lo, hi }, seed) => {
        const rng = createRng(seed);
        for (let i = 0; i < 30; i++) {
          const v = power2Uniform(rng, lo, hi, lo);
          if (!(v >= lo && v <= hi && isPowerOfTwo(v))) return false;
        }
        return true;
      }),
    );
  });

  it('power2_or_log_uniform keeps small powers of two and redraws the rest as multiples of q', () => {
    const args = fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 6 }))
      .map(([e, span, qe]) => ({ lo: 2 ** e, hi: 2 ** (e + span), q: 2 ** qe }));
    fc.assert(
      fc.property(args, fc.integer(), ({ lo, hi, q }, seed) => {
        const rng = createRng(seed);
        for (let i = 0; i < 30; i++) {
          const v = power2OrLogUniform(rng, lo, hi, q);
          if (!(v >= lo && v <= hi)) return false;
          if (v < q ? !isPowerOfTwo(v) : !onGrid(v, Math.min(hi, q))) return false;
        }
        return true;
      }),
    );
  });

  it('RegNet group widths (8..128, q 8) are multiples of 8', () => {
    const rng = createRng(3);
    for (let i = 0; i < 500; i++) expect(power2OrLogUniform(rng, 8, 128, 8) % 8).toBe(0);
  });

  it('a single-value range always gives that value (pycls BOT_MUL [1, 1])', () => {
    const rng = createRng(1);
    for (let i = 0; i < 20; i++) {
      expect(power2Uniform(rng, 1, 1, 1 / 128)).toBe(1);
      expect(uniform(rng, 5, 5, 1)).toBe(5);
      expect(logUniform(rng, 8, 8, 8)).toBe(8);
    }
  });

  it('reaches both ends of the range', () => {
    const rng = createRng(9);
    const seen = new Set(Array.from({ length: 3000 }, () => logUniform(rng, 1, 16, 1)));
    expect(seen.has(1) && seen.has(16)).toBe(true);
    expect(seen.size).toBe(16);
  });

  it('validates its arguments with clear messages', () => {
    expect(() => logUniformDraw(0, 8, 1)).toThrow(/low must be > 0/);
    expect(() => uniform(createRng(0), 10, 1, 1)).toThrow(/low must be <= high/);
    expect(() => uniform(createRng(0), 1, 10, 3)).toThrow(/multiples of q/);
    expect(() => uniform(createRng(0), 1, 10, 0)).toThrow(/q must be > 0/);
    expect(() => power2Uniform(createRng(0), 3, 16, 1)).toThrow(/powers of two/);
    expect(() => choiceDraw([])).toThrow(/at least one value/);
  });
});

describe('domain laws', () => {
  it('log_uniform(1, 16, 1) gives depth 1 and 2 each mass ln 2 / ln 32 = 1/5 (hand-derived)', () => {
    const law = domainLaw({ dist: 'log_uniform', lo: 1, hi: 16, q: 1 });
    expect(law.values).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(law.masses[0]).toBeCloseTo(0.2, 12);
    expect(law.masses[1]).toBeCloseTo(0.2, 12);
    expect(law.masses[2]).toBeCloseTo(Math.log(1.5) / Math.log(32), 12);
  });

  it('log_uniform(8, 1024, 8) gives width 8 mass ln(8/4) / ln(1024/4) = 1/8', () => {
    expect(domainLaw({ dist: 'log_uniform', lo: 8, hi: 1024, q: 8 }).masses[0]).toBeCloseTo(1 / 8, 12);
  });

  const domains: Domain[] = [
    { dist: 'log_uniform', lo: 1, hi: 16, q: 1 },
    { dist: 'uniform', lo: 12, hi: 28, q: 1 },
    { dist: 'power2_or_log_uniform', lo: 1, hi: 32, q: 8 },
    { dist: 'choice', values: [1, 2, 4] },
  ];

  it.each(domains)('masses sum to 1 and match the sampler’s frequencies (%o)', (domain) => {
    const law = domainLaw(domain);
    expect(law.masses.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(law.values).toEqual(domainValues(domain));
    const rng = createRng(11);
    const n = 40_000;
    const counts = new Map<number, number>();
    const draw = (
      {
        log_uniform: () => logUniform(rng, 1, 16, 1),
        uniform: () => uniform(rng, 12, 28, 1),
        power2_or_log_uniform: () => power2OrLogUniform(rng, 1, 32, 8),
        choice: () => choiceDraw([1, 2, 4])(rng),
      } as Record<string, () => number>
    )[domain.dist];
    for (let i = 0; i < n; i++) {
      const v = draw();
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    law.values.forEach((v, i) => {
      const p = law.masses[i];
      const sd = Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs((counts.get(v) ?? 0) / n - p)).toBeLessThan(5 * sd + 1e-9);
    });
  });

  it('power2_or_log_uniform(8, 128, 8) (RegNet g) has 16 values 8..128', () => {
    expect(domainValues({ dist: 'power2_or_log_uniform', lo: 8, hi: 128, q: 8 })).toEqual(
      Array.from({ length: 16 }, (_, i) => 8 * (i + 1)),
    );
  });
});
