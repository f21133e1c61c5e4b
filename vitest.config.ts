import { defineConfig } from 'vitest/config';

// One vitest project per package, plus `integration` (the packed tarballs, installed and bundled) and
// the apps (`docs`: the built site in Chromium): `vitest run` at the root runs them all,
// `vitest run --project core` runs one.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'integration'],
  },
});
