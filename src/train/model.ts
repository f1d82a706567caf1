import * as tf from '@tensorflow/tfjs-core';
import type { AnyNetConfig } from '../space/anynet';
import { planNetwork, type BlockPlan, type NetworkPlan } from '../space/plan';
import { batchNorm, type BnMode, type BnWeights } from './batchnorm';
import { pyclsConv2d } from './conv';
import { groupedConv2d } from './group-conv';
import { deriveSeed } from '../data/random';
import { initTensor } from './init';
import { blockPrefix, paramSpecs, type ParamSpec } from './params';

/**
 * A trainable AnyNet: the variables of paramSpecs(planNetwork(cfg)) plus a functional forward pass.
 * Built from the plan that complexity() counts, so the parameter count cannot drift from it.
 * Every conv pads like pycls, (k-1)/2 on every side (conv.ts, group-conv.ts).
 */
export interface ModelParam {
  spec: ParamSpec;
  variable: tf.Variable;
}

export interface Model {
  plan: NetworkPlan;
  /** All parameters and BN buffers in the deterministic spec order. */
  params: ModelParam[];
  byName: ReadonlyMap<string, tf.Variable>;
}

const INIT_STREAM = 0x1417;

export function buildModel(cfg: AnyNetConfig, seed = 0): Model {
  const plan = planNetwork(cfg);
  const specs = paramSpecs(plan);
  // Parameter i draws from stream i of the run's init stream (shuffling and augmentation use other streams).
  const initSeed = deriveSeed(seed, INIT_STREAM);
  // Unnamed variables: tfjs variable names are global, and several models may coexist.
  const params = specs.map((spec, i) => ({
    spec,
    variable: tf.tidy(() =>
      tf.variable(initTensor(spec.shape, spec.init, deriveSeed(initSeed, i)), spec.trainable),
    ),
  }));
  return { plan, params, byName: new Map(params.map((p) => [p.spec.name, p.variable])) };
}

export const trainableVariables = (m: Model): tf.Variable[] =>
  m.params.filter((p) => p.spec.trainable).map((p) => p.variable);

export function disposeModel(m: Model): void {
  for (const p of m.params) p.variable.dispose();
}

/** Number of trainable weights of the built model (BN running stats excluded, as in complexity()). */
export function countModelParams(cfg: AnyNetConfig): number {
  const m = buildModel(cfg);
  try {
    return trainableVariables(m).reduce((n, v) => n + v.size, 0);
  } finally {
    disposeModel(m);
  }
}

function weight(m: Model, name: string): tf.Variable {
  const v = m.byName.get(name);
  if (!v) throw new Error(`Model has no parameter '${name}' (internal: params and forward disagree).`);
  return v;
}

const bnWeights = (m: Model, name: string): BnWeights => ({
  gamma: weight(m, `${name}.gamma`),
  beta: weight(m, `${name}.beta`),
  mean: weight(m, `${name}.mean`),
  variance: weight(m, `${name}.var`),
});

const conv = (x: tf.Tensor4D, w: tf.Tensor, stride: number): tf.Tensor4D =>
  pyclsConv2d(x, w as tf.Tensor4D, stride);

/** Squeeze-and-excitation: global pool, 1x1 conv + bias, ReLU, 1x1 conv + bias, sigmoid, scale. */
function squeezeExcite(m: Model, p: string, x: tf.Tensor4D, b: BlockPlan): tf.Tensor4D {
  const dense = (h: tf.Tensor2D, name: string, cin: number, cout: number) =>
    tf.add(
      tf.matMul(h, tf.reshape(weight(m, `${name}.w`), [cin, cout])),
      weight(m, `${name}.b`),
    ) as tf.Tensor2D;
  const pooled = tf.mean(x, [1, 2]) as tf.Tensor2D;
  const squeezed = tf.relu(dense(pooled, `${p}.se.reduce`, b.wB, b.wSe));
  const gate = tf.sigmoid(dense(squeezed, `${p}.se.expand`, b.wSe, b.wB));
  return tf.mul(x, tf.reshape(gate, [-1, 1, 1, b.wB])) as tf.Tensor4D;
}

/** X block (Y block with SE): 1x1 -> grouped 3x3 (stride) -> [SE] -> 1x1, plus shortcut, then ReLU. */
function block(m: Model, b: BlockPlan, x: tf.Tensor4D, mode: BnMode): tf.Tensor4D {
  const p = blockPrefix(b);
  const shortcut = b.projection
    ? batchNorm(conv(x, weight(m, `${p}.proj.w`), b.stride), bnWeights(m, `${p}.proj_bn`), mode)
    : x;
  let f = tf.relu(batchNorm(conv(x, weight(m, `${p}.conv_a.w`), 1), bnWeights(m, `${p}.bn_a`), mode));
  const fb = groupedConv2d(f, weight(m, `${p}.conv_b.w`) as tf.Tensor4D, b.stride, b.groups);
  f = tf.relu(batchNorm(fb, bnWeights(m, `${p}.bn_b`), mode));
  if (b.wSe > 0) f = squeezeExcite(m, p, f, b);
  f = batchNorm(conv(f, weight(m, `${p}.conv_c.w`), 1), bnWeights(m, `${p}.bn_c`), mode);
  return tf.relu(tf.add(shortcut, f)) as tf.Tensor4D;
}

/**
 * Logits [N, classes] for an NHWC batch. `training` selects batch statistics (and updates the running
 * ones) or running statistics. Call inside tf.tidy (or a gradient function): intermediates are not disposed here.
 */
export function forward(m: Model, x: tf.Tensor4D, training: boolean | BnMode): tf.Tensor2D {
  const { stem, blocks } = m.plan;
  const [, h, w, c] = x.shape;
  if (h !== stem.hIn || w !== stem.hIn || c !== stem.wIn) {
    throw new Error(
      `Input batch is ${h}x${w}x${c} but the model expects ${stem.hIn}x${stem.hIn}x${stem.wIn} (NHWC); ` +
        'set the config input resolution and channels to the data set.',
    );
  }
  const mode: BnMode = typeof training === 'boolean' ? { training } : training;
  let y = tf.relu(batchNorm(conv(x, weight(m, 'stem.conv.w'), stem.stride), bnWeights(m, 'stem.bn'), mode));
  for (const b of blocks) y = block(m, b, y, mode);
  const pooled = tf.mean(y, [1, 2]) as tf.Tensor2D;
  return tf.add(
    tf.matMul(pooled, weight(m, 'head.fc.w') as tf.Tensor2D),
    weight(m, 'head.fc.b'),
  ) as tf.Tensor2D;
}
