import * as tf from '@tensorflow/tfjs-core';
// The cpu backend runs the rare cases the wasm formulations below do not cover (e.g. NCHW or odd paddings).
import '@tensorflow/tfjs-backend-cpu';
import type { ExplicitPadding } from './conv-geometry';
import type { Padding2D } from './conv-taps';
import { kernelInput } from './kernel-util';
import { fastSliceKernel, fastSplitVKernel, fastUnpackKernel } from './wasm-slice';

// tfjs-backend-wasm 4.22 ships no Conv2DBackpropFilter, DepthwiseConv2dNativeBackpropFilter or
// DepthwiseConv2dNativeBackpropInput kernel, so convnets cannot train on it (TFJS.md, "Pitfalls found" 1), and
// its Conv2DBackpropInput is a plain loop (7× slower than the forward conv for 3×3 stride 1).
// These kernels express the gradients as convolutions that wasm runs natively (XNNPACK) plus transposes,
// reshapes, pads and slices. A kernelFunc may return a Tensor (engine.runKernelFunc passes tensors through), so
// the ops run on the active wasm backend inside a tidy.

type Conv2DBackpropFilterAttrs = {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
};

type DepthwiseBackpropAttrs = {
  strides: number | [number, number];
  dilations?: number | [number, number];
  pad: 'valid' | 'same' | number | ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
};

function asTensor(info: tf.TensorInfo): tf.Tensor {
  // Inside a tidy: a wrapper made here is disposed with the scope, the data stays with its owner.
  return info instanceof tf.Tensor ? info : tf.engine().makeTensorFromTensorInfo(info);
}

const asTensor4D = (info: tf.TensorInfo): tf.Tensor4D => asTensor(info) as tf.Tensor4D;

function isOne(v: number | [number, number] | undefined): boolean {
  return v == null || (Array.isArray(v) ? v[0] === 1 && v[1] === 1 : v === 1);
}

/** Copies the inputs to the cpu backend, runs its kernel, and copies the result back. */
function runOnCpu(
  kernelName: string,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap | undefined,
  backend: tf.KernelBackend,
): tf.TensorInfo {
  const cpu = tf.engine().findBackend('cpu');
  const kernel = tf.getKernel(kernelName, 'cpu');
  if (!cpu || !kernel) {
    throw new Error(
      `wasm ${kernelName}: this case needs the cpu backend; import '@tensorflow/tfjs-backend-cpu'`,
    );
  }
  const cpuInputs: tf.NamedTensorInfoMap = {};
  for (const name of Object.keys(inputs)) {
    const info = kernelInput(inputs, name);
    const values = backend.readSync(info.dataId) as tf.backend_util.BackendValues;
    cpuInputs[name] = {
      dataId: cpu.write(values, info.shape, info.dtype),
      shape: info.shape,
      dtype: info.dtype,
    };
  }
  try {
    const out = kernel.kernelFunc({ inputs: cpuInputs, backend: cpu, attrs }) as tf.TensorInfo;
    const values = cpu.readSync(out.dataId) as tf.backend_util.BackendValues;
    cpu.disposeData(out.dataId);
    return { dataId: backend.write(values, out.shape, out.dtype), shape: out.shape, dtype: out.dtype };
  } finally {
    for (const name of Object.keys(cpuInputs)) cpu.disposeData(kernelInput(cpuInputs, name).dataId);
  }
}

/**
 * Rows of the padding a "weight gradient as convolution" needs below/right of x so the output covers kh×kw taps:
 * the dilated dy window ((out-1)·s+1) must slide at least k times over pad + size + extra.
 */
function trailingPad(size: number, before: number, kernel: number, out: number, stride: number): number {
  return Math.max(0, kernel + (out - 1) * stride - size - before);
}

/**
 * dW[ky,kx,c,o] = Σ_{n,oy,ox} x[n, oy·s+ky-pt, ox·s+kx-pl, c]·dy[n,oy,ox,o] is itself a convolution: channels
 * of x become the batch, the batch becomes the contracted depth, and dy is the filter, dilated by the stride.
 * One XNNPACK conv; about 10× faster than im2col + matMul on wasm (measured in Node, [32,16,16,64] 3×3).
 */
function conv2dBackpropFilter(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  info: tf.backend_util.Conv2DInfo,
): tf.Tensor4D {
  const { filterHeight: kh, filterWidth: kw, inChannels, outChannels, padInfo } = info;
  const xT = tf.transpose(x, [3, 1, 2, 0]); // [C, H, W, N]
  const dyT = tf.transpose(dy, [1, 2, 0, 3]); // [OH, OW, N, O]
  const full = tf.conv2d(
    xT,
    dyT,
    1,
    [
      [0, 0],
      [padInfo.top, trailingPad(info.inHeight, padInfo.top, kh, info.outHeight, info.strideHeight)],
      [padInfo.left, trailingPad(info.inWidth, padInfo.left, kw, info.outWidth, info.strideWidth)],
      [0, 0],
    ],
    'NHWC',
    [info.strideHeight, info.strideWidth],
  ); // [C, ≥kh, ≥kw, O]
  return tf.transpose(tf.slice(full, [0, 0, 0, 0], [inChannels, kh, kw, outChannels]), [1, 2, 0, 3]);
}

/**
 * The depthwise weight gradient as one dilated depthwise conv: (batch, channel) pairs become the channels of a
 * single image and dy [OH, OW, N·C, M] the filter; then sum over the batch. ~10× faster than per-tap mul + sum.
 */
function depthwiseBackpropFilter(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  info: tf.backend_util.Conv2DInfo,
): tf.Tensor4D {
  const { filterHeight: kh, filterWidth: kw, padInfo } = info;
  const [n, h, w, channels] = x.shape;
  const multiplier = info.outChannels / channels;
  const [, oh, ow] = dy.shape;
  const xT = tf.reshape(tf.transpose(x, [1, 2, 0, 3]), [1, h, w, n * channels]) as tf.Tensor4D;
  const dyT = tf.reshape(tf.transpose(dy, [1, 2, 0, 3]), [oh, ow, n * channels, multiplier]) as tf.Tensor4D;
  const full = tf.depthwiseConv2d(
    xT,
    dyT,
    1,
    [
      [0, 0],
      [padInfo.top, trailingPad(h, padInfo.top, kh, oh, info.strideHeight)],
      [padInfo.left, trailingPad(w, padInfo.left, kw, ow, info.strideWidth)],
      [0, 0],
    ],
    'NHWC',
    [info.strideHeight, info.strideWidth],
  ); // [1, ≥kh, ≥kw, N·C·M]
  const [, fh, fw] = full.shape;
  const taps = tf.slice(
    tf.reshape(full, [fh, fw, n, channels * multiplier]),
    [0, 0, 0, 0],
    [kh, kw, n, channels * multiplier],
  );
  return tf.reshape(tf.sum(taps, 2), [kh, kw, channels, multiplier]);
}

/** Inserts stride-1 zeros between the rows and columns of dy: [n, (oh-1)·sh+1, (ow-1)·sw+1, c]. */
function dilateRowsCols(dy: tf.Tensor4D, sh: number, sw: number): tf.Tensor4D {
  const [n, oh, ow, c] = dy.shape;
  let out = dy;
  if (sh > 1) {
    const rows = tf.pad(tf.reshape(out, [n * oh, 1, ow * c]), [
      [0, 0],
      [0, sh - 1],
      [0, 0],
    ]);
    out = tf.slice(
      tf.reshape(rows, [n, oh * sh, ow, c]) as tf.Tensor4D,
      [0, 0, 0, 0],
      [n, (oh - 1) * sh + 1, ow, c],
    );
  }
  if (sw > 1) {
    const h = out.shape[1];
    const cols = tf.pad(tf.reshape(out, [n * h * ow, 1, c]), [
      [0, 0],
      [0, sw - 1],
      [0, 0],
    ]);
    out = tf.slice(
      tf.reshape(cols, [n, h, ow * sw, c]) as tf.Tensor4D,
      [0, 0, 0, 0],
      [n, h, (ow - 1) * sw + 1, c],
    );
  }
  return out;
}

/**
 * Padding of the stride-1 correlation of the dilated dy with the flipped filter that yields exactly dX,
 * or null when it would be negative (exotic paddings; those go to the cpu kernel).
 */
function transposedPadding(info: tf.backend_util.Conv2DInfo): Padding2D | null {
  const dilatedH = (info.outHeight - 1) * info.strideHeight + 1;
  const dilatedW = (info.outWidth - 1) * info.strideWidth + 1;
  const top = info.filterHeight - 1 - info.padInfo.top;
  const left = info.filterWidth - 1 - info.padInfo.left;
  const bottom = info.inHeight - dilatedH - top + info.filterHeight - 1;
  const right = info.inWidth - dilatedW - left + info.filterWidth - 1;
  return Math.min(top, left, bottom, right) < 0 ? null : { top, bottom, left, right };
}

/** Stride-1 "full" correlation of the dilated dy with the flipped filter = dX: the padding args of that conv. */
function explicit(pad: Padding2D): ExplicitPadding {
  return [
    [0, 0],
    [pad.top, pad.bottom],
    [pad.left, pad.right],
    [0, 0],
  ];
}

/** dX of a dense conv: conv2d(dilated dy, filter flipped in space with in/out swapped). */
function conv2dBackpropInput(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  info: tf.backend_util.Conv2DInfo,
  pad: Padding2D,
) {
  const dilated = dilateRowsCols(dy, info.strideHeight, info.strideWidth);
  const flipped = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
  return tf.conv2d(dilated, flipped, 1, explicit(pad));
}

/** dX of a depthwise conv: depthwise correlation of the dilated dy with the flipped filter, summed over M. */
function depthwiseBackpropInput(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  info: tf.backend_util.Conv2DInfo,
  pad: Padding2D,
): tf.Tensor4D {
  const [kh, kw, channels, multiplier] = filter.shape;
  const dilated = dilateRowsCols(dy, info.strideHeight, info.strideWidth);
  const flipped = tf.reshape(tf.reverse(filter, [0, 1]), [kh, kw, channels * multiplier, 1]) as tf.Tensor4D;
  const perOutput = tf.depthwiseConv2d(dilated, flipped, 1, explicit(pad));
  if (multiplier === 1) return perOutput;
  const [n, h, w] = perOutput.shape;
  return tf.sum(tf.reshape(perOutput, [n, h, w, channels, multiplier]), 4);
}

type Shape4 = [number, number, number, number];

function convInfo(
  xShape: Shape4,
  filterShape: Shape4,
  a: DepthwiseBackpropAttrs | Conv2DBackpropFilterAttrs,
  depthwise: boolean,
): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(
    xShape,
    filterShape,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
    depthwise,
  );
}

function isChannelsFirst(a: { dataFormat?: string }): boolean {
  return a.dataFormat === 'NCHW';
}

const conv2dBackpropFilterKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const a = attrs as unknown as Conv2DBackpropFilterAttrs;
  if (isChannelsFirst(a))
    return runOnCpu(tf.Conv2DBackpropFilter, inputs, attrs, backend as tf.KernelBackend);
  const x = kernelInput(inputs, 'x');
  const dy = kernelInput(inputs, 'dy');
  const info = convInfo(x.shape as Shape4, a.filterShape, a, false);
  return tf.tidy(() => conv2dBackpropFilter(asTensor4D(x), asTensor4D(dy), info));
};

const depthwiseBackpropFilterKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const a = attrs as unknown as DepthwiseBackpropAttrs & { filterShape: Shape4 };
  if (!isOne(a.dilations)) {
    return runOnCpu(tf.DepthwiseConv2dNativeBackpropFilter, inputs, attrs, backend as tf.KernelBackend);
  }
  const x = kernelInput(inputs, 'x');
  const dy = kernelInput(inputs, 'dy');
  const info = convInfo(x.shape as Shape4, a.filterShape, a, true);
  return tf.tidy(() => depthwiseBackpropFilter(asTensor4D(x), asTensor4D(dy), info));
};

const depthwiseBackpropInputKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const a = attrs as unknown as DepthwiseBackpropAttrs & { inputShape: Shape4 };
  const dy = kernelInput(inputs, 'dy');
  const filter = kernelInput(inputs, 'filter');
  const info = convInfo(a.inputShape, filter.shape as Shape4, a, true);
  const pad = isOne(a.dilations) ? transposedPadding(info) : null;
  if (!pad)
    return runOnCpu(tf.DepthwiseConv2dNativeBackpropInput, inputs, attrs, backend as tf.KernelBackend);
  return tf.tidy(() => depthwiseBackpropInput(asTensor4D(dy), asTensor4D(filter), info, pad));
};

/** Replaces wasm's loop-based Conv2DBackpropInput; defers to it for layouts the conv form does not cover. */
function fastConv2dBackpropInputKernel(stock: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const a = args.attrs as unknown as Conv2DBackpropFilterAttrs & { inputShape: Shape4 };
    if (isChannelsFirst(a)) return stock.kernelFunc(args);
    const dy = kernelInput(args.inputs, 'dy');
    const filter = kernelInput(args.inputs, 'filter');
    const info = convInfo(a.inputShape, filter.shape as Shape4, a, false);
    const pad = transposedPadding(info);
    if (!pad) return stock.kernelFunc(args);
    return tf.tidy(() => conv2dBackpropInput(asTensor4D(dy), asTensor4D(filter), info, pad));
  };
}

/** Swaps the last two axes. */
const transposeLast2 = (t: tf.Tensor): tf.Tensor => {
  const perm = t.shape.map((_, i) => i);
  [perm[t.rank - 2], perm[t.rank - 1]] = [perm[t.rank - 1], perm[t.rank - 2]];
  return tf.transpose(t, perm);
};

/**
 * wasm's BatchMatMul is 3–4× slower with transposeA or transposeB than without (Node, [8192,64]·[64,64]:
 * 7.7 ms plain, 25 ms transposeA, 31 ms transposeB), and autodiff of every matMul asks for both. Transposing the
 * operand first (wasm's Transpose is a fast copy) and multiplying plainly costs 9.7 ms for the transposeA case.
 */
function plainBatchMatMulKernel(stock: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const { transposeA, transposeB } = args.attrs as unknown as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return stock.kernelFunc(args);
    return tf.tidy(() => {
      const a = asTensor(kernelInput(args.inputs, 'a'));
      const b = asTensor(kernelInput(args.inputs, 'b'));
      return tf.matMul(transposeA ? transposeLast2(a) : a, transposeB ? transposeLast2(b) : b);
    });
  };
}

export const WASM_TRAINING_KERNELS: ReadonlyArray<[string, tf.KernelFunc]> = [
  [tf.Conv2DBackpropFilter, conv2dBackpropFilterKernel],
  [tf.DepthwiseConv2dNativeBackpropFilter, depthwiseBackpropFilterKernel],
  [tf.DepthwiseConv2dNativeBackpropInput, depthwiseBackpropInputKernel],
];

/** Stock wasm kernels that are correct but slow for training, and their replacements (given the stock config). */
export const WASM_KERNEL_REPLACEMENTS: ReadonlyArray<[string, (stock: tf.KernelConfig) => tf.KernelFunc]> = [
  [tf.Conv2DBackpropInput, fastConv2dBackpropInputKernel],
  [tf.BatchMatMul, plainBatchMatMulKernel],
  [tf.Slice, fastSliceKernel],
  [tf.SplitV, fastSplitVKernel],
  [tf.Unpack, fastUnpackKernel],
];

const replacementFuncs = new WeakSet<tf.KernelFunc>();

function replaceWasmKernel(kernelName: string, make: (stock: tf.KernelConfig) => tf.KernelFunc): void {
  const stock = tf.getKernel(kernelName, 'wasm');
  if (!stock || replacementFuncs.has(stock.kernelFunc)) return;
  const kernelFunc = make(stock);
  replacementFuncs.add(kernelFunc);
  tf.unregisterKernel(kernelName, 'wasm');
  // Keep the stock setupFunc: it binds the wasm function that the fallback paths call.
  tf.registerKernel({ ...stock, kernelFunc });
}

/** True when the wasm kernel `kernelName` is currently one of this module's replacements. */
export function isReplacedWasmKernel(kernelName: string): boolean {
  const kernel = tf.getKernel(kernelName, 'wasm');
  return kernel != null && replacementFuncs.has(kernel.kernelFunc);
}

/**
 * Registers the missing wasm gradient kernels so convnets train on the wasm backend, and replaces the stock
 * kernels listed in WASM_KERNEL_REPLACEMENTS by faster ones. Idempotent. Works before the wasm backend is
 * initialised; the replacements need '@tensorflow/tfjs-backend-wasm' to be imported first (initBackend does
 * that), otherwise they are skipped until the next call.
 */
export function registerWasmTrainingKernels(): void {
  for (const [kernelName, kernelFunc] of WASM_TRAINING_KERNELS) {
    if (!tf.getKernel(kernelName, 'wasm')) tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
  }
  for (const [kernelName, make] of WASM_KERNEL_REPLACEMENTS) replaceWasmKernel(kernelName, make);
}

/** Exposed for tests: the cpu path used for cases the wasm formulations do not cover. */
export const runWasmKernelOnCpu = runOnCpu;
