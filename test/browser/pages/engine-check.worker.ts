/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { syntheticDataset } from '../../../src/data/synthetic';
import { initBackend } from '../../../src/train/backend';
import { webglGroupConv } from '../../../src/train/group-conv-webgl';
import {
  checkWebgpuGroupConv,
  compareWithSplit,
  type WebgpuGroupConvCheck,
} from '../../../src/train/group-conv-webgpu';
import { trainModel } from '../../../src/train/trainer';
import { AGREE_JOB, TINY_DATA } from './engine-fixtures';

// Runs on webgpu what the training worker's API cannot reach: the WGSL kernel check, and a short training run
// with a listener on the GPUDevice, whose 'uncapturederror' events are otherwise only console warnings.

export interface EngineCheckReport {
  backend: string;
  adapter?: string;
  kernelCheck: WebgpuGroupConvCheck;
  /** The GLSL kernels against split/concat on webgl (run after the webgpu part). */
  webglCheck: Omit<WebgpuGroupConvCheck, 'gpuErrors'> & { backend: string };
  trainStatus: string;
  trainLoss: number;
  /** Uncaptured GPUDevice errors while training. */
  gpuErrors: string[];
}

async function run(): Promise<EngineCheckReport> {
  const info = await initBackend('webgpu');
  const kernelCheck = await checkWebgpuGroupConv();
  const device = (tf.backend() as WebGPUBackend).device;
  const gpuErrors: string[] = [];
  const onError = (e: Event) => gpuErrors.push(String((e as GPUUncapturedErrorEvent).error?.message));
  device.addEventListener('uncapturederror', onError);
  try {
    if (TINY_DATA.kind !== 'synthetic') throw new Error('engine check: TINY_DATA must be synthetic');
    const { trainSize, testSize, resolution, channels, classes, seed } = TINY_DATA;
    const data = syntheticDataset({
      trainSize,
      testSize,
      height: resolution,
      width: resolution,
      channels,
      classes,
      seed,
    });
    const result = await trainModel(AGREE_JOB.config, data, AGREE_JOB.options);
    // A read-back makes the device finish, so errors of the last commands have arrived.
    await tf.tidy(() => tf.scalar(0)).data();
    device.removeEventListener('uncapturederror', onError);
    const backend = tf.getBackend();
    await initBackend('webgl');
    const webglCheck = { ...(await compareWithSplit(webglGroupConv)), backend: tf.getBackend() };
    return {
      webglCheck,
      backend,
      adapter: info.adapter,
      kernelCheck,
      trainStatus: result.status,
      trainLoss: result.curve[0]?.trainLoss ?? NaN,
      gpuErrors,
    };
  } finally {
    device.removeEventListener('uncapturederror', onError);
  }
}

self.onmessage = () => {
  run().then(
    (report) => postMessage({ ok: true, report }),
    (e: unknown) =>
      postMessage({ ok: false, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) }),
  );
};
