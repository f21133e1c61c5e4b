import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'encodings/o200k-base': 'src/encodings/o200k-base.ts',
    'encodings/cl100k-base': 'src/encodings/cl100k-base.ts',
    'node/index': 'src/node/index.ts',
    'batch/index.node': 'src/batch/index.node.ts',
    'batch/index.browser': 'src/batch/index.browser.ts',
    'batch/worker.node': 'src/batch/worker.node.ts',
    'batch/worker.browser': 'src/batch/worker.browser.ts',
  },
  format: ['esm'],
  // Declarations come from `tsc -p tsconfig.build.json` (the build script): about half the CPU time of
  // tsup's bundled declarations, and `npm run demo` (build:js) skips them.
  dts: false,
  sourcemap: true,
  // Maps without the sources' text: the shipped vocabularies would otherwise double the package's size.
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  clean: true,
  target: 'es2022',
  // Shared chunks keep one copy of the engine whichever entries a bundle pulls in.
  splitting: true,
  external: ['@jointok/core'],
});
