import { helpText, parseCommandArgs, UsageError, type CommandSpec } from './args';
import { analyzeCommand } from './commands/analyze';
import { describeCommand } from './commands/describe';
import { exportCommand } from './commands/export';
import { fitCommand } from './commands/fit';
import { presetsCommand } from './commands/presets';
import { sampleCommand } from './commands/sample';
import { spacesCommand } from './commands/spaces';
import { sweepCommand } from './commands/sweep';
import { trainCommand } from './commands/train';

const COMMANDS: CommandSpec[] = [
  presetsCommand,
  describeCommand,
  spacesCommand,
  sampleCommand,
  fitCommand,
  exportCommand,
  analyzeCommand,
  trainCommand,
  sweepCommand,
];

function overview(): string {
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`);
  return `dslab — the design-space lab, headless.\n\nUsage: dslab <command> [options]   (dslab <command> --help for details)\n\nCommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(overview());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`Unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      process.stdout.write(helpText(command));
      return 0;
    }
    await command.run(args);
    return 0;
  } catch (e) {
    const err = e as Error;
    process.stderr.write(`dslab ${name}: ${err.message}\n`);
    if (!(e instanceof UsageError) && process.env.DSLAB_DEBUG) process.stderr.write(`${err.stack}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
