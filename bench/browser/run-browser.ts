import { PAGE_LOAD_TIMEOUT_MS, startHarness } from '../../test/browser/harness';
import type { Row as GroupConvRow } from '../group-conv';
import type { Row, TrainBenchSettings } from '../train';
import type { BenchReply, BenchRequest } from './protocol';

// Node driver of the browser benchmark: Vite dev server + headless Chromium (test/browser/harness.ts), one
// fresh worker per backend on bench/browser/index.html.

export type BrowserBackend = BenchRequest['backend'];

export interface BenchBrowserOptions {
  backends?: BrowserBackend[];
  /** Training settings per backend; null skips training there. */
  train?: (backend: BrowserBackend) => TrainBenchSettings | null;
  /** Grouped-conv micro-benchmark settings; null skips it. */
  groupConv?: { batch: number; budgetMs: number } | null;
  log?: (line: string) => void;
}

export interface BrowserBenchResult {
  train: Row[];
  groupConv: GroupConvRow[];
  /** Backends that could not run, with the reason. */
  skipped: string[];
  /** Console errors of the page and its workers (reported, not fatal). */
  errors: string[];
  chromium: string;
}

/**
 * SwiftShader emulates the GPU on the CPU: a batch-128 step of the benchmark net takes minutes there, so the
 * browser uses batch 16 and 2 timed steps. The ratio is the point; absolute numbers say nothing about real GPUs.
 */
export const DEFAULT_BROWSER_TRAIN: TrainBenchSettings = { batchSize: 16, steps: 2 };

export async function benchBrowser(opts: BenchBrowserOptions = {}): Promise<BrowserBenchResult> {
  const log = opts.log ?? (() => {});
  const harness = await startHarness({
    onConsole: (e) => {
      if (e.text.startsWith('[bench] ')) log(`chromium ${e.text.slice(8)}`);
      else if (e.type === 'error' || e.type === 'warning') log(`chromium ${e.source} ${e.type}: ${e.text}`);
    },
  });
  const result: BrowserBenchResult = {
    train: [],
    groupConv: [],
    skipped: [],
    errors: harness.errors,
    chromium: harness.browser.version(),
  };
  try {
    const page = await harness.newPage();
    await page.goto(`${harness.baseUrl}/bench/browser/index.html`, { timeout: PAGE_LOAD_TIMEOUT_MS });
    await page.waitForFunction(() => typeof window.dslabBench === 'function');
    for (const backend of opts.backends ?? ['webgpu', 'webgl']) {
      const train = opts.train ? opts.train(backend) : DEFAULT_BROWSER_TRAIN;
      const req: BenchRequest = {
        backend,
        ...(train ? { train } : {}),
        ...(opts.groupConv ? { groupConv: opts.groupConv } : {}),
      };
      let reply: BenchReply;
      try {
        reply = await page.evaluate((r) => window.dslabBench(r), req);
      } catch (e) {
        const reason = `${backend}: ${(e as Error).message.split('\n')[0]}`;
        log(`chromium ${reason}`);
        result.skipped.push(reason);
        continue;
      }
      if (reply.train) result.train.push(reply.train);
      result.groupConv.push(...(reply.groupConv ?? []));
    }
    return result;
  } finally {
    await harness.close();
  }
}
