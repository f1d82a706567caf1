import type { Complexity } from './complexity';
import type { Rng } from './random';
import type { SampledModel } from './sample';

/** One kind of space's candidate generator, driven by sampleSpace's attempt loop. */
export interface Proposer {
  /** Labels of the checks draw() can fail, indexed by draw()'s return value. */
  reasons: string[];
  /** Draws and resolves one candidate; -1 when it passes the design checks, else the failed reason's index. */
  draw(rng: Rng): number;
  /** Complexity of the last candidate. */
  complexity(): Complexity;
  /** Identity of the last candidate's network (equal keys build equal networks). */
  key(): string;
  /** The last candidate as a model. */
  model(complexity: Complexity): SampledModel;
}
