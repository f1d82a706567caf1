/**
 * Bounds that every imported file must respect. They are far beyond any network the lab can train, and
 * exist so a hostile file cannot make the parser or the complexity counter run away.
 */
export const LIMITS = {
  stages: 64,
  stageDepth: 1000,
  /** Blocks in the whole network (sum of stage depths). */
  totalDepth: 4000,
  width: 100_000,
  channels: 4096,
  resolution: 4096,
  classes: 100_000,
  bottleneckRatio: 64,
  regnetSlope: 1e6,
  textChars: 200,
  longTextChars: 10_000,
  designKeys: 256,
} as const;
