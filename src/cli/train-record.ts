import type { Dataset } from '../data/dataset';
import type { DataInfo } from '../io/results';
import type { TrainOptions } from '../train/options';

/** What the model trained on: the data set's shape and the (sub)split sizes the trainer used. */
export function dataInfoOf(data: Dataset, o: Pick<TrainOptions, 'trainSize' | 'testSize'>): DataInfo {
  return {
    name: data.name,
    trainSize: Math.min(o.trainSize ?? data.train.count, data.train.count),
    testSize: Math.min(o.testSize ?? data.test.count, data.test.count),
    resolution: data.height,
    channels: data.channels,
    classes: data.classes,
  };
}
