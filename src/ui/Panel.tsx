import { useId, type ReactNode } from 'react';
import { useLab } from '../store';
import type { PanelId } from '../store';

interface PanelProps {
  id: PanelId;
  title: string;
  /** A short summary shown in the header (stays visible when the panel is folded). */
  summary?: ReactNode;
  children: ReactNode;
}

/** A collapsible section of the page; its folded state is remembered per browser. */
export function Panel({ id, title, summary, children }: PanelProps) {
  const collapsed = useLab((s) => s.collapsed[id] === true);
  const toggle = useLab((s) => s.togglePanel);
  const bodyId = useId();
  return (
    <section className={`panel${collapsed ? ' is-collapsed' : ''}`} data-panel={id} aria-label={title}>
      <header className="panel-header">
        <h2 className="panel-title">
          <button
            type="button"
            className="panel-toggle"
            aria-expanded={!collapsed}
            aria-controls={bodyId}
            onClick={() => toggle(id)}
          >
            <span className="chevron" aria-hidden="true" />
            {title}
          </button>
        </h2>
        {summary !== undefined && <div className="panel-summary">{summary}</div>}
      </header>
      <div className="panel-body" id={bodyId} hidden={collapsed}>
        {children}
      </div>
    </section>
  );
}
