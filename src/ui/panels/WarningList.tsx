import type { ExplorerWarning } from '../../store';

const TITLES: Record<ExplorerWarning['kind'], string> = {
  invalid: 'Invalid',
  'w0-multiple': 'w0 not a multiple of 8',
  'skipped-stage': 'Skipped stage',
  'not-four-stages': 'Not 4 stages',
  'group-rounding': 'Width changed by group rounding',
  'group-lowered': 'Group width lowered',
};

export function WarningList({ warnings }: { warnings: readonly ExplorerWarning[] }) {
  if (!warnings.length) {
    return (
      <p className="explorer-ok" role="status">
        ✓ Valid in pycls, timm and torchvision: 4 stages, no stage skipped, widths unchanged by group
        rounding.
      </p>
    );
  }
  return (
    <ul className="warnings" aria-label="warnings">
      {warnings.map((w) => (
        <li
          key={w.kind}
          className={`warning warning-${w.kind === 'invalid' || w.kind === 'w0-multiple' ? 'error' : 'caution'}`}
          data-kind={w.kind}
        >
          <strong>{TITLES[w.kind]}.</strong> {w.text}
        </li>
      ))}
    </ul>
  );
}
