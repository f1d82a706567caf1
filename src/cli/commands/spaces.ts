import { UsageError, type CommandSpec } from '../args';

// STUB (lead): replaced by the command's implementation.
export const spacesCommand: CommandSpec = {
  name: 'spaces',
  summary: 'not built yet',
  usage: 'dslab spaces',
  options: {},
  help: '',
  run() {
    throw new UsageError('not built yet');
  },
};
