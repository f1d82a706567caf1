import { UsageError, type CommandSpec } from '../args';

// STUB (lead): replaced by the command's implementation.
export const analyzeCommand: CommandSpec = {
  name: 'analyze',
  summary: 'not built yet',
  usage: 'dslab analyze',
  options: {},
  help: '',
  run() {
    throw new UsageError('not built yet');
  },
};
