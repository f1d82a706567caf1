import type { Dataset } from '../data/dataset';
import { defaultStemFor, type NetworkShape } from '../space/anynet';
import { complexity } from '../space/complexity';
import type { ModelConfigDoc } from '../io/model-config';
import { UsageError } from './args';

/** The network shape a data set asks for: its resolution, channels and classes; cifar stem below 64px. */
export function dataShape(data: Dataset): NetworkShape {
  if (data.height !== data.width) {
    throw new UsageError(
      `Data set ${data.name} has ${data.height}x${data.width} images; dslab trains square images only. ` +
        'Resize the images to a square size.',
    );
  }
  return {
    resolution: data.height,
    channels: data.channels,
    classes: data.classes,
    stem: defaultStemFor(data.height),
  };
}

const shapeText = (s: Omit<NetworkShape, 'stem'>) =>
  `${s.resolution}px x ${s.channels}ch, ${s.classes} classes`;

/**
 * The model rebuilt for the data's input shape and class count (same stages, so the same design), and a
 * note saying what changed; the model as is, and no note, when it already fits. The stem follows the new
 * resolution (cifar below 64px) when the resolution changes and is kept otherwise.
 */
export function fitModelToData(
  doc: ModelConfigDoc,
  shape: NetworkShape,
): { doc: ModelConfigDoc; note?: string } {
  const net = doc.network;
  const from = { resolution: net.input.resolution, channels: net.input.channels, classes: net.head.classes };
  if (
    from.resolution === shape.resolution &&
    from.channels === shape.channels &&
    from.classes === shape.classes
  ) {
    return { doc };
  }
  const stem = from.resolution === shape.resolution ? net.stem.type : shape.stem;
  const network = {
    ...net,
    stem: { ...net.stem, type: stem },
    head: { classes: shape.classes },
    input: { channels: shape.channels, resolution: shape.resolution },
  };
  const cx = complexity(network);
  const note =
    `note: the model was built for ${shapeText(from)} (${net.stem.type} stem); rebuilt for the data: ` +
    `${shapeText(shape)}, ${stem} stem, ${cx.flops} flops, ${cx.params} params.`;
  return { doc: { ...doc, network, complexity: cx }, note };
}
