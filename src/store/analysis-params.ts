import type { ResultRecord } from '../io/results';
import {
  ANYNET_PARAMS,
  COMPLEXITY_METRICS,
  REGNET_PARAMS,
  stageKey,
  type AnyNetParam,
  type ComplexityMetric,
  type DesignSpace,
} from '../space/design-space';
import { domainValues, type Domain } from '../space/domains';

/** How a brushed range is widened to values the parameter can take. */
export type Grid =
  | { kind: 'step'; q: number }
  | { kind: 'values'; values: readonly number[] }
  | { kind: 'significant'; digits: number };

/** One small-multiple of the error-vs-parameter panel. */
export interface ParamSpec {
  /** The range-constraint parameter name: d1, w3, b (shared), g, w0, wa, flops, ... */
  key: string;
  logX: boolean;
  grid: Grid;
  /** The value of a finished model, or undefined when its record does not carry it. */
  value: (r: ResultRecord) => number | undefined;
}

const isShared = (space: DesignSpace, param: AnyNetParam): boolean =>
  space.constraints.some((c) => c.kind === 'shared' && c.param === param);

/** Log x for parameters sampled on a log scale (pycls log-uniform and power-of-two draws). */
function logDomain(domain: Domain): boolean {
  if (domain.dist === 'choice') {
    const v = domain.values;
    return v.length > 2 && v.every((x) => x > 0 && Number.isInteger(Math.log2(x))) && Math.max(...v) >= 8;
  }
  return domain.dist !== 'uniform';
}

function gridOf(domain: Domain): Grid {
  if (domain.dist === 'uniform' || domain.dist === 'log_uniform') return { kind: 'step', q: domain.q };
  return { kind: 'values', values: domainValues(domain) };
}

const STAGE_FIELD: Record<AnyNetParam, 'depth' | 'width' | 'bottleneckRatio' | 'groupWidth'> = {
  d: 'depth',
  w: 'width',
  b: 'bottleneckRatio',
  g: 'groupWidth',
};

/** A stage value from the design record, else from the resolved network (hand-made records lack `design`). */
function stageValue(r: ResultRecord, param: AnyNetParam, stage: number): number | undefined {
  const d = r.config.design?.[stageKey(param, stage)];
  if (d !== undefined) return d;
  return r.config.network.stages[stage]?.[STAGE_FIELD[param]];
}

const REGNET_FIELD = {
  d: 'depth',
  w0: 'w0',
  wa: 'wa',
  wm: 'wm',
  g: 'groupWidth',
  b: 'bottleneckRatio',
} as const;

function anynetSpecs(space: Extract<DesignSpace, { kind: 'anynet' }>): ParamSpec[] {
  return ANYNET_PARAMS.flatMap((param) => {
    const domain = space.domains[param];
    const base = { logX: logDomain(domain), grid: gridOf(domain) };
    if ((param === 'b' || param === 'g') && isShared(space, param)) {
      return [{ key: param, ...base, value: (r: ResultRecord) => stageValue(r, param, 0) }];
    }
    return Array.from({ length: space.stages }, (_, i) => ({
      key: stageKey(param, i),
      ...base,
      value: (r: ResultRecord) => stageValue(r, param, i),
    }));
  });
}

function regnetSpecs(space: Extract<DesignSpace, { kind: 'regnet' }>): ParamSpec[] {
  return REGNET_PARAMS.map((param) => {
    const domain = space.domains[param];
    return {
      key: param,
      logX: logDomain(domain),
      grid: gridOf(domain),
      value: (r: ResultRecord) => r.config.design?.[param] ?? r.config.regnet?.[REGNET_FIELD[param]],
    };
  });
}

const metricSpec = (m: ComplexityMetric): ParamSpec => ({
  key: m,
  logX: true,
  grid: { kind: 'significant', digits: 3 },
  value: (r) => r.complexity[m],
});

/**
 * The plots of the error-vs-parameter panel for a space: every design parameter (a shared b or g
 * once, as the space's constraints say), then flops, params and acts.
 */
export function paramSpecs(space: DesignSpace): ParamSpec[] {
  const design = space.kind === 'anynet' ? anynetSpecs(space) : regnetSpecs(space);
  return [...design, ...COMPLEXITY_METRICS.map(metricSpec)];
}
