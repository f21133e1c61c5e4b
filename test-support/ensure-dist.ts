// Shared by the packages' tests (never published): builds a package's JavaScript when a test needs its dist.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the package that holds `file` (tsup, in the package folder `packageDir`) unless `file` exists.
 * Test files run in parallel and tsup cleans `dist` first, so one build runs at a time per package: the
 * first caller takes a lock directory, the others wait for the file to appear.
 */
export async function ensureDist(file: URL, packageDir: URL): Promise<void> {
  if (existsSync(file)) return;
  const cwd = fileURLToPath(packageDir);
  const lock = join(tmpdir(), `jointok-${basename(cwd)}-dist-build.lock`);
  let owner = false;
  try {
    mkdirSync(lock);
    owner = true;
  } catch {
    // Another test file is building.
  }
  if (owner) {
    try {
      execFileSync('npx', ['tsup'], { cwd, stdio: 'ignore' });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
  const deadline = Date.now() + 110_000;
  while (existsSync(lock) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (!existsSync(file)) execFileSync('npx', ['tsup'], { cwd, stdio: 'ignore' });
}
