import { useMemo, useState } from 'react';
import { paramSpecs, resolveSpace, useLab, type ParamSpec } from '../../store';
import type { BootstrapRange } from '../../analysis/bootstrap';
import type { ResultRecord } from '../../io/results';
import { bootstrapRanges, MIN_BOOTSTRAP_MODELS, PANEL_REPS } from '../analysis/bootstrap-ranges';
import { pickGroup } from '../analysis/sweep-picker';
import { SweepPicker } from '../analysis/SweepPicker';
import { useSweepGroups } from '../analysis/use-sweep-groups';
import { paramTicks } from '../analysis/param-ticks';
import { ScatterChart, type ScatterPoint } from '../charts/ScatterChart';
import { ChartBoundary } from '../ChartBoundary';

function pointsOf(done: readonly ResultRecord[], spec: ParamSpec, colorIndex: number): ScatterPoint[] {
  return done.flatMap((r) => {
    const x = spec.value(r);
    if (x === undefined || !Number.isFinite(x) || (spec.logX && x <= 0)) return [];
    return [{ id: r.id, x, y: r.error as number, colorIndex }];
  });
}

/** Error against every design parameter of a sweep's space, with pycls's bootstrap band; drag to narrow. */
export function ErrorPanel() {
  const groups = useSweepGroups();
  const [pickedId, setPickedId] = useState<string | null>(null);
  const group = pickGroup(groups, pickedId);
  const brushes = useLab((s) => s.brushes);
  const setBrush = useLab((s) => s.setBrush);
  const clearBrushes = useLab((s) => s.clearBrushes);
  const applyBrushes = useLab((s) => s.applyBrushes);
  const selectModel = useLab((s) => s.selectModel);
  const selectedId = useLab((s) => s.selectedModelId);

  const spaceChoice = group?.sweep.space;
  const specs = useMemo(() => {
    if (!spaceChoice) return { list: [] as ParamSpec[], problem: null as string | null };
    try {
      return { list: paramSpecs(resolveSpace(spaceChoice).space), problem: null };
    } catch (e) {
      return { list: [], problem: (e as Error).message };
    }
  }, [spaceChoice]);
  const done = group?.done;
  const bands = useMemo(
    () => (done ? bootstrapRanges(done, specs.list) : new Map<string, BootstrapRange | null>()),
    [done, specs.list],
  );

  if (!group || !done) {
    return (
      <p className="empty-state">
        Once models finish, one scatter per design parameter (and flops, params, acts) shows error against the
        parameter, with the bootstrap good range and best value. Drag across a plot to narrow the space.
      </p>
    );
  }
  const brushCount = Object.keys(brushes).length;
  const pick = (id: string) => {
    setPickedId(id);
    clearBrushes();
  };

  return (
    <div className="analysis-panel error-panel">
      <div className="analysis-toolbar">
        <SweepPicker groups={groups} value={group.sweep.id} onChange={pick} />
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            disabled={brushCount === 0}
            onClick={() => applyBrushes(group.sweep.space)}
          >
            Apply brushes
          </button>
          <button type="button" className="button" disabled={brushCount === 0} onClick={clearBrushes}>
            Clear brushes
          </button>
        </div>
      </div>
      <p className="analysis-note">
        {group.sweep.name}: {done.length} finished model{done.length === 1 ? '' : 's'}.{' '}
        {done.length >= MIN_BOOTSTRAP_MODELS
          ? `Band: 95% range of the best value over ${PANEL_REPS} bootstrap resamples of 25% of the models (pycls); line: its median.`
          : `The bootstrap band appears from ${MIN_BOOTSTRAP_MODELS} finished models.`}{' '}
        Drag across a plot to select a range, then Apply brushes to add it to the design space.
      </p>
      {specs.problem && <p className="chart-error">{specs.problem}</p>}
      <div className="small-multiples">
        {specs.list.map((spec) => (
          <ChartBoundary key={spec.key} resetKey={done}>
            <ScatterChart
              points={pointsOf(done, spec, group.order)}
              xLabel={spec.key}
              yLabel="error"
              errorUnit="fraction"
              logX={spec.logX}
              xTicks={(domain, defaults) => paramTicks(spec.grid, spec.logX, domain, defaults)}
              bootstrap={bands.get(spec.key) ?? null}
              ariaLabel={`Error vs ${spec.key}`}
              selectedId={selectedId}
              onSelect={selectModel}
              brush={brushes[spec.key] ?? null}
              onBrush={(range) => setBrush(spec.key, range)}
              width={300}
              height={220}
              margin={{ left: 44, bottom: 36 }}
            />
          </ChartBoundary>
        ))}
      </div>
    </div>
  );
}
