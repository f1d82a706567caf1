import { z } from 'zod';
import { defaultStemFor, IMAGENET_SHAPE, type NetworkShape } from '../space/anynet';
import { complexity, type Complexity } from '../space/complexity';
import { regnetParamProblems, regnetToAnyNet, type RegNetParams } from '../space/regnet';
import { describeValue } from './describe-value';
import { FormatError } from './format-error';
import { checkHeader } from './header';
import { errorMap, issueLines } from './issues';
import { isPlainObject, readJson } from './json-text';
import {
  makeModelConfig,
  MODEL_CONFIG_SCHEMA,
  MODEL_CONFIG_VERSION,
  type ModelConfigDoc,
} from './model-config';
import { describeStageDifference, sameStages, shapeOf } from './network-diff';
import { resolveSafely } from './resolve-safely';
import {
  anyNetConfigSchema,
  intIn,
  modelConfigSchema,
  regnetParamsSchema,
  roundingSchema,
  text,
} from './schema';

/** A model config is a few kilobytes; anything near this is not one. */
export const MODEL_CONFIG_MAX_CHARS = 1_000_000;

const DEFAULT_SOURCE = 'model config';

export interface Checked<T> {
  doc: T;
  /** Things that were repaired or look inconsistent, in words; the doc is still usable. */
  warnings: string[];
}

function validate<T>(schema: z.ZodType<T>, value: unknown, source: string, summary: string): T {
  const result = schema.safeParse(value, { error: errorMap });
  if (!result.success) throw new FormatError(source, summary, issueLines(result.error.issues));
  return result.data;
}

/** Schema check only (no recomputation): for documents built in memory, e.g. before export. */
export const validateModelConfig = (value: unknown, source = DEFAULT_SOURCE): ModelConfigDoc =>
  validate(modelConfigSchema, value, source, 'is not a valid dslab model config:');

export const sameComplexity = (a: Complexity, b: Complexity) =>
  a.flops === b.flops && a.params === b.params && a.acts === b.acts;

const describeComplexity = (c: Complexity) => `flops ${c.flops}, params ${c.params}, acts ${c.acts}`;

/** Does the stored network follow from the stored RegNet parameters? (It is used either way.) */
function regnetWarnings(doc: ModelConfigDoc, prefix: string): string[] {
  if (!doc.regnet) return [];
  const problems = regnetParamProblems(doc.regnet);
  if (problems.length) {
    return [
      `${prefix}regnet: pycls, timm and torchvision reject these RegNet parameters (${problems.join('; ')}); ` +
        'the stored network is used as is.',
    ];
  }
  const regnet = doc.regnet;
  const resolved = resolveSafely(() => regnetToAnyNet(regnet, shapeOf(doc.network), doc.rounding).config);
  if ('error' in resolved) {
    return [
      `${prefix}regnet: these RegNet parameters cannot be resolved (${resolved.error}); the stored network is used.`,
    ];
  }
  const expected = resolved.value;
  const net = doc.network;
  const differences: string[] = [];
  if (!sameStages(expected.stages, net.stages, true)) {
    differences.push(describeStageDifference(expected.stages, net.stages, true));
  }
  if (expected.stem.width !== net.stem.width) {
    differences.push(`stem width ${expected.stem.width} where this config has ${net.stem.width}`);
  }
  if (expected.seRatio !== net.seRatio) {
    differences.push(`SE ratio ${expected.seRatio} where this config has ${net.seRatio}`);
  }
  if (!differences.length) return [];
  return [
    `${prefix}network: its RegNet parameters give (with ${doc.rounding} rounding) ${differences.join('; ')}; ` +
      'the stored network is used.',
  ];
}

/**
 * The semantic checks after the schema: complexity is recomputed (a file's numbers are not trusted) and
 * the RegNet parameters are compared with the stored network. `where` prefixes warnings (e.g. "records[3].config.").
 */
export function checkModelConfig(doc: ModelConfigDoc, where = ''): Checked<ModelConfigDoc> {
  const warnings: string[] = [];
  const recomputed = complexity(doc.network);
  if (!sameComplexity(recomputed, doc.complexity)) {
    warnings.push(
      `${where}complexity: the stored values (${describeComplexity(doc.complexity)}) differ from the ` +
        `recomputed ones (${describeComplexity(recomputed)}); the recomputed values are used.`,
    );
  }
  warnings.push(...regnetWarnings(doc, where));
  return { doc: { ...doc, complexity: recomputed }, warnings };
}

/** A bare RegNet parameter object, optionally with the input shape: {depth, w0, wa, wm, groupWidth, ...}. */
const bareRegNetSchema = z.strictObject({
  name: text().optional(),
  ...regnetParamsSchema.shape,
  bottleneckRatio: regnetParamsSchema.shape.bottleneckRatio.default(1),
  seRatio: regnetParamsSchema.shape.seRatio.default(0),
  resolution: intIn(1, 4096).optional(),
  channels: intIn(1, 4096).optional(),
  classes: intIn(1, 100_000).optional(),
  stem: z.enum(['imagenet', 'cifar']).optional(),
  rounding: roundingSchema.optional(),
});

function fromBareRegNet(value: unknown, source: string): ModelConfigDoc {
  const bare = validate(bareRegNetSchema, value, source, 'is not valid RegNet parameters:');
  const { name, depth, w0, wa, wm, groupWidth, bottleneckRatio, seRatio } = bare;
  const regnet: RegNetParams = { depth, w0, wa, wm, groupWidth, bottleneckRatio, seRatio };
  const problems = regnetParamProblems(regnet);
  if (problems.length) {
    throw new FormatError(source, 'has RegNet parameters that pycls, timm and torchvision reject:', problems);
  }
  const resolution = bare.resolution ?? IMAGENET_SHAPE.resolution;
  const shape: NetworkShape = {
    resolution,
    channels: bare.channels ?? IMAGENET_SHAPE.channels,
    classes: bare.classes ?? IMAGENET_SHAPE.classes,
    stem: bare.stem ?? defaultStemFor(resolution),
  };
  const rounding = bare.rounding ?? 'pycls';
  const { config } = regnetToAnyNet(regnet, shape, rounding);
  const doc = makeModelConfig(config, complexity(config), { ...(name ? { name } : {}), regnet, rounding });
  return validate(modelConfigSchema, doc, source, 'gives a network outside the supported bounds:');
}

function fromBareAnyNet(value: unknown, source: string): ModelConfigDoc {
  const network = validate(anyNetConfigSchema, value, source, 'is not a valid AnyNet config:');
  return makeModelConfig(network, complexity(network));
}

const REGNET_KEYS = ['depth', 'w0', 'wa', 'wm'];

/**
 * Reads a parsed JSON value as a model config. Accepted: a dslab.model-config v1 document; a bare RegNet
 * parameter object (the rest is derived, ImageNet shape unless given); a bare AnyNet config.
 */
export function modelConfigFromValue(value: unknown, source = DEFAULT_SOURCE): Checked<ModelConfigDoc> {
  if (!isPlainObject(value)) {
    throw new FormatError(source, `expected a JSON object (a model config), got ${describeValue(value)}.`);
  }
  const has = (key: string) => Object.hasOwn(value, key);
  if (has('schema') || has('version')) {
    checkHeader(
      value,
      { schema: MODEL_CONFIG_SCHEMA, version: MODEL_CONFIG_VERSION, what: 'a dslab model config' },
      source,
    );
    return checkModelConfig(validateModelConfig(value, source));
  }
  if (has('network')) {
    throw new FormatError(
      source,
      `looks like a model config but lacks "schema": "${MODEL_CONFIG_SCHEMA}" and "version": ${MODEL_CONFIG_VERSION}; add them.`,
    );
  }
  if (has('stages')) return { doc: fromBareAnyNet(value, source), warnings: [] };
  if (REGNET_KEYS.some(has)) return { doc: fromBareRegNet(value, source), warnings: [] };
  throw new FormatError(
    source,
    'is not a model config. Expected one of: a dslab model config ({"schema": "dslab.model-config", ' +
      '"version": 1, ...}); RegNet parameters ({"depth": 13, "w0": 24, "wa": 36.44, "wm": 2.49, "groupWidth": 8}); ' +
      'or an AnyNet config ({"stem": ..., "stages": [...], "seRatio": ..., "head": ..., "input": ...}).',
  );
}

/** Reads model config JSON text; throws FormatError with a readable message for anything malformed or hostile. */
export function readModelConfig(text: string, source = DEFAULT_SOURCE): Checked<ModelConfigDoc> {
  const value = readJson(text, { source, what: 'model config', maxChars: MODEL_CONFIG_MAX_CHARS });
  return modelConfigFromValue(value, source);
}

/** readModelConfig without the warnings (the returned doc already carries the recomputed complexity). */
export const parseModelConfig = (text: string, source?: string): ModelConfigDoc =>
  readModelConfig(text, source).doc;

/** Pretty JSON in schema key order; refuses a document that would not read back. */
export function serializeModelConfig(doc: ModelConfigDoc): string {
  return `${JSON.stringify(validateModelConfig(doc), null, 2)}\n`;
}
