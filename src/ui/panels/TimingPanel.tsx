import { useMemo } from 'react';
import { useLab } from '../../store';
import { rhoText, TIME_LABELS, timingPlot, type CostMetric, type TimeMetric } from '../analysis/timing-view';
import { useSweepGroups } from '../analysis/use-sweep-groups';
import { ScatterChart } from '../charts/ScatterChart';
import { ChartBoundary } from '../ChartBoundary';

const PLOTS: readonly [TimeMetric, CostMetric][] = [
  ['inference', 'flops'],
  ['inference', 'acts'],
  ['training', 'flops'],
  ['training', 'acts'],
];

/** Measured run time against flops and activations, each with its Spearman rank correlation. */
export function TimingPanel() {
  const groups = useSweepGroups();
  const selectModel = useLab((s) => s.selectModel);
  const selectedId = useLab((s) => s.selectedModelId);
  const plots = useMemo(() => PLOTS.map(([t, c]) => timingPlot(groups, t, c)), [groups]);
  const total = groups.reduce((n, g) => n + g.done.length, 0);

  if (total === 0) {
    return (
      <p className="empty-state">
        Once models finish, their measured inference and training time per image appear here against flops and
        against activations, each with its Spearman rank correlation ρ. The paper finds that activations
        predict run time better than flops.
      </p>
    );
  }
  return (
    <div className="analysis-panel timing-panel">
      <p className="analysis-note">
        Spearman ρ ranks the models by complexity and by measured time: 1.00 means the order is the same.
        Times are measured on this device's backend; training time is 1000 / images per second.
      </p>
      <div className="small-multiples">
        {plots.map((p) => {
          const title = `${TIME_LABELS[p.time]} vs ${p.cost}`;
          return (
            <figure key={title} className="timing-plot">
              <figcaption className="timing-title">
                {title} · Spearman {rhoText(p.rho)}
                {p.missing > 0 && <span className="timing-missing"> · {p.missing} not measured</span>}
              </figcaption>
              <ChartBoundary resetKey={p}>
                <ScatterChart
                  points={p.points}
                  xLabel={p.cost}
                  yLabel={TIME_LABELS[p.time]}
                  logX
                  ariaLabel={`${title}: ${p.points.length} models, Spearman ${rhoText(p.rho)}`}
                  selectedId={selectedId}
                  onSelect={selectModel}
                  width={300}
                  height={220}
                  margin={{ left: 48, bottom: 36 }}
                />
              </ChartBoundary>
            </figure>
          );
        })}
      </div>
    </div>
  );
}
