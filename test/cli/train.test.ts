import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrainOutput } from '../../src/cli/commands/train';
import { dslab, tempDir, writeTinyConfig } from './cli-process';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tiny = writeTinyConfig(dir);
/** 128 synthetic images in batches of 32: 4 steps per epoch. */
const SMALL = ['--data', 'synthetic', '--train-size', '128', '--test-size', '32', '--batch', '32'];

const parse = (stdout: string) => JSON.parse(stdout) as TrainOutput;
const isFraction = (x: unknown) => typeof x === 'number' && x >= 0 && x <= 1;

describe('dslab train', () => {
  it('trains a model config and prints one JSON document with fractions, speed and the backend', () => {
    const { code, stdout, stderr } = dslab('train', tiny, ...SMALL, '--epochs', '2', '--json');
    expect(code, stderr).toBe(0);
    const out = parse(stdout);
    expect(out.status).toBe('done');
    expect(out.model).toBe('tiny');
    expect(isFraction(out.testError)).toBe(true);
    expect(out.curve.map((p) => p.epoch)).toEqual([1, 2]);
    for (const p of out.curve) {
      expect(isFraction(p.trainError)).toBe(true);
      expect(isFraction(p.testError)).toBe(true);
    }
    // The final test error is the last epoch's.
    expect(out.curve[1].testError).toBe(out.testError);
    expect(out.backend.name).toBe('wasm');
    expect(out.imagesPerSec).toBeGreaterThan(0);
    expect(out.inferenceMsPerImage).toBeGreaterThan(0);
    // stem 3*3*1*8 + BN 16; block: 1x1 proj 8*16 + 32, 1x1 8*16 + 32, 3x3 grouped 16*9*8 + 32,
    // 1x1 16*16 + 32; head 16*10 + 10.
    expect(out.params).toBe(72 + 16 + 160 + 160 + 1184 + 288 + 170);
    expect(out.data).toEqual({
      name: 'synthetic',
      trainSize: 128,
      testSize: 32,
      resolution: 16,
      channels: 1,
      classes: 10,
    });
    expect(out.training).toMatchObject({ epochs: 2, batchSize: 32, lr: 0.025, seed: 0, augment: false });
    // 128 images, batches of 32, 2 epochs.
    expect(out.steps).toBe(8);
    expect(stderr).toMatch(/epoch 1\/2: .*test error/);
    expect(stderr).toMatch(/epoch 2\/2: /);
  });

  it('gives the same curve for the same seed on the cpu backend', () => {
    // cpu runs JS kernels: 2 steps of 32 images, 16 test images.
    const data = ['--data', 'synthetic', '--train-size', '64', '--test-size', '16', '--batch', '32'];
    const run = () =>
      dslab('train', tiny, ...data, '--epochs', '1', '--backend', 'cpu', '--seed', '5', '--json');
    const [a, b] = [run(), run()];
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const [x, y] = [parse(a.stdout), parse(b.stdout)];
    expect(x.backend.name).toBe('cpu');
    expect(x.curve).toHaveLength(1);
    expect(x.curve).toEqual(y.curve);
    expect(x.testError).toBe(y.testError);
  });

  it('accepts a model from `dslab sample --json` as is and rebuilds it for the data, with a note', () => {
    const sample = dslab(
      'sample',
      '--space',
      'regnetx',
      '--n',
      '1',
      '--seed',
      '0',
      '--resolution',
      '28',
      '--in-channels',
      '1',
      '--classes',
      '10',
      '--flops',
      '2e6:6e6',
      '--json',
    );
    expect(sample.code, sample.stderr).toBe(0);
    const model = (JSON.parse(sample.stdout) as { models: unknown[] }).models[0];
    const path = join(dir, 'sampled.json');
    writeFileSync(path, JSON.stringify(model));
    const { code, stdout, stderr } = dslab('train', path, ...SMALL, '--epochs', '1', '--json');
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/built for 28px x 1ch, 10 classes.*rebuilt for the data: 16px x 1ch, 10 classes/);
    const out = parse(stdout);
    expect(out.status).toBe('done');
    expect(out.network.input).toEqual({ channels: 1, resolution: 16 });
    expect(out.curve).toHaveLength(1);
  });

  it('reports a diverged run in words and exits 0', () => {
    // 512 images: 16 steps at lr 1e9 without warm-up is far past what BN can absorb.
    const args = ['--data', 'synthetic', '--train-size', '512', '--test-size', '32', '--batch', '32'];
    const { code, stdout, stderr } = dslab(
      'train',
      tiny,
      ...args,
      '--epochs',
      '1',
      '--lr',
      '1e9',
      '--warmup',
      '0',
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^tiny: diverged/);
    expect(stdout).toMatch(/Loss became (NaN|Infinity|-Infinity) at step \d+/);
  });

  it('refuses an unknown data spec and lists the valid forms', () => {
    const { code, stdout, stderr } = dslab('train', tiny, '--data', 'mnist-ish');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain("Unknown data spec 'mnist-ish'");
    expect(stderr).toContain('fashion-mnist[:<dir>]');
  });

  it('names a missing Fashion-MNIST folder and says how to get the files', () => {
    const missing = join(dir, 'no-such-folder');
    const { code, stderr } = dslab('train', tiny, '--data', `fashion-mnist:${missing}`);
    expect(code).toBe(2);
    expect(stderr).toContain(missing);
    expect(stderr).toContain('four IDX files');
  });

  it('refuses bad training options before loading anything', () => {
    const warm = dslab('train', tiny, ...SMALL, '--epochs', '2', '--warmup', '3');
    expect(warm.code).toBe(2);
    expect(warm.stderr).toContain('--warmup must be at most 2');
    const model = dslab('train', join(dir, 'nope.json'), ...SMALL);
    expect(model.code).toBe(2);
    expect(model.stderr).toContain('neither a preset nor an existing file');
  });
});
