import * as tf from '@tensorflow/tfjs-core';
import { groupConvGeometry, type GroupConvGeometry } from './conv-geometry';
import { denseConv, depthwiseConv, im2colConv, maskConv, splitConv } from './group-conv-ops';
import { webglGroupConv, webglGroupConvAvailable } from './group-conv-webgl';
import { webgpuGroupConv, webgpuGroupConvAvailable } from './group-conv-webgpu';

/** How a grouped convolution is computed (TFJS.md §1.2 and §2); all give the same values and gradients. */
export type GroupConvImpl = 'split' | 'im2col' | 'mask' | 'webgpu' | 'webgl';

export const GROUP_CONV_IMPLS: readonly GroupConvImpl[] = ['split', 'im2col', 'mask', 'webgpu', 'webgl'];

/** Implementations that need one backend (the custom kernels). */
export const BACKEND_IMPLS: Partial<Record<GroupConvImpl, string>> = { webgpu: 'webgpu', webgl: 'webgl' };

type GroupConvFn = (x: tf.Tensor4D, filter: tf.Tensor4D, g: GroupConvGeometry) => tf.Tensor4D;

/** The raw formulations, without the groups === 1 / depthwise shortcuts (for tests and the benchmark). */
export const groupConvImplFns: Readonly<Record<GroupConvImpl, GroupConvFn>> = {
  split: splitConv,
  im2col: im2colConv,
  mask: maskConv,
  webgpu: webgpuGroupConv,
  webgl: webglGroupConv,
};

/**
 * Fastest implementation per backend for forward + both gradients, measured with bench/group-conv.ts on the 2-core
 * dev VM (x [N,16,16,64] → 64, 3×3, best of 5 rounds, ms per iteration; browser = headless Chromium 156):
 *
 *   backend (where, batch)            split         im2col        mask          webgpu     (groups 4 / 8 / 16)
 *   wasm (Node, 32)                   38 / 25 / 34  356/296/288   101 / 72 / 71  –
 *   wasm (Chromium, 32)               41 / 36 / 44  316/272/278   82 / 83 / 83   –
 *   cpu (Node, 4)                     1276/691/428  747/731/749   ≥ 2× split     –
 *   webgl (Chromium SwiftShader, 8)   260/195/200   292/239/185   2–4× split     –
 *   webgpu (Chromium SwiftShader, 8)  451/472/652   2–3× split    2–3× split     324/186/122
 *
 * wasm numbers are with the copy-free Slice/SplitV of wasm-slice.ts (before it, split cost 95–270 ms in Chromium).
 * SwiftShader emulates the GPU on the CPU, so for webgl/webgpu the choice also rests on reasoning: on webgpu the
 * WGSL kernels need 1 dispatch forward and 3 backward for any group count, where split needs ~3 per group, and
 * their dW runs S·k·k·Cg·Cout threads instead of tfjs' k·k·Cg·Cog threads per group that each loop over N·OH·OW.
 * On webgl, im2col's batched matMul has no split-K either, so it has no such edge; the GLSL kernels of
 * group-conv-webgl.ts (the same four kernels as the WGSL ones) beat split on the benchmark net's layers
 * (Chromium SwiftShader, batch 16, ms fwd+both grads: [16,16,16,24] g3 135 → 106, [16,8,8,56] g7 90 → 61,
 * [16,4,4,152] g19 87 → 49; only at [16,32,32,32] g4, a shape RegNets do not have there, split wins 707 vs 840).
 * cpu is only a last resort; im2col wins there at group width 16 (1.8× split) but loses at width ≤ 8 (0.9×).
 */
export function defaultGroupConvImpl(backendName: string, groupWidth = 0): GroupConvImpl {
  if (backendName === 'webgpu' && webgpuGroupConvAvailable()) return 'webgpu';
  if (backendName === 'webgl' && webglGroupConvAvailable()) return 'webgl';
  if (backendName === 'cpu' && groupWidth >= 16) return 'im2col';
  return 'split';
}

/**
 * Grouped k×k convolution of x (NHWC) with filter [k, k, cin/groups, cout], pycls padding (k-1)/2 on every side,
 * output floor((h-1)/stride)+1 for odd k. Differentiable for x and filter. groups === 1 uses tf.conv2d and
 * groups === cin uses tf.depthwiseConv2d whatever `impl` says; otherwise `impl` (default: the fastest measured
 * one for the current backend and group width) picks the formulation.
 */
export function groupedConv2d(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  stride: number,
  groups: number,
  impl?: GroupConvImpl,
): tf.Tensor4D {
  const g = groupConvGeometry(x.shape, filter.shape, stride, groups);
  impl ??= defaultGroupConvImpl(tf.getBackend(), g.inPerGroup);
  const fn = groupConvImplFns[impl];
  if (!fn) {
    throw new Error(
      `groupedConv2d: unknown impl '${String(impl)}', expected one of ${GROUP_CONV_IMPLS.join(', ')}`,
    );
  }
  if (groups === 1) return denseConv(x, filter, g);
  if (groups === g.inChannels) return depthwiseConv(x, filter, g);
  return fn(x, filter, g);
}
