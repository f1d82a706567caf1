import type { AnyNetConfig, NetworkShape, Stage } from '../space/anynet';

export const shapeOf = (net: AnyNetConfig): NetworkShape => ({
  resolution: net.input.resolution,
  channels: net.input.channels,
  classes: net.head.classes,
  stem: net.stem.type,
});

const list = (xs: readonly number[]) => `[${xs.join(', ')}]`;

/** "depths [1, 1, 4, 7], widths [24, 56, 152, 368], group widths [8, 8, 8, 8]" (+ ratios when not all 1). */
export function describeStages(stages: readonly Stage[]): string {
  const parts = [
    `depths ${list(stages.map((s) => s.depth))}`,
    `widths ${list(stages.map((s) => s.width))}`,
    `group widths ${list(stages.map((s) => s.groupWidth))}`,
  ];
  if (stages.some((s) => s.bottleneckRatio !== 1)) {
    parts.push(`bottleneck ratios ${list(stages.map((s) => s.bottleneckRatio))}`);
  }
  return parts.join(', ');
}

type StageField = 'depth' | 'width' | 'groupWidth' | 'bottleneckRatio' | 'stride';
const SHAPE_FIELDS: readonly StageField[] = ['depth', 'width', 'groupWidth', 'bottleneckRatio'];

/** True when both stage lists build the same blocks (strides compared only when asked). */
export function sameStages(a: readonly Stage[], b: readonly Stage[], withStrides = false): boolean {
  const fields = withStrides ? [...SHAPE_FIELDS, 'stride' as const] : SHAPE_FIELDS;
  return a.length === b.length && a.every((s, i) => fields.every((f) => s[f] === b[i][f]));
}

const LABELS: Record<StageField, string> = {
  depth: 'depths',
  width: 'widths',
  groupWidth: 'group widths',
  bottleneckRatio: 'bottleneck ratios',
  stride: 'strides',
};

/** What differs between the stages a library builds and the stored ones: "widths [..] where this config has [..]". */
export function describeStageDifference(
  built: readonly Stage[],
  stored: readonly Stage[],
  withStrides = false,
): string {
  if (built.length !== stored.length) {
    return `${built.length} stages (${describeStages(built)}) where this config has ${stored.length} (${describeStages(stored)})`;
  }
  const fields = withStrides ? [...SHAPE_FIELDS, 'stride' as const] : SHAPE_FIELDS;
  return fields
    .filter((f) => built.some((s, i) => s[f] !== stored[i][f]))
    .map(
      (f) =>
        `${LABELS[f]} ${list(built.map((s) => s[f]))} where this config has ${list(stored.map((s) => s[f]))}`,
    )
    .join(', ');
}

/** The strides of all stages when they agree, else null. */
export function commonStride(stages: readonly Stage[]): number | null {
  const first = stages[0]?.stride;
  return stages.every((s) => s.stride === first) ? first : null;
}
