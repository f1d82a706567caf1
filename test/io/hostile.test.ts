import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FormatError } from '../../src/io/format-error';
import { parseModelConfig, readModelConfig, serializeModelConfig } from '../../src/io/parse';
import {
  makeResults,
  parseResults,
  readResults,
  serializeResults,
  type ResultsDoc,
} from '../../src/io/results';
import { modelDocArb } from './arbitraries';
import { presetDoc, sampleRecord } from './fixtures';

const SOURCE = 'input.json';
const RUNS = { numRuns: 250 };

const readers: [string, (text: string) => unknown][] = [
  ['model config', (t) => readModelConfig(t, SOURCE)],
  ['results', (t) => readResults(t, SOURCE)],
];

/** Reading may succeed or fail, but a failure is always a FormatError that names the source and says something. */
function expectCleanOutcome(read: () => unknown): void {
  try {
    read();
  } catch (e) {
    if (!(e instanceof FormatError)) throw new Error(`not a FormatError: ${String(e)}`, { cause: e });
    expect(e.message.startsWith(`${SOURCE}: `)).toBe(true);
    expect(e.message.length).toBeGreaterThan(SOURCE.length + 10);
  }
}

const pollutedKeys = () =>
  Object.getOwnPropertyNames(Object.prototype).filter((k) => k.startsWith('polluted'));

afterEach(() => {
  expect(pollutedKeys()).toEqual([]);
});

type Path = (string | number)[];
type Container = Record<string | number, unknown>;

function allPaths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [[...prefix, k], ...allPaths((value as Container)[k], [...prefix, k])]);
}

const ODD_VALUES = [0, -1, 0.5, 1e308, -1e308, 2 ** 53, '', '1', 'NaN', null, true, [], {}, [1, 2], { a: 1 }];

type Mutation = { at: number; kind: 'replace' | 'delete' | 'wrap' | 'add'; value: unknown; key: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace' as const, 'delete' as const, 'wrap' as const, 'add' as const),
  value: fc.oneof(fc.constantFrom(...ODD_VALUES), fc.jsonValue({ maxDepth: 2 })),
  key: fc.oneof(
    fc.constantFrom('extra', 'schema', 'stages', '__proto__', 'constructor'),
    fc.string({ maxLength: 8 }),
  ),
});

function applyMutations(value: unknown, mutations: readonly Mutation[]): unknown {
  const root = { root: structuredClone(value) } as Container;
  for (const m of mutations) {
    const paths = allPaths(root);
    const path = paths[m.at % paths.length];
    const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Container)[k], root) as Container;
    const key = path[path.length - 1];
    if (m.kind === 'replace') parent[key] = structuredClone(m.value);
    else if (m.kind === 'wrap') parent[key] = [parent[key]];
    else if (m.kind === 'delete' && key !== 'root') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (
      m.kind === 'add' &&
      parent[key] !== null &&
      typeof parent[key] === 'object' &&
      !Array.isArray(parent[key])
    ) {
      // defineProperty: a plain assignment of "__proto__" would change the prototype instead of adding a key.
      Object.defineProperty(parent[key], m.key, {
        value: structuredClone(m.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return root.root;
}

const CREATED = '2025-02-01T08:00:00.000Z';
const fraction = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));

const resultsArb: fc.Arbitrary<ResultsDoc> = fc
  .array(
    fc.tuple(modelDocArb, fc.constantFrom('done' as const, 'diverged' as const, 'failed' as const), fraction),
    {
      maxLength: 3,
    },
  )
  .map((runs) =>
    makeResults(
      runs.map(([config, status, error], i) =>
        sampleRecord(`run-${i}`, {
          config,
          complexity: config.complexity,
          status,
          error: status === 'done' ? error : null,
        }),
      ),
      { createdAt: CREATED },
    ),
  );

describe('hostile input never crashes the readers', () => {
  for (const [what, read] of readers) {
    it(`${what}: arbitrary strings`, () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) =>
          expectCleanOutcome(() => read(text)),
        ),
        RUNS,
      );
    });

    it(`${what}: arbitrary JSON`, () => {
      fc.assert(
        fc.property(fc.json({ maxDepth: 4 }), (text) => expectCleanOutcome(() => read(text))),
        RUNS,
      );
    });

    it(`${what}: values that are not text at all`, () => {
      fc.assert(
        fc.property(fc.anything(), (value) => expectCleanOutcome(() => read(value as string))),
        { numRuns: 100 },
      );
    });
  }

  it('model config: mutated valid documents', () => {
    fc.assert(
      fc.property(modelDocArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (doc, mutations) => {
        expectCleanOutcome(() => readModelConfig(JSON.stringify(applyMutations(doc, mutations)), SOURCE));
      }),
      RUNS,
    );
  });

  it('results: mutated valid documents', () => {
    fc.assert(
      fc.property(resultsArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (doc, mutations) => {
        expectCleanOutcome(() => readResults(JSON.stringify(applyMutations(doc, mutations)), SOURCE));
      }),
      { numRuns: 150 },
    );
  });

  it('model config: text edits of a valid document', () => {
    const text = serializeModelConfig(presetDoc('RegNetY-800MF'));
    fc.assert(
      fc.property(
        fc.nat({ max: text.length }),
        fc.nat({ max: 20 }),
        fc.string({ maxLength: 5 }),
        (at, cut, insert) => {
          expectCleanOutcome(() =>
            readModelConfig(text.slice(0, at) + insert + text.slice(at + cut), SOURCE),
          );
        },
      ),
      RUNS,
    );
  });
});

describe('valid documents round-trip', () => {
  it('model config: serialize -> parse gives the same document', () => {
    fc.assert(
      fc.property(modelDocArb, (doc) => {
        expect(parseModelConfig(serializeModelConfig(doc))).toEqual(doc);
      }),
      RUNS,
    );
  });

  it('results: serialize -> parse gives the same document', () => {
    fc.assert(
      fc.property(resultsArb, (doc) => {
        expect(parseResults(serializeResults(doc))).toEqual(doc);
      }),
      { numRuns: 100 },
    );
  });
});

describe('prototype pollution', () => {
  const payloads = [
    '{"__proto__": {"polluted": "yes"}, "depth": 13, "w0": 24, "wa": 36.44, "wm": 2.49, "groupWidth": 8}',
    '{"constructor": {"prototype": {"polluted": "yes"}}}',
    JSON.stringify(presetDoc('RegNetX-200MF')).replace('"regnet":{', '"regnet":{"__proto__":{"polluted":1},'),
    `{"schema":"dslab.results","version":1,"createdAt":"${CREATED}","records":[],"sweeps":[{"id":"s","space":"x","settings":{"__proto__":{"polluted":1}}}]}`,
  ];

  for (const payload of payloads) {
    it(`refuses ${payload.slice(0, 60)}…`, () => {
      for (const [, read] of readers) {
        expect(() => read(payload)).toThrow(/prototype pollution/);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('refuses a __proto__ key injected anywhere in a valid document', () => {
    fc.assert(
      fc.property(modelDocArb, fc.nat(), (doc, at) => {
        const objects = allPaths({ root: doc }).length;
        const text = applyMutationsText(doc, at % objects);
        if (text === null) return;
        expect(() => readModelConfig(text, SOURCE)).toThrow(FormatError);
      }),
      { numRuns: 150 },
    );
  });
});

/** The doc's JSON with a {"__proto__": {"polluted": true}} entry added to the n-th object, or null if n is no object. */
function applyMutationsText(doc: unknown, n: number): string | null {
  const root = { root: structuredClone(doc) } as Container;
  const path = allPaths(root)[n];
  const target = path.reduce<unknown>((v, k) => (v as Container)[k], root);
  if (target === null || typeof target !== 'object' || Array.isArray(target)) return null;
  Object.defineProperty(target, '__proto__', {
    value: { polluted: true },
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return JSON.stringify(root.root);
}
