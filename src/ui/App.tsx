import { useEffect } from 'react';
import { LabProvider, selectExplorerView, selectSpaceView, useLab, type LabStore } from '../store';
import { formatFlops, formatPow10 } from './format';
import { Header } from './Header';
import { MessageArea } from './MessageArea';
import { Panel } from './Panel';
import { DataPanel } from './panels/DataPanel';
import { DetailPanel } from './panels/DetailPanel';
import { EdfPanel } from './panels/EdfPanel';
import { ErrorPanel } from './panels/ErrorPanel';
import { RunPanel } from './panels/RunPanel';
import { TimingPanel } from './panels/TimingPanel';
import { ExplorerPanel } from './panels/ExplorerPanel';
import { SpacePanel } from './panels/SpacePanel';

/** Puts the theme class on <html>, where the chart palette (charts/theme.ts) and the app colours look for it. */
function useThemeClass() {
  const theme = useLab((s) => s.theme);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('theme-dark', theme === 'dark');
    root.classList.toggle('theme-light', theme === 'light');
  }, [theme]);
}

function SpaceSummary() {
  const { space, exactSize } = useLab(selectSpaceView);
  return (
    <>
      {space.label} · {exactSize ? formatPow10(exactSize.log10) : '–'}
    </>
  );
}

function ExplorerSummary() {
  const view = useLab(selectExplorerView);
  return (
    <>
      {view.preset?.name ?? 'custom'} · {view.complexity ? formatFlops(view.complexity.flops) : 'invalid'}
    </>
  );
}

function Shell() {
  useThemeClass();
  return (
    <div className="app">
      <Header />
      <MessageArea />
      <div className="app-grid">
        <div className="col-side">
          <Panel id="space" title="Design space" summary={<SpaceSummary />}>
            <SpacePanel />
          </Panel>
          <Panel id="run" title="Run">
            <RunPanel />
          </Panel>
          <Panel id="data" title="Data">
            <DataPanel />
          </Panel>
        </div>
        <main className="col-main">
          <Panel id="edf" title="EDF">
            <EdfPanel />
          </Panel>
          <Panel id="error" title="Error vs parameter">
            <ErrorPanel />
          </Panel>
          <Panel id="complexity" title="Complexity vs time">
            <TimingPanel />
          </Panel>
          <Panel id="explorer" title="RegNet explorer" summary={<ExplorerSummary />}>
            <ExplorerPanel />
          </Panel>
          <Panel id="detail" title="Model detail">
            <DetailPanel />
          </Panel>
        </main>
      </div>
    </div>
  );
}

export function App({ store }: { store: LabStore }) {
  return (
    <LabProvider store={store}>
      <Shell />
    </LabProvider>
  );
}
