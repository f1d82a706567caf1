import { SPACES } from '../../space/spaces';
import { estimateStudy, selectMeasuredThroughput, selectSpaceView, useLab } from '../../store';
import { formatBand, formatDuration, formatExact, formatPow10 } from '../format';
import { ConstraintChips } from './ConstraintChips';
import { SweepSettingsForm } from './SweepSettingsForm';

/** 10^18.3 drawn with a superscript; screen readers (and text search) get "10^18.3". */
function Pow10({ log10 }: { log10: number | undefined }) {
  if (log10 === undefined) return <>–</>;
  const text = formatPow10(log10);
  if (!text.startsWith('10^')) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">
        10<sup>{text.slice(3)}</sup>
      </span>
      <span className="visually-hidden">{text}</span>
    </>
  );
}

/** Small counts in full, large ones in e-notation: 302,000,000 or 1.8e18. */
const sizeDetail = (exact: bigint | undefined, text: string): string =>
  exact !== undefined && exact < 10n ** 12n ? `${formatExact(Number(exact))} models` : `≈ ${text} models`;

function SpaceSize() {
  const view = useLab(selectSpaceView);
  const { paperSize, exactSize } = view;
  const flopsBand = view.space.band.flops;
  // The band in MF reads better here than the core's engineering notation (500e3–2e6).
  const notCounted = (exactSize?.notCounted ?? []).map((label) =>
    flopsBand && label.startsWith('flops band') ? `flops band ${formatBand(flopsBand)}` : label,
  );
  return (
    <div className="space-size" role="group" aria-label="space size">
      <div
        className="size-figure"
        title="The paper's Table 1 count: product of the domain sizes, shared values counted once, ÷ S! per increasing constraint"
      >
        <span className="size-label">paper count</span>
        <span className="size-value" data-testid="paper-size">
          <Pow10 log10={paperSize?.log10} />
        </span>
        {paperSize && <span className="size-detail">{sizeDetail(undefined, paperSize.text)}</span>}
      </div>
      <div
        className="size-figure"
        title="Exact number of grid points of the sampling domains that satisfy the constraints"
      >
        <span className="size-label">exact count</span>
        <span className="size-value" data-testid="exact-size">
          <Pow10 log10={exactSize?.log10} />
        </span>
        {exactSize && <span className="size-detail">{sizeDetail(exactSize.count, exactSize.text)}</span>}
      </div>
      {notCounted.length > 0 && (
        <p className="size-note">Not in the counts (decided per model): {notCounted.join('; ')}.</p>
      )}
    </div>
  );
}

function StudyEstimate() {
  const sweep = useLab((s) => s.sweep);
  const measured = useLab(selectMeasuredThroughput);
  const est = estimateStudy(sweep, measured);
  return (
    <div className="estimate" role="group" aria-label="estimated study time">
      <span className="estimate-label">Estimated study time</span>
      <span className="estimate-value" data-testid="study-time">
        ≈ {formatDuration(est.seconds)}
      </span>
      <span className="estimate-basis">
        {sweep.n} models × {sweep.epochs} epochs × {formatExact(sweep.trainSize)} images ={' '}
        {formatExact(est.images)} images at {formatExact(est.imagesPerSecond)} images/s ({est.basis}).
      </span>
    </div>
  );
}

/** Design space: base space, constraint chips, live size, complexity band and sweep settings. */
export function SpacePanel() {
  const baseId = useLab((s) => s.space.baseId);
  const setBase = useLab((s) => s.setBaseSpace);
  const { space, problems } = useLab(selectSpaceView);
  return (
    <div className="space-panel">
      <label className="field">
        <span className="field-label">Base space</span>
        <select aria-label="base space" value={baseId} onChange={(e) => setBase(e.target.value)}>
          {SPACES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <ConstraintChips />
      <p className="space-current">
        <span className="space-current-label" data-testid="space-label">
          {space.label}
        </span>
        {space.description && <span className="space-current-desc"> · {space.description}</span>}
      </p>
      {problems.length > 0 && (
        <ul className="warnings">
          {problems.map((p) => (
            <li key={p} className="warning warning-caution">
              {p}
            </li>
          ))}
        </ul>
      )}
      <SpaceSize />
      <SweepSettingsForm />
      <StudyEstimate />
    </div>
  );
}
