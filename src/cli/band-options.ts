import { COMPLEXITY_METRICS, type ComplexityBand } from '../space/design-space';
import { rangeOption, type ParsedArgs } from './args';

export const BAND_OPTIONS = {
  flops: { type: 'string' },
  params: { type: 'string' },
  acts: { type: 'string' },
} as const;

export const BAND_HELP = `  --flops lo:hi      keep models whose flops (multiply-adds) lie in [lo, hi], e.g. 360e6:400e6;
                     either end may be left empty (e.g. 5e6: for "at least 5e6")
  --params lo:hi     the same for parameters
  --acts lo:hi       the same for activations`;

/** The complexity band from --flops/--params/--acts; {} (no band) when none is given. */
export function bandFromArgs(values: ParsedArgs['values']): ComplexityBand {
  const band: ComplexityBand = {};
  for (const metric of COMPLEXITY_METRICS) {
    const range = rangeOption(values, metric);
    if (range) band[metric] = range;
  }
  return band;
}
