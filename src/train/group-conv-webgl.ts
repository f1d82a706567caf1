import * as tf from '@tensorflow/tfjs-core';
// Type-only: Node and the other backends never load the webgl package through this file.
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { groupConvGeometry, type GroupConvGeometry } from './conv-geometry';
import {
  attrsOf,
  filterGradRowsPerSplit,
  GROUPED_CONV2D,
  GROUPED_CONV2D_BACKPROP_FILTER_PARTIAL,
  GROUPED_CONV2D_BACKPROP_FILTER_SUM,
  GROUPED_CONV2D_BACKPROP_INPUT,
  customGroupConvAvailable,
  registerGroupConvKernels,
  runCustomGroupConv,
} from './group-conv-webgpu';
import { kernelInput } from './kernel-util';

// The grouped k×k convolution as GLSL programs for the webgl backend: the same four kernels (forward, dX, split-K
// dW partials, their sum) and the same gradient as the WGSL ones, so one forward kernel replaces split → conv2d
// per group → concat (3 draws per group plus their gradients). Shapes are baked into each program: tfjs caches one
// compiled program per distinct source, i.e. per layer shape.

const program = (variableNames: string[], outputShape: number[], userCode: string): GPGPUProgram => ({
  variableNames,
  outputShape,
  userCode,
});

/** y[n,oy,ox,o] = Σ_{ky,kx,c<Cg} x[n, oy·s+ky-p, ox·s+kx-p, g·Cg+c] · W[ky,kx,c,o], g = o / Cog. */
function forwardProgram(g: GroupConvGeometry): GPGPUProgram {
  return program(
    ['x', 'W'],
    [g.batch, g.outHeight, g.outWidth, g.outChannels],
    `
    void main() {
      ivec4 coords = getOutputCoords();
      int n = coords.x;
      int o = coords.w;
      int cBase = (o / ${g.outPerGroup}) * ${g.inPerGroup};
      float acc = 0.0;
      for (int ky = 0; ky < ${g.kernelSize}; ky++) {
        int iy = coords.y * ${g.stride} + ky - ${g.pad};
        if (iy < 0 || iy >= ${g.inHeight}) continue;
        for (int kx = 0; kx < ${g.kernelSize}; kx++) {
          int ix = coords.z * ${g.stride} + kx - ${g.pad};
          if (ix < 0 || ix >= ${g.inWidth}) continue;
          for (int c = 0; c < ${g.inPerGroup}; c++) {
            acc += getX(n, iy, ix, cBase + c) * getW(ky, kx, c, o);
          }
        }
      }
      setOutput(acc);
    }`,
  );
}

/** dx[n,iy,ix,c] = Σ dy[n,oy,ox,g·Cog+j] · W[ky,kx,c mod Cg,g·Cog+j] over iy = oy·s+ky-p (and the same for x). */
function backpropInputProgram(g: GroupConvGeometry): GPGPUProgram {
  return program(
    ['dy', 'W'],
    [g.batch, g.inHeight, g.inWidth, g.inChannels],
    `
    void main() {
      ivec4 coords = getOutputCoords();
      int n = coords.x;
      int c = coords.w;
      int grp = c / ${g.inPerGroup};
      int cInGroup = c - grp * ${g.inPerGroup};
      int oBase = grp * ${g.outPerGroup};
      float acc = 0.0;
      for (int ky = 0; ky < ${g.kernelSize}; ky++) {
        int yNum = coords.y + ${g.pad} - ky;
        if (yNum < 0 || yNum - (yNum / ${g.stride}) * ${g.stride} != 0) continue;
        int oy = yNum / ${g.stride};
        if (oy >= ${g.outHeight}) continue;
        for (int kx = 0; kx < ${g.kernelSize}; kx++) {
          int xNum = coords.z + ${g.pad} - kx;
          if (xNum < 0 || xNum - (xNum / ${g.stride}) * ${g.stride} != 0) continue;
          int ox = xNum / ${g.stride};
          if (ox >= ${g.outWidth}) continue;
          for (int j = 0; j < ${g.outPerGroup}; j++) {
            acc += getDy(n, oy, ox, oBase + j) * getW(ky, kx, cInGroup, oBase + j);
          }
        }
      }
      setOutput(acc);
    }`,
  );
}

/** partial[split, f] = Σ over the output rows (n, oy) of chunk `split` and all ox of x[…] · dy[n, oy, ox, o]. */
function backpropFilterPartialProgram(
  g: GroupConvGeometry,
  rowsPerSplit: number,
  splits: number,
): GPGPUProgram {
  const filterSize = g.kernelSize * g.kernelSize * g.inPerGroup * g.outChannels;
  const rows = g.batch * g.outHeight;
  return program(
    ['x', 'dy'],
    [splits, filterSize],
    `
    void main() {
      ivec2 coords = getOutputCoords();
      int f = coords.y;
      int o = f - (f / ${g.outChannels}) * ${g.outChannels};
      int rest = f / ${g.outChannels};
      int cInGroup = rest - (rest / ${g.inPerGroup}) * ${g.inPerGroup};
      int tap = rest / ${g.inPerGroup};
      int ky = tap / ${g.kernelSize};
      int kx = tap - ky * ${g.kernelSize};
      int c = (o / ${g.outPerGroup}) * ${g.inPerGroup} + cInGroup;
      int rowStart = coords.x * ${rowsPerSplit};
      float acc = 0.0;
      for (int r = 0; r < ${rowsPerSplit}; r++) {
        int row = rowStart + r;
        if (row >= ${rows}) break;
        int n = row / ${g.outHeight};
        int oy = row - n * ${g.outHeight};
        int iy = oy * ${g.stride} + ky - ${g.pad};
        if (iy < 0 || iy >= ${g.inHeight}) continue;
        for (int ox = 0; ox < ${g.outWidth}; ox++) {
          int ix = ox * ${g.stride} + kx - ${g.pad};
          if (ix < 0 || ix >= ${g.inWidth}) continue;
          acc += getX(n, iy, ix, c) * getDy(n, oy, ox, o);
        }
      }
      setOutput(acc);
    }`,
  );
}

/** dW[ky,kx,c,o] = Σ_split partial[split, f] with f the flat index of (ky, kx, c, o). */
function sumSplitsProgram(filterShape: number[], splits: number): GPGPUProgram {
  const [, k, cg, cout] = filterShape;
  return program(
    ['partial'],
    filterShape,
    `
    void main() {
      ivec4 w = getOutputCoords();
      int f = ((w.x * ${k} + w.y) * ${cg} + w.z) * ${cout} + w.w;
      float acc = 0.0;
      for (int s = 0; s < ${splits}; s++) acc += getPartial(s, f);
      setOutput(acc);
    }`,
  );
}

const run = (backend: unknown, p: GPGPUProgram, inputs: tf.TensorInfo[]): tf.TensorInfo =>
  (backend as MathBackendWebGL).compileAndRun(p, inputs, 'float32');

const forwardKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const x = kernelInput(inputs, 'x');
  const filter = kernelInput(inputs, 'filter');
  const { stride, groups } = attrsOf(attrs);
  return run(backend, forwardProgram(groupConvGeometry(x.shape, filter.shape, stride, groups)), [x, filter]);
};

const backpropInputKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const dy = kernelInput(inputs, 'dy');
  const filter = kernelInput(inputs, 'filter');
  const { stride, groups } = attrsOf(attrs);
  const inputShape = (attrs as unknown as { inputShape: number[] }).inputShape;
  const g = groupConvGeometry(inputShape, filter.shape, stride, groups);
  return run(backend, backpropInputProgram(g), [dy, filter]);
};

function splitsOf(g: GroupConvGeometry, filterShape: number[]): { rowsPerSplit: number; splits: number } {
  const rows = g.batch * g.outHeight;
  const size = filterShape.reduce((a, b) => a * b, 1);
  const rowsPerSplit = filterGradRowsPerSplit(rows, g.outWidth, size);
  return { rowsPerSplit, splits: Math.ceil(rows / rowsPerSplit) };
}

const backpropFilterPartialKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const x = kernelInput(inputs, 'x');
  const dy = kernelInput(inputs, 'dy');
  const { stride, groups } = attrsOf(attrs);
  const filterShape = (attrs as unknown as { filterShape: number[] }).filterShape;
  const g = groupConvGeometry(x.shape, filterShape, stride, groups);
  const { rowsPerSplit, splits } = splitsOf(g, filterShape);
  return run(backend, backpropFilterPartialProgram(g, rowsPerSplit, splits), [x, dy]);
};

const sumSplitsKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const partial = kernelInput(inputs, 'partial');
  const filterShape = (attrs as unknown as { filterShape: number[] }).filterShape;
  return run(backend, sumSplitsProgram(filterShape, partial.shape[0]), [partial]);
};

/** Registers the four kernels for 'webgl' and the shared gradient. Idempotent. */
export function registerWebglGroupConvKernels(): void {
  registerGroupConvKernels('webgl', {
    [GROUPED_CONV2D]: forwardKernel,
    [GROUPED_CONV2D_BACKPROP_INPUT]: backpropInputKernel,
    [GROUPED_CONV2D_BACKPROP_FILTER_PARTIAL]: backpropFilterPartialKernel,
    [GROUPED_CONV2D_BACKPROP_FILTER_SUM]: sumSplitsKernel,
  });
}

export const webglGroupConvAvailable = (): boolean => customGroupConvAvailable('webgl');

/** The grouped conv through the GLSL kernels; the current backend must be 'webgl'. */
export const webglGroupConv = (x: tf.Tensor4D, filter: tf.Tensor4D, g: GroupConvGeometry): tf.Tensor4D =>
  runCustomGroupConv('webgl', registerWebglGroupConvKernels, x, filter, g);
