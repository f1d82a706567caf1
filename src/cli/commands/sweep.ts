import { ROUNDINGS, type Rounding } from '../../space/compat';
import { COMPLEXITY_METRICS, type ComplexityBand } from '../../space/design-space';
import { sampleSpace, SamplingError } from '../../space/sample';
import { findSpace, SPACE_IDS } from '../../space/spaces';
import type { NetworkShape } from '../../space/anynet';
import type { JsonValue, ResultRecord, SweepInfo } from '../../io/results';
import type { Dataset } from '../../data/dataset';
import type { TrainOptions } from '../../train/options';
import { trainModel } from '../../train/trainer';
import {
  choiceOption,
  numberOption,
  printJson,
  UsageError,
  type CommandSpec,
  type ParsedArgs,
} from '../args';
import { BACKEND_HELP, startBackend } from '../backend-option';
import { BAND_HELP, BAND_OPTIONS, bandFromArgs } from '../band-options';
import { dataShape } from '../data-shape';
import { percent, si } from '../format';
import { DATA_HELP, dataSpecText, loadDataFromArgs } from '../node-data';
import { createStatusLine, formatSweepLine, type ModelProgress } from '../progress';
import { sampledModelConfig } from './sample';
import { checkOutPath, readExistingSweep, sweepDocument, sweepId, writeResultsFile } from '../sweep-file';
import { TRAIN_HELP, TRAIN_OPTIONS, trainOptionsFromArgs } from '../train-options';
import {
  failureToRecord,
  resultToRecord,
  trainingInfoOf,
  type RecordContext,
} from '../../train/result-record';
import { dataInfoOf } from '../train-record';

/** What `dslab sweep --json` prints when the sweep ends; errors are fractions. */
export interface SweepOutput {
  out: string;
  sweep: string;
  n: number;
  /** Models trained by this run, and models found finished in the file (--resume). */
  trained: number;
  skipped: number;
  done: number;
  diverged: number;
  failed: number;
  minError: number | null;
  meanError: number | null;
  wallSeconds: number;
}

const SHAPE_CHECKS = [
  ['resolution', 'resolution'],
  ['in-channels', 'channels'],
  ['classes', 'classes'],
] as const;

/** --resolution/--in-channels/--classes default to the data's; given, they must match it. */
function checkShapeOptions(values: ParsedArgs['values'], shape: NetworkShape, data: Dataset): void {
  for (const [option, key] of SHAPE_CHECKS) {
    if (values[option] === undefined) continue;
    const given = numberOption(values, option, 0, { integer: true, min: 1 });
    if (given !== shape[key]) {
      throw new UsageError(
        `--${option} ${given} does not match the data: ${data.name} has ${shape.resolution}px images with ` +
          `${shape.channels} channel${shape.channels === 1 ? '' : 's'} and ${shape.classes} classes. Drop --${option} (it defaults to the data's) ` +
          'or choose data of that shape.',
      );
    }
  }
}

function bandJson(band: ComplexityBand): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const m of COMPLEXITY_METRICS) {
    const r = band[m];
    if (r) out[m] = [r[0], Number.isFinite(r[1]) ? r[1] : null];
  }
  return out;
}

/** Every setting that decides what the sweep measures (they make its id), plus n and the backend. */
function sweepSettings(
  n: number,
  seed: number,
  band: ComplexityBand,
  shape: NetworkShape,
  rounding: Rounding,
  dataSpec: string,
  data: Dataset,
  o: TrainOptions,
): Record<string, JsonValue> {
  const info = dataInfoOf(data, o);
  return {
    n,
    seed,
    band: bandJson(band),
    shape: { ...shape },
    rounding,
    data: dataSpec,
    dataName: data.name,
    trainSize: info.trainSize,
    testSize: info.testSize,
    epochs: o.epochs,
    // Exact here: results v1 records keep whole warm-up epochs only.
    warmupEpochs: o.warmupEpochs,
    batchSize: o.batchSize,
    lr: o.lr,
    momentum: o.momentum,
    nesterov: o.nesterov,
    weightDecay: o.weightDecay,
    augment: o.augment,
    subsetSeed: o.subsetSeed,
  };
}

function sampleModels(...args: Parameters<typeof sampleSpace>) {
  try {
    return sampleSpace(...args).models;
  } catch (e) {
    if (e instanceof SamplingError) throw new UsageError(e.message);
    throw e;
  }
}

function modelLine(i: number, n: number, r: ResultRecord): string {
  const what = r.status === 'done' ? `error ${percent(r.error!)}` : `${r.status}: ${r.message ?? ''}`;
  const speed = r.timings.imagesPerSec === null ? '' : `, ${Math.round(r.timings.imagesPerSec)} img/s`;
  return `model ${i}/${n} ${r.config.name ?? r.id}: ${what} (${si(r.complexity.flops)} flops, ${r.timings.wallSeconds.toFixed(1)} s${speed})`;
}

function summarize(
  out: string,
  sweep: string,
  records: ResultRecord[],
  trained: number,
  skipped: number,
  wallSeconds: number,
): SweepOutput {
  const errors = records.filter((r) => r.status === 'done').map((r) => r.error!);
  const count = (s: ResultRecord['status']) => records.filter((r) => r.status === s).length;
  return {
    out,
    sweep,
    n: records.length,
    trained,
    skipped,
    done: count('done'),
    diverged: count('diverged'),
    failed: count('failed'),
    minError: errors.length ? Math.min(...errors) : null,
    meanError: errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : null,
    wallSeconds,
  };
}

export const sweepCommand: CommandSpec = {
  name: 'sweep',
  summary: 'sample models from a design space and train each one, writing a results file as it goes',
  usage:
    'dslab sweep --space <id> --n N --seed S [--flops lo:hi] [--resolution R] [--in-channels C] [--classes K] --data <spec> --epochs E [--warmup W] [--batch B] [--lr L] [--train-size N] [--test-size N] [--backend wasm|cpu|auto] --out results.json [--resume] [--json]',
  options: {
    space: { type: 'string' },
    n: { type: 'string' },
    seed: { type: 'string' },
    ...BAND_OPTIONS,
    resolution: { type: 'string' },
    'in-channels': { type: 'string' },
    classes: { type: 'string' },
    rounding: { type: 'string' },
    data: { type: 'string' },
    ...TRAIN_OPTIONS,
    backend: { type: 'string' },
    out: { type: 'string' },
    resume: { type: 'boolean' },
  },
  help: `  --space ID         design space, one of ${SPACE_IDS.join(', ')} (required)
  --n N              how many models (default 10)
  --seed S           sampling and training seed (default 0)
${BAND_HELP}
                     Without a band any complexity is sampled; at small resolutions give one, e.g.
                     --flops 2e6:6e6 at 28px.
  --resolution R, --in-channels C, --classes K
                     default to the data set's shape; if given they must match it
  --rounding R       width/group compatibility convention: pycls (default) or torchvision
${DATA_HELP}
${TRAIN_HELP.replace('(default 3)', '(required)')}
${BACKEND_HELP}
  --out FILE         the results file (required); rewritten atomically after every model, so an interrupted
                     sweep loses at most the model in flight
  --resume           continue the sweep in FILE: models already done or diverged are skipped, failed ones
                     are trained again. The file must hold the same sweep (same space, seed, band, data and
                     recipe); a larger --n extends it. Without FILE, --resume starts the sweep.
  --json             at the end, one JSON document on stdout: { out, sweep, n, trained, skipped, done,
                     diverged, failed, minError, meanError, wallSeconds } (errors as fractions)

Progress (models done, the current model's epoch and step, mean images/s, ETA) goes to stderr: redrawn in
place on a terminal, a line every 10 s otherwise. A model that diverges or throws is recorded with its
status and message and the sweep goes on. Ctrl-C stops after writing the file (exit 130); --resume continues.
The file's sweep id is <space>-seed<S>-<hash of the settings>; 'dslab analyze FILE' reads it.

Example:
  dslab sweep --space regnetx --n 16 --flops 2e6:6e6 --data fashion-mnist --epochs 1 --train-size 5000 --out r.json`,
  async run({ values }) {
    const started = performance.now();
    const id = values.space;
    if (typeof id !== 'string')
      throw new UsageError(`--space is required; choose one of ${SPACE_IDS.join(', ')}.`);
    const space = findSpace(id);
    if (!space) throw new UsageError(`Unknown design space '${id}'; choose one of ${SPACE_IDS.join(', ')}.`);
    if (values.epochs === undefined)
      throw new UsageError('--epochs is required (e.g. --epochs 1 for a quick sweep).');
    const out = values.out;
    if (typeof out !== 'string' || out === '')
      throw new UsageError('--out is required: the results file to write.');
    const resume = Boolean(values.resume);
    const n = numberOption(values, 'n', 10, { integer: true, min: 1, max: 100_000 });
    const seed = numberOption(values, 'seed', 0, { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
    const rounding = choiceOption<Rounding>(values, 'rounding', ROUNDINGS, 'pycls');
    const band = bandFromArgs(values);
    const options = trainOptionsFromArgs(values, seed);
    const exists = checkOutPath(out, resume);

    const { spec, data } = await loadDataFromArgs(values);
    const shape = dataShape(data);
    checkShapeOptions(values, shape, data);
    const models = sampleModels(space, { n, seed, shape, band, rounding });

    const settings = sweepSettings(n, seed, band, shape, rounding, dataSpecText(spec), data, options);
    const sweep = sweepId(space.id, seed, settings);
    const ids = models.map((_, i) => `${sweep}/${i + 1}`);
    let info: SweepInfo = { id: sweep, name: `${space.id} seed ${seed}`, space: space.id, settings };
    const existing = exists ? readExistingSweep(out, info) : undefined;
    const records = existing?.records ?? new Map<string, ResultRecord>();
    const finished = (rid: string) => ['done', 'diverged'].includes(records.get(rid)?.status ?? '');
    const todo = ids.filter((rid) => !finished(rid)).length;
    const skipped = n - todo;
    if (existing) process.stderr.write(`resuming ${sweep}: ${skipped} of ${n} models already finished\n`);

    // Models beyond n (an earlier, larger run) stay in the file, after this run's models.
    const ordered = () => [
      ...ids.filter((rid) => records.has(rid)).map((rid) => records.get(rid)!),
      ...[...records.values()].filter((r) => !ids.includes(r.id)),
    ];
    const finish = (trained: number) => {
      const summary = summarize(
        out,
        sweep,
        ordered(),
        trained,
        skipped,
        (performance.now() - started) / 1000,
      );
      if (values.json) return printJson(summary);
      const err =
        summary.minError === null
          ? ''
          : `; error min ${percent(summary.minError)}, mean ${percent(summary.meanError!)}`;
      console.log(
        `${out}: sweep ${sweep}, ${summary.n} models (${summary.done} done, ${summary.diverged} diverged, ` +
          `${summary.failed} failed)${err}; ${summary.trained} trained now in ${summary.wallSeconds.toFixed(1)} s`,
      );
    };
    if (todo === 0) return finish(0);

    const backend = await startBackend(values);
    const createdAt = existing?.doc.createdAt ?? new Date().toISOString();
    info = {
      ...info,
      createdAt: existing?.info?.createdAt ?? createdAt,
      settings: { ...settings, backend: backend.name },
    };
    const save = () => writeResultsFile(out, sweepDocument(info, ordered(), createdAt));
    save();

    const status = createStatusLine(process.stderr);
    let stop = false;
    const onSigint = () => {
      // The file is replaced atomically, so a second Ctrl-C can leave at once.
      if (stop) process.exit(130);
      stop = true;
      status.log('interrupt: stopping after the current step; Ctrl-C again to quit now');
    };
    process.on('SIGINT', onSigint);

    const runStart = performance.now();
    const speeds: number[] = [];
    let current: ModelProgress | undefined;
    let currentSpeed: number | null = null;
    let done = skipped;
    let trained = 0;
    const meanSpeed = () => {
      const all = currentSpeed === null ? speeds : [...speeds, currentSpeed];
      return all.length ? all.reduce((a, b) => a + b, 0) / all.length : null;
    };
    const redraw = () =>
      status.update(
        formatSweepLine({
          done,
          total: n,
          skipped,
          current,
          imagesPerSec: meanSpeed(),
          elapsedSeconds: (performance.now() - runStart) / 1000,
        }),
      );
    const trainOptions = { ...options, ...(backend.adapter ? { adapter: backend.adapter } : {}) };
    const dataInfo = dataInfoOf(data, options);
    const training = trainingInfoOf(options);

    try {
      for (let i = 0; i < n && !stop; i++) {
        if (finished(ids[i])) continue;
        const config = sampledModelConfig(models[i], `${space.id}-seed${seed}-${i + 1}`);
        const context: Omit<RecordContext, 'finishedAt'> = {
          id: ids[i],
          sweep,
          space: space.id,
          config,
          data: dataInfo,
          training,
        };
        current = { index: i + 1, epoch: 1, epochs: options.epochs, step: 0, totalSteps: 0 };
        currentSpeed = null;
        redraw();
        const t0 = performance.now();
        let record: ResultRecord;
        try {
          const result = await trainModel(config.network, data, trainOptions, {
            onProgress(e) {
              if (e.type === 'step')
                current = { ...current!, epoch: e.epoch, step: e.step, totalSteps: e.totalSteps };
              else if (e.type === 'loss') currentSpeed = e.imagesPerSec;
              else if (e.type === 'eval')
                current = { ...current!, evalBatch: e.batch, evalBatches: e.batches };
              else return;
              redraw();
            },
            shouldStop: () => stop,
            // A macrotask turn per step lets Ctrl-C and the output streams through.
            yieldEvery: () => new Promise((resolve) => setImmediate(resolve)),
          });
          if (result.status === 'cancelled') break;
          record = resultToRecord(result, { ...context, finishedAt: new Date().toISOString() });
        } catch (e) {
          record = failureToRecord((e as Error).message, {
            ...context,
            finishedAt: new Date().toISOString(),
            backend: backend.name,
            wallSeconds: (performance.now() - t0) / 1000,
          });
        }
        records.set(ids[i], record);
        save();
        trained++;
        done++;
        if (record.timings.imagesPerSec !== null) speeds.push(record.timings.imagesPerSec);
        current = undefined;
        currentSpeed = null;
        // Status first, so that the line redrawn under the log line is the new one.
        redraw();
        status.log(modelLine(i + 1, n, record));
      }
    } finally {
      status.end();
      process.off('SIGINT', onSigint);
    }
    if (stop) {
      const kept = ordered().filter((r) => ids.includes(r.id) && finished(r.id)).length;
      process.stderr.write(
        `interrupted: ${kept} of ${n} models are in ${out}; run the same command with --resume to finish.\n`,
      );
      process.exit(130);
    }
    finish(trained);
  },
};
