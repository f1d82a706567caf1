import type { NetworkShape } from '../space/anynet';

/**
 * The input shapes the lab counts complexity at: ImageNet (the paper's regimes), CIFAR-10 and the
 * built-in Fashion-MNIST subset. One key per shape so the URL and the selects stay short.
 */
export type ShapeKey = 'imagenet' | 'cifar' | 'fashion';
export const SHAPE_KEYS: readonly ShapeKey[] = ['imagenet', 'cifar', 'fashion'];

export const SHAPES: Readonly<Record<ShapeKey, NetworkShape>> = {
  imagenet: { resolution: 224, channels: 3, classes: 1000, stem: 'imagenet' },
  cifar: { resolution: 32, channels: 3, classes: 10, stem: 'cifar' },
  fashion: { resolution: 28, channels: 1, classes: 10, stem: 'cifar' },
};

export const SHAPE_LABELS: Readonly<Record<ShapeKey, string>> = {
  imagenet: '224 px · ImageNet (3 ch, 1000 classes)',
  cifar: '32 px · CIFAR-10 (3 ch, 10 classes)',
  fashion: '28 px · Fashion-MNIST (1 ch, 10 classes)',
};

export const SHAPE_SHORT: Readonly<Record<ShapeKey, string>> = {
  imagenet: '224 px',
  cifar: '32 px',
  fashion: '28 px',
};
