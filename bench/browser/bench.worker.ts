/// <reference lib="webworker" />
import { initBackend } from '../../src/train/backend';
import { benchGroupConv } from '../group-conv';
import { measureTrain } from '../train';
import type { BenchReply, BenchRequest, WorkerMessage } from './protocol';

// One backend per fresh worker (a clean GPU buffer pool and shader cache for each measurement).

const send = (m: WorkerMessage) => postMessage(m);
const log = (line: string) => send({ type: 'log', line });

async function run(req: BenchRequest): Promise<BenchReply> {
  const info = await initBackend(req.backend);
  log(`${req.backend}: adapter ${info.adapter ?? 'unknown'}`);
  const reply: BenchReply = { info };
  if (req.train) {
    const row = await measureTrain(req.backend, req.train, 'chromium', log);
    reply.train = info.adapter ? { ...row, adapter: info.adapter } : row;
  }
  if (req.groupConv) {
    const { batch, budgetMs } = req.groupConv;
    reply.groupConv = await benchGroupConv([req.backend], {
      shapes: () => [4, 8].map((groups) => ({ x: [batch, 16, 16, 64], outChannels: 64, groups, stride: 1 })),
      budgetMs,
      log,
    });
  }
  return reply;
}

self.onmessage = (e: MessageEvent<BenchRequest>) => {
  run(e.data).then(
    (reply) => send({ type: 'done', reply }),
    (err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
