import { describe, expect, it } from 'vitest';
import { IMAGENET_SHAPE } from '../../src/space/anynet';
import { blockWidthsOf, fitError, fitRegNet } from '../../src/space/fit';
import { PRESETS } from '../../src/space/presets';
import { generateRegNet, regnetToAnyNet } from '../../src/space/regnet';
import { sampleSpace } from '../../src/space/sample';
import { getSpace } from '../../src/space/spaces';

const meanAbsLogRatio = (a: number[], b: number[]) =>
  a.reduce((s, x, j) => s + Math.abs(Math.log(x / b[j])), 0) / a.length;

describe('fitRegNet', () => {
  it.each(PRESETS.map((p) => [p.name, p] as const))(
    '%s: its own block widths fit back with e_fit ≈ 0',
    (_, p) => {
      const widths = generateRegNet(p).blockWidths;
      const fit = fitRegNet(widths);
      expect(fit.efit).toBeLessThan(1e-9);
      expect(fit.predictedWidths).toEqual(widths);
      expect(fit.depth).toBe(p.depth);
    },
  );

  it('fits sampled RegNets (a design space sample, not only the zoo) back exactly', () => {
    const { models } = sampleSpace(getSpace('regnetx'), { n: 25, seed: 21, shape: IMAGENET_SHAPE, band: {} });
    for (const m of models) {
      const widths = generateRegNet(m.regnet!).blockWidths;
      expect(fitRegNet(widths).predictedWidths).toEqual(widths);
    }
  });

  it('returns valid RegNet parameters whose generated widths are the reported prediction', () => {
    const widths = [24, 24, 48, 48, 48, 112, 112, 112, 112, 300];
    const fit = fitRegNet(widths);
    expect(fit.w0 % 8).toBe(0);
    expect(fit.w0).toBeGreaterThan(0);
    expect(fit.wm).toBeGreaterThan(1);
    expect(fit.wa).toBeGreaterThanOrEqual(0);
    const again = generateRegNet({ depth: widths.length, w0: fit.w0, wa: fit.wa, wm: fit.wm }).blockWidths;
    expect(fit.predictedWidths).toEqual(again);
    expect(fit.efit).toBeCloseTo(meanAbsLogRatio(again, widths), 14);
  });

  it('gives e_fit > 0 for widths no RegNet produces, and reports it consistently', () => {
    for (const widths of [
      [64, 32, 16], // decreasing
      [10, 10, 10], // not multiples of 8
      [8, 1024, 8, 1024],
    ]) {
      const fit = fitRegNet(widths);
      expect(fit.efit).toBeGreaterThan(0);
      expect(fit.efit).toBeCloseTo(fitError(fit.predictedWidths, widths), 14);
      expect(fit.efit).toBeCloseTo(meanAbsLogRatio(fit.predictedWidths, widths), 14);
    }
  });

  it('does at least as well as the true parameters on perturbed RegNet widths', () => {
    for (const name of ['RegNetX-400MF', 'RegNetY-1.6GF', 'RegNetX-32GF']) {
      const p = PRESETS.find((x) => x.name === name)!;
      const truth = generateRegNet(p).blockWidths;
      const noisy = truth.map((w, j) => (j % 3 === 1 ? w + 8 : w));
      expect(fitRegNet(noisy).efit).toBeLessThanOrEqual(fitError(truth, noisy) + 1e-12);
    }
  });

  it('handles a single block', () => {
    expect(fitRegNet([64])).toMatchObject({ depth: 1, w0: 64, efit: 0, predictedWidths: [64] });
  });

  it('explains bad input', () => {
    expect(() => fitRegNet([])).toThrow(/non-empty list/);
    expect(() => fitRegNet([8, -16])).toThrow(/positive numbers \(got -16\)/);
    expect(() => fitError([1], [1, 2])).toThrow(/equally long/);
  });
});

describe('blockWidthsOf', () => {
  it('repeats each stage width by its depth', () => {
    const { config } = regnetToAnyNet(PRESETS[0], IMAGENET_SHAPE); // RegNetX-200MF: ds [1,1,4,7], ws [24,56,152,368]
    expect(blockWidthsOf(config)).toEqual([24, 56, 152, 152, 152, 152, ...new Array(7).fill(368)]);
  });
});
