import { describe, expect, it } from 'vitest';
import { DEFAULT_FASHION_MNIST_DIR, loadDataSpec, parseDataSpec } from '../../src/data/load-node';

describe('data specs', () => {
  it('parses every form', () => {
    expect(parseDataSpec('synthetic')).toEqual({ kind: 'synthetic' });
    expect(parseDataSpec('builtin')).toEqual({ kind: 'builtin' });
    expect(parseDataSpec('fashion-mnist')).toEqual({
      kind: 'fashion-mnist',
      path: DEFAULT_FASHION_MNIST_DIR,
    });
    expect(parseDataSpec('fashion-mnist:/d')).toEqual({ kind: 'fashion-mnist', path: '/d' });
    expect(parseDataSpec('cifar10:/x/c.tar.gz')).toEqual({ kind: 'cifar10', path: '/x/c.tar.gz' });
    expect(parseDataSpec('folder:C:/imgs')).toEqual({ kind: 'folder', path: 'C:/imgs' });
  });

  it('lists the valid forms for an unknown spec or a missing path', () => {
    for (const bad of ['mnist', 'cifar10', 'folder:', 'synthetic:3']) {
      expect(() => parseDataSpec(bad)).toThrow(
        /Unknown data spec.*Valid forms:[\s\S]*fashion-mnist\[:<dir>\][\s\S]*folder:<dir>/,
      );
    }
  });

  it('loads the synthetic set', async () => {
    const ds = await loadDataSpec('synthetic');
    expect(ds.name).toBe('synthetic');
    expect(ds.train.count).toBeGreaterThan(0);
  });

  it('names the missing IDX files of a Fashion-MNIST folder', async () => {
    await expect(loadDataSpec('fashion-mnist:/tmp')).rejects.toThrow(
      /\/tmp: missing train-images-idx3-ubyte\[\.gz\], train-labels-idx1-ubyte\[\.gz\].*dataset-fashion-mnist/,
    );
  });
});
