/**
 * The plain-data description of an AnyNet network (REGNET.md §1). Everything else
 * (complexity, the tfjs model, exports) is derived from this object.
 */

/** imagenet = pycls simple_stem_in (3x3 stride 2); cifar = res_stem_cifar (3x3 stride 1). */
export type StemType = 'imagenet' | 'cifar';

export interface Stage {
  /** Number of blocks d_i. */
  depth: number;
  /** Output channels w_i. */
  width: number;
  /** Stride of the first block (2 in every AnyNet/RegNet space of the paper). */
  stride: number;
  /** Paper's bottleneck ratio b (bottleneck width = w / b); pycls's bot_mul = 1 / b. */
  bottleneckRatio: number;
  /** Group width g of the 3x3 conv (channels per group). */
  groupWidth: number;
}

export interface AnyNetConfig {
  stem: { type: StemType; width: number };
  stages: Stage[];
  /** 0 = X block; 0.25 = Y block (squeeze-and-excitation). */
  seRatio: number;
  head: { classes: number };
  input: { channels: number; resolution: number };
}

export interface NetworkShape {
  resolution: number;
  channels: number;
  classes: number;
  stem: StemType;
}

/** The default stem for an input size: imagenet at 64px and above, cifar below (issue 2). */
export const defaultStemFor = (resolution: number): StemType => (resolution >= 64 ? 'imagenet' : 'cifar');

export const IMAGENET_SHAPE: NetworkShape = { resolution: 224, channels: 3, classes: 1000, stem: 'imagenet' };
