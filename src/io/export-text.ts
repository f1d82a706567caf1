import type { ModelConfigDoc } from './model-config';
import { describeStages } from './network-diff';
import { commentText } from './python-literal';

/** What every writer returns: the file text, and what the target library cannot take, in words (empty = loadable). */
export interface ExportText {
  text: string;
  problems: string[];
}

export const modelLabel = (doc: ModelConfigDoc): string => commentText(doc.name ?? 'model');

/** The two comment lines that open every Python-side export. */
export function headerComments(doc: ModelConfigDoc, target: string): string[] {
  const rounding = doc.regnet ? ` (${doc.rounding} rounding)` : '';
  return [
    `# ${modelLabel(doc)} for ${target}, exported by dslab`,
    `# dslab stages${rounding}: ${describeStages(doc.network.stages)}`,
  ];
}

/** The input-channel count that the stem of pycls and torchvision RegNets is hard-wired to. */
export function inputChannelProblems(doc: ModelConfigDoc, library: string): string[] {
  const channels = doc.network.input.channels;
  return channels === 3
    ? []
    : [
        `${library} builds the stem for 3 input channels; this config has ${channels}, so the first conv must be replaced by hand.`,
      ];
}

/** Problems repeated as comments, so a copied file still says what will not work. */
export const problemComments = (problems: readonly string[]): string[] =>
  problems.map((p) => `# PROBLEM: ${commentText(p, 1000)}`);
