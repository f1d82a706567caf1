import { useMemo } from 'react';
import { exportModel } from '../../io/export';
import { useLab } from '../../store';
import { findModel, recordCurves, type ModelDetail } from '../analysis/model-detail';
import { ArchitectureDiagram } from '../charts/ArchitectureDiagram';
import { CurveChart } from '../charts/CurveChart';
import { formatError } from '../charts/format';
import { ChartBoundary } from '../ChartBoundary';
import { downloadText } from '../download';
import { formatCount, formatExact, formatFlops } from '../format';
import { downloadTrainedWeights } from '../run/weights';

function Complexity({ detail }: { detail: ModelDetail }) {
  const cx = detail.kind === 'record' ? detail.record.complexity : detail.config.complexity;
  const items = [
    ['flops', formatFlops(cx.flops), cx.flops],
    ['params', formatCount(cx.params), cx.params],
    ['acts', formatCount(cx.acts), cx.acts],
  ] as const;
  return (
    <dl className="metrics" aria-label="model complexity">
      {items.map(([name, short, exact]) => (
        <div key={name} className="metric" data-metric={name}>
          <dt>{name}</dt>
          <dd>
            <span className="metric-value">{short}</span>
            <span className="metric-exact">{formatExact(exact)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Provenance({ detail }: { detail: ModelDetail }) {
  const rows: [string, string][] = [];
  if (detail.kind === 'record') {
    const r = detail.record;
    rows.push(
      ['status', r.status + (r.message ? ` (${r.message})` : '')],
      ['test error', r.error === null ? '–' : formatError(r.error, 'fraction', 2)],
      [
        'data set',
        `${r.data.name} · ${formatExact(r.data.trainSize)} train / ${formatExact(r.data.testSize)} test · ${r.data.resolution} px`,
      ],
      ['epochs', String(r.training.epochs)],
      ['seed', String(r.training.seed)],
      ['backend', r.backend.adapter ? `${r.backend.name} · ${r.backend.adapter}` : r.backend.name],
      ['finished', r.finishedAt],
      ['sweep', r.sweep],
    );
  } else {
    const j = detail.job;
    rows.push(
      ['status', j.status + (j.message ? ` (${j.message})` : '')],
      ['progress', `${Math.round(j.progress * 100)}%${j.epoch !== null ? ` · epoch ${j.epoch}` : ''}`],
      ['backend', j.backend ?? '–'],
      ['sweep', j.sweepId],
    );
  }
  return (
    <dl className="provenance" aria-label="provenance">
      {rows.map(([k, v]) => (
        <div key={k} className="provenance-row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Curves({ detail }: { detail: ModelDetail }) {
  const curves = useMemo(() => (detail.kind === 'record' ? recordCurves(detail.record) : null), [detail]);
  if (!curves) {
    return <p className="analysis-note">The training curve appears when this model finishes.</p>;
  }
  return (
    <div className="detail-curves">
      <ChartBoundary resetKey={detail.id}>
        <CurveChart
          series={curves.loss}
          yLabel="train loss"
          ariaLabel={`Training loss per epoch of ${detail.id}`}
          width={360}
          height={220}
          table="details"
        />
      </ChartBoundary>
      <ChartBoundary resetKey={detail.id}>
        <CurveChart
          series={curves.error}
          errorUnit="fraction"
          ariaLabel={`Error per epoch of ${detail.id}`}
          width={360}
          height={220}
          // Percent ticks with a decimal ("92.5%") are wider than loss ticks: room for the axis label.
          margin={{ left: 62 }}
          table="details"
        />
      </ChartBoundary>
    </div>
  );
}

/** The selected model: architecture, complexity, training curve, provenance and its exports. */
export function DetailPanel() {
  const selectedId = useLab((s) => s.selectedModelId);
  const records = useLab((s) => s.records);
  const jobs = useLab((s) => s.jobs);
  const pushMessage = useLab((s) => s.pushMessage);
  const detail = useMemo(() => findModel(selectedId, records, jobs), [selectedId, records, jobs]);

  if (!detail) {
    return (
      <p className="empty-state">
        {selectedId === null
          ? 'Click a point on a plot or a row of the Run queue to see that model here: its architecture, complexity, training curve, where its number comes from, and its exports.'
          : `The model ${selectedId} is no longer in this study (its sweep was removed). Pick another one.`}
      </p>
    );
  }
  const net = detail.config.network;
  const exportJson = () => {
    try {
      const { text, fileName, mimeType } = exportModel(detail.config, 'json');
      downloadText(fileName, text, mimeType);
    } catch (e) {
      pushMessage('error', `Export config JSON failed: ${(e as Error).message}`);
    }
  };
  const exportWeights = async () => {
    try {
      await downloadTrainedWeights(detail.id);
    } catch (e) {
      pushMessage('error', `Export weights failed: ${(e as Error).message}`);
    }
  };
  const finished = detail.kind === 'record' && detail.record.status === 'done';

  return (
    <div className="analysis-panel detail-panel">
      <div className="detail-head">
        <h3 className="detail-title">{detail.config.name ?? detail.id}</h3>
        <div className="button-row">
          <button type="button" className="button" onClick={exportJson}>
            Export config JSON
          </button>
          <button
            type="button"
            className="button"
            disabled={!finished}
            title={finished ? undefined : 'Only a model that finished training has weights.'}
            onClick={() => void exportWeights()}
          >
            Export weights
          </button>
        </div>
      </div>
      <Complexity detail={detail} />
      <ChartBoundary resetKey={detail.id}>
        <ArchitectureDiagram
          stages={net.stages}
          stem={net.stem}
          seRatio={net.seRatio}
          classes={net.head.classes}
          resolution={net.input.resolution}
          channels={net.input.channels}
          width={560}
          height={170}
          table="details"
        />
      </ChartBoundary>
      <Curves detail={detail} />
      <Provenance detail={detail} />
    </div>
  );
}
