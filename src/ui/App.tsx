import { useEffect } from 'react';
import { LabProvider, selectExplorerView, selectSpaceView, useLab, type LabStore } from '../store';
import { formatFlops, formatPow10 } from './format';
import { Header } from './Header';
import { MessageArea } from './MessageArea';
import { Panel, Placeholder } from './Panel';
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

function RunPlaceholder() {
  const pending = useLab((s) => s.pendingConfigs.length);
  return (
    <Placeholder>
      Run, Pause, Step and Stop, a queue with one row per model (status, progress, epoch, loss, error,
      images/s, backend) and the study ETA from measured speed.{' '}
      {pending > 0
        ? `${pending} config${pending === 1 ? '' : 's'} from the RegNet explorer ${pending === 1 ? 'is' : 'are'} waiting here.`
        : ''}
    </Placeholder>
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
            <RunPlaceholder />
          </Panel>
          <Panel id="data" title="Data">
            <Placeholder>
              The built-in Fashion-MNIST subset (12,000 training and 2,000 test images, 28 px) is the default.
              Dropping IDX files, CIFAR-10 binaries, a .tar.gz or a folder of class subfolders will replace
              it, with a preview grid per class.
            </Placeholder>
          </Panel>
        </div>
        <main className="col-main">
          <Panel id="edf" title="EDF">
            <Placeholder>
              Live error EDF per design space, updated as each model finishes; legend name n | min | mean,
              complexity-normalized toggle, hover readout, PNG / SVG / CSV export. Appears once models have
              trained.
            </Placeholder>
          </Panel>
          <Panel id="error" title="Error vs parameter">
            <Placeholder>
              Error against every design parameter and flops, params, acts, with the bootstrap good-range band
              and best-value line; drag across a plot to narrow the space into a child space.
            </Placeholder>
          </Panel>
          <Panel id="complexity" title="Complexity vs time">
            <Placeholder>
              Measured inference and training time per model against flops and against activations, each with
              its rank correlation, on this machine&apos;s GPU.
            </Placeholder>
          </Panel>
          <Panel id="explorer" title="RegNet explorer" summary={<ExplorerSummary />}>
            <ExplorerPanel />
          </Panel>
          <Panel id="detail" title="Model detail">
            <Placeholder>
              Click a point or a queue row to open a model: its architecture, complexity, training curve,
              provenance (data set, epochs, seed, backend) and exports.
            </Placeholder>
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
