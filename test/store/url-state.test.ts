import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPLORER,
  DEFAULT_SWEEP,
  baseChoice,
  parseUrlState,
  serializeUrlState,
  type UrlState,
} from '../../src/store';

const DEFAULTS: UrlState = {
  space: baseChoice('anynetx_a'),
  sweep: DEFAULT_SWEEP,
  explorer: DEFAULT_EXPLORER,
};

describe('URL state round trip', () => {
  it('reads back the default set-up without messages', () => {
    const { state, messages } = parseUrlState(`#${serializeUrlState(DEFAULTS)}`, DEFAULTS);
    expect(messages).toEqual([]);
    expect(state).toEqual(DEFAULTS);
  });

  it('keeps the example link readable', () => {
    const text = serializeUrlState({
      ...DEFAULTS,
      space: { baseId: 'anynetx_a', constraints: ['shared-b', 'w1=64..256'] },
    });
    expect(text).toContain('space=anynetx_a');
    expect(text).toContain('c=shared-b,w1=64..256');
    expect(text).toContain('flops=2e6..6e6');
    expect(text).toContain('w0=24&wa=36.44&wm=2.49');
  });

  it('round-trips any in-range set-up exactly (property)', () => {
    const anyState = fc.record({
      baseId: fc.constantFrom('anynetx_a', 'anynetx_c', 'anynetx_e'),
      chips: fc.subarray([
        'shared-b',
        'shared-g',
        'increasing-w',
        'increasing-d',
        'w2=16..512',
        'flops=1000000..3500000',
      ]),
      lo: fc.integer({ min: 0, max: 5000 }).map((x) => x * 1000),
      span: fc.integer({ min: 0, max: 5000 }).map((x) => x * 1000),
      shape: fc.constantFrom('imagenet', 'cifar', 'fashion' as const),
      n: fc.integer({ min: 1, max: 1000 }),
      epochs: fc.integer({ min: 1, max: 100 }),
      warmupHalves: fc.integer({ min: 0, max: 200 }),
      batchSize: fc.integer({ min: 1, max: 4096 }),
      trainSize: fc.integer({ min: 1, max: 1_000_000 }),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      depth: fc.integer({ min: 1, max: 64 }),
      w0: fc.integer({ min: 1, max: 1024 }),
      wa: fc.integer({ min: 0, max: 51200 }).map((x) => x / 100),
      wm: fc.integer({ min: 100, max: 400 }).map((x) => x / 100),
      groupWidth: fc.integer({ min: 1, max: 1024 }),
      bottleneckRatio: fc.constantFrom(1, 2, 3, 4),
      seRatio: fc.constantFrom(0, 0.25, 0.5),
      res: fc.constantFrom('imagenet', 'cifar', 'fashion' as const),
      rounding: fc.constantFrom('pycls', 'torchvision' as const),
    });
    fc.assert(
      fc.property(anyState, (a) => {
        const epochs = a.epochs;
        const s: UrlState = {
          space: { baseId: a.baseId, constraints: a.chips },
          sweep: {
            n: a.n,
            epochs,
            warmupEpochs: Math.min(epochs, a.warmupHalves / 2),
            batchSize: a.batchSize,
            trainSize: a.trainSize,
            seed: a.seed,
            flops: [a.lo, a.lo + a.span],
            shape: a.shape,
          },
          explorer: {
            params: {
              depth: a.depth,
              w0: a.w0,
              wa: a.wa,
              wm: a.wm,
              groupWidth: a.groupWidth,
              bottleneckRatio: a.bottleneckRatio,
              seRatio: a.seRatio,
            },
            rounding: a.rounding,
            shape: a.res,
          },
        };
        const { state, messages } = parseUrlState(serializeUrlState(s), DEFAULTS);
        expect(messages).toEqual([]);
        expect(state).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves parameters the URL does not name at their defaults', () => {
    const { state, messages } = parseUrlState('#w0=32&n=8', DEFAULTS);
    expect(messages).toEqual([]);
    expect(state.explorer.params).toEqual({ ...DEFAULT_EXPLORER.params, w0: 32 });
    expect(state.sweep).toEqual({ ...DEFAULT_SWEEP, n: 8 });
    expect(state.space).toEqual(DEFAULTS.space);
  });

  it('turns on the base space constraints when only the space is named', () => {
    const { state } = parseUrlState('#space=anynetx_c', DEFAULTS);
    expect(state.space).toEqual({ baseId: 'anynetx_c', constraints: ['shared-b', 'shared-g'] });
    const regnet = parseUrlState('#space=RegNetY', DEFAULTS).state.space;
    expect(regnet).toEqual({ baseId: 'regnety', constraints: ['quantized-linear-4'] });
  });

  it('an empty c= means no constraints', () => {
    expect(parseUrlState('#space=anynetx_e&c=', DEFAULTS).state.space).toEqual({
      baseId: 'anynetx_e',
      constraints: [],
    });
  });
});

describe('URL state clamping and rejection', () => {
  const parse = (hash: string) => parseUrlState(hash, DEFAULTS);

  it('clamps an out-of-range value and names the parameter and its range', () => {
    const { state, messages } = parse('#w0=5000');
    expect(state.explorer.params.w0).toBe(1024);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/w0/);
    expect(messages[0]).toMatch(/1–1024/);
    expect(messages[0]).toMatch(/using 1024/);
  });

  it('clamps below the range too', () => {
    const { state, messages } = parse('#wm=0.5&epochs=0');
    expect(state.explorer.params.wm).toBe(1);
    expect(state.sweep.epochs).toBe(1);
    expect(messages.join('\n')).toMatch(/wm .*1–4/);
    expect(messages.join('\n')).toMatch(/epochs .*1–100/);
  });

  it('rejects a malformed number, keeps the previous value and says what is allowed', () => {
    const { state, messages } = parse('#wa=abc&seed=12x');
    expect(state.explorer.params.wa).toBe(DEFAULT_EXPLORER.params.wa);
    expect(state.sweep.seed).toBe(DEFAULT_SWEEP.seed);
    expect(messages).toHaveLength(2);
    expect(messages.join('\n')).toMatch(/wa .*'abc' is not a number in 0–512/);
    expect(messages.join('\n')).toMatch(/seed .*'12x' is not a whole number in 0–4294967295/);
  });

  it('rounds a fractional value where a whole number is needed', () => {
    const { state, messages } = parse('#d=12.6');
    expect(state.explorer.params.depth).toBe(13);
    expect(messages[0]).toMatch(/d \(depth\) = 12.6 must be a whole number; using 13/);
  });

  it('rejects an unknown space and lists the known ones', () => {
    const { state, messages } = parse('#space=anynetx_z');
    expect(state.space).toEqual(DEFAULTS.space);
    expect(messages[0]).toMatch(/space = 'anynetx_z' is not one of anynetx_a, .*regnety/);
  });

  it('drops constraints that are unreadable or do not fit the space', () => {
    const { state, messages } = parse('#space=anynetx_a&c=shared-b,bogus,quantized-linear-4,shared-b');
    expect(state.space.constraints).toEqual(['shared-b']);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/'bogus' was dropped/);
    expect(messages[1]).toMatch(/'quantized-linear-4' was dropped: .*RegNet spaces only/);
  });

  it('swaps a reversed flops band and rejects a malformed one', () => {
    expect(parse('#flops=6e6..2e6').state.sweep.flops).toEqual([2e6, 6e6]);
    expect(parse('#flops=6e6..2e6').messages[0]).toMatch(/lo > hi/);
    const bad = parse('#flops=lots');
    expect(bad.state.sweep.flops).toEqual(DEFAULT_SWEEP.flops);
    expect(bad.messages[0]).toMatch(/flops = 'lots' is not a band like 2e6..6e6/);
  });

  it('clamps warm-up to the number of epochs', () => {
    const { state, messages } = parse('#epochs=2&warmup=5');
    expect(state.sweep.warmupEpochs).toBe(2);
    expect(messages[0]).toMatch(/warmup = 5 is longer than the 2 epochs/);
  });

  it('reports unknown parameters and bad enum values', () => {
    const { state, messages } = parse('#zzz=1&round=numpy&res=mnist');
    expect(state.explorer.rounding).toBe('pycls');
    expect(state.explorer.shape).toBe('imagenet');
    expect(messages).toEqual([
      "Ignored the unknown URL parameter 'zzz'.",
      "URL parameter res = 'mnist' is not one of imagenet, cifar, fashion; keeping imagenet.",
      "URL parameter round = 'numpy' is not one of pycls, torchvision; keeping pycls.",
    ]);
  });

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const { state } = parseUrlState(text, DEFAULTS);
        expect(state.explorer.params.w0).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
