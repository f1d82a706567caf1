import { existsSync } from 'node:fs';
import type { NetworkShape, StemType } from '../space/anynet';
import { defaultStemFor } from '../space/anynet';
import { complexity } from '../space/complexity';
import type { Rounding } from '../space/compat';
import { findPreset, PRESETS } from '../space/presets';
import { regnetToAnyNet } from '../space/regnet';
import { makeModelConfig, withInputShape, type ModelConfigDoc } from '../io/model-config';
import { parseModelConfig } from '../io/parse';
import { UsageError, choiceOption, numberOption, type ParsedArgs } from './args';
import { readTextFile } from './read-file';

export const SHAPE_OPTIONS = {
  resolution: { type: 'string' },
  'in-channels': { type: 'string' },
  classes: { type: 'string' },
  stem: { type: 'string' },
} as const;

export const SHAPE_HELP = `  --resolution N     input size in pixels (default 224)
  --in-channels C    input channels (default 3)
  --classes K        number of classes (default 1000)
  --stem S           imagenet (3x3 stride 2) or cifar (3x3 stride 1); default imagenet at >= 64px, cifar below`;

/** The network shape from --resolution/--in-channels/--classes/--stem, with `base` as defaults. */
export function shapeFromArgs(values: ParsedArgs['values'], base: Partial<NetworkShape> = {}): NetworkShape {
  const resolution = numberOption(values, 'resolution', base.resolution ?? 224, { integer: true, min: 1, max: 4096 });
  return {
    resolution,
    channels: numberOption(values, 'in-channels', base.channels ?? 3, { integer: true, min: 1, max: 1024 }),
    classes: numberOption(values, 'classes', base.classes ?? 1000, { integer: true, min: 1, max: 100000 }),
    stem: choiceOption<StemType>(
      values,
      'stem',
      ['imagenet', 'cifar'],
      values.resolution === undefined && base.stem ? base.stem : defaultStemFor(resolution),
    ),
  };
}

/** Resolves `<preset name | config.json>` into a model config, applying any shape options given. */
export function loadModel(source: string | undefined, values: ParsedArgs['values'], rounding: Rounding): ModelConfigDoc {
  if (!source) throw new UsageError('Name a preset (e.g. RegNetX-200MF) or a model config JSON file.');
  const preset = findPreset(source);
  if (preset) {
    const shape = shapeFromArgs(values);
    const { config } = regnetToAnyNet(preset, shape, rounding);
    const { name, depth, w0, wa, wm, groupWidth, bottleneckRatio, seRatio } = preset;
    return makeModelConfig(config, complexity(config), {
      name,
      regnet: { depth, w0, wa, wm, groupWidth, bottleneckRatio, seRatio },
      rounding,
    });
  }
  if (!existsSync(source)) {
    const names = PRESETS.map((p) => p.name).join(', ');
    throw new UsageError(`'${source}' is neither a preset nor an existing file. Presets: ${names}.`);
  }
  const doc = parseModelConfig(readTextFile(source, 'model config'), source);
  const given = ['resolution', 'in-channels', 'classes', 'stem'].some((k) => values[k] !== undefined);
  if (!given) return doc;
  const net = doc.network;
  return withInputShape(
    doc,
    shapeFromArgs(values, {
      resolution: net.input.resolution,
      channels: net.input.channels,
      classes: net.head.classes,
      stem: net.stem.type,
    }),
  );
}
