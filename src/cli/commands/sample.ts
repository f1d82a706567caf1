import { COMPLEXITY_METRICS, type ComplexityBand } from '../../space/design-space';
import { ROUNDINGS, type Rounding } from '../../space/compat';
import { sampleSpace, DEFAULT_MAX_ATTEMPTS, type SampledModel } from '../../space/sample';
import { findSpace, SPACE_IDS } from '../../space/spaces';
import { makeModelConfig, type ModelConfigDoc } from '../../io/model-config';
import type { NetworkShape } from '../../space/anynet';
import { choiceOption, numberOption, printJson, UsageError, type CommandSpec } from '../args';
import { BAND_HELP, BAND_OPTIONS, bandFromArgs } from '../band-options';
import { si, table } from '../format';
import { SHAPE_HELP, SHAPE_OPTIONS, shapeFromArgs } from '../model-source';

/** What `dslab sample --json` prints; `.models[i]` is a model config that `dslab train` reads. */
export interface SampleOutput {
  space: string;
  seed: number;
  n: number;
  /** The band sampled in; an open upper end is written as null (JSON has no Infinity). */
  band: Partial<Record<'flops' | 'params' | 'acts', [number, number | null]>>;
  shape: NetworkShape;
  rounding: Rounding;
  attempts: number;
  /** Rejected attempts per reason (constraint or band label, or "duplicate"). */
  rejections: Record<string, number>;
  models: ModelConfigDoc[];
}

/** A sampled model as a complete, exportable model config. */
export function sampledModelConfig(model: SampledModel, name: string): ModelConfigDoc {
  return makeModelConfig(model.config, model.complexity, {
    name,
    space: model.space,
    ...(model.regnet && { regnet: model.regnet }),
    design: model.design,
    rounding: model.rounding,
  });
}

function jsonBand(band: ComplexityBand): SampleOutput['band'] {
  const out: SampleOutput['band'] = {};
  for (const m of COMPLEXITY_METRICS) {
    const range = band[m];
    if (range) out[m] = [range[0], Number.isFinite(range[1]) ? range[1] : null];
  }
  return out;
}

const bandText = (band: ComplexityBand): string =>
  COMPLEXITY_METRICS.filter((m) => band[m])
    .map((m) => `${m} ${si(band[m]![0])}–${Number.isFinite(band[m]![1]) ? si(band[m]![1]) : '∞'}`)
    .join(', ') || 'none (any complexity)';

const dashed = (xs: number[]) => xs.join('-');

const regnetText = (doc: ModelConfigDoc): string => {
  const r = doc.regnet;
  return r ? `d=${r.depth} w0=${r.w0} wa=${r.wa} wm=${r.wm}` : '';
};

function printHuman(out: SampleOutput, bandLine: string): void {
  const { shape } = out;
  console.log(
    `${out.n} models of ${out.space}, seed ${out.seed}, ${shape.resolution}px x ${shape.channels}ch, ` +
      `${shape.classes} classes, ${shape.stem} stem, ${out.rounding} rounding; band: ${bandLine}; ${out.attempts} attempts`,
  );
  const regnet = out.models.some((m) => m.regnet);
  const rows = out.models.map((m) => {
    const st = m.network.stages;
    const row: (string | number)[] = [
      m.name ?? '',
      si(m.complexity.flops),
      si(m.complexity.params),
      si(m.complexity.acts),
      dashed(st.map((s) => s.depth)),
      dashed(st.map((s) => s.width)),
      dashed(st.map((s) => s.groupWidth)),
      dashed(st.map((s) => s.bottleneckRatio)),
    ];
    return regnet ? [...row, regnetText(m)] : row;
  });
  const headers = ['model', 'flops', 'params', 'acts', 'depths', 'widths', 'groups', 'b'];
  console.log(table(regnet ? [...headers, 'regnet'] : headers, rows, [4, 5, 6, 7, 8]));
}

export const sampleCommand: CommandSpec = {
  name: 'sample',
  summary: 'draw random models from a design space (seeded), optionally inside a complexity band',
  usage:
    'dslab sample --space <id> --n N --seed S [--flops lo:hi] [--params lo:hi] [--acts lo:hi] [--paper-band] [--resolution R] [--in-channels C] [--classes K] [--stem imagenet|cifar] [--rounding pycls|torchvision] [--max-attempts N] [--json]',
  options: {
    space: { type: 'string' },
    n: { type: 'string' },
    seed: { type: 'string' },
    ...BAND_OPTIONS,
    'paper-band': { type: 'boolean' },
    ...SHAPE_OPTIONS,
    rounding: { type: 'string' },
    'max-attempts': { type: 'string' },
  },
  help: `  --space ID         one of ${SPACE_IDS.join(', ')} (required)
  --n N              how many distinct models (default 10)
  --seed S           integer seed (default 0); the same seed and options give the same models
${BAND_HELP}
  --paper-band       use the space's own band instead (360e6:400e6 flops, meant for 224px)
                     Without --flops/--params/--acts/--paper-band there is NO band: any complexity.
${SHAPE_HELP}
  --rounding R       width/group compatibility convention: pycls (default) or torchvision
  --max-attempts N   give up after N draws (default ${DEFAULT_MAX_ATTEMPTS}); if fewer than n models were
                     found, the error says how many and which constraint rejected most
  --json             { space, seed, n, band, shape, rounding, attempts, rejections, models } on stdout;
                     each of models[] is a complete model config (schema dslab.model-config) with the
                     design parameters (design), RegNet parameters (regnet), the resolved stages
                     (network.stages) and complexity {flops, params, acts}

Examples:
  dslab sample --space regnetx --n 5 --seed 1 --flops 360e6:400e6
  dslab sample --space anynetx_e --n 20 --seed 0 --resolution 32 --classes 10 --flops 5e6:50e6 --json
  dslab sample --space regnety --n 1 --seed 3 --json | jq '.models[0]' > model.json && dslab train model.json`,
  run({ values }) {
    const id = values.space;
    if (typeof id !== 'string')
      throw new UsageError(`--space is required; choose one of ${SPACE_IDS.join(', ')}.`);
    const space = findSpace(id);
    if (!space) throw new UsageError(`Unknown design space '${id}'; choose one of ${SPACE_IDS.join(', ')}.`);
    const n = numberOption(values, 'n', 10, { integer: true, min: 1, max: 100_000 });
    const seed = numberOption(values, 'seed', 0, { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
    const maxAttempts = numberOption(values, 'max-attempts', DEFAULT_MAX_ATTEMPTS, {
      integer: true,
      min: 1,
      max: 1e9,
    });
    const shape = shapeFromArgs(values);
    const rounding = choiceOption<Rounding>(values, 'rounding', ROUNDINGS, 'pycls');
    const given = bandFromArgs(values);
    if (values['paper-band'] && Object.keys(given).length) {
      throw new UsageError('Give either --paper-band or --flops/--params/--acts, not both.');
    }
    const band = values['paper-band'] ? space.band : given;
    const result = sampleSpace(space, { n, seed, shape, band, rounding, maxAttempts });
    const out: SampleOutput = {
      space: space.id,
      seed,
      n,
      band: jsonBand(band),
      shape,
      rounding,
      attempts: result.attempts,
      rejections: result.rejections,
      models: result.models.map((m, i) => sampledModelConfig(m, `${space.id}-seed${seed}-${i + 1}`)),
    };
    if (values.json) return printJson(out);
    printHuman(out, bandText(band));
  },
};
