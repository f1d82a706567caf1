import { useMemo } from 'react';
import { previewRows, type PreviewSource } from './preview';

const PER_CLASS = 4;

/** A few test images of every class, drawn pixelated at a readable size. */
export function PreviewGrid({ source }: { source: PreviewSource }) {
  const rows = useMemo(() => previewRows(source, PER_CLASS), [source]);
  const side = Math.max(28, Math.min(48, source.width * 2));
  return (
    <ul className="data-preview" aria-label="Preview">
      {rows.map((row) => (
        <li key={row.className} className="data-preview-row">
          <span className="data-preview-class">{row.className}</span>
          <span className="data-preview-images">
            {row.images.length === 0 && <span className="data-preview-none">no test image</span>}
            {row.images.map((img) => (
              <img
                key={img.key}
                src={img.src}
                alt={`${img.className} example`}
                width={side}
                height={side}
                className="data-preview-image"
              />
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
