import { writeFileSync } from 'node:fs';
import { ROUNDINGS, type Rounding } from '../../space/compat';
import { EXPORT_FORMATS, exportModel, type ExportFormat } from '../../io/export';
import { choiceOption, printJson, UsageError, type CommandSpec } from '../args';
import { loadModel, SHAPE_HELP, SHAPE_OPTIONS } from '../model-source';

function writeOut(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const hint =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (code ?? (e as Error).message);
    throw new UsageError(`Cannot write '${path}' (${hint}); choose another --out path.`);
  }
}

export const exportCommand: CommandSpec = {
  name: 'export',
  summary: 'write a preset or model config as dslab JSON, a pycls YAML, or timm / torchvision Python',
  usage:
    'dslab export <preset | config.json> [--format json|pycls|timm|torchvision] [--out FILE] [--form F] [--resolution N] [--in-channels C] [--classes K] [--stem imagenet|cifar] [--rounding pycls|torchvision] [--json]',
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    form: { type: 'string' },
    ...SHAPE_OPTIONS,
    rounding: { type: 'string' },
  },
  help: `  --format F         json (default; the dslab model config), pycls (YAML config), timm or torchvision (Python)
  --out FILE         write the text to FILE instead of stdout
  --form F           pycls: regnet (default for RegNets) or anynet; torchvision: init-params (default for
                     RegNets) or block-params
${SHAPE_HELP}
  --rounding R       width/group compatibility for presets: pycls (default) or torchvision
  --json             { text, problems, fileName, mimeType } on stdout instead of the bare text

What the target library cannot build exactly (e.g. timm needs 4 stages) is printed to stderr as
"warning: ..." lines, and repeated as comments in the Python and YAML outputs.

Examples:
  dslab export RegNetX-200MF --format pycls
  dslab export model.json --format timm --out regnet_timm.py`,
  run({ values, positionals }) {
    const format = choiceOption<ExportFormat>(values, 'format', EXPORT_FORMATS, 'json');
    const rounding = choiceOption<Rounding>(values, 'rounding', ROUNDINGS, 'pycls');
    if (positionals.length > 1) {
      throw new UsageError(
        `export takes one preset or config file (got ${positionals.length}: ${positionals.join(' ')}).`,
      );
    }
    const form = values.form;
    if (form !== undefined && format !== 'pycls' && format !== 'torchvision') {
      throw new UsageError(`--form applies to --format pycls or torchvision only (format is ${format}).`);
    }
    const pyclsForm =
      format === 'pycls' ? choiceOption(values, 'form', ['regnet', 'anynet'] as const, 'regnet') : undefined;
    const torchvisionForm =
      format === 'torchvision'
        ? choiceOption(values, 'form', ['init-params', 'block-params'] as const, 'init-params')
        : undefined;
    const doc = loadModel(positionals[0], values, rounding);
    const result = exportModel(doc, format, { pyclsForm, torchvisionForm });
    for (const p of result.problems) process.stderr.write(`warning: ${p}\n`);
    if (values.json) return printJson(result);
    if (typeof values.out === 'string') {
      writeOut(values.out, result.text);
      process.stderr.write(`wrote ${values.out} (${format})\n`);
      return;
    }
    process.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
  },
};
