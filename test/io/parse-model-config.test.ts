import { describe, expect, it } from 'vitest';
import { FormatError } from '../../src/io/format-error';
import {
  MODEL_CONFIG_MAX_CHARS,
  parseModelConfig,
  readModelConfig,
  serializeModelConfig,
} from '../../src/io/parse';
import { anynetDoc, CIFAR_ANYNET, presetDoc } from './fixtures';

const X200 = { depth: 13, w0: 24, wa: 36.44, wm: 2.49, groupWidth: 8 };

/** The FormatError message of a failing read (fails the test when the read succeeds or throws something else). */
function readError(text: string, source = 'model.json'): string {
  try {
    readModelConfig(text, source);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return (e as Error).message;
  }
  throw new Error('expected the read to fail');
}

describe('parseModelConfig: accepted forms', () => {
  it('reads a dslab.model-config v1 document back unchanged', () => {
    const doc = presetDoc('RegNetX-200MF');
    const read = readModelConfig(serializeModelConfig(doc));
    expect(read.warnings).toEqual([]);
    expect(read.doc).toEqual(doc);
  });

  it('derives network and complexity from bare RegNet parameters (ImageNet shape by default)', () => {
    const doc = parseModelConfig(JSON.stringify({ name: 'x200', ...X200 }));
    expect(doc.schema).toBe('dslab.model-config');
    expect(doc.rounding).toBe('pycls');
    expect(doc.regnet).toEqual({ ...X200, bottleneckRatio: 1, seRatio: 0 });
    // REGNET.md §4.2 golden values for RegNetX-200MF at 224px, 1000 classes.
    expect(doc.network.stages.map((s) => s.width)).toEqual([24, 56, 152, 368]);
    expect(doc.network.stages.map((s) => s.depth)).toEqual([1, 1, 4, 7]);
    expect(doc.complexity).toEqual({ flops: 199040872, params: 2684792, acts: 2164056 });
  });

  it('takes the shape and rounding of bare RegNet parameters when given', () => {
    const doc = parseModelConfig(
      JSON.stringify({
        ...X200,
        wa: 24.48,
        wm: 2.54,
        depth: 22,
        groupWidth: 16,
        resolution: 32,
        classes: 10,
        rounding: 'torchvision',
      }),
    );
    expect(doc.network.stem.type).toBe('cifar');
    expect(doc.network.input.resolution).toBe(32);
    expect(doc.network.head.classes).toBe(10);
    // REGNET.md §8: torchvision gives RegNetX-400MF's last stage 400 (pycls: 384).
    expect(doc.network.stages.map((s) => s.width)).toEqual([32, 64, 160, 400]);
  });

  it('reads a bare AnyNet config', () => {
    const doc = parseModelConfig(JSON.stringify(CIFAR_ANYNET));
    expect(doc.network).toEqual(CIFAR_ANYNET);
    expect(doc.regnet).toBeUndefined();
  });

  it('accepts a byte-order mark', () => {
    expect(parseModelConfig(`\ufeff${JSON.stringify(X200)}`).regnet?.w0).toBe(24);
  });
});

describe('parseModelConfig: the file numbers are not trusted', () => {
  it('recomputes a wrong complexity and says so', () => {
    const doc = { ...presetDoc('RegNetX-200MF'), complexity: { flops: 1, params: 2, acts: 3 } };
    const read = readModelConfig(JSON.stringify(doc));
    expect(read.doc.complexity).toEqual({ flops: 199040872, params: 2684792, acts: 2164056 });
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toMatch(/^complexity: the stored values \(flops 1, params 2, acts 3\) differ/);
  });

  it('warns when the stored stages do not follow from the RegNet parameters', () => {
    const doc = presetDoc('RegNetX-200MF');
    const changed = { ...doc, regnet: { ...doc.regnet!, groupWidth: 16 } };
    const read = readModelConfig(JSON.stringify(changed));
    expect(read.doc.network).toEqual(doc.network);
    expect(read.warnings.join(' ')).toMatch(
      /group widths \[16, 16, 16, 16\] where this config has \[8, 8, 8, 8\]/,
    );
  });

  it('warns about RegNet parameters that the libraries reject, keeping the stored network', () => {
    const doc = presetDoc('RegNetX-200MF');
    const read = readModelConfig(JSON.stringify({ ...doc, regnet: { ...doc.regnet!, w0: 20 } }));
    expect(read.warnings.join(' ')).toMatch(/w0 must be a multiple of 8 \(got 20\)/);
  });
});

describe('parseModelConfig: clear errors', () => {
  it('names the file and the JSON syntax error position', () => {
    expect(readError('{\n  "depth": 13,\n}')).toMatch(
      /^model\.json: is not valid JSON: .*\(line 3, column 1\)/,
    );
  });

  it('refuses empty text and non-objects', () => {
    expect(readError('   ')).toMatch(/is empty/);
    expect(readError('[1, 2]')).toMatch(/expected a JSON object \(a model config\), got a list of 2 items/);
    expect(readError('"hello"')).toMatch(/got the text "hello"/);
  });

  it('says which schema version is supported', () => {
    const doc = { ...presetDoc('RegNetX-200MF'), version: 2 };
    expect(readError(JSON.stringify(doc))).toMatch(
      /version 2; this dslab reads version 1 only .*newer dslab/,
    );
    expect(readError(JSON.stringify({ ...doc, version: '1' }))).toMatch(
      /version the text "1"; this dslab reads version 1/,
    );
  });

  it('recognises a results file given as a model config', () => {
    expect(readError('{"schema": "dslab.results", "version": 1, "records": []}')).toMatch(
      /is a dslab results file, not a dslab model config/,
    );
    expect(readError('{"schema": "other", "version": 1}')).toMatch(/expected "schema": "dslab.model-config"/);
  });

  it('gives readable paths for schema problems', () => {
    const doc = presetDoc('RegNetX-200MF');
    doc.network.stages[2] = { ...doc.network.stages[2], groupWidth: 0, stride: 3 };
    const message = readError(JSON.stringify(doc));
    expect(message).toMatch(/^model\.json: is not a valid dslab model config:\n/);
    expect(message).toContain('  - network.stages[2].stride: expected 1 or 2, got 3');
    expect(message).toContain(
      '  - network.stages[2].groupWidth: expected a positive integer ≤ 100000, got 0',
    );
  });

  it('reports missing and unknown fields', () => {
    const { complexity: _dropped, ...doc } = presetDoc('RegNetX-200MF');
    const message = readError(JSON.stringify({ ...doc, colour: 'red' }));
    expect(message).toContain('complexity: is missing');
    expect(message).toContain('(top level): has unknown field "colour"');
  });

  it('explains a group-incompatible stage and how to fix it', () => {
    const network = structuredClone(CIFAR_ANYNET);
    network.stages[0] = { depth: 1, width: 28, stride: 1, bottleneckRatio: 1, groupWidth: 8 };
    const message = readError(JSON.stringify(anynetDoc(network)));
    // 28 / 8 is not whole; divisors of 28 next to 8 are 7 and 14; pycls rounds 28/8 = 3.5 half-even to 4 -> 32.
    expect(message).toContain(
      'network.stages[0].groupWidth: bottleneck width 28 (= width 28 / bottleneck ratio 1) is not a multiple of the ' +
        'group width 8; use a group width of 7 or 14, or width 32 with group width 8',
    );
  });

  it('explains a group width larger than the bottleneck width', () => {
    const network = structuredClone(CIFAR_ANYNET);
    network.stages[1] = { depth: 1, width: 64, stride: 2, bottleneckRatio: 4, groupWidth: 32 };
    expect(readError(JSON.stringify(anynetDoc(network)))).toContain(
      'network.stages[1].groupWidth: bottleneck width 16 (= width 64 / bottleneck ratio 4) is smaller than the group width 32',
    );
  });

  it('refuses hostile sizes', () => {
    const network = structuredClone(CIFAR_ANYNET);
    network.stages = Array.from({ length: 65 }, () => ({ ...CIFAR_ANYNET.stages[0] }));
    expect(readError(JSON.stringify(anynetDoc(network)))).toMatch(
      /network\.stages: has a list of 65 items; at most 64 items/,
    );
    const deep = structuredClone(CIFAR_ANYNET);
    deep.stages = Array.from({ length: 8 }, () => ({ ...CIFAR_ANYNET.stages[0], depth: 1000 }));
    expect(readError(JSON.stringify(anynetDoc(deep)))).toMatch(/has 8000 blocks in all; at most 4000/);
    expect(readError(JSON.stringify({ ...X200, w0: 1e9 }))).toMatch(
      /w0: expected a positive integer ≤ 100000/,
    );
  });

  it('refuses text over the size cap before parsing it', () => {
    const huge = `{"name": "${'x'.repeat(MODEL_CONFIG_MAX_CHARS)}"}`;
    expect(readError(huge)).toMatch(/MB; a model config file may be at most 1\.0 MB/);
  });

  it('refuses absurd nesting', () => {
    expect(readError(`${'['.repeat(10000)}${']'.repeat(10000)}`)).toMatch(/nests deeper than 64 levels/);
  });

  it('refuses an incomplete or unrecognisable object with the accepted forms', () => {
    expect(readError('{"network": {}}')).toMatch(/lacks "schema": "dslab.model-config" and "version": 1/);
    expect(readError('{"hello": 1}')).toMatch(/Expected one of: a dslab model config/);
    expect(readError(JSON.stringify({ ...X200, w0: 20, wm: 1 }))).toMatch(
      /RegNet parameters that pycls, timm and torchvision reject:\n {2}- w0 must be a multiple of 8 \(got 20\)\n {2}- wm must be > 1/,
    );
  });

  it('refuses a non-string input from JavaScript callers', () => {
    expect(() => parseModelConfig(undefined as unknown as string)).toThrow(FormatError);
  });
});
