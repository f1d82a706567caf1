import type { AnyNetConfig } from '../../space/anynet';
import { ROUNDINGS, type Rounding } from '../../space/compat';
import type { CurvePoint, DataInfo, TrainingInfo } from '../../io/results';
import type { CurvePoint as TrainCurvePoint, TrainResult } from '../../train/trainer';
import { trainModel } from '../../train/trainer';
import { choiceOption, numberOption, printJson, type CommandSpec } from '../args';
import { BACKEND_HELP, startBackend } from '../backend-option';
import { dataShape, fitModelToData } from '../data-shape';
import { percent, si } from '../format';
import { loadModel } from '../model-source';
import { DATA_HELP, loadDataFromArgs } from '../node-data';
import { TRAIN_HELP, TRAIN_OPTIONS, trainOptionsFromArgs } from '../train-options';
import { curveToFractions, percentToFraction, trainingInfoOf } from '../../train/result-record';
import { dataInfoOf } from '../train-record';

/** What `dslab train --json` prints. Errors are fractions in [0, 1], as in results files. */
export interface TrainOutput {
  model: string;
  status: TrainResult['status'];
  /** Final test top-1 error; null unless status is "done". */
  testError: number | null;
  message?: string;
  curve: CurvePoint[];
  imagesPerSec: number | null;
  inferenceMsPerImage: number | null;
  backend: { name: string; adapter?: string };
  /** Exact pycls counts of the model as trained (after any rebuild for the data's shape). */
  params: number;
  flops: number;
  acts: number;
  /** The network as trained. */
  network: AnyNetConfig;
  data: DataInfo;
  training: TrainingInfo & { augment: boolean };
  wallSeconds: number;
  steps: number;
  peakBytes: number;
}

function epochLine(p: TrainCurvePoint, epochs: number, seconds: number): string {
  const test = p.testError === undefined ? '' : `, test error ${percent(percentToFraction(p.testError))}`;
  return (
    `epoch ${p.epoch}/${epochs}: loss ${p.trainLoss.toFixed(4)}, train error ` +
    `${percent(percentToFraction(p.trainError))}${test}, lr ${p.lr.toPrecision(3)} (${seconds.toFixed(1)} s)`
  );
}

function printSummary(out: TrainOutput): void {
  const lines = [
    `${out.model}: ${out.status}${out.testError === null ? '' : `, test error ${percent(out.testError)}`}`,
    `  ${si(out.flops)} flops, ${si(out.params)} params, ${out.data.resolution}px x ${out.data.channels}ch, ` +
      `${out.data.classes} classes; ${out.data.trainSize} train / ${out.data.testSize} test images of ${out.data.name}`,
    `  ${out.training.epochs} epoch${out.training.epochs === 1 ? '' : 's'}, batch ${out.training.batchSize}, lr ${out.training.lr}, ` +
      `${out.steps} steps in ${out.wallSeconds.toFixed(1)} s on ${out.backend.name}` +
      (out.backend.adapter ? ` (${out.backend.adapter})` : ''),
    `  ${out.imagesPerSec === null ? '--' : Math.round(out.imagesPerSec)} images/s training` +
      (out.inferenceMsPerImage === null ? '' : `, ${out.inferenceMsPerImage.toFixed(3)} ms/image inference`),
  ];
  if (out.message) lines.push(`  ${out.message}`);
  console.log(lines.join('\n'));
}

export const trainCommand: CommandSpec = {
  name: 'train',
  summary: 'train one model (a preset or a model config) on a data set and report its test error and speed',
  usage:
    'dslab train <preset | config.json> --data <spec> [--epochs E] [--warmup W] [--batch B] [--lr L] [--train-size N] [--test-size N] [--seed S] [--backend wasm|cpu|auto] [--augment] [--json]',
  options: {
    ...TRAIN_OPTIONS,
    data: { type: 'string' },
    seed: { type: 'string' },
    backend: { type: 'string' },
    rounding: { type: 'string' },
  },
  help: `${DATA_HELP}
${TRAIN_HELP}
  --seed S           seed of weight init, shuffling and augmentation (default 0); same seed, same backend,
                     same result
${BACKEND_HELP}
  --rounding R       for presets: width/group compatibility convention, pycls (default) or torchvision
  --json             one JSON document on stdout: { model, status, testError, message?, curve, imagesPerSec,
                     inferenceMsPerImage, backend {name, adapter?}, params, flops, acts, network, data,
                     training, wallSeconds, steps, peakBytes }; testError and the curve's errors are
                     fractions in [0, 1]

The model is built for the data set's shape: a preset or config made for another resolution, channel count or
class count is rebuilt with the same stages (cifar stem below 64px), with a note on stderr. Per-epoch lines go
to stderr while it trains (the test error after every epoch).
A run whose loss becomes NaN or infinite ends with status "diverged" (testError null) and exit code 0: the run
itself is a result. Exit code 1 means training failed, 2 bad input.

Examples:
  dslab train RegNetX-200MF --data fashion-mnist --epochs 3 --train-size 10000
  dslab sample --space regnetx --n 1 --resolution 28 --in-channels 1 --classes 10 --flops 2e6:6e6 --json \\
    | jq '.models[0]' > m.json && dslab train m.json --data builtin --json`,
  async run({ values, positionals }) {
    const rounding = choiceOption<Rounding>(values, 'rounding', ROUNDINGS, 'pycls');
    const source = loadModel(positionals[0], {}, rounding);
    const seed = numberOption(values, 'seed', 0, { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
    const partial = trainOptionsFromArgs(values, seed, { evalEachEpoch: true });
    const { data } = await loadDataFromArgs(values);
    const { doc, note } = fitModelToData(source, dataShape(data));
    if (note) process.stderr.write(`${note}\n`);
    const backend = await startBackend(values);
    const options = { ...partial, ...(backend.adapter ? { adapter: backend.adapter } : {}) };
    const name = doc.name ?? positionals[0]!;

    let epochStart = performance.now();
    const result = await trainModel(doc.network, data, options, {
      onProgress(e) {
        if (e.type !== 'epoch') return;
        const now = performance.now();
        process.stderr.write(`${epochLine(e.point, options.epochs, (now - epochStart) / 1000)}\n`);
        epochStart = now;
      },
      // A macrotask turn per step lets Ctrl-C and the output streams through.
      yieldEvery: () => new Promise((resolve) => setImmediate(resolve)),
    });
    const info = trainingInfoOf(options);
    const out: TrainOutput = {
      model: name,
      status: result.status,
      testError: result.testError === null ? null : percentToFraction(result.testError),
      ...(result.message ? { message: result.message } : {}),
      curve: curveToFractions(result.curve),
      imagesPerSec: result.imagesPerSec,
      inferenceMsPerImage: result.inferenceMsPerImage,
      backend: result.backend,
      params: doc.complexity.params,
      flops: doc.complexity.flops,
      acts: doc.complexity.acts,
      network: doc.network,
      data: dataInfoOf(data, options),
      training: { ...info, warmupEpochs: options.warmupEpochs, augment: options.augment },
      wallSeconds: result.wallSeconds,
      steps: result.steps,
      peakBytes: result.peakBytes,
    };
    if (!values.json) return printSummary(out);
    // The summary says it in words; a script reading the JSON may not look at status.
    if (result.status === 'diverged')
      process.stderr.write(`warning: the model diverged. ${result.message}\n`);
    printJson(out);
  },
};
