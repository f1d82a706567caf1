import { useState } from 'react';
import { exportModel, type ExportFormat } from '../../io/export';
import { useLab, type ExplorerView } from '../../store';
import { copyText, downloadText } from '../download';

type TextFormat = Exclude<ExportFormat, 'json'>;

const TEXT_FORMATS: Record<TextFormat, string> = {
  pycls: 'pycls YAML',
  timm: 'timm args',
  torchvision: 'torchvision args',
};

interface Shown {
  title: string;
  text: string;
  problems: string[];
  copied: boolean;
}

/** Export JSON, copy pycls/timm/torchvision text, and queue the config for training. */
export function ExplorerExports({ view }: { view: ExplorerView }) {
  const queueConfig = useLab((s) => s.queueConfig);
  const pending = useLab((s) => s.pendingConfigs.length);
  const pushMessage = useLab((s) => s.pushMessage);
  const [shown, setShown] = useState<Shown | null>(null);
  const doc = view.doc;

  const exportJson = () => {
    if (!doc) return;
    try {
      const { text, fileName, mimeType } = exportModel(doc, 'json');
      downloadText(fileName, text, mimeType);
    } catch (e) {
      pushMessage('error', `Export JSON failed: ${(e as Error).message}`);
    }
  };

  const copy = async (format: TextFormat) => {
    if (!doc) return;
    const label = TEXT_FORMATS[format];
    try {
      const { text, problems } = exportModel(doc, format);
      const copied = await copyText(text);
      setShown({ title: label, text, problems, copied });
    } catch (e) {
      pushMessage('error', `Copy ${label} failed: ${(e as Error).message}`);
    }
  };

  return (
    <div className="exports" role="group" aria-label="export">
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={!doc}
          onClick={() => doc && queueConfig(doc)}
        >
          Train this config
        </button>
        <button type="button" className="button" disabled={!doc} onClick={exportJson}>
          Export JSON
        </button>
      </div>
      <div className="button-row">
        {(Object.keys(TEXT_FORMATS) as TextFormat[]).map((f) => (
          <button
            key={f}
            type="button"
            className="button button-small"
            disabled={!doc}
            onClick={() => void copy(f)}
          >
            Copy {TEXT_FORMATS[f]}
          </button>
        ))}
      </div>
      {pending > 0 && (
        <p className="pending-note" role="status">
          {pending} config{pending === 1 ? '' : 's'} waiting for the Run panel.
        </p>
      )}
      {shown && (
        <div className="export-preview">
          <div className="export-preview-head">
            <span>
              {shown.title}
              {shown.copied ? ' · copied to the clipboard' : ' · select and copy the text below'}
            </span>
            <button
              type="button"
              className="icon-button"
              aria-label="Close export preview"
              onClick={() => setShown(null)}
            >
              ×
            </button>
          </div>
          {shown.problems.length > 0 && (
            <ul className="warnings">
              {shown.problems.map((p) => (
                <li key={p} className="warning warning-caution">
                  {p}
                </li>
              ))}
            </ul>
          )}
          <pre className="export-text" tabIndex={0} aria-label={`${shown.title} text`}>
            {shown.text}
          </pre>
        </div>
      )}
    </div>
  );
}
