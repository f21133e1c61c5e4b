import { open, stat, unlink, utimes } from 'node:fs/promises';
import { abortableSleep } from '../download/abortable-sleep.js';

/** Options of {@link withFileLock}. */
export interface FileLockOptions {
  readonly signal?: AbortSignal | undefined;
  /** A lock whose file was not touched for this long is from a dead process and is broken. */
  readonly staleMs: number;
  /** How often a waiter looks again. */
  readonly pollMs?: number;
}

/**
 * Runs `task` while holding an exclusive lock file (created with O_EXCL, so exactly one process or
 * task wins). The holder touches the file regularly; waiters break a lock that stopped being touched,
 * which is how a crashed downloader's lock goes away.
 */
export async function withFileLock<T>(lockPath: string, options: FileLockOptions, task: () => Promise<T>): Promise<T> {
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const age = await stat(lockPath).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > options.staleMs) await unlink(lockPath).catch(() => undefined);
    else await abortableSleep(options.pollMs ?? 25, options.signal);
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(lockPath, now, now).catch(() => undefined);
  }, Math.max(10, options.staleMs / 4));
  heartbeat.unref?.();
  try {
    return await task();
  } finally {
    clearInterval(heartbeat);
    await unlink(lockPath).catch(() => undefined);
  }
}
