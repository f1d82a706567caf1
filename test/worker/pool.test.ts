import { describe, expect, it } from 'vitest';
import { createPool, type PoolWorker } from '../../src/worker/pool';

/** A worker that squares numbers after a delay; per-backend behaviour is scripted by the test. */
function squareWorker(
  backend: string,
  log: string[],
  behaviour: (backend: string, job: number) => 'ok' | 'crash' | 'hang' = () => 'ok',
): PoolWorker<number, number, string> {
  let cancelled = false;
  return {
    async run(job, onProgress) {
      log.push(`${backend}:${job}`);
      onProgress(`start ${job}`);
      const mode = behaviour(backend, job);
      if (mode === 'hang') await new Promise(() => {});
      await new Promise((r) => setTimeout(r, 5));
      if (cancelled) throw new Error('stopped');
      if (mode === 'crash') throw new Error(`worker died (${backend})`);
      return job * job;
    },
    cancel() {
      cancelled = true;
    },
    terminate() {
      log.push(`terminate:${backend}`);
    },
  };
}

describe('worker pool', () => {
  it('runs every job once and keeps results in order of enqueueing', async () => {
    const log: string[] = [];
    const pool = createPool({ size: 2, backends: ['cpu'], spawn: (b) => squareWorker(b, log) });
    [1, 2, 3, 4, 5].forEach((n) => pool.enqueue(`j${n}`, n));
    await pool.idle();
    expect(pool.jobs().map((j) => j.result)).toEqual([1, 4, 9, 16, 25]);
    expect(pool.jobs().every((j) => j.status === 'done')).toBe(true);
    expect(log.filter((l) => l.startsWith('cpu:'))).toHaveLength(5);
  });

  it('pauses between jobs and resumes', async () => {
    const log: string[] = [];
    const pool = createPool({ size: 1, backends: ['cpu'], spawn: (b) => squareWorker(b, log) });
    pool.pause();
    pool.enqueue('a', 2);
    await pool.idle();
    expect(pool.jobs()[0].status).toBe('queued');
    pool.resume();
    await pool.idle();
    expect(pool.jobs()[0].result).toBe(4);
  });

  it('retries once on a fresh worker, then falls back to the next backend', async () => {
    const log: string[] = [];
    let spawned = 0;
    const pool = createPool({
      size: 1,
      backends: ['webgpu', 'wasm', 'cpu'],
      spawn: (b) => {
        spawned++;
        return squareWorker(b, log, (backend) => (backend === 'webgpu' ? 'crash' : 'ok'));
      },
    });
    pool.enqueue('a', 3);
    pool.enqueue('b', 4);
    await pool.idle();
    expect(pool.jobs().map((j) => [j.status, j.result, j.backend])).toEqual([
      ['done', 9, 'wasm'],
      ['done', 16, 'wasm'],
    ]);
    // Two tries on webgpu (each on a new worker), then wasm for the rest.
    expect(log.filter((l) => l.startsWith('webgpu:'))).toEqual(['webgpu:3', 'webgpu:3']);
    expect(spawned).toBe(3);
    expect(pool.backend).toBe('wasm');
  });

  it('keeps finished results when a later job fails everywhere', async () => {
    const pool = createPool({
      size: 1,
      backends: ['cpu'],
      spawn: (b) => squareWorker(b, [], (_, job) => (job === 7 ? 'crash' : 'ok')),
    });
    pool.enqueue('ok', 2);
    pool.enqueue('bad', 7);
    pool.enqueue('after', 3);
    await pool.idle();
    expect(pool.jobs().map((j) => j.status)).toEqual(['done', 'failed', 'done']);
    expect(pool.jobs()[0].result).toBe(4);
    expect(pool.jobs()[1].error).toMatch(/worker died/);
  });

  it('fails a job that exceeds its timeout and replaces the stuck worker', async () => {
    const log: string[] = [];
    const pool = createPool({
      size: 1,
      backends: ['cpu'],
      timeoutMs: 50,
      spawn: (b) => squareWorker(b, log, (_, job) => (job === 1 ? 'hang' : 'ok')),
    });
    pool.enqueue('stuck', 1);
    pool.enqueue('next', 5);
    await pool.idle();
    expect(pool.jobs().map((j) => j.status)).toEqual(['failed', 'done']);
    expect(pool.jobs()[0].error).toMatch(/timed out after 50 ms/);
    expect(log).toContain('terminate:cpu');
  });

  it('cancels a running job at once and the queued ones', async () => {
    const pool = createPool({ size: 1, backends: ['cpu'], spawn: (b) => squareWorker(b, [], () => 'hang') });
    pool.enqueue('a', 1);
    pool.enqueue('b', 2);
    pool.cancel();
    await pool.idle();
    expect(pool.jobs().map((j) => j.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('does not retry errors marked as not retryable', async () => {
    const log: string[] = [];
    const pool = createPool({
      size: 1,
      backends: ['wasm', 'cpu'],
      retryable: () => false,
      spawn: (b) => squareWorker(b, log, () => 'crash'),
    });
    pool.enqueue('a', 1);
    await pool.idle();
    expect(pool.jobs()[0].status).toBe('failed');
    expect(log.filter((l) => !l.startsWith('terminate'))).toEqual(['wasm:1']);
  });

  it('recycles a worker after the configured number of jobs', async () => {
    let spawned = 0;
    const pool = createPool({
      size: 1,
      backends: ['cpu'],
      recycleAfter: 2,
      spawn: (b) => {
        spawned++;
        return squareWorker(b, []);
      },
    });
    [1, 2, 3, 4, 5].forEach((n) => pool.enqueue(String(n), n));
    await pool.idle();
    expect(spawned).toBe(3);
  });

  it('recycles a worker after a job whose result asks for it (e.g. too many GPU bytes)', async () => {
    const log: string[] = [];
    let spawned = 0;
    const pool = createPool({
      size: 1,
      backends: ['cpu'],
      // Results are squares: 9 and 16 pass the "bytes" limit of 5, so the worker is replaced after each.
      recycleWhen: (result: number) => result > 5,
      spawn: (b) => {
        spawned++;
        return squareWorker(b, log);
      },
    });
    [1, 2, 3, 4].forEach((n) => pool.enqueue(String(n), n));
    await pool.idle();
    expect(pool.jobs().map((j) => j.result)).toEqual([1, 4, 9, 16]);
    // One worker for 1, 2, 3; a fresh one for 4; the one that ran 4 is retired too.
    expect(spawned).toBe(2);
    expect(log.filter((l) => l.startsWith('terminate'))).toHaveLength(2);
  });

  it('rejects a duplicate job id and a pool without workers', () => {
    const pool = createPool({ size: 1, backends: ['cpu'], spawn: (b) => squareWorker(b, []) });
    pool.pause();
    pool.enqueue('x', 1);
    expect(() => pool.enqueue('x', 2)).toThrow(/already in the pool/);
    expect(() => createPool({ size: 0, backends: ['cpu'], spawn: (b) => squareWorker(b, []) })).toThrow(
      /at least one worker/,
    );
  });
});
