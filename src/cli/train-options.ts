import { DEFAULT_BATCH_SIZE, DEFAULT_EPOCHS, resolveTrainOptions, type TrainOptions } from '../train/options';
import { numberOption, UsageError, type ParsedArgs } from './args';

export const TRAIN_OPTIONS = {
  epochs: { type: 'string' },
  warmup: { type: 'string' },
  batch: { type: 'string' },
  lr: { type: 'string' },
  'train-size': { type: 'string' },
  'test-size': { type: 'string' },
  augment: { type: 'boolean' },
} as const;

export const TRAIN_HELP = `  --epochs E         training epochs (default ${DEFAULT_EPOCHS})
  --warmup W         linear warm-up in epochs, may be fractional (default min(1, epochs / 3))
  --batch B          batch size (default ${DEFAULT_BATCH_SIZE})
  --lr L             base learning rate (default 0.1 * batch / 128), cosine schedule to 0
  --train-size N     train on a class-balanced subset of N images (default: the whole training split)
  --test-size N      evaluate on a class-balanced subset of N test images (default: the whole test split)
  --augment          random crop with padding (and horizontal flip where the data allows it)`;

const BIG = 1e9;

/** The training recipe from the command line, checked and completed with the trainer's defaults. */
export function trainOptionsFromArgs(
  values: ParsedArgs['values'],
  seed: number,
  extra: Partial<TrainOptions> = {},
): TrainOptions {
  const epochs = numberOption(values, 'epochs', DEFAULT_EPOCHS, { integer: true, min: 1, max: 100_000 });
  const batchSize = numberOption(values, 'batch', DEFAULT_BATCH_SIZE, { integer: true, min: 1, max: 65_536 });
  const optional = (name: string, check: Parameters<typeof numberOption>[3]) =>
    values[name] === undefined ? undefined : numberOption(values, name, 0, check);
  const partial: Partial<TrainOptions> = {
    ...extra,
    epochs,
    batchSize,
    warmupEpochs: optional('warmup', { min: 0, max: epochs }),
    lr: optional('lr', { min: 0, max: BIG }),
    trainSize: optional('train-size', { integer: true, min: 1, max: BIG }),
    testSize: optional('test-size', { integer: true, min: 1, max: BIG }),
    augment: Boolean(values.augment),
    seed,
  };
  try {
    return resolveTrainOptions(partial);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
