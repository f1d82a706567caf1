import { describe, expect, it } from 'vitest';
import {
  createStatusLine,
  etaSeconds,
  formatDuration,
  formatSweepLine,
  progressBar,
  runFraction,
  type StatusOutput,
  type SweepProgress,
} from '../../src/cli/progress';

describe('formatDuration', () => {
  it('writes seconds, minutes with seconds, hours with minutes', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(59.4)).toBe('59s');
    expect(formatDuration(59.6)).toBe('1m00s');
    expect(formatDuration(185)).toBe('3m05s');
    expect(formatDuration(3599)).toBe('59m59s');
    expect(formatDuration(3600)).toBe('1h00m');
    expect(formatDuration(3720)).toBe('1h02m');
    // 7199 s = 119.98 min, rounded to 120 min.
    expect(formatDuration(7199)).toBe('2h00m');
  });

  it('writes -- for unknown durations', () => {
    expect(formatDuration(null)).toBe('--');
    expect(formatDuration(NaN)).toBe('--');
    expect(formatDuration(Infinity)).toBe('--');
    expect(formatDuration(-1)).toBe('--');
  });
});

describe('etaSeconds', () => {
  it('extrapolates the measured speed to the work left', () => {
    expect(etaSeconds(60, 0.25)).toBe(180);
    expect(etaSeconds(30, 0.5)).toBe(30);
    expect(etaSeconds(10, 1)).toBe(0);
  });

  it('is unknown before anything is done or for a fraction outside (0, 1]', () => {
    expect(etaSeconds(10, 0)).toBeNull();
    expect(etaSeconds(10, 1.5)).toBeNull();
    expect(etaSeconds(10, NaN)).toBeNull();
  });
});

describe('progressBar', () => {
  it('fills floor(fraction * width) cells and clamps', () => {
    expect(progressBar(0.5, 10)).toBe('[#####-----]');
    expect(progressBar(0.99, 10)).toBe('[#########-]');
    expect(progressBar(1, 4)).toBe('[####]');
    expect(progressBar(-1, 3)).toBe('[---]');
    expect(progressBar(2, 3)).toBe('[###]');
  });
});

describe('runFraction', () => {
  it('counts only the models this run trains, plus the current one by steps', () => {
    const p: SweepProgress = {
      done: 5,
      total: 16,
      skipped: 3,
      current: { index: 6, epoch: 1, epochs: 1, step: 10, totalSteps: 40 },
      imagesPerSec: null,
      elapsedSeconds: 0,
    };
    // (5 - 3 + 10/40) / (16 - 3)
    expect(runFraction(p)).toBeCloseTo(2.25 / 13, 12);
  });

  it('counts a model under evaluation as finished training', () => {
    const p: SweepProgress = {
      done: 1,
      total: 4,
      skipped: 0,
      current: { index: 2, epoch: 2, epochs: 2, step: 20, totalSteps: 20, evalBatch: 1, evalBatches: 5 },
      imagesPerSec: null,
      elapsedSeconds: 0,
    };
    expect(runFraction(p)).toBe(0.5);
  });
});

describe('formatSweepLine', () => {
  it('shows models done, the current step, mean speed, elapsed time and ETA', () => {
    const line = formatSweepLine({
      done: 4,
      total: 16,
      skipped: 0,
      current: { index: 5, epoch: 1, epochs: 1, step: 12, totalSteps: 39 },
      imagesPerSec: 812.4,
      elapsedSeconds: 125,
    });
    // f = (4 + 12/39) / 16 = 7/26; ETA = 125 * (19/26) / (7/26) = 339.29 s.
    expect(line).toBe(
      '[#####---------------] 4/16 models | model 5: epoch 1/1 step 12/39 | 812 img/s | 2m05s, ETA 5m39s',
    );
  });

  it('shows evaluation, and unknown speed and ETA before any measurement', () => {
    const evalLine = formatSweepLine(
      {
        done: 0,
        total: 2,
        skipped: 0,
        current: { index: 1, epoch: 1, epochs: 1, step: 8, totalSteps: 8, evalBatch: 2, evalBatches: 8 },
        imagesPerSec: 100,
        elapsedSeconds: 30,
      },
      4,
    );
    // The first model done with training: f = 1/2, ETA = 30 s.
    expect(evalLine).toBe('[----] 0/2 models | model 1: eval 2/8 | 100 img/s | 30s, ETA 30s');
    const start = formatSweepLine(
      {
        done: 0,
        total: 2,
        skipped: 0,
        current: { index: 1, epoch: 1, epochs: 1, step: 0, totalSteps: 0 },
        imagesPerSec: null,
        elapsedSeconds: 0,
      },
      4,
    );
    expect(start).toBe('[----] 0/2 models | model 1: starting | -- img/s | 0s, ETA --');
  });
});

function fakeOutput(tty: boolean, columns?: number) {
  const writes: string[] = [];
  const out: StatusOutput = { write: (s: string) => writes.push(s), isTTY: tty, columns };
  return { out, writes };
}

describe('createStatusLine', () => {
  it('prints plain lines at most every intervalMs when not on a terminal', () => {
    let t = 0;
    const { out, writes } = fakeOutput(false);
    const status = createStatusLine(out, { intervalMs: 10_000, now: () => t });
    status.update('a');
    t = 5_000;
    status.update('b');
    t = 10_000;
    status.update('c');
    status.log('model done');
    status.end();
    expect(writes).toEqual(['a\n', 'c\n', 'model done\n']);
  });

  it('redraws in place with \\r on a terminal and keeps logged lines above the status', () => {
    let t = 0;
    const { out, writes } = fakeOutput(true);
    const status = createStatusLine(out, { redrawMs: 100, now: () => t });
    status.update('one');
    t = 50;
    status.update('two'); // too soon: remembered, not drawn
    status.log('logged');
    t = 200;
    status.update('three');
    status.end();
    expect(writes).toEqual(['\r\x1b[Kone', '\r\x1b[Klogged\ntwo', '\r\x1b[Kthree', '\r\x1b[Kthree\n']);
  });

  it('cuts a status line to the terminal width so that \\r redraws all of it', () => {
    const { out, writes } = fakeOutput(true, 10);
    createStatusLine(out, { now: () => 0 }).update('0123456789abcdef');
    expect(writes).toEqual(['\r\x1b[K012345678']);
  });
});
