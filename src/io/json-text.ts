import { formatPath } from './describe-value';
import { FormatError } from './format-error';

/** Keys that can reach Object.prototype when a parsed object is later spread or assigned. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** No dslab format nests this deep; a deeper file is hostile or not ours. */
export const MAX_JSON_DEPTH = 64;

export interface ReadJsonOptions {
  /** File name or other label used at the start of every message. */
  source: string;
  /** What the file should hold, for messages ("model config", "results"). */
  what: string;
  /** Size cap in characters (UTF-16 code units; equal to bytes for ASCII JSON). */
  maxChars: number;
}

const megabytes = (chars: number): string => (chars / 1e6).toFixed(chars < 1e6 ? 3 : 1);

/** "at position 57" -> "line 3, column 12", so people can find the spot in an editor. */
function whereInText(message: string, text: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return message;
  const position = Math.min(Number(match[1]), text.length);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${message.replace(/ ?\(line \d+ column \d+\)/, '')} (line ${line}, column ${column})`;
}

interface Visit {
  value: object;
  parent: Visit | null;
  key: PropertyKey;
  depth: number;
}

const pathOf = (visit: Visit): PropertyKey[] => {
  const path: PropertyKey[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) path.unshift(v.key);
  return path;
};

/** Walks the parsed value without recursion: refuses prototype keys and absurd nesting. */
function checkStructure(root: unknown, source: string): void {
  if (root === null || typeof root !== 'object') return;
  const stack: Visit[] = [{ value: root, parent: null, key: '', depth: 0 }];
  while (stack.length) {
    const visit = stack.pop()!;
    if (visit.depth >= MAX_JSON_DEPTH) {
      throw new FormatError(
        source,
        `nests deeper than ${MAX_JSON_DEPTH} levels at ${formatPath(pathOf(visit))}; no dslab file does that, so it was refused.`,
      );
    }
    const push = (key: PropertyKey, child: unknown) => {
      if (child !== null && typeof child === 'object') {
        stack.push({ value: child, parent: visit, key, depth: visit.depth + 1 });
      }
    };
    if (Array.isArray(visit.value)) {
      visit.value.forEach((child, i) => push(i, child));
      continue;
    }
    for (const key of Object.keys(visit.value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new FormatError(
          source,
          `contains the key "${key}" at ${formatPath(pathOf(visit))}. Keys named __proto__, constructor or prototype ` +
            'are refused because they can alter JavaScript objects (prototype pollution); remove that key.',
        );
      }
      push(key, (visit.value as Record<string, unknown>)[key]);
    }
  }
}

/** Parses untrusted JSON text: size cap, syntax errors with line/column, no prototype keys, bounded depth. */
export function readJson(text: unknown, { source, what, maxChars }: ReadJsonOptions): unknown {
  if (typeof text !== 'string') {
    throw new FormatError(
      source,
      `expected the text of a ${what} file, got ${text === null ? 'null' : typeof text}.`,
    );
  }
  if (text.length > maxChars) {
    throw new FormatError(
      source,
      `is ${megabytes(text.length)} MB; a ${what} file may be at most ${megabytes(maxChars)} MB. ` +
        'Check that this is the right file, or split it into smaller files.',
    );
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) throw new FormatError(source, `is empty; expected a JSON ${what}.`);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new FormatError(source, `is not valid JSON: ${whereInText(reason, body)}.`);
  }
  checkStructure(value, source);
  return value;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
