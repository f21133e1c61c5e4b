import { chmod } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    bin: 'src/bin.ts',
    // Pretokenization workers load this file by URL (worker_threads), so it is an entry of its own.
    'pretokenize-worker': 'src/pretokenize/worker.ts',
  },
  format: ['esm'],
  // Declarations come from `tsc -p tsconfig.build.json` (the build script).
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: true,
  external: ['jointok', 'commander', 'cli-progress', 'picocolors'],
  // The bin must be executable where npm links it in a workspace (installs from the registry set it anyway).
  async onSuccess() {
    await chmod('dist/bin.js', 0o755);
  },
});
