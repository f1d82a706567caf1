import { useId, type ReactNode } from 'react';
import { NumberInput } from '../NumberInput';

export interface Range {
  min: number;
  max: number;
  step: number;
}

interface ParamFieldProps {
  /** Accessible name of the slider (the number input is named "<name> value"). */
  name: string;
  /** Visible label, e.g. w₀; defaults to the name. */
  label?: ReactNode;
  hint?: string;
  value: number;
  slider: Range;
  /** What the number input accepts (wider than the slider, e.g. w0 = 20 to see the warning). */
  input: Range;
  integer?: boolean;
  onChange: (value: number) => void;
}

const clamp = (x: number, { min, max }: Range) => Math.min(max, Math.max(min, x));

/** A slider with a number input beside it; both edit the same value. */
export function ParamField({ name, label, hint, value, slider, input, integer, onChange }: ParamFieldProps) {
  const hintId = useId();
  return (
    <div className="param-field">
      <span className="param-label" title={hint}>
        {label ?? name}
      </span>
      <input
        type="range"
        className="param-range"
        aria-label={name}
        aria-describedby={hint ? hintId : undefined}
        min={slider.min}
        max={slider.max}
        step={slider.step}
        value={clamp(value, slider)}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <NumberInput
        className="param-number"
        aria-label={`${name} value`}
        min={input.min}
        max={input.max}
        step={input.step}
        integer={integer}
        value={value}
        onValue={onChange}
      />
      {hint && (
        <span id={hintId} className="visually-hidden">
          {hint}
        </span>
      )}
    </div>
  );
}
