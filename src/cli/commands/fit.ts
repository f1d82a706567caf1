import { blockWidthsOf, fitRegNet, type RegNetFit } from '../../space/fit';
import { findPreset } from '../../space/presets';
import { generateRegNet, type RegNetParams } from '../../space/regnet';
import { printJson, UsageError, type CommandSpec, type ParsedArgs } from '../args';
import { loadModel } from '../model-source';
import { numberListOption } from '../number-list';

/** Per-block widths to fit, where they came from, and the RegNet parameters the source already had. */
interface FitInput {
  source: string;
  widths: number[];
  given?: Pick<RegNetParams, 'depth' | 'w0' | 'wa' | 'wm'>;
}

function expandStages(widths: number[], depths: number[] | undefined): number[] {
  if (!depths) return widths;
  if (depths.length !== widths.length) {
    throw new UsageError(
      `--depths lists ${depths.length} stages but --widths lists ${widths.length}; give one depth per width.`,
    );
  }
  const total = depths.reduce((a, b) => a + b, 0);
  if (total > 4000) throw new UsageError(`--depths add up to ${total} blocks; at most 4000 are allowed.`);
  return widths.flatMap((w, i) => new Array<number>(depths[i]).fill(w));
}

function fitInput(values: ParsedArgs['values'], positionals: string[]): FitInput {
  const widths = numberListOption(values, 'widths');
  const depths = numberListOption(values, 'depths', { integer: true });
  if (widths && positionals.length) {
    throw new UsageError(`Give either --widths or a preset/config file ('${positionals[0]}'), not both.`);
  }
  if (positionals.length > 1)
    throw new UsageError(`fit takes one preset or config file (got ${positionals.length}).`);
  if (widths) return { source: '--widths', widths: expandStages(widths, depths) };
  if (depths) throw new UsageError('--depths needs --widths (one depth per stage width).');
  if (!positionals.length) {
    throw new UsageError(
      'Give --widths w1,w2,... (per-block widths) or a preset name or a model config file.',
    );
  }
  const source = positionals[0];
  const preset = findPreset(source);
  if (preset) {
    // The quantized widths generate_regnet gives, before group compatibility moves them.
    return { source: preset.name, widths: generateRegNet(preset).blockWidths, given: preset };
  }
  const doc = loadModel(source, values, 'pycls');
  return { source: doc.name ?? source, widths: blockWidthsOf(doc.network), given: doc.regnet };
}

function printHuman(input: FitInput, fit: RegNetFit): void {
  console.log(`${input.source}: ${fit.depth} blocks, widths ${input.widths.join(',')}`);
  console.log(
    `fit: d=${fit.depth} w0=${fit.w0} wa=${fit.wa.toFixed(4)} wm=${fit.wm.toFixed(4)} e_fit=${fit.efit.toExponential(3)}`,
  );
  console.log(`predicted widths ${fit.predictedWidths.join(',')}`);
  const g = input.given;
  if (g) console.log(`given:  d=${g.depth} w0=${g.w0} wa=${g.wa} wm=${g.wm}`);
}

export const fitCommand: CommandSpec = {
  name: 'fit',
  summary: 'fit RegNet parameters (w0, wa, wm) and the fit error e_fit to per-block widths',
  usage:
    'dslab fit --widths w1,w2,... [--depths d1,d2,...] [--json]\n       dslab fit <preset | config.json> [--json]',
  options: { widths: { type: 'string' }, depths: { type: 'string' } },
  help: `  --widths LIST      per-block widths, one per block (e.g. 24,56,152,152,152,152,368,...), or with
                     --depths one width per stage
  --depths LIST      blocks per stage: expands --widths (stage widths) to per-block widths
  --json             { source, widths, depth, w0, wa, wm, efit, predictedWidths, given? } on stdout

e_fit = mean over blocks of |ln(predicted / observed width)| (paper §3.3; our reading of its formula).
For a preset the fitted widths are the quantized ones generate_regnet gives (before group compatibility),
so a preset fits back with e_fit = 0; for a config file they are its network's resolved stage widths.

Examples:
  dslab fit RegNetX-200MF
  dslab fit --widths 24,56,152,368 --depths 1,1,4,7 --json`,
  run({ values, positionals }) {
    const input = fitInput(values, positionals);
    const fit = fitRegNet(input.widths);
    if (values.json) {
      const { depth, w0, wa, wm, efit, predictedWidths } = fit;
      return printJson({
        source: input.source,
        widths: input.widths,
        depth,
        w0,
        wa,
        wm,
        efit,
        predictedWidths,
        ...(input.given && {
          given: { depth: input.given.depth, w0: input.given.w0, wa: input.given.wa, wm: input.given.wm },
        }),
      });
    }
    printHuman(input, fit);
  },
};
