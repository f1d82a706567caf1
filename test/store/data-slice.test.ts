import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/data/dataset';
import { createLabStore, type DataChoice } from '../../src/store';

function tinyDataset(side: number, channels: number, classes: number): Dataset {
  const size = side * side * channels;
  const split = (count: number) => ({
    images: new Uint8Array(count * size),
    labels: new Uint8Array(count),
    count,
  });
  return {
    name: 'tiny',
    height: side,
    width: side,
    channels,
    classes,
    classNames: Array.from({ length: classes }, (_, i) => `c${i}`),
    train: split(4),
    test: split(2),
    hflip: true,
  };
}

const choice = (ds: Dataset): DataChoice => ({
  name: ds.name,
  source: { kind: 'dataset', dataset: ds },
  resolution: ds.height,
  channels: ds.channels,
  classes: ds.classes,
});

describe('data slice', () => {
  it('defaults to the built-in Fashion-MNIST subset: 28×28×1, 10 classes, base URL ""', () => {
    const { data, builtinBaseUrl } = createLabStore().getState();
    expect(data.source).toEqual({ kind: 'builtin', baseUrl: '' });
    expect(data.resolution).toBe(28);
    expect(data.channels).toBe(1);
    expect(data.classes).toBe(10);
    expect(data.name).toMatch(/Fashion-MNIST/);
    expect(builtinBaseUrl).toBe('');
  });

  it('setData switches to a parsed data set and resetData goes back to the built-in one', () => {
    const store = createLabStore();
    const ds = tinyDataset(32, 3, 10);
    store.getState().setData(choice(ds));
    expect(store.getState().data.resolution).toBe(32);
    expect(store.getState().data.channels).toBe(3);
    expect(store.getState().data.source).toEqual({ kind: 'dataset', dataset: ds });
    store.getState().resetData();
    expect(store.getState().data.source).toEqual({ kind: 'builtin', baseUrl: '' });
    expect(store.getState().data.resolution).toBe(28);
  });

  it('the base URL set at start-up moves the built-in choice and is kept by resetData', () => {
    const store = createLabStore();
    store.getState().setBuiltinBaseUrl('https://example.org/lab/');
    expect(store.getState().data.source).toEqual({ kind: 'builtin', baseUrl: 'https://example.org/lab/' });
    store.getState().setData(choice(tinyDataset(4, 1, 3)));
    store.getState().setBuiltinBaseUrl('https://example.org/other/');
    expect(store.getState().data.source.kind).toBe('dataset'); // a chosen data set stays chosen
    store.getState().resetData();
    expect(store.getState().data.source).toEqual({ kind: 'builtin', baseUrl: 'https://example.org/other/' });
  });

  it('setData refuses a choice whose numbers disagree with its data set, and keeps the previous one', () => {
    const store = createLabStore();
    const ds = tinyDataset(32, 3, 10);
    expect(() => store.getState().setData({ ...choice(ds), resolution: 28 })).toThrow(
      /32×32×3 images but the choice says 28×28×3/,
    );
    expect(() => store.getState().setData({ ...choice(ds), classes: 5 })).toThrow(
      /10 classes but the choice says 5/,
    );
    expect(() => store.getState().setData({ ...choice(ds), channels: 0 })).toThrow(
      /channels must be a whole number/,
    );
    expect(() => store.getState().setData({ ...choice(ds), name: ' ' })).toThrow(/name is empty/);
    expect(store.getState().data.source.kind).toBe('builtin');
  });
});
