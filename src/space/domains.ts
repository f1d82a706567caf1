import {
  choiceDraw,
  decimalMultiple,
  logUniformDraw,
  power2OrLogUniformDraw,
  power2UniformDraw,
  uniformDraw,
  type Draw,
} from './random';

/**
 * One design parameter's domain: its discrete set of values and how it is sampled
 * (pycls sweep distributions, REGNET.md §5.1). Plain data, so spaces serialize to JSON.
 */
export type Distribution = 'uniform' | 'log_uniform' | 'power2_uniform' | 'power2_or_log_uniform';

export type Domain =
  { dist: Distribution; lo: number; hi: number; q: number } | { dist: 'choice'; values: number[] };

export const uniformDomain = (lo: number, hi: number, q: number): Domain => ({ dist: 'uniform', lo, hi, q });
export const logUniformDomain = (lo: number, hi: number, q: number): Domain => ({
  dist: 'log_uniform',
  lo,
  hi,
  q,
});
export const choiceDomain = (values: number[]): Domain => ({ dist: 'choice', values });

/** The sampler for a domain, validated and prepared once. */
export function domainDraw(domain: Domain): Draw {
  switch (domain.dist) {
    case 'choice':
      return choiceDraw(domain.values);
    case 'uniform':
      return uniformDraw(domain.lo, domain.hi, domain.q);
    case 'log_uniform':
      return logUniformDraw(domain.lo, domain.hi, domain.q);
    case 'power2_uniform':
      return power2UniformDraw(domain.lo, domain.hi, domain.q);
    case 'power2_or_log_uniform':
      return power2OrLogUniformDraw(domain.lo, domain.hi, domain.q);
  }
}

/** Multiples of q in [lo, hi], built in decimal. */
function multiples(lo: number, hi: number, q: number): number[] {
  const multiple = decimalMultiple(q);
  const out: number[] = [];
  for (let n = Math.ceil(lo / q - 1e-9); n <= Math.floor(hi / q + 1e-9); n++) out.push(multiple(n));
  return out;
}

function powersOfTwo(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.round(Math.log2(lo)); 2 ** e <= hi; e++) out.push(2 ** e);
  return out;
}

/** Every value the domain's sampler can produce, ascending. */
export function domainValues(domain: Domain): number[] {
  domainDraw(domain); // validates
  let values: number[];
  switch (domain.dist) {
    case 'choice':
      values = domain.values;
      break;
    case 'uniform':
    case 'log_uniform':
      values = multiples(domain.lo, domain.hi, domain.q);
      break;
    case 'power2_uniform': {
      const multiple = decimalMultiple(domain.q);
      values = powersOfTwo(domain.lo, domain.hi).map((p) => multiple(Math.floor(p / domain.q)));
      break;
    }
    case 'power2_or_log_uniform': {
      const { lo, hi, q } = domain;
      const small = powersOfTwo(lo, hi).filter((p) => p < q);
      values = [...small, ...multiples(Math.max(lo, q), hi, Math.min(hi, q))];
      break;
    }
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

/** A discrete probability law: ascending values and their masses (summing to 1). */
export interface DiscreteLaw {
  values: number[];
  masses: number[];
}

/** Merges (value, mass) pairs into an ascending law. */
export function lawOf(pairs: [number, number][]): DiscreteLaw {
  const merged = new Map<number, number>();
  for (const [v, m] of pairs) merged.set(v, (merged.get(v) ?? 0) + m);
  const values = [...merged.keys()].sort((a, b) => a - b);
  return { values, masses: values.map((v) => merged.get(v)!) };
}

/** Masses of log_uniform(l, h, q): ceil(f / q) = n exactly when f lies in ((n - 1) q, n q]. */
function logUniformPairs(lo: number, hi: number, q: number): [number, number][] {
  const floorEnd = lo - Math.min(q, lo / 2);
  const total = Math.log(hi) - Math.log(floorEnd);
  const values = multiples(lo, hi, q);
  return values.map((v, i) => {
    const below = i === 0 ? floorEnd : values[i - 1];
    return [v, (Math.log(v) - Math.log(below)) / total];
  });
}

/** The exact law of the domain's sampler (the masses its draws converge to). */
export function domainLaw(domain: Domain): DiscreteLaw {
  domainDraw(domain); // validates
  switch (domain.dist) {
    case 'choice':
      return lawOf(domain.values.map((v) => [v, 1 / domain.values.length]));
    case 'uniform': {
      const values = multiples(domain.lo, domain.hi, domain.q);
      return lawOf(values.map((v) => [v, 1 / values.length]));
    }
    case 'log_uniform':
      return lawOf(logUniformPairs(domain.lo, domain.hi, domain.q));
    case 'power2_uniform': {
      const multiple = decimalMultiple(domain.q);
      const powers = powersOfTwo(domain.lo, domain.hi);
      return lawOf(powers.map((p) => [multiple(Math.floor(p / domain.q)), 1 / powers.length]));
    }
    case 'power2_or_log_uniform': {
      const { lo, hi, q } = domain;
      const powers = powersOfTwo(lo, hi);
      const small = powers.filter((p) => p < q);
      const redrawn = (powers.length - small.length) / powers.length;
      const logPart = redrawn > 0 ? logUniformPairs(Math.max(lo, q), hi, Math.min(hi, q)) : [];
      return lawOf([
        ...small.map((p): [number, number] => [p, 1 / powers.length]),
        ...logPart.map(([v, m]): [number, number] => [v, m * redrawn]),
      ]);
    }
  }
}

export function domainLabel(domain: Domain): string {
  if (domain.dist === 'choice') return `one of {${domain.values.join(', ')}}`;
  return `${domain.dist.replace(/_/g, '-')} in [${domain.lo}, ${domain.hi}], step ${domain.q}`;
}
