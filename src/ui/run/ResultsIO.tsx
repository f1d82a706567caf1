import { useRef } from 'react';
import { useLab, useLabStore } from '../../store';
import { downloadText } from '../download';
import { importResults, resultsCsv, resultsJson } from './results-io';

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

/** Export JSON / CSV, import a results file, clear everything (after a confirm). */
export function ResultsIO({
  confirm = (q: string) => window.confirm(q),
}: {
  confirm?: (q: string) => boolean;
}) {
  const store = useLabStore();
  const count = useLab((s) => s.records.length);
  const hasAny = useLab((s) => s.records.length + s.sweeps.length + s.jobs.length > 0);
  const running = useLab((s) => s.runState === 'running');
  const input = useRef<HTMLInputElement>(null);

  const exportAs = (kind: 'json' | 'csv') => {
    const s = store.getState();
    try {
      if (kind === 'json') downloadText(`dslab-results-${stamp()}.json`, resultsJson(s));
      else downloadText(`dslab-results-${stamp()}.csv`, resultsCsv(s), 'text/csv');
    } catch (e) {
      s.pushMessage('error', `Cannot export the results: ${(e as Error).message}`);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const s = store.getState();
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      s.pushMessage('error', `Cannot read ${file.name}: ${(e as Error).message}`);
      return;
    }
    importResults(s, text, file.name);
    if (input.current) input.current.value = '';
  };

  const clearAll = () => {
    if (!confirm('Delete every sweep, queued model and result (also from this browser’s storage)?')) return;
    store.getState().clearResults();
  };

  return (
    <div className="run-io" role="group" aria-label="Results">
      <button
        type="button"
        className="button button-small"
        disabled={!count}
        onClick={() => exportAs('json')}
      >
        Export results JSON
      </button>
      <button type="button" className="button button-small" disabled={!count} onClick={() => exportAs('csv')}>
        Export results CSV
      </button>
      <button type="button" className="button button-small" onClick={() => input.current?.click()}>
        Import results
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="results file"
        className="visually-hidden"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <button
        type="button"
        className="button button-small button-ghost"
        disabled={!hasAny || running}
        onClick={clearAll}
      >
        Clear results
      </button>
    </div>
  );
}
