import type { Dataset } from '../data/dataset';
import {
  DATA_SPEC_FORMS,
  DEFAULT_FASHION_MNIST_DIR,
  loadDataSpec,
  parseDataSpec,
  type DataSpec,
} from '../data/load-node';
import { UsageError, type ParsedArgs } from './args';

export const DATA_HELP = `  --data SPEC        the data set (required), one of:
                       ${DATA_SPEC_FORMS.join('\n                       ')}`;

/** The --data spec, parsed; a missing or unknown one is a UsageError that lists the valid forms. */
export function dataSpecFromArgs(values: ParsedArgs['values']): DataSpec {
  const raw = values.data;
  if (typeof raw !== 'string' || raw === '') {
    throw new UsageError(`--data is required. Valid forms:\n  ${DATA_SPEC_FORMS.join('\n  ')}`);
  }
  try {
    return parseDataSpec(raw);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The spec in one canonical string (the default fashion-mnist folder spelled out), for sweep ids. */
export const dataSpecText = (spec: DataSpec): string =>
  'path' in spec ? `${spec.kind}:${spec.path}` : spec.kind;

const REMEDY: Record<DataSpec['kind'], string> = {
  synthetic: 'The synthetic set needs no files; this is a bug, please report it.',
  builtin: 'The built-in subset lives in public/data/fashion-mnist; restore that folder from the repository.',
  'fashion-mnist':
    'Point fashion-mnist:<dir> at a folder holding the four IDX files (on Debian, apt-get install ' +
    `dataset-fashion-mnist puts them in ${DEFAULT_FASHION_MNIST_DIR}).`,
  cifar10: 'Point cifar10:<path> at the cifar-10-batches-bin folder or at cifar-10-binary.tar.gz.',
  folder: 'Point folder:<dir> at a folder with train/<class>/ and test/<class>/ image folders.',
};

/**
 * Loads the data set named by --data. A missing folder or a broken file is the user's to fix, so every load
 * failure becomes a UsageError carrying the loader's message (which names the file and the remedy).
 */
export async function loadDataFromArgs(
  values: ParsedArgs['values'],
): Promise<{ spec: DataSpec; data: Dataset }> {
  const spec = dataSpecFromArgs(values);
  try {
    return { spec, data: await loadDataSpec(dataSpecText(spec)) };
  } catch (e) {
    const message = (e as Error).message;
    const hint = message.includes('apt-get') ? '' : `\n${REMEDY[spec.kind]}`;
    throw new UsageError(`Cannot load --data ${String(values.data)}: ${message}${hint}`);
  }
}
