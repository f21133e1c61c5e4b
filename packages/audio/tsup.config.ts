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
  // One copy of the shared code whichever entry a bundle picks.
  splitting: true,
  external: ['@jointok/core', '@wasm-audio-decoders/flac', '@wasm-audio-decoders/ogg-vorbis', 'mpg123-decoder', 'ogg-opus-decoder'],
});
