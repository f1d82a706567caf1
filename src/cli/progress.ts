/** Sweep progress on stderr: a bar with ETA, redrawn on a terminal, plain periodic lines otherwise. */

/** 42 -> "42s", 185 -> "3m05s", 3720 -> "1h02m"; unknown (null, NaN, Infinity) -> "--". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '--';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/**
 * Seconds left if the rest goes at the speed measured so far: elapsed * (1 - f) / f for the fraction f done.
 * Null until something has been measured (f = 0) or when f is not a fraction.
 */
export function etaSeconds(elapsedSeconds: number, fractionDone: number): number | null {
  if (!(fractionDone > 0 && fractionDone <= 1) || !(elapsedSeconds >= 0)) return null;
  return (elapsedSeconds * (1 - fractionDone)) / fractionDone;
}

/** "[#####-----]" with `width` cells, the filled share rounded down (a bar is full only when done). */
export function progressBar(fraction: number, width: number): string {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const filled = Math.floor(f * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

export interface ModelProgress {
  /** 1-based position of the model in the sweep. */
  index: number;
  epoch: number;
  epochs: number;
  /** Optimizer steps done in this run of the model, of totalSteps. */
  step: number;
  totalSteps: number;
  /** Set while the model is being evaluated on the test split. */
  evalBatch?: number;
  evalBatches?: number;
}

export interface SweepProgress {
  /** Models finished (trained now or earlier), of total. */
  done: number;
  total: number;
  /** Models that were already finished when this run started (resumed): they took no time now. */
  skipped: number;
  current?: ModelProgress;
  /** Mean training throughput of this run so far; null before the first measurement. */
  imagesPerSec: number | null;
  elapsedSeconds: number;
}

/** Share of the current model done: its steps; evaluation counts as the model's last moment. */
export function modelFraction(m: ModelProgress | undefined): number {
  if (!m || m.totalSteps <= 0) return 0;
  return m.evalBatches !== undefined ? 1 : Math.min(1, m.step / m.totalSteps);
}

/** This run's share done: models trained now plus the current one's share, of the models left at start. */
export function runFraction(p: SweepProgress): number {
  const toTrain = p.total - p.skipped;
  if (toTrain <= 0) return 1;
  return Math.min(1, (p.done - p.skipped + modelFraction(p.current)) / toTrain);
}

function modelText(m: ModelProgress): string {
  if (m.totalSteps <= 0) return `model ${m.index}: starting`;
  if (m.evalBatches !== undefined) return `model ${m.index}: eval ${m.evalBatch ?? 0}/${m.evalBatches}`;
  return `model ${m.index}: epoch ${m.epoch}/${m.epochs} step ${m.step}/${m.totalSteps}`;
}

/** One status line: "[##--] 4/16 models | model 5: epoch 1/1 step 12/39 | 812 img/s | 2m05s, ETA 5m40s". */
export function formatSweepLine(p: SweepProgress, barWidth = 20): string {
  const parts = [`${progressBar(p.done / Math.max(1, p.total), barWidth)} ${p.done}/${p.total} models`];
  if (p.current) parts.push(modelText(p.current));
  parts.push(p.imagesPerSec === null ? '-- img/s' : `${Math.round(p.imagesPerSec)} img/s`);
  parts.push(
    `${formatDuration(p.elapsedSeconds)}, ETA ${formatDuration(etaSeconds(p.elapsedSeconds, runFraction(p)))}`,
  );
  return parts.join(' | ');
}

export interface StatusOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface StatusLine {
  /** Shows `line` as the status (redrawn at most every redrawMs; on a pipe, printed every intervalMs). */
  update(line: string): void;
  /** Prints a permanent line above the status. */
  log(line: string): void;
  /** Leaves the last status on screen and moves to a fresh line. */
  end(): void;
}

export interface StatusLineOptions {
  /** Plain (non-terminal) output: the least time between two status lines. */
  intervalMs?: number;
  /** Terminal: the least time between two redraws. */
  redrawMs?: number;
  now?: () => number;
}

const CLEAR_LINE = '\r\x1b[K';

/** A status line on `out`: `\r`-redrawn on a terminal, plain periodic lines when piped to a file or a log. */
export function createStatusLine(out: StatusOutput, opts: StatusLineOptions = {}): StatusLine {
  const now = opts.now ?? Date.now;
  const tty = Boolean(out.isTTY);
  const gap = tty ? (opts.redrawMs ?? 200) : (opts.intervalMs ?? 10_000);
  let shown = '';
  let lastWrite = -Infinity;
  // A line wider than the terminal wraps, and \r then redraws only its last row.
  const fit = (line: string) =>
    out.columns && line.length >= out.columns ? line.slice(0, out.columns - 1) : line;
  return {
    update(line) {
      if (now() - lastWrite < gap) {
        if (tty) shown = fit(line);
        return;
      }
      lastWrite = now();
      if (tty) {
        shown = fit(line);
        out.write(CLEAR_LINE + shown);
      } else out.write(`${line}\n`);
    },
    log(line) {
      if (tty && shown) out.write(`${CLEAR_LINE}${line}\n${shown}`);
      else out.write(`${line}\n`);
    },
    end() {
      if (tty && shown) out.write(`${CLEAR_LINE}${shown}\n`);
      shown = '';
    },
  };
}
