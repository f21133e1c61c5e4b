import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The long-run driver's child: vitest only compiles the targets' TypeScript sources; run.mjs supervises.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['bench/fuzz/long-run.fuzz.ts'],
    testTimeout: 0,
    hookTimeout: 0,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['dot'],
  },
});
