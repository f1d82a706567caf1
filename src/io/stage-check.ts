import type { Stage } from '../space/anynet';
import { adjustCompatibility } from '../space/compat';
import { roundHalfEven } from '../space/round';

export interface StageProblem {
  /** 0-based stage index. */
  stage: number;
  field: keyof Stage;
  message: string;
}

/** Divisors of n nearest to g from below and above (for "use a group width of ..." hints). */
function nearestDivisors(n: number, g: number): number[] {
  let below = Math.min(g, n);
  while (below > 1 && n % below !== 0) below--;
  let above = Math.max(g, 1);
  while (above < n && n % above !== 0) above++;
  return [...new Set([below, above])].filter((d) => d >= 1 && d <= n && n % d === 0);
}

const positiveInt = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 1;
const isCheckable = (s: Stage) =>
  positiveInt(s.width) &&
  positiveInt(s.groupWidth) &&
  typeof s.bottleneckRatio === 'number' &&
  Number.isFinite(s.bottleneckRatio) &&
  s.bottleneckRatio > 0;

/**
 * The 3x3 conv of a block splits its bottleneck width round(w / b) into groups of g channels, so that width
 * must be a positive multiple of g (REGNET.md §2.2). Returns what is wrong and how to fix it.
 */
export function stageCompatibilityProblems(stages: readonly Stage[]): StageProblem[] {
  const problems: StageProblem[] = [];
  stages.forEach((s, stage) => {
    // zod still runs refinements after failed range checks; those stages already have their own issue.
    if (!isCheckable(s)) return;
    const wB = roundHalfEven(s.width / s.bottleneckRatio);
    const bottleneck = `bottleneck width ${wB} (= width ${s.width} / bottleneck ratio ${s.bottleneckRatio})`;
    if (wB < 1) {
      problems.push({
        stage,
        field: 'bottleneckRatio',
        message: `${bottleneck} is below 1 channel; use a bottleneck ratio of at most ${s.width}`,
      });
      return;
    }
    if (wB % s.groupWidth === 0) return;
    const fixed = adjustCompatibility(s);
    const divisors = nearestDivisors(wB, s.groupWidth).join(' or ');
    const cause =
      s.groupWidth > wB
        ? `is smaller than the group width ${s.groupWidth}`
        : `is not a multiple of the group width ${s.groupWidth}`;
    problems.push({
      stage,
      field: 'groupWidth',
      message:
        `${bottleneck} ${cause}; use a group width of ${divisors}, or width ${fixed.width} with group width ` +
        `${fixed.groupWidth} (what pycls's adjust_block_compatibility picks)`,
    });
  });
  return problems;
}
