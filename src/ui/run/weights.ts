import { labDb, loadWeights, type StoredWeights } from '../../store/persist';
import { downloadBlob } from '../download';

/** The tfjs weights manifest that goes with weights.bin (tf.io's model-weights format, weights only). */
export function weightsManifest(weights: Pick<StoredWeights, 'weightSpecs'>, binName = 'weights.bin') {
  return {
    format: 'dslab-weights',
    generatedBy: 'dslab',
    weightsManifest: [{ paths: [binName], weights: weights.weightSpecs }],
  };
}

/**
 * Saves the trained weights of a finished model as model-weights.json (manifest) and weights.bin.
 * Throws an Error saying why when they are not stored (imported records, failed runs, no IndexedDB).
 */
export async function downloadTrainedWeights(recordId: string): Promise<void> {
  let weights: StoredWeights | undefined;
  try {
    weights = await loadWeights(await labDb(), recordId);
  } catch (e) {
    throw new Error(
      `Trained weights cannot be read: IndexedDB is not available (${(e as Error).message ?? e}).`,
    );
  }
  if (!weights) {
    throw new Error(
      `No trained weights are stored for model ${recordId}: only models trained in this browser keep them ` +
        '(imported results and failed runs have none).',
    );
  }
  downloadBlob(
    'model-weights.json',
    new Blob([JSON.stringify(weightsManifest(weights), null, 2)], { type: 'application/json' }),
  );
  downloadBlob('weights.bin', new Blob([weights.weightData], { type: 'application/octet-stream' }));
}
