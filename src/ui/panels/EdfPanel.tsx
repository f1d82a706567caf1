import { useMemo, useRef } from 'react';
import { useLab } from '../../store';
import { edfCsvSeries, edfView } from '../analysis/edf-view';
import { useSweepGroups } from '../analysis/use-sweep-groups';
import { EdfChart } from '../charts/EdfChart';
import { edfSummary } from '../charts/edf-legend';
import { downloadCsv, downloadPng, downloadSvg } from '../charts/export';
import { ChartBoundary } from '../ChartBoundary';

type ExportKind = 'PNG' | 'SVG' | 'CSV';

/** Live error EDF of every sweep (finished models only), children next to their parents. */
export function EdfPanel() {
  const groups = useSweepGroups();
  const normalized = useLab((s) => s.edfNormalized);
  const setNormalized = useLab((s) => s.setEdfNormalized);
  const pushMessage = useLab((s) => s.pushMessage);
  const svgRef = useRef<SVGSVGElement>(null);
  const view = useMemo(() => edfView(groups, normalized), [groups, normalized]);
  const empty = view.series.length === 0;
  // Starts with "Error EDF" either way (the browser suite finds the chart by that prefix).
  const summary = edfSummary(view.series, 'fraction');
  const label = normalized ? summary.replace(/^Error EDF/, 'Error EDF (complexity-normalized)') : summary;

  const exportAs = async (kind: ExportKind) => {
    const base = normalized ? 'edf-normalized' : 'edf';
    try {
      if (kind === 'CSV') {
        downloadCsv(edfCsvSeries(view.series), `${base}.csv`, { x: 'error', y: 'cumulative' });
        return;
      }
      const svg = svgRef.current;
      if (!svg) throw new Error('the chart is not drawn yet.');
      if (kind === 'SVG') downloadSvg(svg, `${base}.svg`);
      else await downloadPng(svg, `${base}.png`);
    } catch (e) {
      pushMessage('error', `Export EDF ${kind} failed: ${(e as Error).message}`);
    }
  };

  return (
    <div className="analysis-panel edf-panel">
      <div className="analysis-toolbar">
        <label className="switch">
          <input type="checkbox" checked={normalized} onChange={(e) => setNormalized(e.target.checked)} />
          <span>Normalized EDF</span>
        </label>
        <div className="button-row" role="group" aria-label="export EDF">
          {(['PNG', 'SVG', 'CSV'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className="button button-small"
              disabled={empty}
              onClick={() => void exportAs(kind)}
            >
              Export EDF {kind}
            </button>
          ))}
        </div>
      </div>
      {empty ? (
        <p className="empty-state">
          The error EDF of each sweep appears here as its models finish: the fraction of models with error
          below e, with the pycls legend n | min | mean. Start a sweep in the Run panel.
        </p>
      ) : (
        <>
          <ChartBoundary resetKey={view}>
            <EdfChart
              series={view.series}
              ariaLabel={label}
              svgRef={svgRef}
              width={640}
              height={340}
              table="details"
            />
          </ChartBoundary>
          {view.note && <p className="analysis-note">{view.note}</p>}
        </>
      )}
    </div>
  );
}
