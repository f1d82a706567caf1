import { useMemo } from 'react';
import { useLab } from '../../store';
import { sweepGroups, type SweepGroup } from './sweeps';

/** The sweeps with their finished models, recomputed only when sweeps or records change. */
export function useSweepGroups(): SweepGroup[] {
  const sweeps = useLab((s) => s.sweeps);
  const records = useLab((s) => s.records);
  return useMemo(() => sweepGroups(sweeps, records), [sweeps, records]);
}
