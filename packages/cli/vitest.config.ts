import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The end-to-end tests run the built command in child processes, several seconds each on a loaded machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
