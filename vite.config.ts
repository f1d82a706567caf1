import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the app, its workers and vitest.
export default defineConfig({
  plugins: [react()],
  resolve: { dedupe: ['@tensorflow/tfjs-core'] },
  // ES workers: the default iife format cannot code-split (TFJS.md §5.2).
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  build: { target: 'es2022' },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The browser suite and the training tests are heavy on 2 cores: keep parallelism modest.
    maxWorkers: 2,
  },
});
