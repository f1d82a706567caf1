import { useState } from 'react';
import type { ImageDecoder } from '../../data/image-folder';
import { decodeImageBrowser } from '../../data/decode-browser';
import { useLab } from '../../store';
import type { FetchBytes } from '../data/builtin-preview';
import { DropZone } from '../data/DropZone';
import type { DataEntry } from '../data/entries';
import { loadDataset, type LoadProgress } from '../data/load-dataset';
import { PreviewGrid } from '../data/PreviewGrid';
import { choiceOf, dataFacts, factsLine } from '../data/summary';
import { usePreview, type PreviewState } from '../data/use-preview';

type LoadStatus =
  { kind: 'idle' } | { kind: 'busy'; progress: LoadProgress } | { kind: 'error'; text: string };

interface DataPanelProps {
  /** How the built-in preview is fetched (tests hand in bytes). */
  fetchBytes?: FetchBytes;
  /** PNG/JPEG decoder for image folders (tests hand in a fake; the app uses the browser's). */
  decode?: ImageDecoder;
}

const why = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function Facts() {
  const data = useLab((s) => s.data);
  const f = dataFacts(data);
  const shape = `${f.height}×${f.width}×${f.channels}`;
  return (
    <div className="data-facts" role="group" aria-label="current data set">
      <p className="data-name" data-testid="data-name">
        {f.name}
        {data.source.kind === 'builtin' && <span className="data-badge">built-in</span>}
      </p>
      <p className="data-line" data-testid="data-facts">
        {factsLine(f)}
      </p>
      <p className="data-classes" data-testid="data-classes">
        <span className="field-label">Classes</span> {f.classNames.join(', ')}
      </p>
      <p className="data-note">
        Models are built for {shape} inputs with {f.classNames.length} outputs, and the sampler's complexity
        band is counted at this shape: other data changes both (CIFAR-10 is 32×32×3).
      </p>
    </div>
  );
}

function Preview({ state }: { state: PreviewState }) {
  switch (state.kind) {
    case 'ready':
      return <PreviewGrid source={state.source} />;
    case 'loading':
      return (
        <p className="data-loading" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the preview…
        </p>
      );
    default:
      return <p className="empty-state">{state.text}</p>;
  }
}

/** The data studies train on: what it is, a preview, and a way to bring other data. */
export function DataPanel({ fetchBytes, decode = decodeImageBrowser }: DataPanelProps) {
  const data = useLab((s) => s.data);
  const setData = useLab((s) => s.setData);
  const resetData = useLab((s) => s.resetData);
  const running = useLab((s) => s.runState === 'running');
  const open = useLab((s) => s.collapsed.data !== true);
  const preview = usePreview(data, open, fetchBytes);
  const [status, setStatus] = useState<LoadStatus>({ kind: 'idle' });
  const busy = status.kind === 'busy';

  const load = async (entries: Promise<DataEntry[]>) => {
    setStatus({ kind: 'busy', progress: { text: 'Reading the files…', done: 0, total: 1 } });
    try {
      const ds = await loadDataset(await entries, {
        decode,
        onProgress: (progress) => setStatus({ kind: 'busy', progress }),
      });
      setData(choiceOf(ds));
      setStatus({ kind: 'idle' });
    } catch (err) {
      setStatus({ kind: 'error', text: `${why(err)} Still using ${data.name}.` });
    }
  };

  return (
    <div className="data-panel">
      <Facts />
      <DropZone disabled={busy || running} onEntries={(entries) => void load(entries)} />
      {running && <p className="data-note">Pause or finish the run to change the data.</p>}
      {status.kind === 'busy' && (
        <div className="data-progress" role="status" aria-label="loading data">
          <span className="spinner" aria-hidden="true" />
          <span>{status.progress.text}</span>
          <progress max={status.progress.total} value={status.progress.done} />
        </div>
      )}
      {status.kind === 'error' && (
        <p className="warning warning-error data-error" role="alert">
          <strong>Could not use these files.</strong> {status.text}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button-small"
          disabled={busy || running}
          onClick={() => {
            resetData();
            setStatus({ kind: 'idle' });
          }}
        >
          Use built-in data
        </button>
      </div>
      <Preview state={preview} />
    </div>
  );
}
