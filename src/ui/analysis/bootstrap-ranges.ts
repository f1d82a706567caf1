import { bootstrapBest, bootstrapWinners, winnersRange, type BootstrapRange } from '../../analysis/bootstrap';
import { createRng } from '../../analysis/rng';
import type { ResultRecord } from '../../io/results';
import type { ParamSpec } from '../../store/analysis-params';

/**
 * pycls's B = 2500 resamples. One set of winners is drawn per sweep and shared by every parameter
 * (winnersRange), so the whole panel costs one bootstrap, cheap enough to run on every finished model.
 */
export const PANEL_REPS = 2500;
/** Fewer models give a band that says nothing; pycls draws it anyway, we wait for a handful. */
export const MIN_BOOTSTRAP_MODELS = 4;
const SEED = 1;

/** Bootstrap [low, best, high] of each parameter over a sweep's finished models (null: too few models). */
export function bootstrapRanges(
  done: readonly ResultRecord[],
  specs: readonly ParamSpec[],
  reps = PANEL_REPS,
): Map<string, BootstrapRange | null> {
  const out = new Map<string, BootstrapRange | null>();
  if (done.length < MIN_BOOTSTRAP_MODELS) {
    for (const s of specs) out.set(s.key, null);
    return out;
  }
  const errors = done.map((r) => r.error as number);
  // A fixed seed: the band does not jitter each time the panel re-renders.
  const winners = bootstrapWinners(errors, createRng(SEED), { reps });
  for (const spec of specs) {
    const values = done.map(spec.value);
    if (values.every((v): v is number => v !== undefined && Number.isFinite(v))) {
      out.set(spec.key, winnersRange(values, winners));
      continue;
    }
    const kept = done.flatMap((_, i) => (values[i] !== undefined ? [i] : []));
    out.set(
      spec.key,
      kept.length >= MIN_BOOTSTRAP_MODELS
        ? bootstrapBest(
            kept.map((i) => values[i] as number),
            kept.map((i) => errors[i]),
            createRng(SEED),
            { reps },
          )
        : null,
    );
  }
  return out;
}
