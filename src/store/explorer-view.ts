import { makeModelConfig, type ModelConfigDoc } from '../io/model-config';
import { complexity, type Complexity } from '../space/complexity';
import { PRESETS, type Preset } from '../space/presets';
import {
  regnetParamProblems,
  regnetToAnyNet,
  type RegNetParams,
  type RegNetResolution,
} from '../space/regnet';
import { roundHalfEven } from '../space/round';
import type { ExplorerInputs } from './explorer-slice';
import { memoizeLast } from './memo';
import { SHAPES } from './shapes';
import type { LabState } from './types';

/** Why a RegNet setting deserves attention (UX-ANCHORS §10.4). */
export type ExplorerWarningKind =
  'invalid' | 'w0-multiple' | 'skipped-stage' | 'not-four-stages' | 'group-rounding' | 'group-lowered';

export interface ExplorerWarning {
  kind: ExplorerWarningKind;
  text: string;
}

/** One stage as built, next to the width generate_regnet gave before compatibility. */
export interface StageRow {
  stage: number;
  depth: number;
  /** Stage width straight out of generate_regnet (quantized to 8, before compatibility). */
  rawWidth: number;
  width: number;
  groupWidth: number;
  requestedGroupWidth: number;
  bottleneckRatio: number;
  /** Bottleneck width round(w / b) and the number of groups of the 3x3 conv. */
  bottleneckWidth: number;
  groups: number;
}

export interface ExplorerView {
  /** Present only when the parameters build a network. */
  resolution?: RegNetResolution;
  stages: StageRow[];
  complexity?: Complexity;
  warnings: ExplorerWarning[];
  /** The zoo preset with exactly these parameters, if any. */
  preset?: Preset;
  /** The model config in the io schema (what Export JSON writes and Train this config queues). */
  doc?: ModelConfigDoc;
}

const sameParams = (a: RegNetParams, b: RegNetParams): boolean =>
  a.depth === b.depth &&
  a.w0 === b.w0 &&
  a.wa === b.wa &&
  a.wm === b.wm &&
  a.groupWidth === b.groupWidth &&
  a.bottleneckRatio === b.bottleneckRatio &&
  a.seRatio === b.seRatio;

export const matchingPreset = (p: RegNetParams): Preset | undefined => PRESETS.find((x) => sameParams(x, p));

/** A stable, readable name for a custom setting, e.g. "RegNetX d13 w0=24 wa=36.44 wm=2.49 g8". */
export function explorerModelName(p: RegNetParams): string {
  const preset = matchingPreset(p);
  if (preset) return preset.name;
  const family = p.seRatio > 0 ? 'RegNetY' : 'RegNetX';
  const b = p.bottleneckRatio === 1 ? '' : ` b${p.bottleneckRatio}`;
  return `${family} d${p.depth} w0=${p.w0} wa=${p.wa} wm=${p.wm} g${p.groupWidth}${b}`;
}

/** Problems the RegNet generator does not check itself: g, b and SE ratio. */
function otherProblems(p: RegNetParams): string[] {
  const problems: string[] = [];
  if (!(p.groupWidth >= 1 && Number.isInteger(p.groupWidth)))
    problems.push(`group width must be a whole number >= 1 (got ${p.groupWidth})`);
  if (!(p.bottleneckRatio > 0)) problems.push(`bottleneck ratio must be > 0 (got ${p.bottleneckRatio})`);
  // pycls needs BOT_MUL = 1 / b below 1 or a whole number (an inverted bottleneck).
  else if (p.bottleneckRatio < 1 && !Number.isInteger(1 / p.bottleneckRatio))
    problems.push(`a bottleneck ratio below 1 must be 1/n, e.g. 0.5 or 0.25 (got ${p.bottleneckRatio})`);
  if (!(p.seRatio >= 0 && p.seRatio < 1)) problems.push(`SE ratio must be in [0, 1) (got ${p.seRatio})`);
  return problems;
}

function invalidWarnings(p: RegNetParams): ExplorerWarning[] {
  const out: ExplorerWarning[] = [];
  if (p.w0 > 0 && p.w0 % 8 !== 0) {
    const lower = Math.max(8, Math.floor(p.w0 / 8) * 8);
    const upper = Math.ceil(p.w0 / 8) * 8;
    out.push({
      kind: 'w0-multiple',
      text:
        `w0 = ${p.w0} is not a multiple of 8: pycls, timm and torchvision all reject it (widths are quantized ` +
        `to q = 8). Try ${lower === upper ? lower : `${lower} or ${upper}`}.`,
    });
  }
  const problems = [
    ...regnetParamProblems(p).filter((t) => !t.startsWith('w0 must be a multiple')),
    ...otherProblems(p),
  ];
  for (const t of problems)
    out.push({ kind: 'invalid', text: `Invalid setting: ${t}. No network is built.` });
  return out;
}

function stageWarnings(res: RegNetResolution, rows: StageRow[]): ExplorerWarning[] {
  const out: ExplorerWarning[] = [];
  const { numStages, totalStages } = res.generation;
  if (numStages !== totalStages) {
    out.push({
      kind: 'skipped-stage',
      text:
        `A stage was skipped: the quantized stage index k_j jumps, giving ${numStages} stages where ` +
        `max k + 1 = ${totalStages}. The pycls sweep rejects such settings (check_regnet_constraints); ` +
        `lower wa or raise wm.`,
    });
  }
  if (numStages !== 4) {
    out.push({
      kind: 'not-four-stages',
      text:
        `${numStages} stage${numStages === 1 ? '' : 's'}: timm cannot load it (it asserts exactly 4 stages); ` +
        `pycls and torchvision accept it.`,
    });
  }
  const changed = rows.filter((r) => r.width !== r.rawWidth);
  if (changed.length) {
    out.push({
      kind: 'group-rounding',
      text: `Group-width compatibility changed ${changed
        .map((r) => `stage ${r.stage} ${r.rawWidth} → ${r.width}`)
        .join(', ')}: the bottleneck width must be a multiple of g (pycls#34).`,
    });
  }
  const lowered = rows.filter((r) => r.groupWidth !== r.requestedGroupWidth);
  if (lowered.length) {
    out.push({
      kind: 'group-lowered',
      text: `Group width lowered to the bottleneck width in ${lowered
        .map((r) => `stage ${r.stage} (${r.requestedGroupWidth} → ${r.groupWidth})`)
        .join(', ')}: g cannot exceed it.`,
    });
  }
  return out;
}

/** Everything the explorer shows, from its inputs alone. Never throws: problems become warnings. */
export function deriveExplorerView(inputs: ExplorerInputs): ExplorerView {
  const { params, rounding } = inputs;
  const preset = matchingPreset(params);
  const invalid = invalidWarnings(params);
  if (invalid.length) return { stages: [], warnings: invalid, preset };
  try {
    const resolution = regnetToAnyNet(params, SHAPES[inputs.shape], rounding);
    const stages: StageRow[] = resolution.stages.map((s, i) => {
      const bottleneckWidth = roundHalfEven(s.width / s.bottleneckRatio);
      return {
        stage: i + 1,
        depth: s.depth,
        rawWidth: resolution.generation.stageWidths[i],
        width: s.width,
        groupWidth: s.groupWidth,
        requestedGroupWidth: params.groupWidth,
        bottleneckRatio: s.bottleneckRatio,
        bottleneckWidth,
        groups: Math.floor(bottleneckWidth / s.groupWidth),
      };
    });
    const cx = complexity(resolution.config);
    const doc = makeModelConfig(resolution.config, cx, {
      name: explorerModelName(params),
      space: params.seRatio > 0 ? 'regnety' : 'regnetx',
      regnet: { ...params },
      rounding,
    });
    return { resolution, stages, complexity: cx, warnings: stageWarnings(resolution, stages), preset, doc };
  } catch (e) {
    return {
      stages: [],
      warnings: [{ kind: 'invalid', text: `No network: ${(e as Error).message}` }],
      preset,
    };
  }
}

const viewOf = memoizeLast(deriveExplorerView);

/** Memoized on the explorer inputs object: moving a slider recomputes once, re-renders reuse it. */
export const selectExplorerView = (s: Pick<LabState, 'explorer'>): ExplorerView => viewOf(s.explorer);
