import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'index.node': 'src/index.node.ts',
    'index.browser': 'src/index.browser.ts',
  },
  format: ['esm'],
  // Declarations come from `tsc -p tsconfig.build.json` (the build script).
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Shared chunks keep one copy of the code whichever entry a bundle pulls in; the decoders load lazily.
  splitting: true,
  external: ['@jointok/core', 'fflate', 'jpeg-js', '@jsquash/jpeg'],
  // Keep `node:` on Node built-ins, so a test can tell the browser entry imports none.
  removeNodeProtocol: false,
});
