import { PRESETS } from '../../space/presets';
import { printJson, type CommandSpec } from '../args';
import { table } from '../format';

export const presetsCommand: CommandSpec = {
  name: 'presets',
  summary: 'list the 24 RegNetX/RegNetY presets of the pycls model zoo with their parameters',
  usage: 'dslab presets [--json]',
  options: {},
  help: `Columns: depth d, initial width w0, slope wa, width multiplier wm, group width g, SE ratio,
zoo batch size and learning rate, and the zoo's top-1 ImageNet error (%).

Example:
  dslab presets --json | jq '.[] | select(.name == "RegNetY-800MF")'`,
  run({ values }) {
    if (values.json) return printJson(PRESETS);
    const rows = PRESETS.map((p) => [p.name, p.depth, p.w0, p.wa, p.wm, p.groupWidth, p.seRatio, p.batchSize, p.lr, p.zooError]);
    console.log(table(['model', 'd', 'w0', 'wa', 'wm', 'g', 'se', 'batch', 'lr', 'err%'], rows));
  },
};
