import { defineConfig } from 'vitest/config';

// One vitest project per package: `vitest run` at the root runs them all,
// `vitest run --project core` runs one.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
