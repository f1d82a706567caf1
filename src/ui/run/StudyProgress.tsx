import { selectMeasuredThroughput, useLab } from '../../store';
import { formatDuration } from '../format';
import { etaSeconds, studyProgress } from './eta';

/** Models done of all queued, with the time left at the measured speed. */
export function StudyProgressBar() {
  const jobs = useLab((s) => s.jobs);
  const sweeps = useLab((s) => s.sweeps);
  const speed = useLab(selectMeasuredThroughput)?.imagesPerSecond ?? null;
  const runState = useLab((s) => s.runState);
  const p = studyProgress(jobs, sweeps);
  if (!p.total) return null;
  const eta = etaSeconds(p.imagesLeft, speed);
  const pct = Math.round((100 * p.done) / p.total);
  return (
    <div className="study-progress">
      <div
        className="study-progress-bar"
        role="progressbar"
        aria-label="Study progress"
        aria-valuemin={0}
        aria-valuemax={p.total}
        aria-valuenow={p.done}
        aria-valuetext={`${p.done} of ${p.total} models`}
      >
        <div className="study-progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="study-progress-text">
        {p.done} / {p.total} models
        {p.done < p.total &&
          (eta === null
            ? ' · time left: measured after the first model'
            : ` · about ${formatDuration(eta)} left${runState === 'running' ? '' : ' when running'}`)}
      </span>
    </div>
  );
}
