import { useEffect, useMemo, useRef, useState } from 'react';
import type { DataChoice } from '../../store';
import { loadBuiltinPreview, type FetchBytes } from './builtin-preview';
import type { PreviewSource } from './preview';

export type PreviewState =
  | { kind: 'none'; text: string }
  | { kind: 'loading' }
  | { kind: 'ready'; source: PreviewSource }
  | { kind: 'error'; text: string };

const why = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * What the preview shows for the current choice. A parsed data set previews its own test split; the built-in set is
 * fetched lazily, only once the panel is open, and once per base URL.
 */
export function usePreview(data: DataChoice, open: boolean, fetchBytes?: FetchBytes): PreviewState {
  const { source } = data;
  const builtinUrl = source.kind === 'builtin' ? source.baseUrl : null;
  const cache = useRef(new Map<string, Promise<PreviewSource>>());
  const [builtin, setBuiltin] = useState<{ url: string; state: PreviewState } | null>(null);

  useEffect(() => {
    if (builtinUrl === null || !open) return;
    let live = true;
    let pending = cache.current.get(builtinUrl);
    if (!pending) {
      pending = loadBuiltinPreview(builtinUrl, fetchBytes);
      cache.current.set(builtinUrl, pending);
      // A failed fetch may succeed later (the panel reopened, the server back): do not keep the failure.
      pending.catch(() => cache.current.delete(builtinUrl));
    }
    pending.then(
      (s) => live && setBuiltin({ url: builtinUrl, state: { kind: 'ready', source: s } }),
      (err: unknown) =>
        live &&
        setBuiltin({
          url: builtinUrl,
          state: { kind: 'error', text: `No preview: the built-in data could not be loaded (${why(err)}).` },
        }),
    );
    return () => {
      live = false;
    };
  }, [builtinUrl, open, fetchBytes]);

  const dataset = source.kind === 'dataset' ? source.dataset : null;
  const own = useMemo<PreviewState | null>(
    () =>
      dataset && {
        kind: 'ready',
        source: {
          split: dataset.test,
          height: dataset.height,
          width: dataset.width,
          channels: dataset.channels,
          classNames: dataset.classNames,
        },
      },
    [dataset],
  );

  if (own) return own;
  if (source.kind === 'synthetic')
    return { kind: 'none', text: 'Synthetic data: random images, nothing to preview.' };
  return builtin && builtin.url === builtinUrl ? builtin.state : { kind: 'loading' };
}
