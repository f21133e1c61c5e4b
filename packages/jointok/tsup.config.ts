import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  // Declarations come from `tsc -p tsconfig.build.json` (the build script).
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // The packages stay imports, so each resolves its own node / browser / default entry where it runs.
  external: ['@jointok/core', '@jointok/text', '@jointok/image', '@jointok/audio', '@jointok/video'],
});
