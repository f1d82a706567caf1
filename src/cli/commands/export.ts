import { UsageError, type CommandSpec } from '../args';

// STUB (lead): replaced by the command's implementation.
export const exportCommand: CommandSpec = {
  name: 'export',
  summary: 'not built yet',
  usage: 'dslab export',
  options: {},
  help: '',
  run() {
    throw new UsageError('not built yet');
  },
};
