import * as tf from '@tensorflow/tfjs-core';
// Type-only: Node and the non-webgpu paths never load the webgpu package through this file.
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { groupConvGeometry, type GroupConvGeometry } from './conv-geometry';
import { kernelInput } from './kernel-util';
import { splitConv } from './group-conv-ops';

// Custom WGSL kernels for a grouped k×k convolution with pycls padding (TFJS.md §2): one dispatch for the
// forward pass, one for dX, and a split-K dW (partial sums over chunks of the N·OH output rows, then a summing
// kernel) so that dW has S·k·k·Cg·Cout threads instead of tfjs' one thread per filter element per group.
// All shapes reach the shaders as uniforms, so one pipeline per kernel serves every layer (§2.4).

export const GROUPED_CONV2D = 'DslabGroupedConv2D';
export const GROUPED_CONV2D_BACKPROP_INPUT = 'DslabGroupedConv2DBackpropInput';
export const GROUPED_CONV2D_BACKPROP_FILTER_PARTIAL = 'DslabGroupedConv2DBackpropFilterPartial';
export const GROUPED_CONV2D_BACKPROP_FILTER_SUM = 'DslabGroupedConv2DBackpropFilterSum';

const WORKGROUP: [number, number, number] = [64, 1, 1];
/** Positions of N·OH·OW summed by one dW thread; more splits = more parallelism, larger partial buffer. */
const DW_POSITIONS_PER_THREAD = 128;
const DW_MAX_PARTIAL_ELEMENTS = 1 << 22;

export interface GroupConvAttrs {
  stride: number;
  groups: number;
}

type Uniform = { type: 'int32'; data: number[] };

function flatProgram(
  shaderKey: string,
  variableNames: string[],
  outputShape: number[],
  uniforms: string,
  body: string,
): WebGPUProgram {
  const size = outputShape.reduce((a, b) => a * b, 1);
  return {
    shaderKey,
    variableNames,
    outputShape,
    uniforms,
    size: true,
    workgroupSize: WORKGROUP,
    dispatchLayout: { x: outputShape.map((_, i) => i) },
    dispatch: [Math.ceil(size / WORKGROUP[0]), 1, 1],
    getUserCode: () => `
      fn main(index : i32) {
        if (index < uniforms.size) {
          ${body}
        }
      }
    `,
  };
}

const CONV_UNIFORMS = 'stride : i32, pad : i32, inPerGroup : i32, outPerGroup : i32,';

function convUniforms(g: GroupConvGeometry): Uniform[] {
  return [g.stride, g.pad, g.inPerGroup, g.outPerGroup].map((v) => ({ type: 'int32', data: [v] }));
}

/** y[n,oy,ox,o] = Σ_{ky,kx,c<Cg} x[n, oy·s+ky-p, ox·s+kx-p, g·Cg+c] · W[ky,kx,c,o], g = o / Cog. */
function forwardProgram(outShape: number[]): WebGPUProgram {
  return flatProgram(
    'dslabGroupConvForward',
    ['x', 'W'],
    outShape,
    CONV_UNIFORMS,
    `
    let coords = getCoordsFromIndex(index);
    let n = coords[0];
    let oy = coords[1];
    let ox = coords[2];
    let o = coords[3];
    let k = uniforms.wShape[0];
    let cBase = (o / uniforms.outPerGroup) * uniforms.inPerGroup;
    var acc = 0.0;
    for (var ky = 0; ky < k; ky = ky + 1) {
      let iy = oy * uniforms.stride + ky - uniforms.pad;
      if (iy < 0 || iy >= uniforms.xShape[1]) {
        continue;
      }
      for (var kx = 0; kx < k; kx = kx + 1) {
        let ix = ox * uniforms.stride + kx - uniforms.pad;
        if (ix < 0 || ix >= uniforms.xShape[2]) {
          continue;
        }
        let xBase = getIndexFromCoords4D(vec4<i32>(n, iy, ix, cBase), uniforms.xShape);
        let wBase = getIndexFromCoords4D(vec4<i32>(ky, kx, 0, o), uniforms.wShape);
        for (var c = 0; c < uniforms.inPerGroup; c = c + 1) {
          acc = acc + x[xBase + c] * W[wBase + c * uniforms.wShape[3]];
        }
      }
    }
    setOutputAtIndex(index, acc);
    `,
  );
}

/** dx[n,iy,ix,c] = Σ dy[n,oy,ox,g·Cog+j] · W[ky,kx,c mod Cg,g·Cog+j] over iy = oy·s+ky-p (and the same for x). */
function backpropInputProgram(inShape: number[]): WebGPUProgram {
  return flatProgram(
    'dslabGroupConvBackpropInput',
    ['dy', 'W'],
    inShape,
    CONV_UNIFORMS,
    `
    let coords = getCoordsFromIndex(index);
    let n = coords[0];
    let iy = coords[1];
    let ix = coords[2];
    let c = coords[3];
    let k = uniforms.wShape[0];
    let grp = c / uniforms.inPerGroup;
    let cInGroup = c - grp * uniforms.inPerGroup;
    let oBase = grp * uniforms.outPerGroup;
    var acc = 0.0;
    for (var ky = 0; ky < k; ky = ky + 1) {
      let yNum = iy + uniforms.pad - ky;
      if (yNum < 0 || yNum % uniforms.stride != 0) {
        continue;
      }
      let oy = yNum / uniforms.stride;
      if (oy >= uniforms.dyShape[1]) {
        continue;
      }
      for (var kx = 0; kx < k; kx = kx + 1) {
        let xNum = ix + uniforms.pad - kx;
        if (xNum < 0 || xNum % uniforms.stride != 0) {
          continue;
        }
        let ox = xNum / uniforms.stride;
        if (ox >= uniforms.dyShape[2]) {
          continue;
        }
        let dyBase = getIndexFromCoords4D(vec4<i32>(n, oy, ox, oBase), uniforms.dyShape);
        let wBase = getIndexFromCoords4D(vec4<i32>(ky, kx, cInGroup, oBase), uniforms.wShape);
        for (var j = 0; j < uniforms.outPerGroup; j = j + 1) {
          acc = acc + dy[dyBase + j] * W[wBase + j];
        }
      }
    }
    setOutputAtIndex(index, acc);
    `,
  );
}

/**
 * partial[split, f] = Σ over the output rows (n, oy) of chunk `split` and all ox of
 * x[n, oy·s+ky-p, ox·s+kx-p, c] · dy[n, oy, ox, o]. Looping rows then columns keeps integer divisions out of
 * the inner loop.
 */
function backpropFilterPartialProgram(outShape: number[]): WebGPUProgram {
  return flatProgram(
    'dslabGroupConvBackpropFilterPartial',
    ['x', 'dy'],
    outShape,
    `${CONV_UNIFORMS} kernelSize : i32, rowsPerSplit : i32,`,
    `
    let coords = getCoordsFromIndex(index);
    let split = coords[0];
    let f = coords[1];
    let cout = uniforms.dyShape[3];
    let o = f % cout;
    let rest = f / cout;
    let cInGroup = rest % uniforms.inPerGroup;
    let tap = rest / uniforms.inPerGroup;
    let kx = tap % uniforms.kernelSize;
    let ky = tap / uniforms.kernelSize;
    let c = (o / uniforms.outPerGroup) * uniforms.inPerGroup + cInGroup;
    let oh = uniforms.dyShape[1];
    let ow = uniforms.dyShape[2];
    let h = uniforms.xShape[1];
    let w = uniforms.xShape[2];
    let cin = uniforms.xShape[3];
    let rowStart = split * uniforms.rowsPerSplit;
    let rowEnd = min(rowStart + uniforms.rowsPerSplit, uniforms.dyShape[0] * oh);
    // Output columns whose input column ix = ox·s + kx - p lies inside the image.
    let oxStart = max(0, (uniforms.pad - kx + uniforms.stride - 1) / uniforms.stride);
    let lastNum = w - 1 + uniforms.pad - kx;
    let oxEnd = select(min(ow, lastNum / uniforms.stride + 1), 0, lastNum < 0);
    var acc = 0.0;
    for (var row = rowStart; row < rowEnd; row = row + 1) {
      let n = row / oh;
      let oy = row - n * oh;
      let iy = oy * uniforms.stride + ky - uniforms.pad;
      if (iy < 0 || iy >= h) {
        continue;
      }
      let xRow = (n * h + iy) * w * cin + c;
      let dyRow = row * ow * cout + o;
      for (var ox = oxStart; ox < oxEnd; ox = ox + 1) {
        let ix = ox * uniforms.stride + kx - uniforms.pad;
        acc = acc + x[xRow + ix * cin] * dy[dyRow + ox * cout];
      }
    }
    setOutputAtIndex(index, acc);
    `,
  );
}

/**
 * dW[f] = Σ_split partial[split, f]. tf.sum over axis 0 would transpose and then run one 256-thread workgroup per
 * filter element to add a handful of numbers (1.4 s of a 2.2 s step on SwiftShader); one thread per element is
 * enough.
 */
function sumSplitsProgram(filterShape: number[]): WebGPUProgram {
  return flatProgram(
    'dslabGroupConvSumSplits',
    ['partial'],
    filterShape,
    '',
    `
    let splits = uniforms.partialShape[0];
    let filterSize = uniforms.partialShape[1];
    var acc = 0.0;
    for (var split = 0; split < splits; split = split + 1) {
      acc = acc + partial[split * filterSize + index];
    }
    setOutputAtIndex(index, acc);
    `,
  );
}

function assertFloat32(kernel: string, ...infos: tf.TensorInfo[]): void {
  for (const info of infos) {
    if (info.dtype !== 'float32') {
      throw new Error(
        `${kernel}: expected float32 tensors, got ${info.dtype}; cast the input with tf.cast first`,
      );
    }
  }
}

export function attrsOf(attrs: tf.NamedAttrMap | undefined): GroupConvAttrs {
  const { stride, groups } = (attrs ?? {}) as unknown as Partial<GroupConvAttrs>;
  if (typeof stride !== 'number' || typeof groups !== 'number') {
    throw new Error('DslabGroupedConv2D kernels need numeric attrs { stride, groups }');
  }
  return { stride, groups };
}

const forwardKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const x = kernelInput(inputs, 'x');
  const filter = kernelInput(inputs, 'filter');
  assertFloat32(GROUPED_CONV2D, x, filter);
  const { stride, groups } = attrsOf(attrs);
  const g = groupConvGeometry(x.shape, filter.shape, stride, groups);
  const program = forwardProgram([g.batch, g.outHeight, g.outWidth, g.outChannels]);
  return (backend as WebGPUBackend).runWebGPUProgram(program, [x, filter], 'float32', convUniforms(g));
};

const backpropInputKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const dy = kernelInput(inputs, 'dy');
  const filter = kernelInput(inputs, 'filter');
  assertFloat32(GROUPED_CONV2D_BACKPROP_INPUT, dy, filter);
  const { stride, groups } = attrsOf(attrs);
  const inputShape = (attrs as unknown as { inputShape: number[] }).inputShape;
  const g = groupConvGeometry(inputShape, filter.shape, stride, groups);
  const program = backpropInputProgram(inputShape);
  return (backend as WebGPUBackend).runWebGPUProgram(program, [dy, filter], 'float32', convUniforms(g));
};

/** Output rows (n, oy) per dW thread: about DW_POSITIONS_PER_THREAD positions, fewer splits if partials get large. */
export function filterGradRowsPerSplit(rows: number, rowLength: number, filterSize: number): number {
  const maxSplits = Math.max(1, Math.floor(DW_MAX_PARTIAL_ELEMENTS / filterSize));
  const rowsPerThread = Math.max(1, Math.round(DW_POSITIONS_PER_THREAD / rowLength));
  return Math.max(rowsPerThread, Math.ceil(rows / maxSplits));
}

const backpropFilterPartialKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const x = kernelInput(inputs, 'x');
  const dy = kernelInput(inputs, 'dy');
  assertFloat32(GROUPED_CONV2D_BACKPROP_FILTER_PARTIAL, x, dy);
  const { stride, groups } = attrsOf(attrs);
  const filterShape = (attrs as unknown as { filterShape: number[] }).filterShape;
  const g = groupConvGeometry(x.shape, filterShape, stride, groups);
  const rows = g.batch * g.outHeight;
  const filterSize = filterShape.reduce((a, b) => a * b, 1);
  const rowsPerSplit = filterGradRowsPerSplit(rows, g.outWidth, filterSize);
  const program = backpropFilterPartialProgram([Math.ceil(rows / rowsPerSplit), filterSize]);
  const uniforms: Uniform[] = [
    ...convUniforms(g),
    { type: 'int32', data: [g.kernelSize] },
    { type: 'int32', data: [rowsPerSplit] },
  ];
  return (backend as WebGPUBackend).runWebGPUProgram(program, [x, dy], 'float32', uniforms);
};

const sumSplitsKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const partial = kernelInput(inputs, 'partial');
  assertFloat32(GROUPED_CONV2D_BACKPROP_FILTER_SUM, partial);
  const filterShape = (attrs as unknown as { filterShape: number[] }).filterShape;
  return (backend as WebGPUBackend).runWebGPUProgram(sumSplitsProgram(filterShape), [partial], 'float32');
};

function runKernel(name: string, inputs: Record<string, tf.Tensor | tf.Tensor[]>, attrs: object): tf.Tensor {
  return tf.engine().runKernel(name, inputs as tf.NamedTensorMap, attrs as tf.NamedAttrMap) as tf.Tensor;
}

/** The four kernels a backend provides for the grouped conv (forward, dX, dW partials, their sum). */
export type GroupConvKernels = Record<
  | typeof GROUPED_CONV2D
  | typeof GROUPED_CONV2D_BACKPROP_INPUT
  | typeof GROUPED_CONV2D_BACKPROP_FILTER_PARTIAL
  | typeof GROUPED_CONV2D_BACKPROP_FILTER_SUM,
  tf.KernelFunc
>;

/** Registers a backend's four grouped-conv kernels and the shared gradient. Idempotent. */
export function registerGroupConvKernels(backendName: string, kernels: GroupConvKernels): void {
  for (const [kernelName, kernelFunc] of Object.entries(kernels)) {
    if (!tf.getKernel(kernelName, backendName)) tf.registerKernel({ kernelName, backendName, kernelFunc });
  }
  registerGroupConvGradient();
}

/** Registers the kernels for 'webgpu' and the gradient of the forward kernel. Idempotent. */
export function registerWebgpuGroupConvKernels(): void {
  registerGroupConvKernels('webgpu', {
    [GROUPED_CONV2D]: forwardKernel,
    [GROUPED_CONV2D_BACKPROP_INPUT]: backpropInputKernel,
    [GROUPED_CONV2D_BACKPROP_FILTER_PARTIAL]: backpropFilterPartialKernel,
    [GROUPED_CONV2D_BACKPROP_FILTER_SUM]: sumSplitsKernel,
  });
}

/** The gradient of GROUPED_CONV2D in terms of the other three kernels, for every backend that registers them. */
export function registerGroupConvGradient(): void {
  if (!tf.getGradient(GROUPED_CONV2D)) {
    tf.registerGradient({
      kernelName: GROUPED_CONV2D,
      inputsToSave: ['x', 'filter'],
      gradFunc: (dy, saved, attrs) => {
        const [x, filter] = saved;
        return {
          x: () =>
            runKernel(GROUPED_CONV2D_BACKPROP_INPUT, { dy, filter }, { ...attrs, inputShape: x.shape }),
          filter: () => {
            const dwAttrs = { ...attrs, filterShape: filter.shape };
            const partial = runKernel(GROUPED_CONV2D_BACKPROP_FILTER_PARTIAL, { x, dy }, dwAttrs);
            return runKernel(GROUPED_CONV2D_BACKPROP_FILTER_SUM, { partial }, dwAttrs);
          },
        };
      },
    });
  }
}

/** True when `backendName` is active and has the custom grouped-conv kernels. */
export const customGroupConvAvailable = (backendName: string): boolean =>
  tf.getBackend() === backendName && tf.getKernel(GROUPED_CONV2D, backendName) != null;

export const webgpuGroupConvAvailable = (): boolean => customGroupConvAvailable('webgpu');

/** The grouped conv through a backend's custom kernels (registered on first use); that backend must be active. */
export function runCustomGroupConv(
  backendName: string,
  register: () => void,
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  g: GroupConvGeometry,
): tf.Tensor4D {
  if (tf.getBackend() !== backendName) {
    throw new Error(
      `groupedConv2d impl '${backendName}' needs the ${backendName} backend (current: '${tf.getBackend()}'); ` +
        `use 'split', 'im2col' or 'mask', or defaultGroupConvImpl(tf.getBackend())`,
    );
  }
  register();
  const attrs: GroupConvAttrs = { stride: g.stride, groups: g.groups };
  return tf
    .engine()
    .runKernel(GROUPED_CONV2D, { x, filter }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor4D;
}

/** The grouped conv through the WGSL kernels; the current backend must be 'webgpu'. */
export const webgpuGroupConv = (x: tf.Tensor4D, filter: tf.Tensor4D, g: GroupConvGeometry): tf.Tensor4D =>
  runCustomGroupConv('webgpu', registerWebgpuGroupConvKernels, x, filter, g);

export interface WebgpuGroupConvCase {
  xShape: [number, number, number, number];
  outChannels: number;
  kernelSize: number;
  stride: number;
  groups: number;
  /** Max |webgpu - split| divided by max(1, max |split|), for the output and both gradients. */
  forwardError: number;
  inputGradError: number;
  filterGradError: number;
}

export interface WebgpuGroupConvCheck {
  cases: WebgpuGroupConvCase[];
  maxForwardError: number;
  maxInputGradError: number;
  maxFilterGradError: number;
  /** Messages of GPUDevice 'uncapturederror' events seen during the check (must be empty). */
  gpuErrors: string[];
}

const CHECK_CASES: Array<
  Pick<WebgpuGroupConvCase, 'xShape' | 'outChannels' | 'kernelSize' | 'stride' | 'groups'>
> = [
  { xShape: [2, 7, 7, 8], outChannels: 8, kernelSize: 3, stride: 1, groups: 2 },
  { xShape: [2, 8, 8, 8], outChannels: 16, kernelSize: 3, stride: 2, groups: 4 },
  { xShape: [1, 7, 6, 6], outChannels: 6, kernelSize: 3, stride: 2, groups: 3 },
  { xShape: [2, 5, 5, 4], outChannels: 8, kernelSize: 3, stride: 1, groups: 4 },
  { xShape: [2, 6, 6, 8], outChannels: 4, kernelSize: 1, stride: 2, groups: 2 },
  { xShape: [1, 5, 5, 3], outChannels: 4, kernelSize: 3, stride: 1, groups: 1 },
  { xShape: [4, 16, 16, 16], outChannels: 16, kernelSize: 3, stride: 1, groups: 2 },
  { xShape: [2, 3, 1, 4], outChannels: 4, kernelSize: 3, stride: 1, groups: 2 },
  { xShape: [3, 2, 3, 4], outChannels: 8, kernelSize: 3, stride: 2, groups: 2 },
];

async function relativeError(actual: tf.Tensor, expected: tf.Tensor): Promise<number> {
  const [a, e] = await Promise.all([actual.data(), expected.data()]);
  let maxDiff = 0;
  let maxRef = 0;
  for (let i = 0; i < e.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(a[i] - e[i]));
    maxRef = Math.max(maxRef, Math.abs(e[i]));
  }
  return maxDiff / Math.max(1, maxRef);
}

type ConvFn = (x: tf.Tensor4D, filter: tf.Tensor4D, g: GroupConvGeometry) => tf.Tensor4D;

function forwardAndGrads(conv: ConvFn, x: tf.Tensor4D, w: tf.Tensor4D, r: tf.Tensor, g: GroupConvGeometry) {
  const y = conv(x, w, g);
  const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf.sum(tf.mul(conv(a as tf.Tensor4D, b as tf.Tensor4D, g), r)),
  )([x, w]);
  return [y, dx, dw];
}

/**
 * Compares a grouped-conv implementation with the split/concat reference on small shapes (strides 1 and 2, odd
 * and even sizes, 1×1 and 3×3, groups 1 to depthwise-like), on the active backend. For the browser test suite.
 */
export async function compareWithSplit(conv: ConvFn): Promise<Omit<WebgpuGroupConvCheck, 'gpuErrors'>> {
  const cases: WebgpuGroupConvCase[] = [];
  for (const [i, spec] of CHECK_CASES.entries()) {
    const [n, h, w, c] = spec.xShape;
    const k = spec.kernelSize;
    const g = groupConvGeometry(
      spec.xShape,
      [k, k, c / spec.groups, spec.outChannels],
      spec.stride,
      spec.groups,
    );
    const tensors = tf.tidy(() => {
      const x = tf.randomNormal([n, h, w, c], 0, 1, 'float32', 11 + i) as tf.Tensor4D;
      const filter = tf.randomNormal(
        [k, k, c / spec.groups, spec.outChannels],
        0,
        1,
        'float32',
        23 + i,
      ) as tf.Tensor4D;
      const r = tf.randomNormal([n, g.outHeight, g.outWidth, spec.outChannels], 0, 1, 'float32', 37 + i);
      return [...forwardAndGrads(conv, x, filter, r, g), ...forwardAndGrads(splitConv, x, filter, r, g)];
    });
    const [y, dx, dw, yRef, dxRef, dwRef] = tensors;
    cases.push({
      ...spec,
      forwardError: await relativeError(y, yRef),
      inputGradError: await relativeError(dx, dxRef),
      filterGradError: await relativeError(dw, dwRef),
    });
    tf.dispose(tensors);
  }
  const max = (key: 'forwardError' | 'inputGradError' | 'filterGradError') =>
    Math.max(...cases.map((c) => c[key]));
  return {
    cases,
    maxForwardError: max('forwardError'),
    maxInputGradError: max('inputGradError'),
    maxFilterGradError: max('filterGradError'),
  };
}

/** compareWithSplit for the WGSL kernels, also collecting GPUDevice errors. Needs the webgpu backend active. */
export async function checkWebgpuGroupConv(): Promise<WebgpuGroupConvCheck> {
  if (tf.getBackend() !== 'webgpu') {
    throw new Error(`checkWebgpuGroupConv needs the webgpu backend, current is '${tf.getBackend()}'`);
  }
  registerWebgpuGroupConvKernels();
  const device = (tf.backend() as WebGPUBackend).device;
  const gpuErrors: string[] = [];
  const onError = (event: Event) => gpuErrors.push(String((event as GPUUncapturedErrorEvent).error?.message));
  device.addEventListener('uncapturederror', onError);
  try {
    return { ...(await compareWithSplit(webgpuGroupConv)), gpuErrors };
  } finally {
    device.removeEventListener('uncapturederror', onError);
  }
}
