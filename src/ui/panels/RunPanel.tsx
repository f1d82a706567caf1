import { useLabStore } from '../../store';
import { QueueTable } from '../run/QueueTable';
import { ResultsIO } from '../run/ResultsIO';
import { RunControls } from '../run/RunControls';
import { runnerFor } from '../run/runner-registry';
import { StudyProgressBar } from '../run/StudyProgress';

/** Run: train the current space's sweep on workers, watch the queue, move results in and out. */
export function RunPanel() {
  const runner = runnerFor(useLabStore());
  return (
    <div className="run-panel">
      <RunControls runner={runner} />
      <StudyProgressBar />
      <QueueTable />
      <ResultsIO />
    </div>
  );
}
