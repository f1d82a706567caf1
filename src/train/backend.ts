import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { groupedConv2d } from './group-conv';
import { registerWebglGroupConvKernels } from './group-conv-webgl';
import { registerWebgpuGroupConvKernels } from './group-conv-webgpu';
import { registerWasmTrainingKernels } from './wasm-kernels';

// Choosing and starting the tfjs backend.
//
// Call `await initBackend(...)` before creating any tensor, in Node and in every worker. The backend packages are
// imported lazily in here; importing '@tensorflow/tfjs-backend-wasm' yourself makes wasm the highest-priority
// backend, and creating a tensor before it is initialised throws "The highest priority backend 'wasm' has not
// yet been initialized" (TFJS.md pitfall 5).

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BackendInfo {
  name: BackendName;
  /** WebGPU adapter ("vendor architecture description") or WebGL renderer, when known. */
  adapter?: string;
  /** True for software adapters (SwiftShader, llvmpipe), which are slower than wasm. */
  isFallbackAdapter?: boolean;
  /** Median ms per probe train step of each probed backend ('auto' only). */
  probeMs?: Partial<Record<BackendName, number>>;
  /** Backends to try in order if `name` fails later (it comes first); always ends with 'cpu'. */
  fallbackOrder: BackendName[];
  /** True when 'auto' reused a cached choice instead of probing. */
  fromCache?: boolean;
}

/** Somewhere to persist the 'auto' choice between sessions (e.g. localStorage or IndexedDB in the browser). */
export interface ChoiceStorage {
  get(key: string): string | null | undefined | Promise<string | null | undefined>;
  set(key: string, value: string): void | Promise<void>;
}

export interface InitBackendOptions {
  storage?: ChoiceStorage;
  /** Ignore cached choices and probe again. */
  reprobe?: boolean;
  /** Let 'auto' use software GPU adapters (SwiftShader, llvmpipe); off by default: wasm beats them 3–24×. */
  allowSoftwareGpu?: boolean;
  /** Restrict 'auto' to these backends (default: all the environment supports). */
  candidates?: readonly BackendName[];
  /** Explicit choice only: if it fails, use the first working backend of the default order instead of throwing. */
  fallback?: boolean;
  /** Wall time per candidate for timed probe steps after the untimed warm-up step (default 1500 ms). */
  probeBudgetMs?: number;
}

export const BACKEND_CHOICE_KEY = 'dslab.backend-choice.v1';

const CPU_ONLY_LAST = (names: BackendName[]): BackendName[] => [
  ...new Set([...names.filter((n) => n !== 'cpu'), 'cpu' as const]),
];

let cachedAuto: BackendInfo | undefined;
let wasmPaths: string | Record<string, string> | undefined;
let wasmPathsApplied = false;

/** Forgets the cached 'auto' choice of this module (the injected storage is left alone). */
export function resetBackendChoiceCache(): void {
  cachedAuto = undefined;
}

/**
 * Where the browser fetches tfjs-backend-wasm's .wasm files: a URL prefix ending in '/' or a map from file name to
 * URL (see wasm-assets-browser.ts). Node finds them itself. Must be called before wasm is initialised.
 */
export function setWasmAssetBase(prefixOrFileMap: string | Record<string, string>): void {
  if (tf.engine().registry.wasm) {
    throw new Error('setWasmAssetBase: the wasm backend is already initialised; call it before initBackend');
  }
  wasmPaths = prefixOrFileMap;
  wasmPathsApplied = false;
}

function isNode(): boolean {
  const g = globalThis as {
    process?: { versions?: { node?: string } };
    window?: unknown;
    importScripts?: unknown;
  };
  return g.process?.versions?.node != null && g.window === undefined && g.importScripts === undefined;
}

/** tfjs-core alone registers no gradients (TFJS.md §1.2); the union package does. */
async function ensureGradientsRegistered(): Promise<void> {
  if (tf.getGradient(tf.Conv2D)) return;
  if (isNode()) {
    // Node resolves this to the CJS bundle, which registers all gradients; the ESM deep import below does not
    // load in Node. A variable specifier keeps Vite from bundling the whole union package into the browser build.
    const unionPackage = '@tensorflow/tfjs';
    await import(/* @vite-ignore */ unionPackage);
  } else {
    await import('@tensorflow/tfjs-core/dist/register_all_gradients');
  }
  if (!tf.getGradient(tf.Conv2D)) {
    throw new Error('initBackend: the tfjs gradients could not be registered; training would fail');
  }
}

function setFlag(name: string, value: boolean): void {
  if (tf.env().getFlags()[name] !== value) tf.env().set(name, value);
}

async function loadBackendPackage(name: BackendName): Promise<void> {
  switch (name) {
    case 'cpu':
      return;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      // Threads bring nothing on small nets, need COOP/COEP, and break under Vite 8 minification (pitfall 7).
      setFlag('WASM_HAS_MULTITHREAD_SUPPORT', false);
      if (wasmPaths && !wasmPathsApplied && !tf.engine().registry.wasm) {
        wasm.setWasmPaths(wasmPaths);
        wasmPathsApplied = true;
      }
      registerWasmTrainingKernels();
      return;
    }
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      // Many architectures of different shapes: without shape uniforms webgl recompiles per shape (TFJS.md §3.4).
      setFlag('WEBGL_USE_SHAPES_UNIFORMS', true);
      registerWebglGroupConvKernels();
      return;
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      registerWebgpuGroupConvKernels();
      return;
  }
}

interface Capability {
  available: boolean;
  reason?: string;
  adapter?: string;
  software?: boolean;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|lavapipe|software|basic render/i;

async function webgpuCapability(): Promise<Capability> {
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) return { available: false, reason: 'navigator.gpu is missing (no WebGPU in this environment)' };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null);
  // tfjs does not null-check the adapter and would fail with "reading 'features'" (TFJS.md §3.1).
  if (!adapter) return { available: false, reason: 'navigator.gpu.requestAdapter() returned null' };
  // adapter.info (Chrome 114+) carries isFallbackAdapter since Chrome 136; older ones had it on the adapter.
  const withInfo = adapter as GPUAdapter & {
    info?: GPUAdapterInfo & { isFallbackAdapter?: boolean };
    isFallbackAdapter?: boolean;
  };
  const info = withInfo.info;
  const name = [info?.vendor, info?.architecture, info?.device, info?.description].filter(Boolean).join(' ');
  const legacyFallback = withInfo.isFallbackAdapter;
  const software = Boolean(info?.isFallbackAdapter ?? legacyFallback) || SOFTWARE_RENDERER.test(name);
  return { available: true, adapter: name || 'unknown adapter', software };
}

function webglCapability(): Capability {
  const g = globalThis as { OffscreenCanvas?: typeof OffscreenCanvas; document?: Document };
  const canvas = g.OffscreenCanvas
    ? new g.OffscreenCanvas(1, 1)
    : (g.document?.createElement('canvas') as HTMLCanvasElement | undefined);
  const gl = canvas?.getContext('webgl2') as WebGL2RenderingContext | null | undefined;
  if (!gl) return { available: false, reason: 'no WebGL2 context' };
  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debugInfo ? debugInfo.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { available: true, adapter: renderer, software: SOFTWARE_RENDERER.test(renderer) };
}

async function capability(name: BackendName): Promise<Capability> {
  if (name === 'cpu') return { available: true };
  if (name === 'wasm') {
    return typeof WebAssembly === 'object'
      ? { available: true }
      : { available: false, reason: 'no WebAssembly' };
  }
  if (isNode()) return { available: false, reason: `${name} needs a browser; Node has wasm and cpu` };
  return name === 'webgpu' ? webgpuCapability() : webglCapability();
}

/** Makes `name` the active backend and checks that tfjs really switched (it falls back silently, pitfall 4). */
async function activate(name: BackendName): Promise<string | null> {
  try {
    await loadBackendPackage(name);
  } catch (e) {
    return `loading its package failed: ${(e as Error).message}`;
  }
  if (!tf.findBackendFactory(name)) return 'it is not registered in this environment';
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch (e) {
    return `tf.setBackend threw: ${(e as Error).message}`;
  }
  if (!ok) return 'tf.setBackend returned false (see the console warnings)';
  if (tf.getBackend() !== name) return `tfjs switched to '${tf.getBackend()}' instead`;
  await tf.ready();
  return null;
}

/** One small train step close to the real workload: stem conv, grouped conv (default impl), 1×1 conv, SGD. */
async function probe(budgetMs: number): Promise<number> {
  const seed = 7;
  const weights = [
    tf.variable(tf.randomNormal([3, 3, 3, 16], 0, 0.2, 'float32', seed)),
    tf.variable(tf.randomNormal([3, 3, 8, 32], 0, 0.1, 'float32', seed + 1)),
    tf.variable(tf.randomNormal([1, 1, 32, 64], 0, 0.1, 'float32', seed + 2)),
  ] as tf.Variable<tf.Rank.R4>[];
  const x = tf.randomNormal([32, 32, 32, 3], 0, 1, 'float32', seed + 3) as tf.Tensor4D;
  const target = tf.randomNormal([32, 64], 0, 1, 'float32', seed + 4);
  const optimizer = tf.train.sgd(0.01);
  const lossFn = () => {
    const h1 = tf.relu(groupedConv2d(x, weights[0], 2, 1));
    const h2 = tf.relu(groupedConv2d(h1, weights[1], 2, 2));
    const h3 = groupedConv2d(h2, weights[2], 1, 1);
    return tf.mean(tf.square(tf.sub(tf.mean(h3, [1, 2]), target))) as tf.Scalar;
  };
  const step = async () => {
    const loss = optimizer.minimize(lossFn, true) as tf.Scalar;
    const value = (await loss.data())[0];
    loss.dispose();
    if (!Number.isFinite(value)) throw new Error(`probe loss is ${value}`);
  };
  try {
    await step(); // warm-up: shader compilation, wasm operator creation
    const times: number[] = [];
    const start = performance.now();
    while (times.length < 5 && (times.length < 1 || performance.now() - start < budgetMs)) {
      const t0 = performance.now();
      await step();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  } finally {
    tf.dispose([...weights, x, target]);
    optimizer.dispose();
  }
}

function defaultCandidates(): BackendName[] {
  return isNode() ? ['wasm', 'cpu'] : [...BACKEND_NAMES];
}

function parseCached(text: string | null | undefined): BackendInfo | undefined {
  if (!text) return undefined;
  try {
    const info = JSON.parse(text) as BackendInfo;
    const valid = BACKEND_NAMES.includes(info.name) && Array.isArray(info.fallbackOrder);
    return valid ? info : undefined;
  } catch {
    return undefined;
  }
}

async function chooseByProbe(opts: InitBackendOptions): Promise<BackendInfo> {
  const candidates = (opts.candidates ?? defaultCandidates()).filter((n) => defaultCandidates().includes(n));
  const probeMs: Partial<Record<BackendName, number>> = {};
  const capabilities: Partial<Record<BackendName, Capability>> = {};
  const usable: BackendName[] = [];
  for (const name of candidates) {
    const cap = await capability(name);
    capabilities[name] = cap;
    if (!cap.available || (cap.software && !opts.allowSoftwareGpu)) continue;
    usable.push(name);
    // cpu is the last resort and slow to probe (seconds in Node); it is never chosen over a working backend.
    if (name === 'cpu') continue;
    if ((await activate(name)) !== null) {
      usable.pop();
      continue;
    }
    try {
      probeMs[name] = await probe(opts.probeBudgetMs ?? 1500);
    } catch {
      usable.pop();
    }
  }
  const probed = usable.filter((n) => probeMs[n] != null).sort((a, b) => probeMs[a]! - probeMs[b]!);
  const order = CPU_ONLY_LAST([...probed, ...usable]);
  const name = order[0];
  const cap = capabilities[name];
  return {
    name,
    fallbackOrder: order,
    probeMs,
    ...(cap?.adapter ? { adapter: cap.adapter, isFallbackAdapter: cap.software } : {}),
  };
}

async function explicitBackend(choice: BackendName, opts: InitBackendOptions): Promise<BackendInfo> {
  if (!BACKEND_NAMES.includes(choice)) {
    throw new Error(
      `initBackend: unknown backend '${String(choice)}'; use one of ${BACKEND_NAMES.join(', ')} or 'auto'`,
    );
  }
  const cap = await capability(choice);
  const failure = cap.available ? await activate(choice) : cap.reason;
  // Without a probe, wasm is the dependable fallback: GPU backends may be software-emulated and far slower.
  const order: BackendName[] = choice === 'cpu' ? ['cpu'] : CPU_ONLY_LAST([choice, 'wasm']);
  if (failure == null) {
    return {
      name: choice,
      fallbackOrder: order,
      ...(cap.adapter ? { adapter: cap.adapter, isFallbackAdapter: cap.software } : {}),
    };
  }
  if (!opts.fallback) {
    throw new Error(
      `initBackend: backend '${choice}' is not available here (${failure}); use 'auto' or pass { fallback: true }`,
    );
  }
  for (const next of order.slice(1)) {
    const nextCap = await capability(next);
    if (nextCap.available && (await activate(next)) === null) {
      return { name: next, fallbackOrder: CPU_ONLY_LAST([next, ...order.slice(order.indexOf(next) + 1)]) };
    }
  }
  throw new Error(`initBackend: no backend could be started (last error for '${choice}': ${failure})`);
}

/**
 * Sets the tfjs backend and returns what is active. 'auto' probes the capable candidates (Node: wasm, then cpu as
 * last resort; browser: webgpu, webgl, wasm, cpu, skipping software GPU adapters) with a short train step and
 * keeps the fastest; the choice is cached in this module and, if given, in `opts.storage`. Also disables wasm
 * threads and registers the wasm training kernels and the webgpu grouped-conv kernels. Await it before creating
 * any tensor.
 */
export async function initBackend(
  choice: BackendName | 'auto' = 'auto',
  opts: InitBackendOptions = {},
): Promise<BackendInfo> {
  await ensureGradientsRegistered();
  registerWasmTrainingKernels();
  if (choice !== 'auto') return explicitBackend(choice, opts);

  if (!opts.reprobe) {
    const cached = cachedAuto ?? parseCached(await opts.storage?.get(BACKEND_CHOICE_KEY));
    if (cached && (await activate(cached.name)) === null) {
      cachedAuto = cached;
      return { ...cached, fromCache: true };
    }
  }
  const info = await chooseByProbe(opts);
  const failure = await activate(info.name);
  if (failure != null)
    throw new Error(`initBackend: chosen backend '${info.name}' failed to start: ${failure}`);
  cachedAuto = info;
  await opts.storage?.set(BACKEND_CHOICE_KEY, JSON.stringify(info));
  return info;
}
