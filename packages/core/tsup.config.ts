import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'index.node': 'src/index.node.ts',
    'index.browser': 'src/index.browser.ts',
    'testing/index': 'src/testing/index.ts',
    'testing/fuzz/index': 'src/testing/fuzz/index.ts',
    internal: 'src/internal.ts',
  },
  format: ['esm'],
  // Declarations come from `tsc -p tsconfig.build.json` (the build script): about half the CPU time of
  // tsup's bundled declarations, and `npm run demo` (build:js) skips them.
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['onnxruntime-node', 'onnxruntime-web', 'onnxruntime-common', 'vitest', 'fast-check'],
});
