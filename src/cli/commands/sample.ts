import { UsageError, type CommandSpec } from '../args';

// STUB (lead): replaced by the command's implementation.
export const sampleCommand: CommandSpec = {
  name: 'sample',
  summary: 'not built yet',
  usage: 'dslab sample',
  options: {},
  help: '',
  run() {
    throw new UsageError('not built yet');
  },
};
