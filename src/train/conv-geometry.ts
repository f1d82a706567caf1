/** tfjs' explicit padding ([[0,0],[top,bottom],[left,right],[0,0]] for NHWC); not re-exported by tfjs-core. */
export type ExplicitPadding = [[number, number], [number, number], [number, number], [number, number]];

/**
 * Shapes of one grouped k×k convolution with pycls padding.
 *
 * pycls pads (k-1)/2 on every side, so the output is floor((h + 2p - k) / s) + 1 = floor((h - 1) / s) + 1 for
 * odd k. tfjs 'same' gives the same *size* (ceil(h / s)) but, for stride 2 on even sizes, pads 0 on top and 1
 * at the bottom: the sampled windows are shifted by one pixel. We therefore always pass explicit padding.
 */
export interface GroupConvGeometry {
  batch: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outChannels: number;
  kernelSize: number;
  stride: number;
  groups: number;
  inPerGroup: number;
  outPerGroup: number;
  pad: number;
  outHeight: number;
  outWidth: number;
}

export function pyclsPad(kernelSize: number): number {
  return Math.floor((kernelSize - 1) / 2);
}

export function convOutSize(inSize: number, kernelSize: number, stride: number): number {
  return Math.floor((inSize + 2 * pyclsPad(kernelSize) - kernelSize) / stride) + 1;
}

export function explicitPadding(pad: number): ExplicitPadding {
  return [
    [0, 0],
    [pad, pad],
    [pad, pad],
    [0, 0],
  ];
}

function isPositiveInt(v: number): boolean {
  return Number.isInteger(v) && v > 0;
}

/** Validates a grouped conv call (x NHWC, filter [k,k,cin/groups,cout]) and returns its geometry. */
export function groupConvGeometry(
  xShape: readonly number[],
  filterShape: readonly number[],
  stride: number,
  groups: number,
): GroupConvGeometry {
  if (xShape.length !== 4) {
    throw new Error(`groupedConv2d: x must be rank 4 NHWC, got shape [${xShape.join(',')}]`);
  }
  if (filterShape.length !== 4) {
    throw new Error(
      `groupedConv2d: filter must be rank 4 [k,k,cin/groups,cout], got shape [${filterShape.join(',')}]`,
    );
  }
  if (!isPositiveInt(stride))
    throw new Error(`groupedConv2d: stride must be a positive integer, got ${stride}`);
  if (!isPositiveInt(groups))
    throw new Error(`groupedConv2d: groups must be a positive integer, got ${groups}`);
  const [batch, inHeight, inWidth, inChannels] = xShape;
  const [kh, kw, filterIn, outChannels] = filterShape;
  if (kh !== kw) throw new Error(`groupedConv2d: only square kernels are supported, got ${kh}×${kw}`);
  if (inChannels % groups !== 0 || outChannels % groups !== 0) {
    throw new Error(
      `groupedConv2d: groups (${groups}) must divide both input channels (${inChannels}) and output channels ` +
        `(${outChannels}); pick a group width that divides the stage width`,
    );
  }
  if (filterIn !== inChannels / groups) {
    throw new Error(
      `groupedConv2d: filter depth ${filterIn} must equal input channels / groups = ${inChannels}/${groups} = ` +
        `${inChannels / groups}`,
    );
  }
  const outHeight = convOutSize(inHeight, kh, stride);
  const outWidth = convOutSize(inWidth, kh, stride);
  if (outHeight < 1 || outWidth < 1) {
    throw new Error(`groupedConv2d: input ${inHeight}×${inWidth} is too small for a ${kh}×${kh} kernel`);
  }
  return {
    batch,
    inHeight,
    inWidth,
    inChannels,
    outChannels,
    kernelSize: kh,
    stride,
    groups,
    inPerGroup: inChannels / groups,
    outPerGroup: outChannels / groups,
    pad: pyclsPad(kh),
    outHeight,
    outWidth,
  };
}
