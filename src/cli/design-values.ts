import type { ModelConfigDoc } from '../io/model-config';

/**
 * The design parameters of a model config, for analysis: the sampled `design` record when present
 * (AnyNet d1..dS, w1..wS, b1..bS, g1..gS; RegNet d, w0, wa, wm, g, b), else the RegNet parameters,
 * else read off the network's stages.
 */
export function designValuesOf(doc: ModelConfigDoc): Record<string, number> {
  if (doc.design) return { ...doc.design };
  const r = doc.regnet;
  if (r) return { d: r.depth, w0: r.w0, wa: r.wa, wm: r.wm, g: r.groupWidth, b: r.bottleneckRatio };
  const out: Record<string, number> = {};
  const stages = doc.network.stages;
  stages.forEach((s, i) => (out[`d${i + 1}`] = s.depth));
  stages.forEach((s, i) => (out[`w${i + 1}`] = s.width));
  stages.forEach((s, i) => (out[`b${i + 1}`] = s.bottleneckRatio));
  stages.forEach((s, i) => (out[`g${i + 1}`] = s.groupWidth));
  return out;
}

/** Keys "<family>1".."<family>N" present in a record, in stage order. */
const stageKeysOf = (family: string, record: Record<string, number>): string[] => {
  const keys: string[] = [];
  for (let i = 1; Object.hasOwn(record, `${family}${i}`); i++) keys.push(`${family}${i}`);
  return keys;
};

/**
 * The design parameters shared by every record of a group, in the first record's order. A per-stage
 * family (b1..bS or g1..gS) that holds one value per model in every record (a shared b or g, as in
 * AnyNetX_B..E) is collapsed into one parameter named b or g.
 */
export function groupDesignValues(records: Record<string, number>[]): Record<string, number[]> {
  if (!records.length) return {};
  const keys = Object.keys(records[0]).filter((k) =>
    records.every((r) => Object.hasOwn(r, k) && Number.isFinite(r[k])),
  );
  const out: Record<string, number[]> = {};
  const collapsed = new Map<string, string>();
  for (const family of ['b', 'g']) {
    if (keys.includes(family)) continue;
    const stageKeys = stageKeysOf(family, records[0]).filter((k) => keys.includes(k));
    const shared =
      stageKeys.length > 1 && records.every((r) => stageKeys.every((k) => r[k] === r[stageKeys[0]]));
    if (shared) stageKeys.forEach((k, i) => collapsed.set(k, i === 0 ? family : ''));
  }
  for (const k of keys) {
    const name = collapsed.get(k) ?? k;
    if (name) out[name] = records.map((r) => r[k]);
  }
  return out;
}
