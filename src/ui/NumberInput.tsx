import { useState, type InputHTMLAttributes } from 'react';

interface NumberInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type'
> {
  value: number;
  min: number;
  max: number;
  /** Called with every readable number typed, clamped to [min, max] (rounded when integer). */
  onValue: (value: number) => void;
  integer?: boolean;
}

/**
 * A number input that keeps what is being typed ("2" on the way to "24", or an empty field) without
 * fighting the store, commits each readable value at once, and shows the stored value on blur.
 */
export function NumberInput({
  value,
  min,
  max,
  onValue,
  integer = false,
  onBlur,
  ...rest
}: NumberInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      {...rest}
      type="number"
      min={min}
      max={max}
      value={draft ?? String(value)}
      onChange={(e) => {
        const text = e.target.value;
        setDraft(text);
        const v = Number(text);
        if (text.trim() === '' || !Number.isFinite(v)) return;
        const clamped = Math.min(max, Math.max(min, integer ? Math.round(v) : v));
        onValue(clamped);
      }}
      onBlur={(e) => {
        setDraft(null);
        onBlur?.(e);
      }}
    />
  );
}
