import type { AnyNetConfig } from './anynet';
import { generateRegNet, REGNET_QUANTUM } from './regnet';
import { roundHalfEven } from './round';

/**
 * Fitting a quantized linear model to per-block widths (paper §3.3, REGNET.md §2.3).
 *
 * e_fit = mean_j |ln(ŵ_j / w_j)|, with ŵ_j the per-block widths generateRegNet predicts for
 * (d, w0, wa, wm). The paper does not release its grid or the exact form of its "mean log-ratio";
 * this absolute form is our reading.
 *
 * Search: for fixed (w0, wm) the predicted width of block j only depends on its stage index k_j, which
 * steps up by one when wa crosses w0 (wm^(k + 1/2) - 1) / j. Sweeping wa over these breakpoints gives
 * the exact best wa for that (w0, wm). (w0, wm) come from a grid (w0 multiples of 8 near the first
 * width and log-spaced up to the widest block; wm log-spaced plus the wm intervals that reproduce the
 * observed distinct widths), and the best few are refined locally on a shrinking wm grid.
 */
export interface RegNetFit {
  depth: number;
  w0: number;
  wa: number;
  wm: number;
  efit: number;
  /** The per-block widths generateRegNet gives for the fitted parameters. */
  predictedWidths: number[];
}

/** mean_j |ln(predicted_j / observed_j)|. */
export function fitError(predicted: readonly number[], observed: readonly number[]): number {
  if (predicted.length !== observed.length || observed.length === 0) {
    throw new Error(
      `fitError needs two equally long, non-empty width lists (got ${predicted.length} and ${observed.length}).`,
    );
  }
  let sum = 0;
  for (let j = 0; j < observed.length; j++) sum += Math.abs(Math.log(predicted[j] / observed[j]));
  return sum / observed.length;
}

/** Per-block widths of a network: each stage's width repeated depth times. */
export const blockWidthsOf = (cfg: AnyNetConfig): number[] =>
  cfg.stages.flatMap((s) => new Array<number>(s.depth).fill(s.width));

const Q = REGNET_QUANTUM;
const MAX_STAGE_INDEX = 48;

interface Candidate {
  w0: number;
  wm: number;
  wa: number;
  /** Sum over blocks of |ln ratio| (e_fit times depth). */
  total: number;
}

interface Observed {
  widths: number[];
  logs: number[];
  max: number;
}

/**
 * Exact best wa for fixed (w0, wm) by sweeping the stage-index breakpoints in increasing order: block j
 * moves from stage index k to k + 1 when wa reaches threshold[k] / j. Each block's breakpoints are
 * already sorted, so a min-heap over blocks merges them.
 */
function sweepWa(w0: number, wm: number, obs: Observed): Candidate {
  const d = obs.widths.length;
  const lnPred: number[] = [];
  for (let k = 0; k <= MAX_STAGE_INDEX; k++) {
    const w = Q * roundHalfEven((w0 * Math.pow(wm, k)) / Q);
    lnPred.push(Math.log(w));
    if (w > 4 * obs.max) break;
  }
  const K = lnPred.length - 1;
  const err = (j: number, k: number) => Math.abs(lnPred[k] - obs.logs[j]);
  const threshold = Array.from({ length: K }, (_, k) => w0 * (Math.pow(wm, k + 0.5) - 1));

  const stageOf = new Int32Array(d);
  let total = 0;
  for (let j = 0; j < d; j++) total += err(j, 0);
  let best = total;
  let bestLo = 0;
  let bestHi = Infinity;
  if (K === 0 || d === 1) return { w0, wm, wa: 0, total };

  // Heap of blocks 1..d-1 keyed by their next breakpoint.
  const heap = Int32Array.from({ length: d - 1 }, (_, i) => i + 1);
  const next = new Float64Array(d);
  for (let j = 1; j < d; j++) next[j] = threshold[0] / j;
  let size = d - 1;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const c = l + 1 < size && next[heap[l + 1]] < next[heap[l]] ? l + 1 : l;
      if (next[heap[c]] >= next[heap[i]]) return;
      [heap[c], heap[i]] = [heap[i], heap[c]];
      i = c;
    }
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) down(i);
  bestHi = next[heap[0]];

  while (size > 0) {
    const wa = next[heap[0]];
    while (size > 0 && next[heap[0]] === wa) {
      const j = heap[0];
      total += err(j, stageOf[j] + 1) - err(j, stageOf[j]);
      stageOf[j]++;
      if (stageOf[j] < K) next[j] = threshold[stageOf[j]] / j;
      else heap[0] = heap[--size];
      down(0);
    }
    if (total < best - 1e-12) {
      best = total;
      bestLo = wa;
      bestHi = size > 0 ? next[heap[0]] : Infinity;
    }
  }
  // The middle of the best interval stays clear of rounding ties at its ends.
  const wa = Number.isFinite(bestHi) ? (bestLo + bestHi) / 2 : bestLo > 0 ? bestLo * 1.01 : 0;
  return { w0, wm, wa, total: best };
}

function logSpaced(lo: number, hi: number, count: number): number[] {
  if (count <= 1 || hi <= lo) return [lo];
  return Array.from({ length: count }, (_, i) => lo * Math.pow(hi / lo, i / (count - 1)));
}

const snap8 = (x: number) => Q * Math.max(1, Math.round(x / Q));

/** wm values under which w0 * wm^i rounds (to a multiple of 8) to the i-th distinct observed width. */
function wmFromWidths(w0: number, distinct: number[]): number[] {
  const out: number[] = [];
  let lo = 1;
  let hi = Infinity;
  distinct.forEach((v, i) => {
    if (i === 0) return;
    const a = Math.max(1 + 1e-6, Math.pow(Math.max(v - Q / 2, 1e-9) / w0, 1 / i));
    const b = Math.pow((v + Q / 2) / w0, 1 / i);
    if (b <= a) return;
    out.push((a + b) / 2);
    lo = Math.max(lo, a);
    hi = Math.min(hi, b);
  });
  if (hi > lo && Number.isFinite(hi)) for (let t = 1; t < 16; t++) out.push(lo + ((hi - lo) * t) / 16);
  return out;
}

export function fitRegNet(blockWidths: readonly number[]): RegNetFit {
  if (!Array.isArray(blockWidths) || blockWidths.length === 0) {
    throw new Error('fitRegNet needs a non-empty list of per-block widths.');
  }
  const bad = blockWidths.find((w) => !(typeof w === 'number' && Number.isFinite(w) && w > 0));
  if (bad !== undefined) throw new Error(`Block widths must be positive numbers (got ${bad}).`);
  const widths = [...blockWidths];
  const d = widths.length;
  const maxObs = Math.max(...widths);
  const obs: Observed = { widths, logs: widths.map(Math.log), max: maxObs };
  const distinct = [...new Set(widths)].sort((a, b) => a - b);

  const w0s = new Set<number>();
  const first = snap8(widths[0]);
  for (let t = -3; t <= 3; t++) if (first + Q * t >= Q) w0s.add(first + Q * t);
  for (const w of logSpaced(Q, Math.max(Q, maxObs), 12)) w0s.add(snap8(w));

  const evaluated: Candidate[] = [];
  for (const w0 of w0s) {
    const wmHi = Math.max(4, (1.5 * maxObs) / w0);
    for (const wm of [...logSpaced(1.05, wmHi, 32), ...wmFromWidths(w0, distinct)]) {
      evaluated.push(sweepWa(w0, wm, obs));
    }
  }
  evaluated.sort((a, b) => a.total - b.total);

  // Local refinement of the best few on a shrinking wm grid (and w0 +- 8 at the first level).
  const finalists: Candidate[] = [];
  for (const start of evaluated.slice(0, 4)) {
    let best = start;
    let delta = 0.02;
    for (let level = 0; level < 6; level++, delta /= 4) {
      const w0Options = level === 0 ? [best.w0 - Q, best.w0, best.w0 + Q].filter((w) => w >= Q) : [best.w0];
      for (const w0 of w0Options) {
        for (let t = -6; t <= 6; t++) {
          const wm = best.wm * Math.exp(t * delta);
          if (wm <= 1) continue;
          const c = sweepWa(w0, wm, obs);
          if (c.total < best.total - 1e-12) best = c;
        }
      }
    }
    finalists.push(best);
  }

  // Report what generateRegNet actually predicts for the chosen parameters.
  let result: RegNetFit | undefined;
  for (const c of [...finalists, ...evaluated.slice(0, 4)]) {
    const predictedWidths = generateRegNet({ depth: d, w0: c.w0, wa: c.wa, wm: c.wm }).blockWidths;
    const efit = fitError(predictedWidths, widths);
    if (!result || efit < result.efit)
      result = { depth: d, w0: c.w0, wa: c.wa, wm: c.wm, efit, predictedWidths };
  }
  return result!;
}
