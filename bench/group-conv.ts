import * as tf from '@tensorflow/tfjs-core';
import { BACKEND_NAMES, initBackend, type BackendName } from '../src/train/backend';
import { groupConvGeometry } from '../src/train/conv-geometry';
import {
  defaultGroupConvImpl,
  BACKEND_IMPLS,
  GROUP_CONV_IMPLS,
  groupConvImplFns,
  type GroupConvImpl,
} from '../src/train/group-conv';

// Forward + both gradients of each grouped-conv implementation, per backend (see defaultGroupConvImpl).

export interface BenchShape {
  x: [number, number, number, number];
  outChannels: number;
  groups: number;
  stride: number;
}

export interface Row {
  backend: string;
  shape: string;
  groups: number;
  impl: GroupConvImpl;
  msPerIter: number;
  /** ms of 'split' / ms of this impl (>1 = faster than split). */
  speedupVsSplit: number;
  iters: number;
  /** This impl is what defaultGroupConvImpl picks on this backend. */
  isDefault: boolean;
}

export interface BenchGroupConvOptions {
  /** Shapes per backend; default: RegNet-like [32,16,16,64] 3×3 with 4 and 8 groups (batch 4 on slow cpu). */
  shapes?: (backend: BackendName) => BenchShape[];
  /** Wall time per (backend, shape, impl) after one warm-up iteration (default 3000 ms, at least 2 iterations). */
  budgetMs?: number;
  log?: (line: string) => void;
}

export function defaultBenchShapes(backend: BackendName): BenchShape[] {
  // The tfjs cpu kernels are ~100× slower than wasm in Node; a smaller batch keeps the run in seconds.
  const batch = backend === 'cpu' ? 4 : 32;
  return [4, 8].map((groups) => ({ x: [batch, 16, 16, 64], outChannels: 64, groups, stride: 1 }));
}

async function timeImpl(impl: GroupConvImpl, s: BenchShape, budgetMs: number): Promise<[number, number]> {
  const k = 3;
  const g = groupConvGeometry(s.x, [k, k, s.x[3] / s.groups, s.outChannels], s.stride, s.groups);
  const x = tf.randomNormal(s.x, 0, 1, 'float32', 1) as tf.Tensor4D;
  const w = tf.randomNormal([k, k, g.inPerGroup, s.outChannels], 0, 0.1, 'float32', 2) as tf.Tensor4D;
  const r = tf.randomNormal([g.batch, g.outHeight, g.outWidth, g.outChannels], 0, 1, 'float32', 3);
  const conv = groupConvImplFns[impl];
  const iteration = async () => {
    const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(conv(a as tf.Tensor4D, b as tf.Tensor4D, g), r)),
    )([x, w]);
    await Promise.all(grads.map((t) => t.data()));
    tf.dispose(grads);
  };
  try {
    await iteration(); // warm-up: shader compilation, wasm operator creation
    let iters = 0;
    const start = performance.now();
    while (iters < 2 || performance.now() - start < budgetMs) {
      await iteration();
      iters++;
      if (iters >= 20) break;
    }
    return [(performance.now() - start) / iters, iters];
  } finally {
    tf.dispose([x, w, r]);
  }
}

function pad(value: string | number, width: number): string {
  return String(value).padEnd(width);
}

/** Times every implementation available on each backend and prints ms/iter and the speed-up over 'split'. */
export async function benchGroupConv(backends: string[], opts: BenchGroupConvOptions = {}): Promise<Row[]> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const rows: Row[] = [];
  log(
    `${pad('backend', 8)}${pad('shape', 22)}${pad('groups', 7)}${pad('impl', 8)}${pad('ms/iter', 10)}vs split`,
  );
  for (const name of backends) {
    if (!BACKEND_NAMES.includes(name as BackendName)) {
      throw new Error(`benchGroupConv: unknown backend '${name}'; use ${BACKEND_NAMES.join(', ')}`);
    }
    const backend = name as BackendName;
    try {
      await initBackend(backend);
    } catch (e) {
      log(`${pad(backend, 8)}skipped: ${(e as Error).message}`);
      continue;
    }
    const impls = GROUP_CONV_IMPLS.filter((impl) => (BACKEND_IMPLS[impl] ?? backend) === backend);
    for (const s of (opts.shapes ?? defaultBenchShapes)(backend)) {
      const shape = `[${s.x.join(',')}]→${s.outChannels}${s.stride > 1 ? ` s${s.stride}` : ''}`;
      const timed: Array<[GroupConvImpl, number, number]> = [];
      for (const impl of impls) timed.push([impl, ...(await timeImpl(impl, s, opts.budgetMs ?? 3000))]);
      const splitMs = timed.find(([impl]) => impl === 'split')![1];
      for (const [impl, ms, iters] of timed) {
        const row: Row = {
          backend,
          shape,
          groups: s.groups,
          impl,
          msPerIter: ms,
          speedupVsSplit: splitMs / ms,
          iters,
          isDefault: defaultGroupConvImpl(backend, s.x[3] / s.groups) === impl,
        };
        rows.push(row);
        const mark = row.isDefault ? '  (default)' : '';
        log(
          `${pad(backend, 8)}${pad(shape, 22)}${pad(s.groups, 7)}${pad(impl, 8)}${pad(ms.toFixed(1), 10)}` +
            `${row.speedupVsSplit.toFixed(2)}×${mark}`,
        );
      }
    }
  }
  return rows;
}
