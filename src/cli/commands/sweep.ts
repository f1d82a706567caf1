import { UsageError, type CommandSpec } from '../args';

// STUB (lead): replaced by the command's implementation.
export const sweepCommand: CommandSpec = {
  name: 'sweep',
  summary: 'not built yet',
  usage: 'dslab sweep',
  options: {},
  help: '',
  run() {
    throw new UsageError('not built yet');
  },
};
