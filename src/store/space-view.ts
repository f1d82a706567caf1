import { constraintKey, constraintLabel, parseConstraint, type Constraint } from '../space/constraints';
import type { DesignSpace } from '../space/design-space';
import { exactSize, paperSize, type ExactSize, type PaperSize } from '../space/size';
import { getSpace, withConstraint, withoutConstraint } from '../space/spaces';
import { memoizeLast } from './memo';
import type { SpaceChoice } from './space-slice';
import type { LabState } from './types';

export interface SpaceView {
  /** The base space with the chosen constraints, named like a built-in one when it matches (A + shared b = B). */
  space: DesignSpace;
  /** Constraint keys that could not be applied, each with why. */
  problems: string[];
  /** The paper's Table 1 count and the exact grid count (undefined when counting failed; see problems). */
  paperSize?: PaperSize;
  exactSize?: ExactSize;
}

function sizes(space: DesignSpace, problems: string[]): Pick<SpaceView, 'paperSize' | 'exactSize'> {
  try {
    return { paperSize: paperSize(space), exactSize: exactSize(space) };
  } catch (e) {
    problems.push(`The size of ${space.label} cannot be counted: ${(e as Error).message}`);
    return {};
  }
}

/**
 * Applies the chosen constraints to the base space, dropping (and reporting) ones that do not fit it,
 * and sets the study's flops band (the space's default band is the paper's 360-400MF at 224 px).
 */
export function resolveSpace(choice: SpaceChoice, flops?: readonly [number, number]): SpaceView {
  const problems: string[] = [];
  let space: DesignSpace = getSpace(choice.baseId);
  const wanted: Constraint[] = [];
  for (const key of choice.constraints) {
    try {
      wanted.push(parseConstraint(key));
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  const wantedKeys = new Set(wanted.map(constraintKey));
  for (const c of space.constraints)
    if (!wantedKeys.has(constraintKey(c))) space = withoutConstraint(space, c);
  for (const c of wanted) {
    try {
      space = withConstraint(space, c);
    } catch (e) {
      problems.push(`${constraintLabel(c)}: ${(e as Error).message}`);
    }
  }
  // The band goes on last: built-in names (A + shared b = AnyNetX_B) match on the default band.
  if (flops) space = { ...space, band: { ...space.band, flops: [flops[0], flops[1]] } };
  return { space, problems, ...sizes(space, problems) };
}

const spaceOf = memoizeLast(resolveSpace);

/** The study's design space (chosen constraints, sweep band) and its sizes, memoized on those inputs. */
export const selectSpaceView = (s: Pick<LabState, 'space' | 'sweep'>): SpaceView =>
  spaceOf(s.space, s.sweep.flops);
