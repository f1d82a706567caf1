import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeModelConfig } from '../../src/io/model-config';
import type { AnyNetConfig } from '../../src/space/anynet';
import { complexity } from '../../src/space/complexity';

/** The real CLI in a child process (tsx loader, no build step), and fixtures for the train and sweep tests. */

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = ['--import', 'tsx', 'src/cli/main.ts'];

function env(): NodeJS.ProcessEnv {
  const e = { ...process.env };
  delete e.DSLAB_DEBUG;
  return e;
}

export interface CliResult {
  code: number | null;
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function dslab(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: env() });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI without waiting; `done` resolves when it exits. */
export function startDslab(...args: string[]): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: env() });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'dslab-train-test-'));

/** A one-stage net for the 16px, 1-channel, 10-class synthetic set: fast even on the cpu backend. */
export const TINY_NETWORK: AnyNetConfig = {
  stem: { type: 'cifar', width: 8 },
  stages: [{ depth: 1, width: 16, stride: 2, bottleneckRatio: 1, groupWidth: 8 }],
  seRatio: 0,
  head: { classes: 10 },
  input: { channels: 1, resolution: 16 },
};

export function writeTinyConfig(dir: string): string {
  const path = join(dir, 'tiny.json');
  writeFileSync(
    path,
    JSON.stringify(makeModelConfig(TINY_NETWORK, complexity(TINY_NETWORK), { name: 'tiny' })),
  );
  return path;
}
