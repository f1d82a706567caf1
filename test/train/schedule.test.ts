import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveTrainOptions } from '../../src/train/options';
import { checkSchedule, learningRateAt } from '../../src/train/schedule';

describe('learning-rate schedule', () => {
  // lr 0.4 over 100 steps, 20 of them warm-up: warm-up 0.04 -> 0.4, then cosine over 80 steps.
  const o = { baseLr: 0.4, totalSteps: 100, warmupSteps: 20 };

  it('warms up linearly from 0.1 * lr and reaches lr when the warm-up ends', () => {
    expect(learningRateAt(0, o)).toBeCloseTo(0.04, 12);
    expect(learningRateAt(10, o)).toBeCloseTo(0.04 + 0.36 * 0.5, 12);
    expect(learningRateAt(20, o)).toBeCloseTo(0.4, 12);
  });

  it('follows a half-period cosine to ~0 after the warm-up', () => {
    expect(learningRateAt(60, o)).toBeCloseTo(0.2, 12); // halfway through the cosine
    expect(learningRateAt(40, o)).toBeCloseTo(0.2 * (1 + Math.SQRT1_2), 12); // a quarter: cos(pi/4)
    // Last step: t = 79/80, lr = 0.2 (1 + cos(79 pi / 80)) = 0.2 * 0.000771 = 1.54e-4.
    expect(learningRateAt(99, o)).toBeCloseTo(1.542e-4, 6);
  });

  it('starts at lr without warm-up', () => {
    expect(learningRateAt(0, { ...o, warmupSteps: 0 })).toBeCloseTo(0.4, 12);
    expect(learningRateAt(50, { ...o, warmupSteps: 0 })).toBeCloseTo(0.2, 12);
  });

  it('rises during warm-up, then never rises, and stays in (0, lr]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, frac) => {
          const s = { baseLr: 1, totalSteps: total, warmupSteps: Math.floor(frac * total) };
          const lrs = Array.from({ length: total }, (_, i) => learningRateAt(i, s));
          lrs.forEach((lr, i) => {
            expect(lr).toBeGreaterThan(0);
            expect(lr).toBeLessThanOrEqual(1 + 1e-12);
            if (i > 0 && i < s.warmupSteps) expect(lr).toBeGreaterThan(lrs[i - 1]);
            if (i > s.warmupSteps) expect(lr).toBeLessThanOrEqual(lrs[i - 1]);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects impossible schedules with a reason', () => {
    expect(() => checkSchedule({ baseLr: 0.1, totalSteps: 0, warmupSteps: 0 })).toThrow(/at least one step/);
    expect(() => checkSchedule({ baseLr: -1, totalSteps: 10, warmupSteps: 0 })).toThrow(/Learning rate/);
    expect(() => checkSchedule({ baseLr: 0.1, totalSteps: 10, warmupSteps: 11 })).toThrow(/Warm-up steps/);
  });
});

describe('training options', () => {
  it('defaults to the pycls recipe scaled to short runs', () => {
    const o = resolveTrainOptions({ seed: 5 });
    expect(o).toMatchObject({
      epochs: 3,
      warmupEpochs: 1,
      batchSize: 128,
      lr: 0.1,
      momentum: 0.9,
      nesterov: true,
      weightDecay: 5e-5,
      augment: false,
      seed: 5,
    });
  });

  it('scales lr linearly with the batch (0.1 per 128 images) unless given', () => {
    expect(resolveTrainOptions({ batchSize: 256 }).lr).toBeCloseTo(0.2, 12);
    expect(resolveTrainOptions({ batchSize: 32 }).lr).toBeCloseTo(0.025, 12);
    expect(resolveTrainOptions({ batchSize: 32, lr: 0.3 }).lr).toBe(0.3);
  });

  it('keeps the default warm-up within a third of a short run', () => {
    expect(resolveTrainOptions({ epochs: 1 }).warmupEpochs).toBeCloseTo(1 / 3, 12);
    expect(resolveTrainOptions({ epochs: 10 }).warmupEpochs).toBe(1);
  });

  it('names every invalid option', () => {
    expect(() => resolveTrainOptions({ epochs: 0 })).toThrow(/epochs must be a whole number/);
    expect(() => resolveTrainOptions({ batchSize: 2.5 })).toThrow(/batchSize/);
    expect(() => resolveTrainOptions({ epochs: 2, warmupEpochs: 3 })).toThrow(/warmupEpochs/);
    expect(() => resolveTrainOptions({ lr: Number.NaN })).toThrow(/lr must be/);
    expect(() => resolveTrainOptions({ momentum: 1 })).toThrow(/momentum/);
    expect(() => resolveTrainOptions({ trainSize: 0 })).toThrow(/trainSize/);
    expect(() => resolveTrainOptions({ seed: 0.5 })).toThrow(/seed must be an integer/);
  });
});
