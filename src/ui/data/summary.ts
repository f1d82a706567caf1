import { BUILTIN_TEST_SIZE, BUILTIN_TRAIN_SIZE } from '../../data/builtin';
import type { Dataset } from '../../data/dataset';
import { FASHION_MNIST_CLASSES } from '../../data/fashion-mnist';
import type { DataChoice } from '../../store';
import type { DataSummary } from '../../worker/api';
import { formatExact } from '../format';

/** What the Data panel shows about the current choice, without loading anything. */
export type DataFacts = Omit<DataSummary, 'classes'> & { classNames: string[] };

const numbered = (classes: number): string[] => Array.from({ length: classes }, (_, i) => `class ${i}`);

export function dataFacts(choice: DataChoice): DataFacts {
  const { source, resolution, channels } = choice;
  const square = { height: resolution, width: resolution, channels };
  switch (source.kind) {
    case 'builtin':
      return {
        name: choice.name,
        trainCount: BUILTIN_TRAIN_SIZE,
        testCount: BUILTIN_TEST_SIZE,
        ...square,
        classNames: [...FASHION_MNIST_CLASSES],
      };
    case 'synthetic':
      return {
        name: choice.name,
        trainCount: source.trainSize,
        testCount: source.testSize,
        ...square,
        classNames: numbered(source.classes),
      };
    case 'dataset': {
      const ds = source.dataset;
      return {
        name: choice.name,
        trainCount: ds.train.count,
        testCount: ds.test.count,
        height: ds.height,
        width: ds.width,
        channels: ds.channels,
        classNames: ds.classNames.length === ds.classes ? ds.classNames : numbered(ds.classes),
      };
    }
  }
}

/** The choice that trains on a parsed data set (square images: the loader checked). */
export const choiceOf = (ds: Dataset): DataChoice => ({
  name: ds.name,
  source: { kind: 'dataset', dataset: ds },
  resolution: ds.height,
  channels: ds.channels,
  classes: ds.classes,
});

/** "12,000 train · 2,000 test · 28×28×1 · 10 classes" */
export function factsLine(f: DataFacts): string {
  return (
    `${formatExact(f.trainCount)} train · ${formatExact(f.testCount)} test · ${f.height}×${f.width}×${f.channels} · ` +
    `${f.classNames.length} classes`
  );
}
