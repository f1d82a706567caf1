import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModelConfig } from '../../src/io/parse';
import { parseConstraint } from '../../src/space/constraints';
import type { RegNetParams } from '../../src/space/regnet';
import { exactSize, type ExactSize } from '../../src/space/size';
import { getSpace, withConstraint } from '../../src/space/spaces';
import {
  choose,
  columnIndex,
  expectedRegNet,
  horizontalOverflow,
  PANELS,
  readComplexity,
  readStageTable,
  resetScreenshotDir,
  SCREENSHOT_DIR,
  screenshotViews,
  tableCells,
  TEST_SHAPES,
} from './app-helpers';
import { PAGE_LOAD_TIMEOUT_MS, startHarness, type BrowserHarness } from './harness';

// The lab in headless Chromium, driven like a user: explorer sliders, constraint chips, a tiny sweep trained in
// workers (wasm backend), brushing, export, reload (IndexedDB restore), "Train this config", screenshots in both
// themes. The steps share one page and run in order; each names what it needs from the steps before.

const N_MODELS = 3;
const TRAIN_IMAGES = 256;
const BATCH = 64;
const SWEEP_TIMEOUT_MS = 240_000;

/** REGNET.md §4.1/§4.2: presets and their derived stages and exact complexity at 224 px, 1000 classes. */
const GOLDEN = {
  'RegNetX-200MF': {
    params: { depth: 13, w0: 24, wa: 36.44, wm: 2.49, groupWidth: 8, bottleneckRatio: 1, seRatio: 0 },
    widths: [24, 56, 152, 368],
    rawWidths: [24, 56, 152, 368],
    depths: [1, 1, 4, 7],
    groupWidths: [8, 8, 8, 8],
    complexity: { flops: 199040872, params: 2684792, acts: 2164056 },
  },
  'RegNetX-8.0GF': {
    widths: [80, 240, 720, 1920],
    rawWidths: [80, 232, 664, 1912],
    depths: [2, 5, 15, 1],
    groupWidths: [80, 120, 120, 120],
    complexity: { flops: 7995133416, params: 39572648, acts: 14059688 },
  },
} as const;

/**
 * Exact grid sizes of AnyNetX_A..E by hand (paper §3.1 domains: d ≤ 16 → 16 values, w ≤ 1024 in steps of 8 →
 * 128, b ∈ {1,2,4} → 3, g ∈ {1,2,4,8,16,32} → 6, four stages). Nondecreasing sequences of length 4 from k values
 * number C(k+3, 4).
 */
const D = 16;
const W = 128;
const B = 3;
const G = 6;
const SIZE_A = BigInt(D * W * B * G) ** 4n;
const SIZE_B = BigInt(B) * BigInt(D * W * G) ** 4n;
const SIZE_C = BigInt(B * G) * BigInt(D * W) ** 4n;
const SIZE_D = BigInt(B * G) * BigInt(D) ** 4n * choose(W + 3, 4);
const SIZE_E = BigInt(B * G) * choose(D + 3, 4) * choose(W + 3, 4);

let harness: BrowserHarness | undefined;
let page: Page;
const stepFailures: string[] = [];

const h = (): BrowserHarness => {
  if (!harness) throw new Error('the browser harness did not start (see beforeAll)');
  return harness;
};

const region = (title: string): Locator => page.getByRole('region', { name: title, exact: true });
const slider = (name: string): Locator => page.getByRole('slider', { name, exact: true });
const numberBeside = (name: string): Locator => page.getByRole('spinbutton', { name: `${name} value` });

/** The explorer's parameters as its number inputs show them. */
async function shownParams(): Promise<RegNetParams> {
  const num = async (name: string) => Number(await numberBeside(name).inputValue());
  const se = await page.getByRole('spinbutton', { name: 'SE ratio' }).inputValue();
  return {
    w0: await num('w0'),
    wa: await num('wa'),
    wm: await num('wm'),
    depth: await num('depth'),
    groupWidth: await num('group width'),
    bottleneckRatio: await num('bottleneck ratio'),
    seRatio: Number(se),
  };
}

/** Stage table and complexity readout equal generate_regnet + compatibility + complexity at the explorer shape. */
async function expectExplorerMatchesCore(params: RegNetParams): Promise<void> {
  const shapeKey = await page.getByRole('combobox', { name: 'resolution' }).inputValue();
  const shape = TEST_SHAPES[shapeKey];
  if (!shape) throw new Error(`unknown explorer resolution '${shapeKey}'`);
  const want = expectedRegNet(params, shape);
  await expect.poll(() => readStageTable(page), { timeout: 5_000 }).toEqual(want.stages);
  expect(await readComplexity(page)).toEqual(want.complexity);
}

/** Exact count text of the Design space panel ("817,446,539,520 models" or "≈ 1.8e18 models") and its 10^x. */
async function shownSize(): Promise<{ detail: string; pow10: string }> {
  const figure = region('Design space')
    .getByRole('group', { name: 'space size' })
    .locator('.size-figure', { has: page.getByTestId('exact-size') });
  return {
    detail: (await figure.locator('.size-detail').innerText()).trim(),
    pow10: (await figure.getByTestId('exact-size').locator('.visually-hidden').innerText()).trim(),
  };
}

const sizeText = (count: bigint): string =>
  count < 10n ** 12n ? `${count.toLocaleString('en-US')} models` : `≈ ${exactSizeText(count)} models`;

/** Two significant digits as a power of ten ("1.8e18"), computed here from the BigInt. */
function exactSizeText(count: bigint): string {
  const digits = count.toString();
  const lead = Number(`${digits[0]}.${digits.slice(1, 4)}`);
  let mantissa = Math.round(lead * 10) / 10;
  let exp = digits.length - 1;
  if (mantissa >= 10) {
    mantissa /= 10;
    exp += 1;
  }
  return `${mantissa.toFixed(1)}e${exp}`;
}

/** The exact-size detail for a count from size.ts (its own two-digit text above 10^12). */
const coreSizeText = (e: ExactSize): string =>
  e.count < 10n ** 12n ? `${e.count.toLocaleString('en-US')} models` : `≈ ${e.text} models`;

const pow10Text = (count: bigint): string => `10^${Math.log10(Number(count)).toFixed(1)}`;

/** The queue table's body rows as cell texts plus the header. */
async function queueRows(): Promise<{ header: string[]; rows: string[][] }> {
  const table = page.getByRole('table', { name: 'Queue' });
  const header = await table
    .locator('thead tr')
    .first()
    .evaluate((tr) => [...tr.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').trim()));
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').trim())),
    );
  return { header, rows };
}

/** Status of each queue row, read from the column headed "status". */
async function queueStatuses(): Promise<string[]> {
  const { header, rows } = await queueRows();
  const col = columnIndex(header, /^status$/i);
  return rows.map((r) => r[col]);
}

/** Sum of the `n` column of the EDF chart's data table (one row per series). */
async function edfPointCount(): Promise<number> {
  const img = page.getByRole('img', { name: /^Error EDF/ });
  await img.first().waitFor({ state: 'attached', timeout: 10_000 });
  const figure = page.locator('figure', { has: img });
  const cells = await tableCells(figure.locator('table').first());
  const nCol = columnIndex(cells[0], /^n$/);
  return cells.slice(1).reduce((sum, row) => sum + Number(row[nCol]), 0);
}

/** Runs a step; a failure is recorded (for the final report) and rethrown. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    stepFailures.push(`${name}: ${(e as Error).message.split('\n')[0]}`);
    throw e;
  }
}

describe('the lab in Chromium (UI suite)', () => {
  beforeAll(async () => {
    resetScreenshotDir();
    harness = await startHarness({ cacheName: 'app' });
    page = await h().newPage();
    // Fail fast on a missing control; the training waits below set their own, longer timeouts.
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`${h().baseUrl}/`, { timeout: PAGE_LOAD_TIMEOUT_MS });
    await page.getByRole('region', { name: 'RegNet explorer' }).waitFor({ timeout: PAGE_LOAD_TIMEOUT_MS });
  }, 300_000);

  afterAll(async () => {
    if (stepFailures.length) console.warn(`UI suite steps that failed:\n  ${stepFailures.join('\n  ')}`);
    console.info(`UI suite screenshots: ${SCREENSHOT_DIR}`);
    await harness?.close();
  });

  it('1. opens the app with every panel', async () => {
    await step('open', async () => {
      expect(await page.title()).toMatch(/dslab/);
      for (const p of PANELS) await expect.poll(() => region(p.title).count()).toBe(1);
      await screenshotViews(page, 'initial', 'light');
    });
  });

  it('2. RegNet explorer: sliders, number inputs and presets match the core and REGNET.md §4.2', async () => {
    await step('explorer', async () => {
      const explorer = region('RegNet explorer');
      const preset = explorer.getByRole('combobox', { name: 'preset' });
      const resolution = explorer.getByRole('combobox', { name: 'resolution' });
      await resolution.selectOption('imagenet');

      // The default is RegNetX-200MF at 224 px: the golden row, not recomputed.
      await preset.selectOption('RegNetX-200MF');
      const g200 = GOLDEN['RegNetX-200MF'];
      expect(await shownParams()).toEqual(g200.params);
      expect(await readComplexity(page)).toEqual(g200.complexity);
      const stages200 = await readStageTable(page);
      expect(stages200.map((s) => s.width)).toEqual(g200.widths);
      expect(stages200.map((s) => s.rawWidth)).toEqual(g200.rawWidths);
      expect(stages200.map((s) => s.depth)).toEqual(g200.depths);
      expect(stages200.map((s) => s.groupWidth)).toEqual(g200.groupWidths);

      // Keyboard on each slider; the expected value after the key is written out, not read back.
      const keySteps: { name: string; key: string; key2?: string; want: Partial<RegNetParams> }[] = [
        { name: 'w0', key: 'ArrowRight', want: { w0: 32 } },
        { name: 'wa', key: 'ArrowRight', want: { wa: 36.45 } },
        { name: 'wm', key: 'ArrowLeft', want: { wm: 2.48 } },
        { name: 'depth', key: 'ArrowRight', key2: 'ArrowRight', want: { depth: 15 } },
        { name: 'group width', key: 'End', want: { groupWidth: 256 } },
        { name: 'bottleneck ratio', key: 'End', want: { bottleneckRatio: 4 } },
        { name: 'bottleneck ratio', key: 'Home', want: { bottleneckRatio: 1 } },
        { name: 'group width', key: 'Home', want: { groupWidth: 1 } },
      ];
      let expected: RegNetParams = { ...g200.params };
      for (const s of keySteps) {
        await slider(s.name).focus();
        await page.keyboard.press(s.key);
        if (s.key2) await page.keyboard.press(s.key2);
        expected = { ...expected, ...s.want };
        const shown = await shownParams();
        for (const [k, v] of Object.entries(s.want)) expect(shown[k as keyof RegNetParams]).toBeCloseTo(v, 9);
        await expectExplorerMatchesCore(shown);
      }
      expect(await preset.inputValue()).toBe('');

      // The number input beside a slider edits the same value.
      await numberBeside('group width').fill('24');
      await numberBeside('w0').fill('48');
      await numberBeside('w0').blur();
      expect(await slider('w0').inputValue()).toBe('48');
      expected = { ...expected, groupWidth: 24, w0: 48 };
      const shown = await shownParams();
      expect(shown.groupWidth).toBe(24);
      expect(shown.w0).toBe(48);
      await expectExplorerMatchesCore(shown);

      // 28 px: the same parameters counted at the built-in data's shape.
      await resolution.selectOption('fashion');
      await expectExplorerMatchesCore(await shownParams());

      // Back to 224 px and a preset whose group widths move (REGNET.md §4.2).
      await resolution.selectOption('imagenet');
      await preset.selectOption('RegNetX-8.0GF');
      const g8 = GOLDEN['RegNetX-8.0GF'];
      await expect.poll(() => readComplexity(page)).toEqual(g8.complexity);
      const stages8 = await readStageTable(page);
      expect(stages8.map((s) => s.width)).toEqual(g8.widths);
      expect(stages8.map((s) => s.rawWidth)).toEqual(g8.rawWidths);
      expect(stages8.map((s) => s.depth)).toEqual(g8.depths);
      expect(stages8.map((s) => s.groupWidth)).toEqual(g8.groupWidths);

      await preset.selectOption('RegNetX-200MF');
      await expect.poll(() => readComplexity(page)).toEqual(g200.complexity);
      await expect
        .poll(() => region('RegNet explorer').locator('.panel-summary').innerText())
        .toBe('RegNetX-200MF · 199.0 MF');
    });
  });

  it('3. Design space: constraint chips give the hand-counted exact sizes of AnyNetX_A..E', async () => {
    await step('design space', async () => {
      const space = region('Design space');
      await space.getByRole('combobox', { name: 'base space' }).selectOption('anynetx_a');
      const chip = (name: string) => space.getByRole('button', { name, exact: true });
      const label = space.getByTestId('space-label');
      const expectSize = async (count: bigint, name: string) => {
        await expect.poll(() => label.innerText()).toBe(name);
        const shown = await shownSize();
        expect(shown.detail).toBe(sizeText(count));
        expect(shown.pow10).toBe(pow10Text(count));
      };
      // Cross-check the hand counts against size.ts once, so a domain change shows up here as well.
      expect(exactSize(getSpace('anynetx_e')).count).toBe(SIZE_E);

      await expectSize(SIZE_A, 'AnyNetX_A');
      const steps: [string, bigint, string][] = [
        ['shared b', SIZE_B, 'AnyNetX_B'],
        ['shared g', SIZE_C, 'AnyNetX_C'],
        ['increasing widths', SIZE_D, 'AnyNetX_D'],
        ['increasing depths', SIZE_E, 'AnyNetX_E'],
      ];
      for (const [name, count, spaceName] of steps) {
        expect(await chip(name).getAttribute('aria-pressed')).toBe('false');
        await chip(name).click();
        await expect.poll(() => chip(name).getAttribute('aria-pressed')).toBe('true');
        await expectSize(count, spaceName);
      }
      // Off again in reverse, back to A.
      for (const [name] of [...steps].reverse()) await chip(name).click();
      await expectSize(SIZE_A, 'AnyNetX_A');
    });
  });

  it(
    `4. runs a sweep of ${N_MODELS} models to completion in workers (wasm) and draws their EDF`,
    async () => {
      await step('sweep', async () => {
        const space = region('Design space');
        await space.getByRole('combobox', { name: 'complexity regime' }).selectOption('28px-tiny');
        await space.getByRole('spinbutton', { name: 'models', exact: true }).fill(String(N_MODELS));
        await space.getByRole('spinbutton', { name: 'epochs', exact: true }).fill('1');
        await space.getByRole('spinbutton', { name: 'warm-up epochs' }).fill('0');
        await space.getByRole('spinbutton', { name: 'batch size' }).fill(String(BATCH));
        await space.getByRole('spinbutton', { name: 'training images' }).fill(String(TRAIN_IMAGES));
        await space.getByRole('spinbutton', { name: 'training images' }).blur();
        // The URL holds the set-up (url-state.ts), which is what a reload restores in step 7.
        await expect
          .poll(() => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('train'))
          .toBe(String(TRAIN_IMAGES));

        const run = region('Run');
        await run.getByRole('combobox', { name: 'Backend' }).selectOption('wasm');
        await run
          .getByRole('group', { name: 'Run controls' })
          .getByRole('button', { name: 'Run', exact: true })
          .click();

        await expect.poll(async () => (await queueStatuses()).length, { timeout: 30_000 }).toBe(N_MODELS);
        await expect
          .poll(queueStatuses, { timeout: SWEEP_TIMEOUT_MS, interval: 2_000 })
          .toEqual(Array(N_MODELS).fill('done'));
        await expect.poll(edfPointCount, { timeout: 10_000 }).toBe(N_MODELS);
        const { header, rows } = await queueRows();
        const backendCol = columnIndex(header, /^backend$/i);
        expect(rows.map((r) => r[backendCol])).toEqual(Array(N_MODELS).fill('wasm'));
      });
    },
    SWEEP_TIMEOUT_MS + 60_000,
  );

  it('9a. screenshots of every panel with results, light and dark theme', async () => {
    await step('screenshots', async () => {
      const toggle = page.getByRole('button', { name: /^Switch to (dark|light) theme$/ });
      expect(await toggle.getAttribute('aria-label')).toBe('Switch to dark theme');
      const overflow = await horizontalOverflow(page);
      if (overflow.length) console.warn(`UI suite: wider than the viewport: ${overflow.join('; ')}`);
      await screenshotViews(page, 'results', 'light');
      await toggle.click();
      await expect.poll(() => page.locator('html').getAttribute('class')).toMatch(/theme-dark/);
      await screenshotViews(page, 'results', 'dark');
      await page.getByRole('button', { name: 'Switch to light theme' }).click();
      await expect.poll(() => page.locator('html').getAttribute('class')).toMatch(/theme-light/);
    });
  });

  it('5. brushing a parameter plot and applying it adds a range chip and shrinks the exact size', async () => {
    await step('brush', async () => {
      const space = region('Design space');
      const before = await shownSize();
      const beforeHash = new URLSearchParams(new URL(page.url()).hash.slice(1));
      const rangeChips = space.getByRole('group', { name: 'constraints' }).locator('.chip-range');
      const chipsBefore = await rangeChips.count();

      // w1's grid is counted by the exact size (a flops range would not be: size.ts notCounted).
      const plot = page.getByRole('img', { name: 'Error vs w1', exact: true });
      await plot.waitFor({ timeout: 10_000 });
      // Mouse coordinates are the viewport's: bring the plot on screen first.
      await plot.scrollIntoViewIfNeeded();
      const overlay = plot.locator('rect.scatter-overlay');
      const box = (await overlay.count()) ? await overlay.boundingBox() : await plot.boundingBox();
      if (!box) throw new Error('the parameter plot has no box on screen');
      // Near the top edge: the points (drawn above the overlay) rarely sit there.
      const y = box.y + box.height * 0.04;
      await page.mouse.move(box.x + box.width * 0.02, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.3, y, { steps: 5 });
      await page.mouse.move(box.x + box.width * 0.55, y, { steps: 5 });
      await page.mouse.up();
      await expect.poll(() => plot.locator('rect.brush-range').count()).toBe(1);

      await page.getByRole('button', { name: 'Apply brushes' }).click();
      await expect.poll(() => rangeChips.count()).toBe(chipsBefore + 1);

      // The size shown equals size.ts on the space the URL now names (base + every constraint key).
      // The hash is written with a short debounce (url-sync.ts).
      const constraintKeys = (p: URLSearchParams) => (p.get('c') ?? '').split(',').filter(Boolean);
      const currentHash = () => new URLSearchParams(new URL(page.url()).hash.slice(1));
      await expect
        .poll(() => constraintKeys(currentHash()).length)
        .toBe(constraintKeys(beforeHash).length + 1);
      const hash = currentHash();
      const keys = constraintKeys(hash);
      expect(keys.filter((k) => /^w1=/.test(k))).toHaveLength(1);
      const narrowed = keys.reduce(
        (s, k) => withConstraint(s, parseConstraint(k)),
        getSpace(hash.get('space') ?? 'anynetx_a'),
      );
      const want = exactSize(narrowed);
      await expect.poll(async () => (await shownSize()).detail).toBe(coreSizeText(want));
      const beforeCount = exactSize(getSpace(beforeHash.get('space') ?? 'anynetx_a')).count;
      expect(before.detail).toBe(sizeText(beforeCount));
      expect(want.count < beforeCount).toBe(true);
    });
  });

  it('6. Export JSON passes readModelConfig; the pycls YAML carries the RegNet parameters', async () => {
    await step('export', async () => {
      const explorer = region('RegNet explorer');
      await explorer.getByRole('combobox', { name: 'preset' }).selectOption('RegNetX-200MF');
      await explorer.getByRole('combobox', { name: 'resolution' }).selectOption('imagenet');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        explorer.getByRole('button', { name: 'Export JSON' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      const path = await download.path();
      const { doc, warnings } = readModelConfig(readFileSync(path, 'utf8'), download.suggestedFilename());
      expect(warnings).toEqual([]);
      const g = GOLDEN['RegNetX-200MF'];
      expect(doc.complexity).toEqual(g.complexity);
      expect(doc.regnet).toEqual(g.params);
      expect(doc.network.stages.map((s) => s.width)).toEqual(g.widths);
      expect(doc.network.stages.map((s) => s.depth)).toEqual(g.depths);

      await explorer.getByRole('button', { name: 'Copy pycls YAML' }).click();
      const yaml = await explorer.getByLabel('pycls YAML text').innerText();
      for (const line of ['DEPTH: 13', 'W0: 24', 'WA: 36.44', 'WM: 2.49', 'GROUP_W: 8'])
        expect(yaml).toContain(line);
      await explorer.getByRole('button', { name: 'Close export preview' }).click();
    });
  });

  it('7. a reload restores the finished models from IndexedDB', async () => {
    await step('reload', async () => {
      await page.reload();
      await region('RegNet explorer').waitFor({ timeout: 60_000 });
      await expect.poll(edfPointCount, { timeout: 30_000 }).toBe(N_MODELS);
      await expect
        .poll(async () => (await queueStatuses()).filter((s) => s === 'done').length, { timeout: 30_000 })
        .toBe(N_MODELS);
    });
  });

  it('8. "Train this config" queues the explorer model', async () => {
    await step('train this config', async () => {
      const rowsBefore = (await queueRows()).rows.length;
      await region('RegNet explorer').getByRole('button', { name: 'Train this config' }).click();
      await expect
        .poll(async () => (await queueRows()).rows.length, { timeout: 10_000 })
        .toBe(rowsBefore + 1);
    });
  });

  it('9b. screenshots after reload and queueing', async () => {
    await step('screenshots after reload', async () => {
      // A queue row opens the model in the detail panel, so its screenshot shows a model.
      const detail = region('Model detail');
      const emptyDetail = (await detail.innerText()).trim();
      await page.getByRole('table', { name: 'Queue' }).locator('tbody tr').first().click();
      await expect.poll(async () => (await detail.innerText()).trim()).not.toBe(emptyDetail);
      await screenshotViews(page, 'restored', 'light');
    });
  });

  it('raises no console errors and sends no request off the origin', () => {
    expect(h().errors).toEqual([]);
    expect(h().offOriginRequests).toEqual([]);
    expect(h().requests.length).toBeGreaterThan(0);
  });
});
