import {
  constraintKey,
  constraintLabel,
  constraintProblems,
  INCREASING_D,
  INCREASING_W,
  parseConstraint,
  quantizedLinear,
  SHARED_B,
  SHARED_G,
  type Constraint,
} from '../../space/constraints';
import { getSpace } from '../../space/spaces';
import { useLab } from '../../store';

interface Chip {
  constraint: Constraint;
  label: string;
  hint: string;
}

/** The paper's refinement steps (AnyNetX_A → E, and RegNet's quantized linear widths), as toggles. */
const CHIPS: readonly Chip[] = [
  { constraint: SHARED_B, label: 'shared b', hint: 'one bottleneck ratio for all stages (AnyNetX_B)' },
  { constraint: SHARED_G, label: 'shared g', hint: 'one group width for all stages (AnyNetX_C)' },
  { constraint: INCREASING_W, label: 'increasing widths', hint: 'w_{i+1} ≥ w_i (AnyNetX_D)' },
  { constraint: INCREASING_D, label: 'increasing depths', hint: 'd_{i+1} ≥ d_i (AnyNetX_E)' },
  {
    constraint: quantizedLinear(4),
    label: 'quantized linear',
    hint: 'widths from (d, w0, wa, wm) with exactly 4 stages and none skipped (RegNet)',
  },
];
const CHIP_KEYS = new Set(CHIPS.map((c) => constraintKey(c.constraint)));

const safeLabel = (key: string): string => {
  try {
    return constraintLabel(parseConstraint(key));
  } catch {
    return key;
  }
};

export function ConstraintChips() {
  const { baseId, constraints } = useLab((s) => s.space);
  const toggle = useLab((s) => s.toggleConstraint);
  const remove = useLab((s) => s.removeConstraint);
  const base = getSpace(baseId);
  const others = constraints.filter((k) => !CHIP_KEYS.has(k));
  return (
    <div className="chips" role="group" aria-label="constraints">
      {CHIPS.map((chip) => {
        const key = constraintKey(chip.constraint);
        const on = constraints.includes(key);
        const problems = constraintProblems(base, chip.constraint);
        const disabled = problems.length > 0 && !on;
        return (
          <button
            key={key}
            type="button"
            className={`chip${on ? ' is-on' : ''}`}
            aria-pressed={on}
            disabled={disabled}
            title={disabled ? problems.join(' ') : chip.hint}
            onClick={() => toggle(key)}
          >
            <span className="chip-mark" aria-hidden="true">
              {on ? '✓' : '+'}
            </span>
            {chip.label}
          </button>
        );
      })}
      {others.map((key) => (
        <span key={key} className="chip chip-range is-on">
          {safeLabel(key)}
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove ${safeLabel(key)}`}
            onClick={() => remove(key)}
          >
            ×
          </button>
        </span>
      ))}
    </div>
  );
}
