import type { BenchReply, BenchRequest, WorkerMessage } from './protocol';

// The bench page: runs each request in a fresh module worker and forwards its progress to the console, where
// the Node driver (run-browser.ts) picks it up.

function dslabBench(req: BenchRequest): Promise<BenchReply> {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<BenchReply>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.type === 'log') console.log(`[bench] ${m.line}`);
      else if (m.type === 'done') resolve(m.reply);
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => reject(new Error(`bench worker crashed: ${e.message || 'unknown error'}`));
    worker.postMessage(req);
  }).finally(() => worker.terminate());
}

declare global {
  interface Window {
    dslabBench: (req: BenchRequest) => Promise<BenchReply>;
  }
}
window.dslabBench = dslabBench;
