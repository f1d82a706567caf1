import type { z } from 'zod';
import { describeValue, formatPath } from './describe-value';

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'text (a JSON string)',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Messages for zod issues that the schema helpers did not word themselves. Passed per parse, so it does
 * not touch zod's global configuration that other modules may rely on.
 */
export const errorMap: z.core.$ZodErrorMap = (issue) => {
  const got = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${got}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') return `needs at least ${plural(min, 'item')}`;
      if (issue.origin === 'string')
        return min <= 1 ? 'must not be empty' : `needs at least ${plural(min, 'character')}`;
      return `expected a number ${issue.inclusive ? '≥' : '>'} ${min}, got ${got}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set')
        return `has ${got}; at most ${plural(max, 'item')} allowed`;
      if (issue.origin === 'string') return `is too long; at most ${plural(max, 'character')} allowed`;
      return `expected a number ${issue.inclusive ? '≤' : '<'} ${max}, got ${got}`;
    }
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${got}`;
    case 'unrecognized_keys':
      return (
        `has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` +
        ' (check the spelling; this format defines no such field)'
      );
    case 'invalid_format':
      if (issue.format === 'datetime')
        return `expected an ISO 8601 date-time such as "2025-01-31T12:00:00Z", got ${got}`;
      return `has an invalid format (${issue.format}), got ${got}`;
    case 'invalid_key':
      return `has an invalid key: ${got}`;
    case 'invalid_union':
      return `does not match any accepted form, got ${got}`;
    default:
      return undefined;
  }
};

/** One readable line per issue ("network.stages[2].groupWidth: expected ..."), capped so a hostile file cannot flood. */
export function issueLines(issues: readonly z.core.$ZodIssue[], max = 12): string[] {
  const lines = issues.slice(0, max).map((i) => `${formatPath(i.path)}: ${i.message}`);
  if (issues.length > max)
    lines.push(`… and ${issues.length - max} more problem${issues.length - max === 1 ? '' : 's'}`);
  return lines;
}
