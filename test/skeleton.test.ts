import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

describe('project skeleton', () => {
  it('pins every @tensorflow package to 4.22.0', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const all = { ...pkg.dependencies, ...pkg.devDependencies } as Record<string, string>;
    const tf = Object.entries(all).filter(([name]) => name.startsWith('@tensorflow/'));
    expect(tf.length).toBeGreaterThanOrEqual(3);
    for (const [, version] of tf) expect(version).toBe('4.22.0');
  });
});
