import { z } from 'zod';
import { ROUNDINGS, type Rounding } from '../space/compat';
import { constraintKey, constraintProblems, parseConstraint } from '../space/constraints';
import { formatEngineering } from '../space/format';
import { getSpace, SPACE_IDS } from '../space/spaces';
import type { ExplorerInputs } from './explorer-slice';
import type { SweepSettings } from './settings-slice';
import { SHAPE_KEYS, type ShapeKey } from './shapes';
import type { SpaceChoice } from './space-slice';
import type { LabState } from './types';

/**
 * The set-up that lives in the URL hash (Playground's state.ts idea): design space, constraints,
 * sweep settings, explorer sliders and seed, so a link reproduces the study. Example:
 *   #space=anynetx_a&c=shared-b&flops=2e6..6e6&at=fashion&n=16&epochs=3&...&w0=24&wa=36.44
 * Parsing never throws: malformed values are rejected and out-of-range ones clamped, each with a
 * message that names the parameter and its allowed range.
 */
export interface UrlState {
  space: SpaceChoice;
  sweep: SweepSettings;
  explorer: ExplorerInputs;
}

export interface UrlParseResult {
  state: UrlState;
  /** One sentence per rejected, clamped or ignored value (empty when the URL was clean). */
  messages: string[];
}

interface NumberSpec {
  min: number;
  max: number;
  integer: boolean;
  get: (s: UrlState) => number;
  set: (s: UrlState, v: number) => void;
  what: string;
}

const sweepNumber = (
  key: keyof Omit<SweepSettings, 'flops' | 'shape'>,
  what: string,
  min: number,
  max: number,
  integer = true,
): NumberSpec => ({
  min,
  max,
  integer,
  what,
  get: (s) => s.sweep[key],
  set: (s, v) => (s.sweep[key] = v),
});

const explorerNumber = (
  key: keyof ExplorerInputs['params'],
  what: string,
  min: number,
  max: number,
  integer = false,
): NumberSpec => ({
  min,
  max,
  integer,
  what,
  get: (s) => s.explorer.params[key],
  set: (s, v) => (s.explorer.params[key] = v),
});

/** Numeric URL parameters and their allowed ranges (the explorer's sliders cover all 24 presets). */
export const URL_NUMBERS: Readonly<Record<string, NumberSpec>> = {
  n: sweepNumber('n', 'models', 1, 1000),
  epochs: sweepNumber('epochs', 'epochs', 1, 100),
  warmup: sweepNumber('warmupEpochs', 'warm-up epochs', 0, 100, false),
  batch: sweepNumber('batchSize', 'batch size', 1, 4096),
  train: sweepNumber('trainSize', 'training images', 1, 1_000_000),
  seed: sweepNumber('seed', 'seed', 0, 2 ** 32 - 1),
  d: explorerNumber('depth', 'depth', 1, 64, true),
  w0: explorerNumber('w0', 'initial width', 1, 1024, true),
  wa: explorerNumber('wa', 'width slope', 0, 512),
  wm: explorerNumber('wm', 'width multiplier', 1, 4),
  g: explorerNumber('groupWidth', 'group width', 1, 1024, true),
  b: explorerNumber('bottleneckRatio', 'bottleneck ratio', 1, 4, true),
  se: explorerNumber('seRatio', 'SE ratio', 0, 0.5),
};

const FLOPS_MAX = 1e12;
const URL_KEYS = ['space', 'c', 'flops', 'at', ...Object.keys(URL_NUMBERS), 'res', 'round'];

const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const numberText = z.string().trim().regex(NUMBER_TEXT).transform(Number).pipe(z.number().finite());
const flopsText = z
  .string()
  .trim()
  .transform((t) => t.split('..'))
  .pipe(z.tuple([numberText, numberText]));
const spaceId = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(SPACE_IDS as [string, ...string[]]));
const shapeKey = z.enum(SHAPE_KEYS as [ShapeKey, ...ShapeKey[]]);
const rounding = z.enum(ROUNDINGS as [Rounding, ...Rounding[]]);

const clone = (s: UrlState): UrlState => ({
  space: { ...s.space, constraints: [...s.space.constraints] },
  sweep: { ...s.sweep, flops: [...s.sweep.flops] },
  explorer: { ...s.explorer, params: { ...s.explorer.params } },
});

const range = (spec: Pick<NumberSpec, 'min' | 'max'>) => `${spec.min}–${spec.max}`;

function readNumber(key: string, raw: string, spec: NumberSpec, out: UrlState, messages: string[]): void {
  const parsed = numberText.safeParse(raw);
  const kind = spec.integer ? 'a whole number' : 'a number';
  if (!parsed.success) {
    messages.push(
      `URL parameter ${key} (${spec.what}) = '${raw}' is not ${kind} in ${range(spec)}; keeping ${spec.get(out)}.`,
    );
    return;
  }
  let v = parsed.data;
  if (spec.integer && !Number.isInteger(v)) {
    const rounded = Math.round(v);
    messages.push(`URL parameter ${key} (${spec.what}) = ${raw} must be a whole number; using ${rounded}.`);
    v = rounded;
  }
  if (v < spec.min || v > spec.max) {
    const clamped = Math.min(spec.max, Math.max(spec.min, v));
    messages.push(
      `URL parameter ${key} (${spec.what}) = ${raw} is outside the allowed range ${range(spec)}; using ${clamped}.`,
    );
    v = clamped;
  }
  spec.set(out, v);
}

function readFlops(raw: string, out: UrlState, messages: string[]): void {
  const parsed = flopsText.safeParse(raw);
  if (!parsed.success) {
    messages.push(
      `URL parameter flops = '${raw}' is not a band like 2e6..6e6 (lo..hi, 0–${formatEngineering(FLOPS_MAX)}); ` +
        `keeping ${serializeFlops(out.sweep.flops)}.`,
    );
    return;
  }
  let [lo, hi] = parsed.data;
  if (lo > hi) {
    messages.push(`URL parameter flops = ${raw} has lo > hi; swapped to ${serializeFlops([hi, lo])}.`);
    [lo, hi] = [hi, lo];
  }
  const clamp = (x: number) => Math.min(FLOPS_MAX, Math.max(0, x));
  if (clamp(lo) !== lo || clamp(hi) !== hi) {
    messages.push(
      `URL parameter flops = ${raw} is outside the allowed range 0–${formatEngineering(FLOPS_MAX)}; ` +
        `using ${serializeFlops([clamp(lo), clamp(hi)])}.`,
    );
  }
  out.sweep.flops = [clamp(lo), clamp(hi)];
}

/** Constraint keys valid for the base space, normalized; the rest are reported and dropped. */
function readConstraints(raw: string, baseId: string, messages: string[]): string[] {
  const base = getSpace(baseId);
  const keys: string[] = [];
  for (const text of raw
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)) {
    try {
      const c = parseConstraint(text);
      const problems = constraintProblems(base, c);
      if (problems.length) {
        messages.push(`URL constraint '${text}' was dropped: ${problems.join(' ')}`);
        continue;
      }
      const key = constraintKey(c);
      if (!keys.includes(key)) keys.push(key);
    } catch (e) {
      messages.push(`URL constraint '${text}' was dropped: ${(e as Error).message}`);
    }
  }
  return keys;
}

function readEnum<T>(
  key: string,
  raw: string,
  schema: z.ZodType<T>,
  allowed: readonly string[],
  current: T,
  messages: string[],
): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  messages.push(
    `URL parameter ${key} = '${raw}' is not one of ${allowed.join(', ')}; keeping ${String(current)}.`,
  );
  return current;
}

/** Reads a URL hash (with or without '#'); parameters it does not name keep their `defaults` values. */
export function parseUrlState(hash: string, defaults: UrlState): UrlParseResult {
  const out = clone(defaults);
  const messages: string[] = [];
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text.trim()) return { state: out, messages };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { state: out, messages: ['The URL hash could not be read; the default set-up is shown.'] };
  }
  for (const key of new Set(params.keys())) {
    if (!URL_KEYS.includes(key)) messages.push(`Ignored the unknown URL parameter '${key}'.`);
  }
  const get = (key: string) => params.get(key) ?? undefined;

  const space = get('space');
  if (space !== undefined) {
    const id = readEnum('space', space, spaceId, SPACE_IDS, out.space.baseId, messages);
    if (id !== out.space.baseId)
      out.space = { baseId: id, constraints: getSpace(id).constraints.map(constraintKey) };
  }
  const c = get('c');
  if (c !== undefined) out.space.constraints = readConstraints(c, out.space.baseId, messages);

  const flops = get('flops');
  if (flops !== undefined) readFlops(flops, out, messages);
  const at = get('at');
  if (at !== undefined) out.sweep.shape = readEnum('at', at, shapeKey, SHAPE_KEYS, out.sweep.shape, messages);

  for (const [key, spec] of Object.entries(URL_NUMBERS)) {
    const raw = get(key);
    if (raw !== undefined) readNumber(key, raw, spec, out, messages);
  }
  if (out.sweep.warmupEpochs > out.sweep.epochs) {
    messages.push(
      `URL parameter warmup = ${out.sweep.warmupEpochs} is longer than the ${out.sweep.epochs} epochs; using ${out.sweep.epochs}.`,
    );
    out.sweep.warmupEpochs = out.sweep.epochs;
  }

  const res = get('res');
  if (res !== undefined)
    out.explorer.shape = readEnum('res', res, shapeKey, SHAPE_KEYS, out.explorer.shape, messages);
  const round = get('round');
  if (round !== undefined)
    out.explorer.rounding = readEnum('round', round, rounding, ROUNDINGS, out.explorer.rounding, messages);
  return { state: out, messages };
}

/** Engineering notation when it reads back exactly (2e6), the plain number otherwise. */
function serializeNumber(x: number): string {
  const short = formatEngineering(x);
  return Number(short) === x ? short : String(x);
}

const serializeFlops = (flops: readonly number[]): string =>
  `${serializeNumber(flops[0])}..${serializeNumber(flops[1])}`;

/** Keeps the separators of constraint lists and bands readable in the address bar. */
const encode = (v: string): string =>
  encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3D/gi, '=').replace(/%3A/gi, ':');

/** The hash text (without '#') for a set-up; parseUrlState reads it back to the same state. */
export function serializeUrlState(s: UrlState): string {
  const pairs: [string, string][] = [
    ['space', s.space.baseId],
    ['c', s.space.constraints.join(',')],
    ['flops', serializeFlops(s.sweep.flops)],
    ['at', s.sweep.shape],
    ...Object.entries(URL_NUMBERS).map(([key, spec]): [string, string] => [key, String(spec.get(s))]),
    ['res', s.explorer.shape],
    ['round', s.explorer.rounding],
  ];
  return pairs.map(([k, v]) => `${k}=${encode(v)}`).join('&');
}

export const urlStateOf = (s: Pick<LabState, 'space' | 'sweep' | 'explorer'>): UrlState => ({
  space: s.space,
  sweep: s.sweep,
  explorer: s.explorer,
});
