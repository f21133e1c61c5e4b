import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'encodings/o200k-base': 'src/encodings/o200k-base.ts',
    'encodings/cl100k-base': 'src/encodings/cl100k-base.ts',
    'batch/index.node': 'src/batch/index.node.ts',
    'batch/index.browser': 'src/batch/index.browser.ts',
    'batch/worker.node': 'src/batch/worker.node.ts',
    'batch/worker.browser': 'src/batch/worker.browser.ts',
  },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Shared chunks keep one copy of the engine whichever entries a bundle pulls in.
  splitting: true,
  external: ['@jointok/core'],
});
