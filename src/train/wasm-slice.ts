import * as tf from '@tensorflow/tfjs-core';
import { kernelInput } from './kernel-util';

// tfjs-backend-wasm 4.22's Slice reads its input with backend.readSync, which copies the *whole* tensor out of the
// wasm heap for every slice. SplitV and Unpack call it once per output, so splitting [32,16,16,64] into 16 channel
// groups copied 16 × 2 MB and dominated a grouped-conv train step (≈230 of ≈270 ms in Chromium). These versions
// read the input through a view of the heap, like wasm's own Concat does.

/** The two BackendWasm methods used here (the class is not needed at runtime). */
interface HeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): tf.TypedArray;
}

/** Copies the block begin..begin+size of src (row-major `shape`) into dst, one contiguous run at a time. */
export function copyBlock(
  src: tf.TypedArray,
  shape: readonly number[],
  begin: readonly number[],
  size: readonly number[],
  dst: tf.TypedArray,
): void {
  const rank = shape.length;
  if (rank === 0) {
    dst[0] = src[0];
    return;
  }
  const strides = new Array<number>(rank).fill(1);
  for (let a = rank - 2; a >= 0; a--) strides[a] = strides[a + 1] * shape[a + 1];
  // Axis k and everything after it form one contiguous run: the axes after k are taken whole.
  let k = rank - 1;
  while (k > 0 && begin[k] === 0 && size[k] === shape[k]) k--;
  const run = size[k] * strides[k];
  const outerAxes = k;
  const index = new Array<number>(outerAxes).fill(0);
  let outOffset = 0;
  const total = size.slice(0, outerAxes).reduce((p, s) => p * s, 1);
  for (let i = 0; i < total; i++) {
    let offset = begin[k] * strides[k];
    for (let a = 0; a < outerAxes; a++) offset += (begin[a] + index[a]) * strides[a];
    if (run >= 32) {
      dst.set(src.subarray(offset, offset + run), outOffset);
    } else {
      for (let j = 0; j < run; j++) dst[outOffset + j] = src[offset + j];
    }
    outOffset += run;
    for (let a = outerAxes - 1; a >= 0; a--) {
      if (++index[a] < size[a]) break;
      index[a] = 0;
    }
  }
}

function sliceFromHeap(
  x: tf.TensorInfo,
  begin: number | number[],
  size: number | number[] | undefined,
  backend: HeapBackend,
): tf.TensorInfo {
  const [begin_, size_] = tf.slice_util.parseSliceParams(x, begin, size);
  const out = backend.makeOutput(size_, x.dtype);
  if (tf.util.sizeFromShape(size_) === 0) return out;
  // Views only after makeOutput: growing the wasm heap detaches earlier views.
  copyBlock(backend.typedArrayFromHeap(x), x.shape, begin_, size_, backend.typedArrayFromHeap(out));
  return out;
}

export function fastSliceKernel(stock: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const x = kernelInput(args.inputs, 'x');
    if (x.dtype === 'string') return stock.kernelFunc(args);
    const { begin, size } = args.attrs as unknown as { begin: number | number[]; size?: number | number[] };
    return sliceFromHeap(x, begin, size, args.backend as HeapBackend);
  };
}

export function fastSplitVKernel(stock: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const x = kernelInput(args.inputs, 'x');
    if (x.dtype === 'string') return stock.kernelFunc(args);
    const { numOrSizeSplits, axis } = args.attrs as unknown as {
      numOrSizeSplits: number | number[];
      axis: number;
    };
    const $axis = tf.util.parseAxisParam(axis, x.shape)[0];
    const splitSizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, numOrSizeSplits, $axis);
    const begin = new Array<number>(x.shape.length).fill(0);
    return splitSizes.map((s) => {
      const size = [...x.shape];
      size[$axis] = s;
      const out = sliceFromHeap(x, [...begin], size, args.backend as HeapBackend);
      begin[$axis] += s;
      return out;
    });
  };
}

export function fastUnpackKernel(stock: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const value = kernelInput(args.inputs, 'value');
    if (value.dtype === 'string') return stock.kernelFunc(args);
    const rank = value.shape.length;
    const axis = ((args.attrs as unknown as { axis: number }).axis + rank) % rank;
    const outShape = value.shape.filter((_, i) => i !== axis);
    const size = [...value.shape];
    size[axis] = 1;
    return Array.from({ length: value.shape[axis] }, (_, i) => {
      const begin = new Array<number>(rank).fill(0);
      begin[axis] = i;
      const out = sliceFromHeap(value, begin, size, args.backend as HeapBackend);
      return { dataId: out.dataId, dtype: out.dtype, shape: outShape };
    });
  };
}
