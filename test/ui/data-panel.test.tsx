// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, waitFor, within } from '@testing-library/react';
import { gzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLabStore, LabProvider } from '../../src/store';
import { DataPanel } from '../../src/ui/panels/DataPanel';
import { fileOf, idxImages, idxLabels, validQuartet } from './data-fixtures';

afterEach(cleanup);

/** The built-in preview served from memory: one 2×2 test image of class 0 (T-shirt/top) and one of class 9. */
const builtinBytes = vi.fn(async (url: string) => {
  if (url.endsWith('t10k-images-idx3-ubyte.gz'))
    return gzipSync(idxImages(2, 2, 2, [1, 2, 3, 4, 5, 6, 7, 8]));
  if (url.endsWith('t10k-labels-idx1-ubyte.gz')) return idxLabels([0, 9]);
  throw new Error(`unexpected fetch ${url}`);
});

const noDecoder = async (): Promise<never> => {
  throw new Error('no image should be decoded here');
};

function setup() {
  const store = createLabStore();
  const { container } = render(
    <LabProvider store={store}>
      <DataPanel fetchBytes={builtinBytes} decode={noDecoder} />
    </LabProvider>,
  );
  const q = within(container);
  const choose = async (files: File[]) => {
    await act(async () => {
      fireEvent.change(q.getByLabelText('data files'), { target: { files } });
    });
  };
  return { store, q, choose };
}

type Q = ReturnType<typeof setup>['q'];
const alertText = async (q: Q) => (await q.findByRole('alert')).textContent ?? '';

describe('Data panel', () => {
  it('shows the built-in set and a lazily fetched preview with one alt text per class example', async () => {
    const { q } = setup();
    expect(q.getByTestId('data-facts').textContent).toBe('12,000 train · 2,000 test · 28×28×1 · 10 classes');
    expect(q.getByTestId('data-classes').textContent).toContain('T-shirt/top, Trouser, Pullover');
    expect(q.getByText(/complexity band/).textContent).toContain('28×28×1');
    for (const name of ['Choose data files', 'Choose image folder', 'Use built-in data']) {
      expect(q.getByRole('button', { name })).toBeTruthy();
    }
    const grid = await q.findByRole('list', { name: 'Preview' });
    const images = within(grid).getAllByRole('img');
    expect(images.map((i) => i.getAttribute('alt'))).toEqual(['T-shirt/top example', 'Ankle boot example']);
    expect(images[0].getAttribute('src')).toMatch(/^data:image\/bmp;base64,/);
    expect(builtinBytes).toHaveBeenCalledWith('data/fashion-mnist/t10k-images-idx3-ubyte.gz');
  });

  it('fetches nothing while the panel is folded', async () => {
    const store = createLabStore({ collapsed: { data: true } });
    const fetchBytes = vi.fn(async (): Promise<Uint8Array> => new Uint8Array(0));
    render(
      <LabProvider store={store}>
        <DataPanel fetchBytes={fetchBytes} decode={noDecoder} />
      </LabProvider>,
    );
    await act(async () => {});
    expect(fetchBytes).not.toHaveBeenCalled();
  });

  it('a chosen IDX quartet (one file gzipped) becomes the data: counts, shape and preview follow', async () => {
    const { q, store, choose } = setup();
    const [trainImages, ...rest] = validQuartet();
    const gz = fileOf(
      gzipSync(new Uint8Array(await trainImages.arrayBuffer())),
      'train-images-idx3-ubyte.gz',
    );
    await choose([gz, ...rest]);
    await waitFor(() => expect(store.getState().data.source.kind).toBe('dataset'));
    const { data } = store.getState();
    expect([data.resolution, data.channels, data.classes]).toEqual([2, 1, 10]);
    if (data.source.kind !== 'dataset') throw new Error('expected a parsed data set');
    expect(data.source.dataset.train.count).toBe(3);
    expect(data.source.dataset.test.count).toBe(2);
    expect(Array.from(data.source.dataset.train.labels)).toEqual([0, 1, 9]);
    expect(q.getByTestId('data-facts').textContent).toBe('3 train · 2 test · 2×2×1 · 10 classes');
    const alts = within(q.getByRole('list', { name: 'Preview' }))
      .getAllByRole('img')
      .map((i) => i.getAttribute('alt'));
    expect(alts).toEqual(['T-shirt/top example', 'Trouser example']); // test labels 1, 0 in class order
    expect(q.queryByRole('alert')).toBeNull();

    fireEvent.click(q.getByRole('button', { name: 'Use built-in data' }));
    expect(store.getState().data.source).toEqual({ kind: 'builtin', baseUrl: '' });
    expect(q.getByTestId('data-facts').textContent).toContain('12,000 train');
  });

  it('a truncated images file gives an error naming that file, and the previous data stays', async () => {
    const { q, store, choose } = setup();
    const files = validQuartet();
    // Header says 2 test images of 2×2 (8 pixel bytes) but only 5 follow.
    files[2] = fileOf(idxImages(2, 2, 2, [1, 2, 3, 4, 5]), 't10k-images-idx3-ubyte');
    await choose(files);
    const text = await alertText(q);
    expect(text).toContain('t10k-images-idx3-ubyte');
    expect(text).toMatch(/truncated/);
    expect(text).toMatch(/Still using Fashion-MNIST/);
    expect(store.getState().data.source.kind).toBe('builtin');
  });

  it('a missing labels file is named in the error', async () => {
    const { q, store, choose } = setup();
    await choose(validQuartet().filter((f) => f.name !== 't10k-labels-idx1-ubyte'));
    const text = await alertText(q);
    expect(text).toMatch(/Missing IDX file: t10k-labels-idx1-ubyte/);
    expect(text).toMatch(/all four files/);
    expect(store.getState().data.source.kind).toBe('builtin');
  });

  it('a label byte ≥ 10 classes is a clear error naming the labels file', async () => {
    const { q, store, choose } = setup();
    const files = validQuartet();
    files[1] = fileOf(idxLabels([0, 10, 1]), 'train-labels-idx1-ubyte');
    await choose(files);
    const text = await alertText(q);
    expect(text).toContain('train-labels-idx1-ubyte');
    expect(text).toMatch(/label 10 at index 1 is out of range/);
    expect(store.getState().data.source.kind).toBe('builtin');
  });

  it('images and labels that disagree in count are a clear error', async () => {
    const { q, choose } = setup();
    const files = validQuartet();
    files[3] = fileOf(idxLabels([1, 0, 1]), 't10k-labels-idx1-ubyte'); // 3 labels for 2 images
    await choose(files);
    expect(await alertText(q)).toMatch(
      /t10k-images-idx3-ubyte has 2 images but t10k-labels-idx1-ubyte has 3 labels/,
    );
  });

  it('files of no known format are listed with what the panel accepts', async () => {
    const { q, choose } = setup();
    await choose([fileOf(Uint8Array.from([1, 2, 3]), 'notes.docx')]);
    const text = await alertText(q);
    expect(text).toContain('notes.docx');
    expect(text).toMatch(/IDX files.*CIFAR-10.*PNG\/JPEG/);
  });

  it('a dropped folder of class folders is walked and decoded into an image-folder data set', async () => {
    const store = createLabStore();
    // Every "image" is 3×3 gray; the fake decoder reads the value from the file's single byte.
    const decode = vi.fn(async (bytes: Uint8Array) => ({
      width: 3,
      height: 3,
      channels: 1,
      data: new Uint8Array(9).fill(bytes[0]),
    }));
    const { container } = render(
      <LabProvider store={store}>
        <DataPanel fetchBytes={builtinBytes} decode={decode} />
      </LabProvider>,
    );
    const q = within(container);
    const file = (path: string, value: number) => ({
      isFile: true,
      isDirectory: false,
      name: path.split('/').pop(),
      fullPath: `/${path}`,
      file: (ok: (f: File) => void) => ok(fileOf(Uint8Array.from([value]), path.split('/').pop()!)),
    });
    const dir = (path: string, children: object[]) => {
      let given = false;
      return {
        isFile: false,
        isDirectory: true,
        name: path.split('/').pop(),
        fullPath: `/${path}`,
        createReader: () => ({
          // Like the browser: the entries in one go, then an empty chunk.
          readEntries: (ok: (e: object[]) => void) => {
            ok(given ? [] : children);
            given = true;
          },
        }),
      };
    };
    const root = dir('shapes', [
      dir('shapes/train', [
        dir('shapes/train/circle', [
          file('shapes/train/circle/a.png', 10),
          file('shapes/train/circle/b.png', 11),
        ]),
        dir('shapes/train/square', [file('shapes/train/square/a.png', 20)]),
      ]),
      dir('shapes/test', [dir('shapes/test/square', [file('shapes/test/square/c.png', 21)])]),
    ]);
    const dataTransfer = {
      items: [{ kind: 'file', webkitGetAsEntry: () => root }],
      files: [],
    };
    await act(async () => {
      fireEvent.drop(q.getByRole('group', { name: 'Drop data files' }), { dataTransfer });
    });
    await waitFor(() => expect(store.getState().data.source.kind).toBe('dataset'));
    const { data } = store.getState();
    if (data.source.kind !== 'dataset') throw new Error('expected a parsed data set');
    expect(data.name).toBe('shapes');
    expect(data.source.dataset.classNames).toEqual(['circle', 'square']);
    expect([data.resolution, data.channels, data.classes]).toEqual([3, 1, 2]);
    expect(Array.from(data.source.dataset.train.labels)).toEqual([0, 0, 1]);
    expect(Array.from(data.source.dataset.test.labels)).toEqual([1]);
    expect(decode).toHaveBeenCalledTimes(4);
    const alts = within(q.getByRole('list', { name: 'Preview' }))
      .getAllByRole('img')
      .map((i) => i.getAttribute('alt'));
    expect(alts).toEqual(['square example']);
  });

  it('while a run is going the data cannot change', () => {
    const store = createLabStore();
    store.getState().setRunState('running');
    const { container } = render(
      <LabProvider store={store}>
        <DataPanel fetchBytes={builtinBytes} decode={noDecoder} />
      </LabProvider>,
    );
    const q = within(container);
    for (const name of ['Choose data files', 'Choose image folder', 'Use built-in data']) {
      expect((q.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    }
    expect(q.getByText(/Pause or finish the run/)).toBeTruthy();
  });
});
