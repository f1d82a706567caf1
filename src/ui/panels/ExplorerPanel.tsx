import { PRESETS } from '../../space/presets';
import { ROUNDINGS, type Rounding } from '../../space/compat';
import type { RegNetParams } from '../../space/regnet';
import {
  SHAPE_KEYS,
  SHAPE_LABELS,
  selectExplorerView,
  URL_NUMBERS,
  useLab,
  type ShapeKey,
} from '../../store';
import { ArchitectureDiagram } from '../charts/ArchitectureDiagram';
import { WidthChart } from '../charts/WidthChart';
import { ChartBoundary } from '../ChartBoundary';
import { NumberInput } from '../NumberInput';
import { ComplexityReadout } from './ComplexityReadout';
import { ExplorerExports } from './ExplorerExports';
import { ParamField, type Range } from './ParamField';
import { StageTable } from './StageTable';
import { WarningList } from './WarningList';

interface SliderSpec {
  key: keyof RegNetParams;
  /** URL parameter holding it (its range bounds the number input). */
  urlKey: string;
  name: string;
  label: string;
  hint: string;
  slider: Range;
  step: number;
}

/** Slider ranges cover all 24 zoo presets (w0 ≤ 320, wa ≤ 115.89, 2 ≤ wm ≤ 2.88, g ≤ 232). */
const SLIDERS: readonly SliderSpec[] = [
  {
    key: 'w0',
    urlKey: 'w0',
    name: 'w0',
    label: 'w₀',
    hint: 'initial width (multiple of 8)',
    slider: { min: 8, max: 512, step: 8 },
    step: 1,
  },
  {
    key: 'wa',
    urlKey: 'wa',
    name: 'wa',
    label: 'wₐ',
    hint: 'slope of the linear widths u_j = w0 + wa·j',
    slider: { min: 0, max: 256, step: 0.01 },
    step: 0.01,
  },
  {
    key: 'wm',
    urlKey: 'wm',
    name: 'wm',
    label: 'wₘ',
    hint: 'width multiplier between stages (> 1)',
    slider: { min: 1.5, max: 3, step: 0.01 },
    step: 0.01,
  },
  {
    key: 'depth',
    urlKey: 'd',
    name: 'depth',
    label: 'd',
    hint: 'number of blocks',
    slider: { min: 1, max: 64, step: 1 },
    step: 1,
  },
  {
    key: 'groupWidth',
    urlKey: 'g',
    name: 'group width',
    label: 'g',
    hint: 'channels per group of the 3×3 conv',
    slider: { min: 1, max: 256, step: 1 },
    step: 1,
  },
  {
    key: 'bottleneckRatio',
    urlKey: 'b',
    name: 'bottleneck ratio',
    label: 'b',
    hint: 'bottleneck width = w / b (paper: 1, 2 or 4)',
    slider: { min: 1, max: 4, step: 1 },
    step: 1,
  },
];

const inputRange = (s: SliderSpec): Range => ({
  min: URL_NUMBERS[s.urlKey].min,
  max: URL_NUMBERS[s.urlKey].max,
  step: s.step,
});

const DEFAULT_SE = 0.25;

export function ExplorerPanel() {
  const inputs = useLab((s) => s.explorer);
  const view = useLab(selectExplorerView);
  const setParam = useLab((s) => s.setExplorerParam);
  const snap = useLab((s) => s.snapToPreset);
  const setShape = useLab((s) => s.setExplorerShape);
  const setRounding = useLab((s) => s.setExplorerRounding);
  const { params } = inputs;
  const gen = view.resolution?.generation;
  const seRange = URL_NUMBERS.se;

  return (
    <div className="explorer">
      <div className="explorer-controls">
        <label className="field">
          <span className="field-label">Preset</span>
          <select
            aria-label="preset"
            value={view.preset?.name ?? ''}
            onChange={(e) => e.target.value && snap(e.target.value)}
          >
            <option value="">Custom setting</option>
            <optgroup label="RegNetX">
              {PRESETS.filter((p) => p.seRatio === 0).map((p) => (
                <option key={p.name}>{p.name}</option>
              ))}
            </optgroup>
            <optgroup label="RegNetY">
              {PRESETS.filter((p) => p.seRatio > 0).map((p) => (
                <option key={p.name}>{p.name}</option>
              ))}
            </optgroup>
          </select>
        </label>
        <div className="params">
          {SLIDERS.map((s) => (
            <ParamField
              key={s.key}
              name={s.name}
              label={s.label}
              hint={s.hint}
              value={params[s.key]}
              slider={s.slider}
              input={inputRange(s)}
              integer={URL_NUMBERS[s.urlKey].integer}
              onChange={(v) => setParam(s.key, v)}
            />
          ))}
          <div className="param-field">
            <span className="param-label" title="squeeze-and-excitation (RegNetY)">
              SE
            </span>
            <label className="switch">
              <input
                type="checkbox"
                aria-label="SE"
                checked={params.seRatio > 0}
                onChange={(e) => setParam('seRatio', e.target.checked ? DEFAULT_SE : 0)}
              />
              <span>{params.seRatio > 0 ? 'Y block' : 'X block'}</span>
            </label>
            <NumberInput
              className="param-number"
              aria-label="SE ratio"
              min={seRange.min}
              max={seRange.max}
              step={0.05}
              disabled={params.seRatio === 0}
              value={params.seRatio}
              onValue={(v) => setParam('seRatio', v)}
            />
          </div>
        </div>
        <div className="field-stack">
          <label className="field">
            <span className="field-label">Count complexity at</span>
            <select
              aria-label="resolution"
              value={inputs.shape}
              onChange={(e) => setShape(e.target.value as ShapeKey)}
            >
              {SHAPE_KEYS.map((k) => (
                <option key={k} value={k}>
                  {SHAPE_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Rounding</span>
            <select
              aria-label="rounding convention"
              value={inputs.rounding}
              onChange={(e) => setRounding(e.target.value as Rounding)}
            >
              {ROUNDINGS.map((r) => (
                <option key={r} value={r}>
                  {r === 'pycls' ? 'pycls / timm (half-even)' : 'torchvision (make_divisible)'}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ExplorerExports view={view} />
      </div>

      <div className="explorer-output">
        <ComplexityReadout cx={view.complexity} shape={inputs.shape} />
        <WarningList warnings={view.warnings} />
        {gen && view.resolution ? (
          <>
            <ChartBoundary resetKey={inputs}>
              <WidthChart
                blockWidths={gen.blockWidths}
                continuousWidths={gen.continuousWidths}
                stageDepths={gen.stageDepths}
                adjustedStageWidths={view.stages.map((r) => r.width)}
                width={560}
                height={250}
                table="details"
              />
            </ChartBoundary>
            <p className="chart-legend">
              <span className="legend-item">
                <span className="legend-dotted" aria-hidden="true" />
                <span>
                  continuous u<sub>j</sub> = w₀ + wₐ·j
                </span>
              </span>
              <span className="legend-item">
                <span className="legend-solid" aria-hidden="true" /> quantized per-block widths
              </span>
              <span className="legend-item">
                <span className="legend-ring" aria-hidden="true" /> width after group compatibility, where it
                moved
              </span>
            </p>
            <StageTable stages={view.stages} />
            <ChartBoundary resetKey={inputs}>
              <ArchitectureDiagram
                stages={view.resolution.stages}
                stem={view.resolution.config.stem}
                seRatio={params.seRatio}
                classes={view.resolution.config.head.classes}
                resolution={view.resolution.config.input.resolution}
                channels={view.resolution.config.input.channels}
                width={560}
                height={170}
                table="none"
              />
            </ChartBoundary>
          </>
        ) : (
          <p className="empty-state">No network for these parameters: fix the setting named above.</p>
        )}
      </div>
    </div>
  );
}
