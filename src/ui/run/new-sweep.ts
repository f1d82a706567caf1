import { makeModelConfig, withInputShape, type ModelConfigDoc } from '../../io/model-config';
import { defaultStemFor } from '../../space/anynet';
import { sampleSpace } from '../../space/sample';
import { resolveSpace } from '../../store/space-view';
import type { JobRow, Sweep } from '../../store/study-types';
import { findParentSweep } from '../../store/sweep-lineage';
import type { LabState } from '../../store/types';

/** Rejection sampling runs on the main thread: a band this hard to hit is better reported than waited for. */
export const SWEEP_MAX_ATTEMPTS = 200_000;
export const EXPLORER_SWEEP_ID = 'explorer';
export const EXPLORER_SWEEP_NAME = 'Explorer';

const newId = (prefix: string, now: Date, random: () => number): string =>
  `${prefix}-${now.getTime().toString(36)}-${Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;

export const queuedRow = (id: string, sweepId: string, index: number, config: ModelConfigDoc): JobRow => ({
  id,
  sweepId,
  index,
  config,
  status: 'queued',
  progress: 0,
  epoch: null,
  loss: null,
  error: null,
  imagesPerSec: null,
  backend: null,
});

/**
 * A sweep of the current design space, settings and data: n models sampled with the settings' seed
 * inside the flops band, counted at the data's shape. Throws SamplingError (its message says what to
 * relax) when the band and constraints leave too few models.
 */
export function sampleSweep(
  s: Pick<LabState, 'space' | 'sweep' | 'data' | 'sweeps'>,
  now = new Date(),
  random: () => number = Math.random,
): { sweep: Sweep; jobs: JobRow[] } {
  const { space } = resolveSpace(s.space, s.sweep.flops);
  const shape = {
    resolution: s.data.resolution,
    channels: s.data.channels,
    classes: s.data.classes,
    stem: defaultStemFor(s.data.resolution),
  };
  const { models } = sampleSpace(space, {
    n: s.sweep.n,
    seed: s.sweep.seed,
    shape,
    maxAttempts: SWEEP_MAX_ATTEMPTS,
  });
  const sweepId = newId('sw', now, random);
  const parent = findParentSweep(s.sweeps, s.space);
  const sweep: Sweep = {
    id: sweepId,
    name: space.label,
    space: { baseId: s.space.baseId, constraints: [...s.space.constraints] },
    settings: { ...s.sweep, flops: [s.sweep.flops[0], s.sweep.flops[1]] },
    ...(parent ? { parentId: parent.id } : {}),
    createdAt: now.toISOString(),
    data: s.data.name,
  };
  const jobs = models.map((m, i) =>
    queuedRow(
      `${sweepId}-${i}`,
      sweepId,
      i,
      makeModelConfig(m.config, m.complexity, {
        name: `${space.label} #${i + 1}`,
        space: m.space,
        design: m.design,
        rounding: m.rounding,
        ...(m.regnet ? { regnet: m.regnet } : {}),
      }),
    ),
  );
  return { sweep, jobs };
}

/**
 * Configs sent from the explorer ("Train this config") join the Explorer sweep, trained with the
 * current settings and data: rebuilt for the data's input and classes (the explorer may count at 224 px).
 */
export function explorerJobs(
  s: Pick<LabState, 'space' | 'sweep' | 'data' | 'sweeps' | 'jobs'>,
  configs: readonly ModelConfigDoc[],
  now = new Date(),
  random: () => number = Math.random,
): { sweep: Sweep; jobs: JobRow[] } {
  const existing = s.sweeps.find((w) => w.id === EXPLORER_SWEEP_ID);
  const sweep: Sweep = {
    id: EXPLORER_SWEEP_ID,
    name: EXPLORER_SWEEP_NAME,
    space: existing?.space ?? { baseId: configs[0]?.space ?? s.space.baseId, constraints: [] },
    settings: { ...s.sweep },
    createdAt: existing?.createdAt ?? now.toISOString(),
    data: s.data.name,
  };
  const start = s.jobs.filter((j) => j.sweepId === EXPLORER_SWEEP_ID).length;
  const { resolution, channels, classes } = s.data;
  const shape = { resolution, channels, classes, stem: defaultStemFor(resolution) };
  const jobs = configs.map((config, k) =>
    queuedRow(
      newId(EXPLORER_SWEEP_ID, now, random) + `-${k}`,
      EXPLORER_SWEEP_ID,
      start + k,
      withInputShape(config, shape),
    ),
  );
  return { sweep, jobs };
}
