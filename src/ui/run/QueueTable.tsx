import { memo } from 'react';
import { useLab } from '../../store';
import type { JobRow } from '../../store/study-types';
import { formatError } from '../charts/format';

const fixed = (x: number | null, digits: number): string =>
  x === null || !Number.isFinite(x) ? '–' : x.toFixed(digits);

const Row = memo(function Row({
  job,
  n,
  selected,
  onSelect,
}: {
  job: JobRow;
  n: number;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const pct = Math.round(100 * Math.min(1, Math.max(0, job.progress)));
  return (
    <tr
      className={`queue-row queue-${job.status}${selected ? ' queue-selected' : ''}`}
      aria-selected={selected}
      tabIndex={0}
      onClick={() => onSelect(job.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(job.id);
        }
      }}
      title={job.message}
    >
      <td className="queue-model">{job.config.name ?? `#${n} ${job.id}`}</td>
      <td>{job.status}</td>
      <td>
        <div
          className="queue-progress"
          role="progressbar"
          aria-label={`model ${n} progress`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
        >
          <div className="queue-progress-fill" style={{ width: `${pct}%` }} />
        </div>
      </td>
      <td className="num">{job.epoch ?? '–'}</td>
      <td className="num">{fixed(job.loss, 3)}</td>
      <td className="num">{job.error === null ? '–' : formatError(job.error, 'fraction')}</td>
      <td className="num">{fixed(job.imagesPerSec, 0)}</td>
      <td>{job.backend ?? '–'}</td>
    </tr>
  );
});

/** One row per model of every sweep; a click shows the model in the detail panel (scrolls sideways when narrow). */
export function QueueTable() {
  const jobs = useLab((s) => s.jobs);
  const selected = useLab((s) => s.selectedModelId);
  const select = useLab((s) => s.selectModel);
  if (!jobs.length) return <p className="run-empty">No models yet: press Run to sample and train a sweep.</p>;
  return (
    <div className="queue-scroll">
      <table className="queue-table" aria-label="Queue">
        <thead>
          <tr>
            <th scope="col">model</th>
            <th scope="col">status</th>
            <th scope="col">progress</th>
            <th scope="col" className="num">epoch</th>
            <th scope="col" className="num">loss</th>
            <th scope="col" className="num">error</th>
            <th scope="col" className="num" title="training images per second">
              img/s
            </th>
            <th scope="col">backend</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job, i) => (
            <Row key={job.id} job={job} n={i + 1} selected={job.id === selected} onSelect={select} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
