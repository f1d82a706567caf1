import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendInfo } from '../train/backend';
import { choiceOption, UsageError, type ParsedArgs } from './args';

export type CliBackend = 'wasm' | 'cpu' | 'auto';
const CLI_BACKENDS: readonly CliBackend[] = ['wasm', 'cpu', 'auto'];

export const BACKEND_HELP = `  --backend B        wasm (default: the fastest CPU path in Node), cpu (plain JS, slow, for checks) or
                     auto (probe and pick the faster)`;

/**
 * Starts the tfjs backend named by --backend. Without the option wasm is used, falling back to cpu with a
 * note if wasm cannot start; a backend asked for by name must start or it is an error.
 */
export async function startBackend(values: ParsedArgs['values']): Promise<BackendInfo> {
  const choice = choiceOption<CliBackend>(values, 'backend', CLI_BACKENDS, 'wasm');
  const explicit = values.backend !== undefined;
  let info: BackendInfo;
  try {
    info = await initBackend(choice, { fallback: !explicit });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}. Try --backend cpu.`);
  }
  if (!explicit && info.name !== choice) {
    process.stderr.write(
      `note: the ${choice} backend did not start; training on ${info.name} instead (slower).\n`,
    );
  }
  // The cpu backend prints a banner advertising tfjs-node on its first tensor in Node; prod mode mutes it.
  if (info.name === 'cpu') tf.enableProdMode();
  return info;
}
