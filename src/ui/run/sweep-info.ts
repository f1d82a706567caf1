import type { JsonValue, ResultRecord, SweepInfo } from '../../io/results';
import { DEFAULT_SWEEP, type SweepSettings } from '../../store/settings-slice';
import { SHAPE_KEYS } from '../../store/shapes';
import type { Sweep } from '../../store/study-types';

/** A lab sweep in the results file's sweep list; the constraints and settings travel in `settings`. */
export function toSweepInfo(s: Sweep): SweepInfo {
  const settings: Record<string, JsonValue> = {
    ...s.settings,
    flops: [...s.settings.flops],
    constraints: [...s.space.constraints],
    data: s.data,
  };
  if (s.parentId) settings.parentId = s.parentId;
  return { id: s.id, name: s.name, space: s.space.baseId, createdAt: s.createdAt, settings };
}

const num = (v: JsonValue | undefined, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

function settingsOf(raw: Record<string, JsonValue> | undefined): SweepSettings {
  const r = raw ?? {};
  const flops = Array.isArray(r.flops) && r.flops.length === 2 ? r.flops : undefined;
  const shape = SHAPE_KEYS.find((k) => k === r.shape) ?? DEFAULT_SWEEP.shape;
  return {
    n: num(r.n, DEFAULT_SWEEP.n),
    epochs: num(r.epochs, DEFAULT_SWEEP.epochs),
    warmupEpochs: num(r.warmupEpochs, DEFAULT_SWEEP.warmupEpochs),
    batchSize: num(r.batchSize, DEFAULT_SWEEP.batchSize),
    trainSize: num(r.trainSize, DEFAULT_SWEEP.trainSize),
    seed: num(r.seed, DEFAULT_SWEEP.seed),
    flops: flops
      ? [num(flops[0], DEFAULT_SWEEP.flops[0]), num(flops[1], DEFAULT_SWEEP.flops[1])]
      : DEFAULT_SWEEP.flops,
    shape,
  };
}

/** A sweep read from a results file (this lab's or another tool's: missing settings take the defaults). */
export function fromSweepInfo(info: SweepInfo, records: readonly ResultRecord[]): Sweep {
  const raw = info.settings ?? {};
  const constraints = Array.isArray(raw.constraints)
    ? raw.constraints.filter((c): c is string => typeof c === 'string')
    : [];
  const first = records.find((r) => r.sweep === info.id);
  return {
    id: info.id,
    name: info.name ?? info.id,
    space: { baseId: info.space, constraints },
    settings: settingsOf(raw),
    ...(typeof raw.parentId === 'string' ? { parentId: raw.parentId } : {}),
    createdAt: info.createdAt ?? first?.finishedAt ?? new Date(0).toISOString(),
    data: typeof raw.data === 'string' ? raw.data : (first?.data.name ?? 'unknown'),
  };
}
