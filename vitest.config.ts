import { defineConfig } from 'vitest/config';

// One vitest project per package, plus `integration` (the packed tarballs, installed and bundled):
// `vitest run` at the root runs them all, `vitest run --project core` runs one.
export default defineConfig({
  test: {
    projects: ['packages/*', 'integration'],
  },
});
