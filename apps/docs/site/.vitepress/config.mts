import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme } from 'vitepress';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const require = createRequire(import.meta.url);

// Written by scripts/prepare.mjs (the API reference's pages); absent in a checkout that was never built.
const apiSidebarFile = here('./generated/api-sidebar.json');
const apiSidebar: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile) ? JSON.parse(readFileSync(apiSidebarFile, 'utf8')) : [];

const guideSidebar: DefaultTheme.SidebarItem[] = [
  { text: 'Getting started', items: [
    { text: 'In Node.js', link: '/getting-started/node' },
    { text: 'In a Vite app', link: '/getting-started/vite' },
    { text: 'In a Web Worker', link: '/getting-started/web-worker' },
    { text: 'The command line', link: '/cli' },
  ] },
  { text: 'Concepts', items: [
    { text: 'The joint token space', link: '/concepts/joint-token-space' },
    { text: 'Layouts', link: '/concepts/layouts' },
    { text: 'Quantizers', link: '/concepts/quantizers' },
    { text: 'Code spaces', link: '/concepts/code-spaces' },
  ] },
  { text: 'Guides', items: [
    { text: 'Text', link: '/guides/text' },
    { text: 'Images', link: '/guides/image' },
    { text: 'Audio', link: '/guides/audio' },
    { text: 'Video', link: '/guides/video' },
  ] },
  { text: 'Migrating', items: [
    { text: 'From tiktoken', link: '/migrating/tiktoken' },
    { text: 'From gpt-tokenizer', link: '/migrating/gpt-tokenizer' },
    { text: 'From transformers.js', link: '/migrating/transformers-js' },
  ] },
  { text: 'Live examples', items: [
    { text: 'Text → tokens', link: '/examples/text' },
    { text: 'Image → tokens', link: '/examples/image' },
    { text: 'Audio → tokens', link: '/examples/audio' },
    { text: 'Joint sequence builder', link: '/examples/joint' },
  ] },
  { text: 'Models', items: [{ text: 'Catalogue', link: '/models/' }] },
];

export default defineConfig({
  title: 'jointok',
  description: 'One joint discrete token space for text, images, video and audio — in TypeScript, in Node.js and in browsers.',
  lang: 'en',
  outDir: '../dist',
  cacheDir: '../.vitepress-cache',
  // Offline: no external fonts, scripts or analytics; the default theme's fonts are bundled.
  head: [['meta', { name: 'color-scheme', content: 'light dark' }]],
  lastUpdated: false,
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/getting-started/node' },
      { text: 'Examples', link: '/examples/text' },
      { text: 'Models', link: '/models/' },
      { text: 'API', link: '/api/' },
    ],
    sidebar: {
      '/api/': apiSidebar,
      '/': guideSidebar,
    },
    search: { provider: 'local' },
    outline: { level: [2, 3] },
    footer: { message: 'Apache-2.0. Generated from the jointok repository; readable offline.' },
  },
  vite: {
    resolve: {
      alias: [
        // The examples run on the WASM backend only: this build of onnxruntime-web loads its .wasm from
        // env.wasm.wasmPaths (set to the site's /ort/, copied from node_modules by scripts/copy-assets.mjs)
        // instead of bundling the larger WebGPU (JSEP) build next to the chunk.
        { find: /^onnxruntime-web$/, replacement: require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm').replace(/ort-wasm-simd-threaded\.wasm$/, 'ort.wasm.min.mjs') },
      ],
    },
    build: { chunkSizeWarningLimit: 4096 },
    worker: { format: 'es' },
  },
});
