import { defineProject } from 'vitest/config';

// Release and bundling checks of every package under packages/: the packed tarballs installed into a fresh
// app folder (offline), imported from Node and type-checked, then bundled with Vite and esbuild and run in
// headless Chromium. See CONTRIBUTING.md ("Integration tests").
export default defineProject({
  test: {
    name: 'integration',
    include: ['*.test.ts'],
    globalSetup: ['./lib/global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
