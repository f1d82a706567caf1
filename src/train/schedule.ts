/**
 * Learning-rate schedule (REGNET.md §7): linear warm-up from WARMUP_FACTOR * lr to lr, then a
 * half-period cosine from lr to 0.
 *
 * pycls sets the rate once per EPOCH (lr(e) = lr * 0.5 * (1 + cos(pi * e / E)), times the warm-up factor
 * for e < W). That is fine over 100 epochs but coarse over the lab's 3: the whole last epoch would run at
 * lr / 4 and the rate would never approach 0. This schedule is evaluated per ITERATION, so short runs get
 * a smooth warm-up and a real anneal; over many epochs it converges to pycls's curve.
 */
export const WARMUP_FACTOR = 0.1;

export interface ScheduleOptions {
  baseLr: number;
  /** Total optimizer steps of the run. */
  totalSteps: number;
  /** Steps of linear warm-up at the start (0 = none). */
  warmupSteps: number;
  warmupFactor?: number;
}

export function checkSchedule(o: ScheduleOptions): void {
  if (!(o.baseLr > 0) || !Number.isFinite(o.baseLr))
    throw new Error(`Learning rate must be a finite number > 0 (got ${o.baseLr}).`);
  if (!Number.isInteger(o.totalSteps) || o.totalSteps < 1)
    throw new Error(
      `The run must have at least one step (got ${o.totalSteps}); raise epochs or the train size.`,
    );
  if (!Number.isInteger(o.warmupSteps) || o.warmupSteps < 0 || o.warmupSteps > o.totalSteps)
    throw new Error(`Warm-up steps must be an integer in [0, ${o.totalSteps}] (got ${o.warmupSteps}).`);
}

/** The rate for 0-based step s (s < totalSteps). */
export function learningRateAt(step: number, o: ScheduleOptions): number {
  const factor = o.warmupFactor ?? WARMUP_FACTOR;
  if (step < o.warmupSteps) {
    const t = step / o.warmupSteps;
    return o.baseLr * (factor + (1 - factor) * t);
  }
  const t = (step - o.warmupSteps) / (o.totalSteps - o.warmupSteps);
  return o.baseLr * 0.5 * (1 + Math.cos(Math.PI * t));
}
