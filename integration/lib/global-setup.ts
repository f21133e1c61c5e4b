import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { nodeResults, type CheckResults } from './bundle-checks.js';
import { prepareReleaseApp, type ReleaseApp } from './release-app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    release: ReleaseApp;
    /** The bundle checks' results in Node, from the installed packages: what every browser bundle must give. */
    nodeResults: CheckResults;
  }
}

// Packs and installs once for all integration test files (they run in parallel and read the same app).
export default async function setup(project: TestProject): Promise<() => void> {
  const release = await prepareReleaseApp();
  project.provide('release', release);
  project.provide('nodeResults', await nodeResults(release));
  return () => {
    if (!process.env['JOINTOK_KEEP_RELEASE_APP']) rmSync(release.work, { recursive: true, force: true });
  };
}
