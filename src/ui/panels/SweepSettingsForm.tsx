import {
  BAND_PRESETS,
  findBandPreset,
  SHAPE_KEYS,
  SHAPE_LABELS,
  URL_NUMBERS,
  useLab,
  type ShapeKey,
} from '../../store';
import { NumberInput } from '../NumberInput';

const MF = 1e6;

/** Complexity band (with regime presets) and the sweep's n, epochs, warm-up, batch, subset and seed. */
export function SweepSettingsForm() {
  const sweep = useLab((s) => s.sweep);
  const setSweep = useLab((s) => s.setSweep);
  const applyBand = useLab((s) => s.applyBandPreset);
  const newSeed = useLab((s) => s.newSeed);
  const regime = findBandPreset(sweep.flops, sweep.shape);
  const spec = URL_NUMBERS;
  const setLo = (lo: number) => setSweep({ flops: [lo * MF, Math.max(lo * MF, sweep.flops[1])] });
  const setHi = (hi: number) => setSweep({ flops: [Math.min(sweep.flops[0], hi * MF), hi * MF] });

  return (
    <div className="sweep-settings">
      <fieldset className="fieldset">
        <legend>Complexity band</legend>
        <div className="field-grid">
          <label className="field field-wide">
            <span className="field-label">Regime</span>
            <select
              aria-label="complexity regime"
              value={regime?.id ?? ''}
              onChange={(e) => e.target.value && applyBand(e.target.value)}
            >
              <option value="">Custom band</option>
              {BAND_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">flops from (MF)</span>
            <NumberInput
              aria-label="flops min (MF)"
              min={0}
              max={1e6}
              step={0.1}
              value={sweep.flops[0] / MF}
              onValue={setLo}
            />
          </label>
          <label className="field">
            <span className="field-label">to (MF)</span>
            <NumberInput
              aria-label="flops max (MF)"
              min={0}
              max={1e6}
              step={0.1}
              value={sweep.flops[1] / MF}
              onValue={setHi}
            />
          </label>
          <label className="field field-wide">
            <span className="field-label">Counted at</span>
            <select
              aria-label="band counted at"
              value={sweep.shape}
              onChange={(e) => setSweep({ shape: e.target.value as ShapeKey })}
            >
              {SHAPE_KEYS.map((k) => (
                <option key={k} value={k}>
                  {SHAPE_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Sweep</legend>
        <div className="field-grid field-grid-3">
          <label className="field">
            <span className="field-label">models n</span>
            <NumberInput
              aria-label="models"
              integer
              min={spec.n.min}
              max={spec.n.max}
              value={sweep.n}
              onValue={(n) => setSweep({ n })}
            />
          </label>
          <label className="field">
            <span className="field-label">epochs</span>
            <NumberInput
              aria-label="epochs"
              integer
              min={spec.epochs.min}
              max={spec.epochs.max}
              value={sweep.epochs}
              onValue={(epochs) => setSweep({ epochs, warmupEpochs: Math.min(sweep.warmupEpochs, epochs) })}
            />
          </label>
          <label className="field">
            <span className="field-label">warm-up epochs</span>
            <NumberInput
              aria-label="warm-up epochs"
              min={0}
              max={sweep.epochs}
              step={0.5}
              value={sweep.warmupEpochs}
              onValue={(warmupEpochs) => setSweep({ warmupEpochs })}
            />
          </label>
          <label className="field">
            <span className="field-label">batch size</span>
            <NumberInput
              aria-label="batch size"
              integer
              min={spec.batch.min}
              max={spec.batch.max}
              value={sweep.batchSize}
              onValue={(batchSize) => setSweep({ batchSize })}
            />
          </label>
          <label className="field">
            <span className="field-label">training images</span>
            <NumberInput
              aria-label="training images"
              integer
              min={spec.train.min}
              max={spec.train.max}
              step={1000}
              value={sweep.trainSize}
              onValue={(trainSize) => setSweep({ trainSize })}
            />
          </label>
          <label className="field">
            <span className="field-label">seed</span>
            <span className="input-with-button">
              <NumberInput
                aria-label="seed"
                integer
                min={spec.seed.min}
                max={spec.seed.max}
                value={sweep.seed}
                onValue={(seed) => setSweep({ seed })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label="New random seed"
                title="New random seed"
                onClick={() => newSeed()}
              >
                ↻
              </button>
            </span>
          </label>
        </div>
      </fieldset>
    </div>
  );
}
