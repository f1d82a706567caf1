import { useRef, useState, type DragEvent } from 'react';
import { entriesFromDrop, entriesFromFileList, type DataEntry } from './entries';

interface DropZoneProps {
  disabled: boolean;
  /** Called with the files once they are known (a folder drop is walked first). */
  onEntries: (entries: Promise<DataEntry[]>) => void;
}

/** The drop area and the two pickers: files (IDX, CIFAR-10, archive) and a folder (image folders, batch folders). */
export function DropZone({ disabled, onEntries }: DropZoneProps) {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const picked = (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    input.value = ''; // the same file chosen again must fire change again
    if (files.length > 0) onEntries(Promise.resolve(entriesFromFileList(files)));
  };
  const dragOver = (e: DragEvent) => {
    e.preventDefault();
    if (!disabled) setOver(true);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    // Directory entries exist only during the event: take them now, walk them later.
    if (!disabled) onEntries(entriesFromDrop(e.dataTransfer));
  };

  return (
    <div
      className={`data-drop${over ? ' is-over' : ''}${disabled ? ' is-disabled' : ''}`}
      role="group"
      aria-label="Drop data files"
      onDragOver={dragOver}
      onDragEnter={dragOver}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p className="data-drop-text">
        Drop the four IDX files, CIFAR-10 batches (or <code>cifar-10-binary.tar.gz</code>) or an image folder
        (<code>train/&lt;class&gt;/*.png</code>, <code>test/&lt;class&gt;/*.png</code>) here, or
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-small"
          disabled={disabled}
          onClick={() => filesInput.current?.click()}
        >
          Choose data files
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={disabled}
          onClick={() => folderInput.current?.click()}
        >
          Choose image folder
        </button>
      </div>
      <input
        ref={filesInput}
        type="file"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-label="data files"
        accept=".gz,.tgz,.tar,.bin,.txt,.png,.jpg,.jpeg,application/octet-stream"
        disabled={disabled}
        onChange={(e) => picked(e.currentTarget)}
      />
      <input
        ref={(el) => {
          folderInput.current = el;
          if (el) el.webkitdirectory = true;
        }}
        type="file"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-label="image folder"
        disabled={disabled}
        onChange={(e) => picked(e.currentTarget)}
      />
    </div>
  );
}
