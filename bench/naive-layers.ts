import * as tf from '@tensorflow/tfjs';
import type { AnyNetConfig } from '../src/space/anynet';
import { floorDiv, roundHalfEven } from '../src/space/round';

// The benchmark's baseline: an AnyNetX written the way a tfjs user would, with the tf.layers functional API,
// 'same' padding, a split/conv2d/concat grouped-conv layer, tf.train.momentum and model.fit. It reads the stage
// list of the config directly (not dslab's plan), so its parameter count is an independent check that both
// benchmark sides train the same network.

interface GroupConv2DArgs {
  filters: number;
  kernelSize: number;
  strides: number;
  groups: number;
  name?: string;
}

/** Grouped convolution as users write it in tfjs (no `groups` option exists): split, one conv2d per group, concat. */
export class GroupConv2D extends tf.layers.Layer {
  static readonly className = 'GroupConv2D';
  private readonly args: GroupConv2DArgs;
  private kernels: tf.LayerVariable[] = [];

  constructor(args: GroupConv2DArgs) {
    super({ name: args.name });
    this.args = args;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = shape[3];
    const { filters, groups, kernelSize: k } = this.args;
    if (channels == null || channels % groups !== 0 || filters % groups !== 0) {
      throw new Error(
        `GroupConv2D: ${channels} input and ${filters} output channels must both be divisible by ${groups} groups`,
      );
    }
    this.kernels = Array.from({ length: groups }, (_, g) =>
      this.addWeight(
        `kernel_${g}`,
        [k, k, channels / groups, filters / groups],
        'float32',
        tf.initializers.heNormal({}),
      ),
    );
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const [n, h, w] = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const out = (d: number | null) => (d == null ? null : Math.ceil(d / this.args.strides));
    return [n, out(h), out(w), this.args.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      const parts = tf.split(x, this.args.groups, 3) as tf.Tensor4D[];
      const outs = parts.map((part, g) =>
        tf.conv2d(part, this.kernels[g].read() as tf.Tensor4D, this.args.strides, 'same'),
      );
      return tf.concat(outs, 3);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { filters, kernelSize, strides, groups } = this.args;
    return { ...super.getConfig(), filters, kernelSize, strides, groups };
  }
}
tf.serialization.registerClass(GroupConv2D);

type Sym = tf.SymbolicTensor;

const conv = (x: Sym, filters: number, kernelSize: number, strides: number): Sym =>
  tf.layers
    .conv2d({ filters, kernelSize, strides, padding: 'same', useBias: false, kernelInitializer: 'heNormal' })
    .apply(x) as Sym;

// Keras momentum 0.9 = PyTorch 0.1; pycls eps.
const bn = (x: Sym): Sym => tf.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5 }).apply(x) as Sym;

const relu = (x: Sym): Sym => tf.layers.activation({ activation: 'relu' }).apply(x) as Sym;

/** X block: 1x1 -> grouped 3x3 (stride) -> 1x1, projection shortcut when the shape changes, then ReLU. */
function xBlock(
  x: Sym,
  wIn: number,
  wOut: number,
  stride: number,
  bottleneckRatio: number,
  groupWidth: number,
) {
  const wB = roundHalfEven(wOut / bottleneckRatio);
  const groups = floorDiv(wB, groupWidth);
  const shortcut = wIn !== wOut || stride !== 1 ? bn(conv(x, wOut, 1, stride)) : x;
  let f = relu(bn(conv(x, wB, 1, 1)));
  f = relu(bn(new GroupConv2D({ filters: wB, kernelSize: 3, strides: stride, groups }).apply(f) as Sym));
  f = bn(conv(f, wOut, 1, 1));
  return relu(tf.layers.add().apply([shortcut, f]) as Sym);
}

/** The network of `cfg` (X blocks only: the benchmark net has no SE) as an uncompiled tf.LayersModel. */
export function buildNaiveModel(cfg: AnyNetConfig): tf.LayersModel {
  if (cfg.seRatio !== 0) {
    throw new Error(`buildNaiveModel builds X blocks only; got seRatio ${cfg.seRatio} (use an X config)`);
  }
  const { resolution: r, channels } = cfg.input;
  const input = tf.input({ shape: [r, r, channels] });
  const stemStride = cfg.stem.type === 'imagenet' ? 2 : 1;
  let y = relu(bn(conv(input, cfg.stem.width, 3, stemStride)));
  let w = cfg.stem.width;
  for (const s of cfg.stages) {
    for (let i = 0; i < s.depth; i++) {
      y = xBlock(y, w, s.width, i === 0 ? s.stride : 1, s.bottleneckRatio, s.groupWidth);
      w = s.width;
    }
  }
  const pooled = tf.layers.globalAveragePooling2d({}).apply(y) as Sym;
  const output = tf.layers.dense({ units: cfg.head.classes, activation: 'softmax' }).apply(pooled) as Sym;
  return tf.model({ inputs: input, outputs: output });
}

export interface NaiveCompileOptions {
  lr: number;
  momentum: number;
}

/** Compiles as the tfjs tutorials do: a built-in optimizer, categorical cross-entropy on one-hot labels, accuracy. */
export function compileNaive(model: tf.LayersModel, o: NaiveCompileOptions): tf.Optimizer {
  const optimizer = tf.train.momentum(o.lr, o.momentum, true);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return optimizer;
}

export const trainableParamCount = (model: tf.LayersModel): number =>
  model.trainableWeights.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
