import { groupLabel, type SweepGroup } from './sweeps';

/** A sweep select, shown only when there is more than one sweep to choose from. */
export function SweepPicker(props: {
  groups: readonly SweepGroup[];
  value: string;
  onChange: (id: string) => void;
}) {
  const choices = props.groups.filter((g) => g.done.length > 0);
  if (choices.length < 2) return null;
  return (
    <label className="field">
      <span className="field-label">Sweep</span>
      <select aria-label="sweep" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {choices.map((g) => (
          <option key={g.sweep.id} value={g.sweep.id}>
            {`${groupLabel(g)} (${g.done.length} models)`}
          </option>
        ))}
      </select>
    </label>
  );
}
