import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const lock = join(tmpdir(), 'jointok-video-dist-build.lock');

/**
 * Builds the package (tsup) unless `file` exists. Test files run in parallel and tsup cleans `dist`
 * first, so one build runs at a time: the first caller takes a lock directory, the others wait for
 * the file to appear.
 */
export async function ensureDist(file: URL): Promise<void> {
  if (existsSync(file)) return;
  let owner = false;
  try {
    mkdirSync(lock);
    owner = true;
  } catch {
    // Another test file is building.
  }
  if (owner) {
    try {
      execFileSync('npx', ['tsup'], { cwd: packageDir, stdio: 'ignore' });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
  const deadline = Date.now() + 110_000;
  while (existsSync(lock) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (!existsSync(file)) execFileSync('npx', ['tsup'], { cwd: packageDir, stdio: 'ignore' });
}
