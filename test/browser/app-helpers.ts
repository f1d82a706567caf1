import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { NetworkShape } from '../../src/space/anynet';
import { complexity, type Complexity } from '../../src/space/complexity';
import { regnetToAnyNet, type RegNetParams } from '../../src/space/regnet';
import { REPO_ROOT } from './harness';

// Helpers of the UI suite (app.browser.test.ts): expected values computed in the test process from the core,
// readers that turn what the page shows back into numbers, and screenshots.

export const SCREENSHOT_DIR = resolve(REPO_ROOT, 'test-results/screenshots');

/** The explorer's input shapes, written out here rather than imported from the store (values: REGNET.md §4.2
 * for ImageNet, the built-in 28 px Fashion-MNIST subset with the CIFAR stem). */
export const TEST_SHAPES: Readonly<Record<string, NetworkShape>> = {
  imagenet: { resolution: 224, channels: 3, classes: 1000, stem: 'imagenet' },
  cifar: { resolution: 32, channels: 3, classes: 10, stem: 'cifar' },
  fashion: { resolution: 28, channels: 1, classes: 10, stem: 'cifar' },
};

/** One stage table row as numbers: depth, width, pre-compat width, group width, groups, b, bottleneck width. */
export interface StageNumbers {
  depth: number;
  width: number;
  rawWidth: number;
  groupWidth: number;
  groups: number;
  bottleneckRatio: number;
  bottleneckWidth: number;
}

export interface ExpectedRegNet {
  stages: StageNumbers[];
  complexity: Complexity;
}

/** What the explorer should show for `params`, from generate_regnet + compatibility + complexity. */
export function expectedRegNet(params: RegNetParams, shape: NetworkShape): ExpectedRegNet {
  const res = regnetToAnyNet(params, shape, 'pycls');
  const stages = res.stages.map((s, i) => {
    const bottleneckWidth = s.width / s.bottleneckRatio;
    return {
      depth: s.depth,
      width: s.width,
      rawWidth: res.generation.stageWidths[i],
      groupWidth: s.groupWidth,
      groups: bottleneckWidth / s.groupWidth,
      bottleneckRatio: s.bottleneckRatio,
      bottleneckWidth,
    };
  });
  return { stages, complexity: complexity(res.config) };
}

/** "199,040,872" → 199040872; throws on anything else so a changed format fails loudly. */
export function parseExactInteger(text: string): number {
  const t = text.trim();
  if (!/^\d{1,3}(,\d{3})*$/.test(t))
    throw new Error(`expected an integer with thousands separators, got '${t}'`);
  return Number(t.replaceAll(',', ''));
}

/** The stage table ("stages") as numbers, header row left out. */
export async function readStageTable(page: Page): Promise<StageNumbers[]> {
  const rows = await page
    .getByRole('table', { name: 'stages' })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  return rows.map((cells) => {
    if (cells.length !== 7) throw new Error(`stage table row has ${cells.length} cells, expected 7`);
    const [depth, width, rawWidth, groupWidth, groups, bottleneckRatio, bottleneckWidth] = cells.map(Number);
    return { depth, width, rawWidth, groupWidth, groups, bottleneckRatio, bottleneckWidth };
  });
}

/** flops / params / acts exactly as the complexity readout prints them. */
export async function readComplexity(page: Page): Promise<Complexity> {
  const group = page.getByRole('group', { name: 'complexity' });
  const read = async (metric: string) =>
    parseExactInteger(await group.locator(`[data-metric="${metric}"] .metric-exact`).innerText());
  return { flops: await read('flops'), params: await read('params'), acts: await read('acts') };
}

/** The rows of a table as trimmed cell texts (th and td), header row included. */
export function tableCells(table: Locator): Promise<string[][]> {
  return table
    .locator('tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => (c.textContent ?? '').trim())),
    );
}

/** Column index by header text (case-insensitive, trimmed); throws naming the headers it found. */
export function columnIndex(header: string[], name: RegExp): number {
  const i = header.findIndex((h) => name.test(h));
  if (i < 0) throw new Error(`no column matching ${name} among [${header.join(' | ')}]`);
  return i;
}

/** Binomial coefficient as a BigInt (exact for the sizes used here). */
export function choose(n: number, k: number): bigint {
  let out = 1n;
  for (let i = 0; i < k; i++) out = (out * BigInt(n - i)) / BigInt(i + 1);
  return out;
}

/** Empties the suite's own screenshot folder, so a PNG left from an older run is never mistaken for a new one. */
export function resetScreenshotDir(): void {
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
}

export function ensureScreenshotDir(): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return SCREENSHOT_DIR;
}

/** The lab's panels, by data-panel id and title (src/ui/App.tsx). */
export const PANELS: readonly { id: string; title: string }[] = [
  { id: 'space', title: 'Design space' },
  { id: 'run', title: 'Run' },
  { id: 'data', title: 'Data' },
  { id: 'edf', title: 'EDF' },
  { id: 'error', title: 'Error vs parameter' },
  { id: 'complexity', title: 'Complexity vs time' },
  { id: 'explorer', title: 'RegNet explorer' },
  { id: 'detail', title: 'Model detail' },
];

/** Whole page plus one PNG per panel, named `<view>-<theme>-<panel>.png`; returns the file names. */
export async function screenshotViews(page: Page, view: string, theme: string): Promise<string[]> {
  const dir = ensureScreenshotDir();
  const names: string[] = [];
  const save = async (target: Page | Locator, name: string) => {
    const file = `${view}-${theme}-${name}.png`;
    if ('goto' in target) await target.screenshot({ path: resolve(dir, file), fullPage: true });
    else await target.screenshot({ path: resolve(dir, file) });
    names.push(file);
  };
  // A sticky header is drawn where the page is scrolled to: start the full-page shot from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, 'page');
  // Panels are shot with the whole page in the viewport: no scrolling, so the sticky header covers none of them.
  const viewport = page.viewportSize();
  const fullHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  if (viewport)
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, fullHeight) });
  try {
    for (const p of PANELS) await save(page.locator(`section[data-panel="${p.id}"]`), p.id);
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
  return names;
}

/** Elements that stick out past the right edge of the viewport (outermost ones only), as short descriptions. */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const out: string[] = [];
    const walk = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.right > limit + 1 && r.width > 0) {
        const cls = typeof el.className === 'string' ? el.className : '';
        out.push(
          `${el.tagName.toLowerCase()}${cls ? '.' + cls.split(' ').join('.') : ''} right=${Math.round(r.right)}`,
        );
        return;
      }
      for (const child of el.children) walk(child);
    };
    walk(document.body);
    return out;
  });
}
