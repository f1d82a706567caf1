import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, toCsv } from '../../src/io/csv';
import { resultsToCsv } from '../../src/io/results-csv';
import { presetDoc, sampleRecord } from './fixtures';

/** An RFC 4180 reader, written independently of the writer, to check what the writer produces. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('CSV quoting', () => {
  it('quotes commas, quotes and line breaks (hand-written cases)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('defuses spreadsheet formulas in text cells', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
  });

  it('round-trips any text cells through an RFC 4180 reader', () => {
    const safeStart = (s: string) => !/^[=+\-@\t\r]/.test(s);
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }).filter(safeStart), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const width = rows[0].length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          const [header, ...body] = table;
          expect(parseCsv(toCsv(header, body))).toEqual(table);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('resultsToCsv', () => {
  it('writes one row per model with complexity, stages, design values and run data', () => {
    const hostile = sampleRecord('id,with "quotes"\nand newline', { sweep: '=cmd()' });
    const config = presetDoc('RegNetX-200MF');
    const regnet = sampleRecord('x200', {
      config,
      complexity: config.complexity,
      space: 'regnetx',
      status: 'failed',
      error: null,
    });
    const rows = parseCsv(resultsToCsv([hostile, regnet]));
    expect(rows).toHaveLength(3);
    const [header, first, second] = rows;
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(header.slice(0, 9)).toEqual([
      'id',
      'sweep',
      'space',
      'status',
      'error',
      'flops',
      'params',
      'acts',
      'stages',
    ]);
    expect(header).toContain('d4');
    expect(header).toContain('w4');
    expect(header).not.toContain('d5');
    expect(col(first, 'id')).toBe('id,with "quotes"\nand newline');
    expect(col(first, 'sweep')).toBe("'=cmd()");
    expect(col(first, 'error')).toBe('0.42');
    expect(col(first, 'w2')).toBe('64');
    expect(col(first, 'b2')).toBe('2');
    expect(col(first, 'd3')).toBe('');
    expect(col(first, 'design_w2')).toBe('64');
    expect(col(first, 'regnet_w0')).toBe('');
    expect(col(first, 'backend')).toBe('webgpu');
    expect(col(first, 'images_per_sec')).toBe('8000');
    expect(col(first, 'inference_ms_per_image')).toBe('0.12');
    expect(col(first, 'wall_seconds')).toBe('12.5');
    // RegNetX-200MF golden values (REGNET.md §4.2).
    expect(col(second, 'flops')).toBe('199040872');
    expect(col(second, 'params')).toBe('2684792');
    expect(col(second, 'acts')).toBe('2164056');
    expect([1, 2, 3, 4].map((i) => col(second, `w${i}`))).toEqual(['24', '56', '152', '368']);
    expect(col(second, 'regnet_wa')).toBe('36.44');
    expect(col(second, 'error')).toBe('');
    expect(col(second, 'status')).toBe('failed');
  });

  it('does not read design keys from Object.prototype', () => {
    const a = sampleRecord('a');
    const b = sampleRecord('b', { config: { ...a.config, design: { toString: 3 } } });
    const rows = parseCsv(resultsToCsv([a, b]));
    const column = rows[0].indexOf('design_toString');
    expect(rows[1][column]).toBe('');
    expect(rows[2][column]).toBe('3');
  });
});
