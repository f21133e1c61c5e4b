import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'docs',
    include: ['test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // The site test drives a real Chromium through every page and live example.
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
