import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_LOAD_TIMEOUT_MS, startHarness, type BrowserHarness } from './harness';
import type { EngineSummary } from './pages/engine';

// The training engine in headless Chromium: the real training worker on WebGPU (SwiftShader adapter) and on cpu,
// plus the WGSL grouped-conv kernel check. One page run does all the work (~1.5 min on 2 cores); the tests below
// read its summary.

const CLASSES = 4;
/** Cross-entropy of an untrained (near-uniform) 4-class classifier. */
const CHANCE_LOSS = Math.log(CLASSES);

describe('training engine in Chromium (webgpu on SwiftShader)', () => {
  let harness: BrowserHarness | undefined;
  let summary: EngineSummary;

  beforeAll(async () => {
    harness = await startHarness({ cacheName: 'engine' });
    const page = await harness.newPage();
    await page.goto(`${harness.baseUrl}/test/browser/pages/engine.html`, { timeout: PAGE_LOAD_TIMEOUT_MS });
    await page.waitForFunction(() => typeof window.runEngineChecks === 'function');
    summary = await page.evaluate(() => window.runEngineChecks());
  }, 300_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('trains on the webgpu backend with the SwiftShader adapter', () => {
    expect(summary.webgpuInfo?.name).toBe('webgpu');
    expect(summary.webgpuInfo?.adapter).toMatch(/swiftshader/i);
    expect(summary.webgpuInfo?.isFallbackAdapter).toBe(true);
    for (const run of [summary.webgpuAgree, summary.webgpuLearn]) {
      expect(run.result.backend.name).toBe('webgpu');
      expect(run.result.status).toBe('done');
    }
    expect(summary.cpuInfo?.name).toBe('cpu');
    expect(summary.cpuAgree.result.backend.name).toBe('cpu');
  });

  it('lowers the training loss on webgpu', () => {
    const curve = summary.webgpuLearn.result.curve;
    expect(curve).toHaveLength(4);
    expect(curve[0].trainLoss).toBeGreaterThan(CHANCE_LOSS - 0.3);
    expect(curve[0].trainLoss).toBeLessThan(CHANCE_LOSS + 0.3);
    expect(curve[3].trainLoss).toBeLessThan(0.5 * CHANCE_LOSS);
    expect(summary.webgpuLearn.result.testError).toBeLessThan(50);
    // Progress reached the page through the worker API.
    expect(summary.webgpuLearn.progress.some((e) => e.type === 'epoch')).toBe(true);
  });

  it('gives the same loss on webgpu and cpu after the same three seeded steps', () => {
    const gpu = summary.webgpuAgree.result;
    const cpu = summary.cpuAgree.result;
    expect(gpu.steps).toBe(3);
    expect(cpu.steps).toBe(3);
    const [gpuLoss, cpuLoss] = [gpu.curve[0].trainLoss, cpu.curve[0].trainLoss];
    expect(Number.isFinite(gpuLoss)).toBe(true);
    expect(Math.abs(gpuLoss - cpuLoss) / Math.abs(cpuLoss)).toBeLessThan(1e-3);
    expect(gpu.params).toBe(cpu.params);
  });

  it('passes checkWebgpuGroupConv (WGSL kernels vs split/concat, forward and both gradients)', () => {
    if (!summary.check.ok) throw new Error(`the kernel check worker failed: ${summary.check.error}`);
    const { kernelCheck, backend, adapter } = summary.check.report;
    expect(backend).toBe('webgpu');
    expect(adapter).toMatch(/swiftshader/i);
    expect(kernelCheck.cases.length).toBeGreaterThan(0);
    expect(kernelCheck.maxForwardError).toBeLessThan(1e-4);
    expect(kernelCheck.maxInputGradError).toBeLessThan(1e-4);
    expect(kernelCheck.maxFilterGradError).toBeLessThan(1e-4);
    expect(kernelCheck.gpuErrors).toEqual([]);
  });

  it('passes the same check for the GLSL kernels on webgl', () => {
    if (!summary.check.ok) throw new Error(`the kernel check worker failed: ${summary.check.error}`);
    const { webglCheck } = summary.check.report;
    expect(webglCheck.backend).toBe('webgl');
    expect(webglCheck.cases.length).toBeGreaterThan(0);
    expect(webglCheck.maxForwardError).toBeLessThan(1e-4);
    expect(webglCheck.maxInputGradError).toBeLessThan(1e-4);
    expect(webglCheck.maxFilterGradError).toBeLessThan(1e-4);
  });

  it('raises no GPU device errors, console errors or off-origin requests', () => {
    if (!summary.check.ok) throw new Error(`the kernel check worker failed: ${summary.check.error}`);
    expect(summary.check.report.trainStatus).toBe('done');
    expect(summary.check.report.gpuErrors).toEqual([]);
    const h = harness!;
    // Chromium reports uncaptured WebGPU errors of the training worker as console warnings.
    const gpuWarnings = h.console.filter(
      (e) => e.type === 'warning' && /webgpu|GPUValidationError|\[Invalid |WGSL/i.test(e.text),
    );
    expect(gpuWarnings).toEqual([]);
    expect(h.errors).toEqual([]);
    expect(h.offOriginRequests).toEqual([]);
    expect(h.requests.length).toBeGreaterThan(0);
  });
});
