import type { StateCreator } from 'zustand';
import { constraintKey, parseConstraint } from '../space/constraints';
import { findSpace, SPACE_IDS } from '../space/spaces';
import type { LabState } from './types';

/**
 * The design space being studied: a built-in base space plus the constraints switched on. Stored as
 * constraint keys (constraintKey / parseConstraint), the same text the URL and the CLI use; the
 * resolved DesignSpace is derived (selectSpace), never stored.
 */
export interface SpaceChoice {
  baseId: string;
  /** Every active constraint, the base space's own included. */
  constraints: string[];
}

export const DEFAULT_SPACE_ID = 'anynetx_a';

/** The base space with its own constraints on (AnyNetX_C starts with shared b and shared g). */
export function baseChoice(baseId: string): SpaceChoice {
  const space = findSpace(baseId);
  if (!space) throw new Error(`Unknown design space '${baseId}'; choose one of ${SPACE_IDS.join(', ')}.`);
  return { baseId: space.id, constraints: space.constraints.map(constraintKey) };
}

/** The one spelling of a constraint (w1=64..256, flops=2000000..6000000); undefined when unreadable. */
function canonicalKey(key: string): string | undefined {
  try {
    return constraintKey(parseConstraint(key));
  } catch {
    return undefined;
  }
}

function parseProblem(key: string): string {
  try {
    parseConstraint(key);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

export interface SpaceSlice {
  space: SpaceChoice;
  /** Picks a base space and resets the chips to its own constraints. */
  setBaseSpace: (baseId: string) => void;
  /** Switches one constraint chip on or off. */
  toggleConstraint: (key: string) => void;
  addConstraint: (key: string) => void;
  removeConstraint: (key: string) => void;
  setSpace: (choice: SpaceChoice) => void;
}

export const createSpaceSlice: StateCreator<LabState, [], [], SpaceSlice> = (set, get) => ({
  space: baseChoice(DEFAULT_SPACE_ID),
  setBaseSpace: (baseId) => {
    if (!findSpace(baseId)) {
      get().pushMessage('error', `Unknown design space '${baseId}'; choose one of ${SPACE_IDS.join(', ')}.`);
      return;
    }
    set({ space: baseChoice(baseId) });
  },
  toggleConstraint: (key) => {
    const canonical = canonicalKey(key);
    if (canonical !== undefined && get().space.constraints.includes(canonical))
      get().removeConstraint(canonical);
    else get().addConstraint(key);
  },
  addConstraint: (key) => {
    const canonical = canonicalKey(key);
    if (canonical === undefined) {
      get().pushMessage('error', `Cannot add the constraint '${key}': ${parseProblem(key)}`);
      return;
    }
    set((s) =>
      s.space.constraints.includes(canonical)
        ? s
        : { space: { ...s.space, constraints: [...s.space.constraints, canonical] } },
    );
  },
  removeConstraint: (key) => {
    const canonical = canonicalKey(key) ?? key;
    set((s) => ({ space: { ...s.space, constraints: s.space.constraints.filter((k) => k !== canonical) } }));
  },
  setSpace: (space) => set({ space }),
});
