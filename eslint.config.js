import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/', 'test-results/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layering (ARCHITECTURE.md): the science layers stay free of tfjs, DOM frameworks and the UI.
  {
    files: ['src/space/**', 'src/analysis/**', 'src/io/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tensorflow/*', 'react', 'react-dom', 'zustand', 'd3', 'd3-*'], message: 'space/analysis/io are pure TypeScript.' },
            { group: ['**/train/**', '**/data/**', '**/worker/**', '**/store/**', '**/ui/**', '**/cli/**'], message: 'space/analysis/io import only each other.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/train/**', 'src/data/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', 'zustand', '**/store/**', '**/ui/**', '**/cli/**', '**/worker/**'], message: 'train/data know nothing of the UI.' }] },
      ],
    },
  },
  {
    files: ['src/ui/**', 'src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@tensorflow/*', '**/train/**'], message: 'The UI talks to training only through the worker API.' }] },
      ],
    },
  },
);
