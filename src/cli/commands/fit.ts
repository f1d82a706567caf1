import { UsageError, type CommandSpec } from '../args';

// STUB (lead): replaced by the command's implementation.
export const fitCommand: CommandSpec = {
  name: 'fit',
  summary: 'not built yet',
  usage: 'dslab fit',
  options: {},
  help: '',
  run() {
    throw new UsageError('not built yet');
  },
};
