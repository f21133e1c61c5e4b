import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from './file-lock.js';

let dir: string;
let lock: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jointok-lock-'));
  lock = join(dir, 'x.lock');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('withFileLock', () => {
  it('runs tasks on the same lock one at a time and removes the lock file', async () => {
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(`${name}+`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push(`${name}-`);
    };
    await Promise.all([withFileLock(lock, { staleMs: 5000 }, task('a')), withFileLock(lock, { staleMs: 5000 }, task('b'))]);
    expect(order).toEqual(['a+', 'a-', 'b+', 'b-']);
    expect(await readdir(dir)).toEqual([]);
  });

  it('breaks a stale lock left by a dead process', async () => {
    await writeFile(lock, '99999');
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    expect(await withFileLock(lock, { staleMs: 1000 }, async () => 'ran')).toBe('ran');
  });

  it('stops waiting for a live lock when the signal aborts', async () => {
    await writeFile(lock, String(process.pid));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(withFileLock(lock, { staleMs: 60_000, signal: controller.signal }, async () => 'ran')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('releases the lock when the task fails', async () => {
    await expect(withFileLock(lock, { staleMs: 5000 }, async () => Promise.reject(new RangeError('boom')))).rejects.toThrow('boom');
    expect(await readdir(dir)).toEqual([]);
  });
});
