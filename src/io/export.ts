import { exportPycls, type PyclsForm } from './export-pycls';
import type { ExportText } from './export-text';
import { exportTimm } from './export-timm';
import { exportTorchvision, type TorchvisionForm } from './export-torchvision';
import type { ModelConfigDoc } from './model-config';
import { serializeModelConfig, validateModelConfig } from './parse';

export type ExportFormat = 'json' | 'pycls' | 'timm' | 'torchvision';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'pycls', 'timm', 'torchvision'];

export interface ExportResult extends ExportText {
  /** A file name to offer for download, from the model name. */
  fileName: string;
  mimeType: string;
}

export interface ExportOptions {
  pyclsForm?: PyclsForm;
  torchvisionForm?: TorchvisionForm;
}

const FILE = {
  json: { suffix: '.json', mimeType: 'application/json' },
  pycls: { suffix: '.yaml', mimeType: 'application/yaml' },
  timm: { suffix: '_timm.py', mimeType: 'text/x-python' },
  torchvision: { suffix: '_torchvision.py', mimeType: 'text/x-python' },
} as const;

/** "RegNetX-200MF" -> "regnetx-200mf"; anything unsafe in a file name becomes "-". */
export function fileStem(name: string | undefined): string {
  const slug = (name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return slug || 'model';
}

/** Writes a model config in one of the export formats; the doc is validated first (FormatError if not valid). */
export function exportModel(
  doc: ModelConfigDoc,
  format: ExportFormat,
  options: ExportOptions = {},
): ExportResult {
  const valid = validateModelConfig(doc);
  const out: ExportText = (() => {
    switch (format) {
      case 'json':
        return { text: serializeModelConfig(valid), problems: [] };
      case 'pycls':
        return exportPycls(valid, { form: options.pyclsForm });
      case 'timm':
        return exportTimm(valid);
      case 'torchvision':
        return exportTorchvision(valid, { form: options.torchvisionForm });
      default:
        throw new Error(
          `Unknown export format "${String(format)}"; use one of ${EXPORT_FORMATS.join(', ')}.`,
        );
    }
  })();
  return {
    ...out,
    fileName: `${fileStem(valid.name)}${FILE[format].suffix}`,
    mimeType: FILE[format].mimeType,
  };
}
