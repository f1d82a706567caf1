import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { CHROMIUM_PATH } from '../test/browser/harness';
import { benchBrowser, DEFAULT_BROWSER_TRAIN, type BrowserBenchResult } from './browser/run-browser';
import { benchGroupConv, defaultBenchShapes, type Row as GroupConvRow } from './group-conv';
import { benchSampling } from './sampling';
import { benchTrain, defaultTrainSettings, type Row as TrainRow, type TrainBenchSettings } from './train';
import type { BackendName } from '../src/train/backend';

// `npm run bench`: sampling, grouped convolution and training, each as a side-by-side table
// (case | baseline | dslab | ratio). Progress goes to stderr, so `--json` leaves one JSON document on stdout.

const USAGE = `Usage: npm run bench -- [--json] [--quick] [--browser | --no-browser] [--only=sampling,groupconv,train]
  --json        print one JSON document on stdout (progress stays on stderr)
  --quick       short smoke run (small batches, one timed step, short budgets)
  --browser     include headless Chromium (webgpu, webgl); default on when ${CHROMIUM_PATH} exists
  --no-browser  Node backends only (wasm, cpu)
  --only=LIST   run only these sections`;

const SECTIONS = ['sampling', 'groupconv', 'train'] as const;
type Section = (typeof SECTIONS)[number];

interface Args {
  json: boolean;
  quick: boolean;
  browser: boolean;
  sections: Section[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    json: false,
    quick: false,
    browser: existsSync(CHROMIUM_PATH),
    sections: [...SECTIONS],
  };
  for (const arg of argv) {
    if (arg === '--json') args.json = true;
    else if (arg === '--quick') args.quick = true;
    else if (arg === '--browser') args.browser = true;
    else if (arg === '--no-browser') args.browser = false;
    else if (arg.startsWith('--only=')) {
      const names = arg.slice(7).split(',').filter(Boolean);
      const unknown = names.filter((n) => !SECTIONS.includes(n as Section));
      if (unknown.length || names.length === 0) {
        throw new Error(`--only: unknown section(s) '${unknown.join(', ')}'; use ${SECTIONS.join(', ')}`);
      }
      args.sections = names as Section[];
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option '${arg}'.\n${USAGE}`);
  }
  return args;
}

interface TableRow {
  case: string;
  baseline: string;
  dslab: string;
  ratio: string;
}

function formatTable(title: string, rows: TableRow[], notes: string[]): string {
  const head: TableRow = { case: 'case', baseline: 'baseline', dslab: 'dslab', ratio: 'ratio' };
  const cols = ['case', 'baseline', 'dslab', 'ratio'] as const;
  const width = Object.fromEntries(
    cols.map((c) => [c, Math.max(...[head, ...rows].map((r) => r[c].length))]),
  );
  const line = (r: TableRow) => `| ${cols.map((c) => r[c].padEnd(width[c])).join(' | ')} |`;
  const rule = `|${cols.map((c) => '-'.repeat(width[c] + 2)).join('|')}|`;
  const body = rows.length ? rows.map(line) : ['(no rows: every case was skipped)'];
  return [`## ${title}`, '', line(head), rule, ...body, '', ...notes.map((n) => `- ${n}`), ''].join('\n');
}

const fixed = (x: number, digits: number) => x.toFixed(digits);

function trainTable(rows: TrainRow[]): TableRow[] {
  return rows.map((r) => ({
    case: `${r.backend} (${r.where}${r.where === 'chromium' ? ', SwiftShader' : ''}), batch ${r.batchSize}, ${r.steps} timed step${r.steps > 1 ? 's' : ''}`,
    baseline: `${fixed(r.naiveImagesPerSec, 2)} img/s, ${fixed(r.naiveGflops, 3)} GFLOP/s`,
    dslab: `${fixed(r.dslabImagesPerSec, 2)} img/s, ${fixed(r.dslabGflops, 3)} GFLOP/s`,
    ratio: `${fixed(r.ratio, 2)}x`,
  }));
}

/** Per (backend, shape): split/concat (what a tfjs user writes) against the impl dslab picks on that backend. */
function groupConvTable(rows: GroupConvRow[]): TableRow[] {
  const cases = new Map<string, GroupConvRow[]>();
  for (const r of rows) {
    const key = `${r.backend} ${r.shape} groups ${r.groups}`;
    cases.set(key, [...(cases.get(key) ?? []), r]);
  }
  return [...cases].flatMap(([key, impls]) => {
    const split = impls.find((r) => r.impl === 'split');
    const chosen = impls.find((r) => r.isDefault);
    if (!split || !chosen) return [];
    return [
      {
        case: `${key} (dslab: ${chosen.impl})`,
        baseline: `${fixed(split.msPerIter, 1)} ms`,
        dslab: `${fixed(chosen.msPerIter, 1)} ms`,
        ratio: `${fixed(split.msPerIter / chosen.msPerIter, 2)}x`,
      },
    ];
  });
}

const NODE_BACKENDS: BackendName[] = ['wasm', 'cpu'];

/** cpu: a naive (tf.layers) batch-128 step takes ~10 min on 2 cores (its BN gradient tiles full tensors in JS). */
function nodeTrainSettings(quick: boolean) {
  return (backend: BackendName): TrainBenchSettings => {
    if (backend === 'cpu') return { batchSize: quick ? 4 : 8, steps: quick ? 1 : 2 };
    return quick ? { batchSize: 16, steps: 1 } : defaultTrainSettings(backend);
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const progress = (line: string) =>
    process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  const print = (text: string) => {
    if (!args.json) console.log(text);
  };
  const has = (s: Section) => args.sections.includes(s);
  const output: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    quick: args.quick,
  };

  if (has('sampling')) {
    progress('sampling…');
    const rows = await benchSampling();
    output.sampling = rows;
    print(
      formatTable(
        'Sampling (500 models per space, 360–400 MF band at 224 px)',
        rows.map((r) => ({ case: r.name, baseline: r.baseline, dslab: r.dslab, ratio: r.ratio })),
        [
          'baseline: plan + complexity() on every draw, no early rejection (bench/sampling.ts); best of 3 runs.',
        ],
      ),
    );
  }

  const groupConvRows: GroupConvRow[] = [];
  if (has('groupconv')) {
    progress('grouped convolution, Node backends…');
    groupConvRows.push(
      ...(await benchGroupConv(NODE_BACKENDS, {
        budgetMs: args.quick ? 300 : 3000,
        shapes: args.quick
          ? () => [8].map((groups) => ({ x: [2, 16, 16, 64], outChannels: 64, groups, stride: 1 }))
          : defaultBenchShapes,
        log: progress,
      })),
    );
  }

  const trainRows: TrainRow[] = [];
  if (has('train')) {
    progress('training, Node backends…');
    trainRows.push(
      ...(await benchTrain({
        backends: NODE_BACKENDS,
        settings: nodeTrainSettings(args.quick),
        log: progress,
      })),
    );
  }

  let browser: BrowserBenchResult | undefined;
  if (args.browser && (has('train') || has('groupconv'))) {
    progress(`headless Chromium (${CHROMIUM_PATH}): webgpu and webgl on SwiftShader…`);
    browser = await benchBrowser({
      train: () => (has('train') ? (args.quick ? { batchSize: 4, steps: 1 } : DEFAULT_BROWSER_TRAIN) : null),
      groupConv: has('groupconv') && !args.quick ? { batch: 8, budgetMs: 1000 } : null,
      log: progress,
    });
    trainRows.push(...browser.train);
    groupConvRows.push(...browser.groupConv);
    output.browser = {
      chromium: browser.chromium,
      skipped: browser.skipped,
      consoleErrors: browser.errors,
    };
  }

  const noisy = `Shared ${cpus().length}-core machine: numbers are noisy (±20 % or more between runs).`;
  if (has('groupconv')) {
    output.groupConv = groupConvRows;
    print(
      formatTable(
        'Grouped 3x3 convolution, forward + both gradients (ms per iteration)',
        groupConvTable(groupConvRows),
        [
          "baseline: split → conv2d per group → concat (what tfjs users write); dslab: defaultGroupConvImpl's choice.",
          'Where dslab also picks split the ratio is ~1 by construction; all impls are in the JSON output.',
          noisy,
        ],
      ),
    );
  }
  if (has('train')) {
    output.train = trainRows;
    const row0 = trainRows[0];
    const net = row0
      ? `RegNetX-200MF stages, 32x32x3, CIFAR stem (3x3 s1, w 32), 10 classes: ${(row0.forwardFlops / 1e6).toFixed(1)} MF forward, ${(row0.params / 1e6).toFixed(2)} M params`
      : 'RegNetX-200MF stages on 32x32x3, CIFAR stem, 10 classes';
    print(
      formatTable(`Training: ${net}`, trainTable(trainRows), [
        'baseline: the same net in tf.layers (split/concat grouped conv, tf.train.momentum, model.fit; bench/naive-layers.ts); dslab: trainModel. Same synthetic batches, same trainable parameter count (checked).',
        'images/s = batch / median step wall time (every step ends with its loss read back, on both sides; one warm-up step dropped). GFLOP/s = 3 × forward flops × images/s / 1e9, flops = multiply-adds (pycls count).',
        'Batch 128 where it fits the time budget; cpu uses batch 8 (a naive batch-128 cpu step takes ~10 min here).',
        "wasm: the naive net also runs on dslab's wasm gradient/slice kernels (stock tfjs wasm cannot train convnets), so the ratio is conservative.",
        'chromium rows: WebGPU and WebGL emulated on the CPU by SwiftShader, small batch and few steps; only the ratio means anything there.',
        `Target: dslab ≥ 2x the naive version on every backend. ${noisy}`,
      ]),
    );
    if (browser?.skipped.length) print(`Browser backends skipped: ${browser.skipped.join('; ')}\n`);
  }
  progress(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  if (args.json) console.log(JSON.stringify(output, null, 2));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
