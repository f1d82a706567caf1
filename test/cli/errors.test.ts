import { describe, expect, it } from 'vitest';
import { dslab } from './cli-process';

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeResults } from '../../src/io/results';
import { sampleRecord } from '../io/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'dslab-errors-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const STACK_LINE = /\n\s+at /;

/** Runs a command that must fail: non-zero exit, nothing on stdout, the problem on stderr, no stack trace. */
function fails(args: string[], code: 1 | 2, ...messages: (string | RegExp)[]): void {
  const r = dslab(...args);
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.startsWith(`dslab ${args[0]}: `)).toBe(true);
  for (const m of messages) {
    if (typeof m === 'string') expect(r.stderr).toContain(m);
    else expect(r.stderr).toMatch(m);
  }
  expect(r.stderr).not.toMatch(STACK_LINE);
}

const COMMANDS = ['presets', 'describe', 'spaces', 'sample', 'fit', 'export', 'analyze', 'train', 'sweep'];

describe('dslab usage errors (exit 2)', () => {
  it('names an unknown command and lists the commands', () => {
    fails(['frobnicate'], 2, "Unknown command 'frobnicate'", `Commands: ${COMMANDS.join(', ')}.`);
  });

  it('names an unknown option and points to --help', () => {
    fails(
      ['sample', '--space', 'regnetx', '--bogus'],
      2,
      "Unknown option '--bogus'",
      "Run 'dslab sample --help'",
    );
  });

  it('rejects a non-numeric --n and an inverted --flops band', () => {
    fails(['sample', '--space', 'regnetx', '--n', 'abc'], 2, "--n must be a number (got 'abc')");
    fails(
      ['sample', '--space', 'regnetx', '--flops', '5:1'],
      2,
      "--flops must be 'lo:hi' with 0 <= lo <= hi",
    );
  });

  it('asks for a known design space', () => {
    fails(['sample', '--n', '3'], 2, '--space is required; choose one of anynetx_a,');
    fails(['sample', '--space', 'anynetx_z'], 2, "Unknown design space 'anynetx_z'; choose one of");
  });

  it('names a missing file or a folder given as a file', () => {
    const missing = join(dir, 'missing.json');
    fails(['analyze', missing], 2, `No such file '${missing}'`);
    fails(
      ['describe', missing],
      2,
      `'${missing}' is neither a preset nor an existing file. Presets: RegNetX-200MF`,
    );
    fails(['analyze', dir], 2, 'is a folder; give the path of a results file');
  });
});

describe('dslab file errors (exit 1)', () => {
  it('reports malformed JSON with the file name and position', () => {
    const bad = file('bad.json', '{"schema": "dslab.results",\n');
    fails(['analyze', bad], 1, `${bad}: is not valid JSON`, /line 2, column 1/);
  });

  it('refuses hostile JSON: a __proto__ key, 1e400, absurd nesting', () => {
    const proto = file(
      'proto.json',
      '{"depth": 13, "w0": 24, "wa": 36.44, "wm": 2.49, "groupWidth": 8, "__proto__": {"x": 1}}',
    );
    fails(['describe', proto], 1, `${proto}: contains the key "__proto__"`, 'prototype pollution');
    const huge = file('huge.json', '{"depth": 13, "w0": 24, "wa": 1e400, "wm": 2.49, "groupWidth": 8}');
    fails(
      ['export', huge, '--format', 'pycls'],
      1,
      `${huge}: is not valid RegNet parameters`,
      'wa: expected a number',
      'got Infinity',
    );
    const deep = file('deep.json', '['.repeat(100_000) + ']'.repeat(100_000));
    fails(['analyze', deep], 1, `${deep}: nests deeper than 64 levels`);
  });

  it('says what is wrong inside a results file', () => {
    // A percentage where a fraction belongs.
    const doc = makeResults([sampleRecord('r1', { error: 31.1 })], { createdAt: '2025-02-01T00:00:00.000Z' });
    const percent = file('percent.json', JSON.stringify(doc));
    fails(['analyze', percent], 1, `${percent}: is not a valid dslab results file`, 'records[0].error');
    const config = file('config.json', '{"depth": 13, "w0": 24, "wa": 36.44, "wm": 2.49, "groupWidth": 8}');
    fails(['analyze', config], 1, `${config}: `, 'dslab.results');
  });
});

describe('dslab --help', () => {
  for (const name of COMMANDS) {
    it(`${name} --help exits 0 with usage`, () => {
      const r = dslab(name, '--help');
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout.startsWith(`dslab ${name} — `)).toBe(true);
      expect(r.stdout).toContain(`Usage: dslab ${name}`);
    });
  }

  it('the overview lists every command', () => {
    const r = dslab('--help');
    expect(r.code).toBe(0);
    for (const name of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${name}\\s`, 'm'));
  });
});
