import { constraintLabel } from '../../space/constraints';
import { COMPLEXITY_METRICS, type DesignSpace } from '../../space/design-space';
import { formatEngineering } from '../../space/format';
import { exactSize, paperSize } from '../../space/size';
import { SPACES } from '../../space/spaces';
import { printJson, type CommandSpec } from '../args';
import { table } from '../format';

/**
 * Free design parameters, as the paper's Table 1 counts them: 4 per AnyNet stage, a shared parameter
 * counted once (A 16, B 13, C..E 10); RegNet d, w0, wa, wm, b, g = 6.
 */
export function spaceDims(space: DesignSpace): number {
  if (space.kind === 'regnet') return Object.keys(space.domains).length;
  const shared = space.constraints.filter((c) => c.kind === 'shared').length;
  return 4 * space.stages - shared * (space.stages - 1);
}

const bandText = (space: DesignSpace): string =>
  COMPLEXITY_METRICS.filter((m) => space.band[m])
    .map((m) => `${m} ${space.band[m]!.map(formatEngineering).join('–')}`)
    .join(', ') || 'none';

/** One JSON entry per space; exact counts are strings because they exceed 2^53. */
export function spaceSummary(space: DesignSpace) {
  const paper = paperSize(space);
  const exact = exactSize(space);
  return {
    id: space.id,
    label: space.label,
    kind: space.kind,
    description: space.description,
    dims: spaceDims(space),
    constraints: space.constraints.map(constraintLabel),
    band: space.band,
    size: paper.value,
    sizeText: paper.text,
    exactSize: exact.count.toString(),
    exactSizeText: exact.text,
    notCounted: paper.notCounted,
  };
}

export const spacesCommand: CommandSpec = {
  name: 'spaces',
  summary: 'list the design spaces (AnyNetX_A..E, RegNetX, RegNetY) with their dimensions and sizes',
  usage: 'dslab spaces [--json]',
  options: {},
  help: `Columns:
  dims       free design parameters (paper Table 1: A 16, B 13, C-E 10, RegNet 6)
  size       the paper's count: product of domain sizes, shared parameters once, / 4! per increasing constraint
  exact      exact number of grid points that satisfy the shared/increasing/range constraints
  band       the space's default complexity band (at 224px)
Neither count includes the complexity band or RegNet's 4-stage rule; --json lists them under notCounted.
With --json, exactSize is a decimal string (it exceeds the range of exact JSON numbers).

Example:
  dslab spaces --json | jq '.[] | {id, sizeText}'`,
  run({ values }) {
    const summaries = SPACES.map(spaceSummary);
    if (values.json) return printJson(summaries);
    const rows = summaries.map((s, i) => [
      s.id,
      s.dims,
      s.sizeText,
      s.exactSizeText,
      bandText(SPACES[i]),
      s.constraints.join(', ') || '-',
    ]);
    console.log(table(['space', 'dims', 'size', 'exact', 'band', 'constraints'], rows, [4, 5]));
  },
};
