import { UsageError, type CommandSpec } from '../args';

// STUB (lead): replaced by the command's implementation.
export const trainCommand: CommandSpec = {
  name: 'train',
  summary: 'not built yet',
  usage: 'dslab train',
  options: {},
  help: '',
  run() {
    throw new UsageError('not built yet');
  },
};
