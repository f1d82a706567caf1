import type { AnyNetConfig, NetworkShape } from '../space/anynet';
import type { Rounding } from '../space/compat';
import { complexity, type Complexity } from '../space/complexity';
import type { RegNetParams } from '../space/regnet';

export const MODEL_CONFIG_SCHEMA = 'dslab.model-config';
export const MODEL_CONFIG_VERSION = 1;

/**
 * The exported model config (what the lab's "Export JSON" writes and `dslab train` reads).
 * `network` holds the resolved stages (after group compatibility): what is built and trained.
 */
export interface ModelConfigDoc {
  schema: typeof MODEL_CONFIG_SCHEMA;
  version: typeof MODEL_CONFIG_VERSION;
  name?: string;
  /** Design space id when the model was sampled (anynetx_a ... regnety). */
  space?: string;
  /** The RegNet parameters when the model is a RegNet. */
  regnet?: RegNetParams;
  /** The sampled design parameters as drawn (e.g. d1..d4, w1..w4, b, g), for analysis. */
  design?: Record<string, number>;
  rounding: Rounding;
  network: AnyNetConfig;
  complexity: Complexity;
}

export function makeModelConfig(
  network: AnyNetConfig,
  complexity: Complexity,
  extra: Partial<Pick<ModelConfigDoc, 'name' | 'space' | 'regnet' | 'design' | 'rounding'>> = {},
): ModelConfigDoc {
  return {
    schema: MODEL_CONFIG_SCHEMA,
    version: MODEL_CONFIG_VERSION,
    ...extra,
    rounding: extra.rounding ?? 'pycls',
    network,
    complexity,
  };
}

/**
 * The same stages for another input and head (e.g. an explorer config counted at 224 px, trained on 28 px
 * Fashion-MNIST): widths and depths do not depend on the input, the stem, head and complexity do.
 */
export function withInputShape(doc: ModelConfigDoc, shape: NetworkShape): ModelConfigDoc {
  const net = doc.network;
  const network: AnyNetConfig = {
    ...net,
    stem: { ...net.stem, type: shape.stem },
    head: { ...net.head, classes: shape.classes },
    input: { ...net.input, channels: shape.channels, resolution: shape.resolution },
  };
  return { ...doc, network, complexity: complexity(network) };
}
