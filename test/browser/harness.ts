import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { createServer, type InlineConfig, type ViteDevServer } from 'vite';

// Browser test harness: a Vite dev server on a free port plus headless Debian Chromium with a software WebGPU
// adapter (TFJS.md "Measured here": flags, pitfalls 4 and 9). Collects console errors of pages AND their workers,
// records every request and blocks any that leaves the dev server's origin. Shared by the engine test, the UI
// suite and the browser benchmark.

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Override with DSLAB_CHROMIUM=/path/to/chromium. */
export const CHROMIUM_PATH = process.env.DSLAB_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Base flags (no first-run, no background traffic) plus WebGPU on SwiftShader. Never add --disable-gpu-sandbox
 * style flags that drop WebGL: --disable-software-rasterizer removes both adapters (TFJS.md). Playwright already
 * gives every launch a fresh temporary --user-data-dir and refuses one in `args`.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Everything pages and workers import, pre-bundled up front: a dependency found late makes Vite re-optimize and
 * reload, which breaks a worker that is already running. */
const PREBUNDLED = [
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-core/dist/register_all_gradients',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-webgl',
  '@tensorflow/tfjs-backend-webgpu',
  '@tensorflow/tfjs-backend-wasm',
  'comlink',
  'idb',
];

export interface ConsoleEntry {
  source: 'page' | 'worker';
  type: string;
  text: string;
}

export interface HarnessOptions {
  /**
   * Names Vite's pre-bundle cache (node_modules/.vite-browser-<name>). Suites that may start at the same time use
   * different names: two dev servers optimizing into one cold cache delete each other's files.
   */
  cacheName?: string;
  /** Flags added to CHROMIUM_ARGS. */
  extraArgs?: string[];
  /** Merged into the repo's vite.config.ts (e.g. define, optimizeDeps). */
  vite?: InlineConfig;
  /** Called for every console message of a page or worker (e.g. to stream progress). */
  onConsole?: (entry: ConsoleEntry) => void;
}

export interface BrowserHarness {
  /** The dev server's origin, e.g. http://127.0.0.1:40123 (no trailing slash). */
  baseUrl: string;
  browser: Browser;
  context: BrowserContext;
  /** A new page with the console, error and request listeners attached. */
  newPage(): Promise<Page>;
  /** Every console message of the pages and their workers, in order. */
  console: ConsoleEntry[];
  /** Console errors, uncaught page errors and crashed pages or workers. */
  errors: string[];
  /** Every URL requested by pages and workers. */
  requests: string[];
  /** Requests that left the dev server's origin (they are aborted). */
  offOriginRequests: string[];
  close(): Promise<void>;
}

/** Origins count as equal when scheme, host and port match; data:, blob: and about: never leave the machine. */
function isLocal(url: string, origin: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** A port the OS says is free right now (Vite treats port 0 as "use the default 5173"). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * Time for a first page load. On a clean clone Vite pre-bundles tfjs and the rest on the first request (and two
 * suites starting at once share that work), which took over 15 s on the 2-core CI machine.
 */
export const PAGE_LOAD_TIMEOUT_MS = 120_000;

async function startVite(extra: InlineConfig | undefined, cacheName: string): Promise<ViteDevServer> {
  const port = await freePort();
  const server = await createServer({
    configFile: resolve(REPO_ROOT, 'vite.config.ts'),
    root: REPO_ROOT,
    logLevel: 'warn',
    clearScreen: false,
    // A cache of its own: another dev server on this machine may pre-bundle a different dependency set.
    cacheDir: resolve(REPO_ROOT, `node_modules/.vite-browser-${cacheName}`),
    ...extra,
    server: { host: '127.0.0.1', port, strictPort: false, hmr: false, watch: null, ...extra?.server },
    optimizeDeps: {
      entries: [
        'index.html',
        'test/browser/pages/*.html',
        'bench/browser/*.html',
        'src/worker/*.worker.ts',
        'test/browser/pages/*.ts',
        'bench/browser/*.ts',
      ],
      include: PREBUNDLED,
      ...extra?.optimizeDeps,
    },
  });
  await server.listen();
  return server;
}

function serverOrigin(server: ViteDevServer): string {
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string')
    throw new Error('harness: the Vite dev server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Starts Vite and Chromium. Always `await harness.close()` (in afterAll / finally): it closes the browser and the
 * server even if a test failed.
 */
export async function startHarness(opts: HarnessOptions = {}): Promise<BrowserHarness> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set DSLAB_CHROMIUM ` +
        'to a Chromium binary.',
    );
  }
  const server = await startVite(opts.vite, opts.cacheName ?? 'harness');
  let browser: Browser | undefined;
  try {
    const baseUrl = serverOrigin(server);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(opts.extraArgs ?? [])],
    });
    const context = await browser.newContext();
    const consoleEntries: ConsoleEntry[] = [];
    const errors: string[] = [];
    const requests: string[] = [];
    const offOriginRequests: string[] = [];

    // Route + request events both see worker traffic; routing also keeps the test hermetic.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url, baseUrl)) return route.continue();
      offOriginRequests.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (request) => requests.push(request.url()));

    const record = (source: ConsoleEntry['source'], msg: ConsoleMessage) => {
      const entry: ConsoleEntry = { source, type: msg.type(), text: msg.text() };
      consoleEntries.push(entry);
      if (entry.type === 'error') errors.push(`${source} console error: ${entry.text}`);
      opts.onConsole?.(entry);
    };
    const attach = (page: Page) => {
      // Recent Playwright also reports worker messages on the page; those are recorded by the worker listener.
      page.on('console', (msg) => {
        if (!msg.worker()) record('page', msg);
      });
      page.on('worker', (worker) => worker.on('console', (msg) => record('worker', msg)));
      page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
      page.on('crash', () => errors.push('page crashed'));
      return page;
    };

    const openBrowser = browser;
    return {
      baseUrl,
      browser: openBrowser,
      context,
      newPage: async () => attach(await context.newPage()),
      console: consoleEntries,
      errors,
      requests,
      offOriginRequests,
      async close() {
        await openBrowser.close().catch(() => undefined);
        await server.close();
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await server.close();
    throw e;
  }
}
