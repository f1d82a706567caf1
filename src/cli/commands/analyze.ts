import {
  bootstrapWinners,
  BOOTSTRAP_DEFAULTS,
  winnersRange,
  type BootstrapRange,
} from '../../analysis/bootstrap';
import { edf, type EdfPoint } from '../../analysis/edf';
import { percentile } from '../../analysis/percentile';
import { createRng } from '../../analysis/rng';
import { COMPLEXITY_METRICS } from '../../space/design-space';
import { readResults, type ResultRecord } from '../../io/results';
import { choiceOption, numberOption, printJson, UsageError, type CommandSpec } from '../args';
import { designValuesOf, groupDesignValues } from '../design-values';
import { percent, si, table } from '../format';
import { readTextFile } from '../read-file';

type GroupBy = 'space' | 'sweep' | 'both';
const GROUP_BY: readonly GroupBy[] = ['space', 'sweep', 'both'];

/** One group of `dslab analyze --json`; errors are fractions, as in the results file. */
export interface AnalyzedGroup {
  space?: string;
  sweep?: string;
  /** Records with status "done": the only ones counted. */
  n: number;
  diverged: number;
  failed: number;
  min: number | null;
  median: number | null;
  mean: number | null;
  /** Distinct sorted errors x with F = fraction of models with error <= x. */
  edf: EdfPoint[];
  /** Bootstrap [low, best, high] of each design parameter and of flops, params, acts. */
  ranges: Record<string, BootstrapRange>;
}

export interface AnalyzeOutput {
  file: string;
  groupBy: GroupBy;
  bootstrap: { reps: number; sample: number; alpha: number; seed: number };
  records: number;
  skipped: { diverged: number; failed: number };
  warnings: string[];
  groups: AnalyzedGroup[];
}

function groupKey(r: ResultRecord, by: GroupBy): Pick<AnalyzedGroup, 'space' | 'sweep'> {
  if (by === 'space') return { space: r.space };
  if (by === 'sweep') return { sweep: r.sweep };
  return { space: r.space, sweep: r.sweep };
}

function analyzeGroup(
  key: Pick<AnalyzedGroup, 'space' | 'sweep'>,
  records: ResultRecord[],
  reps: number,
  seed: number,
): AnalyzedGroup {
  const done = records.filter((r) => r.status === 'done' && r.error !== null);
  const count = (s: ResultRecord['status']) => records.filter((r) => r.status === s).length;
  const base = { ...key, n: done.length, diverged: count('diverged'), failed: count('failed') };
  if (!done.length) return { ...base, min: null, median: null, mean: null, edf: [], ranges: {} };
  const errors = done.map((r) => r.error!);
  const curve = edf(errors);
  // A fresh generator per group: a group's ranges do not depend on which other groups the file holds.
  const winners = bootstrapWinners(errors, createRng(seed), { reps });
  const metrics: Record<string, number[]> = groupDesignValues(done.map((r) => designValuesOf(r.config)));
  for (const m of COMPLEXITY_METRICS) metrics[m] = done.map((r) => r.complexity[m]);
  const ranges: Record<string, BootstrapRange> = {};
  for (const [name, values] of Object.entries(metrics)) ranges[name] = winnersRange(values, winners);
  return {
    ...base,
    min: curve.min,
    median: percentile(errors, 50),
    mean: curve.mean,
    edf: curve.points,
    ranges,
  };
}

export function analyzeRecords(
  records: ResultRecord[],
  by: GroupBy,
  reps: number,
  seed: number,
): AnalyzedGroup[] {
  const groups = new Map<string, { key: Pick<AnalyzedGroup, 'space' | 'sweep'>; records: ResultRecord[] }>();
  for (const r of records) {
    const key = groupKey(r, by);
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key, records: [] };
    group.records.push(r);
    groups.set(id, group);
  }
  return [...groups.values()].map((g) => analyzeGroup(g.key, g.records, reps, seed));
}

const groupName = (g: AnalyzedGroup): string =>
  [g.space, g.sweep !== undefined && g.space !== undefined ? `(sweep ${g.sweep})` : g.sweep]
    .filter(Boolean)
    .join(' ');

const plain = (x: number): string => String(Number(x.toPrecision(4)));
const metricText = (name: string, x: number): string =>
  (COMPLEXITY_METRICS as readonly string[]).includes(name) ? si(x) : plain(x);

function printHuman(out: AnalyzeOutput): void {
  const { reps, sample, alpha } = out.bootstrap;
  console.log(
    `${out.file}: ${out.records} records; counted only status "done" ` +
      `(skipped ${out.skipped.diverged} diverged, ${out.skipped.failed} failed)`,
  );
  const summary = out.groups.map((g) => {
    return [
      groupName(g),
      g.n,
      g.diverged,
      g.failed,
      g.min === null ? '-' : percent(g.min),
      g.median === null ? '-' : percent(g.median),
      g.mean === null ? '-' : percent(g.mean),
    ];
  });
  console.log(table(['group', 'n', 'diverged', 'failed', 'min err', 'median err', 'mean err'], summary));
  for (const g of out.groups) {
    if (!g.n) continue;
    console.log(
      `\n${groupName(g)}: bootstrap range of the best models' values ` +
        `[${alpha / 2}%, median, ${100 - alpha / 2}%] over ${reps} draws of ${sample * 100}% of ${g.n} models`,
    );
    const rows = Object.entries(g.ranges).map(([name, r]) => [name, ...r.map((x) => metricText(name, x))]);
    console.log(table(['parameter', 'low', 'best', 'high'], rows));
  }
}

export const analyzeCommand: CommandSpec = {
  name: 'analyze',
  summary: 'summarize a results file: error EDF, min/mean error and bootstrap ranges of good parameters',
  usage: 'dslab analyze <results.json> [--by space|sweep|both] [--bootstrap B] [--seed S] [--json]',
  options: { by: { type: 'string' }, bootstrap: { type: 'string' }, seed: { type: 'string' } },
  help: `  --by G             group records by space (default), sweep, or both
  --bootstrap B      bootstrap repetitions (default ${BOOTSTRAP_DEFAULTS.reps}, as pycls); each draws 25% of the models
                     with replacement and keeps the values of the one with the lowest error
  --seed S           bootstrap seed (default 0)
  --json             { file, groupBy, bootstrap, records, skipped, warnings, groups } on stdout; each group
                     { space?, sweep?, n, diverged, failed, min, median, mean, edf: [{x, y}], ranges: {name: [low, best, high]} }
                     with errors as FRACTIONS (0.31 = 31%), as in the results file

Only runs with status "done" count; diverged and failed runs are skipped and counted.
Design parameters come from each record's config: AnyNet d1..d4, w1..w4, b, g (per stage when not shared),
RegNet d, w0, wa, wm, g, b; flops, params and acts are always included.

Example:
  dslab analyze results.json --by sweep --json | jq '.groups[] | {sweep, n, min, mean}'`,
  run({ values, positionals }) {
    if (positionals.length !== 1) {
      throw new UsageError(
        `Give one results file (dslab.results JSON); got ${positionals.length} arguments.`,
      );
    }
    const file = positionals[0];
    const by = choiceOption<GroupBy>(values, 'by', GROUP_BY, 'space');
    const reps = numberOption(values, 'bootstrap', BOOTSTRAP_DEFAULTS.reps, {
      integer: true,
      min: 1,
      max: 1_000_000,
    });
    const seed = numberOption(values, 'seed', 0, { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
    const { doc, warnings } = readResults(readTextFile(file, 'results'), file);
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    const groups = analyzeRecords(doc.records, by, reps, seed);
    const out: AnalyzeOutput = {
      file,
      groupBy: by,
      bootstrap: { reps, sample: BOOTSTRAP_DEFAULTS.sample, alpha: BOOTSTRAP_DEFAULTS.alpha, seed },
      records: doc.records.length,
      skipped: {
        diverged: groups.reduce((a, g) => a + g.diverged, 0),
        failed: groups.reduce((a, g) => a + g.failed, 0),
      },
      warnings,
      groups,
    };
    if (values.json) return printJson(out);
    if (!doc.records.length) {
      console.log(`${file}: no records.`);
      return;
    }
    printHuman(out);
  },
};
