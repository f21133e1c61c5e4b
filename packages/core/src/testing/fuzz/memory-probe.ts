import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * Runs a full garbage collection, exposing V8's `gc` at run time when the process was not started
 * with `--expose-gc`. Returns false where that is impossible (then retained-memory checks are skipped).
 */
export function collectGarbage(): boolean {
  if (gc === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === 'function') gc = exposed;
    else {
      try {
        setFlagsFromString('--expose-gc');
        gc = runInNewContext('gc') as () => void;
      } catch {
        gc = null;
      }
    }
  }
  if (gc === null) return false;
  gc();
  return true;
}

/** Bytes the process holds in the V8 heap and outside it (array buffers, WebAssembly memories, native objects). */
export function liveBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** The process's resident-set high-water mark, in bytes (only ever grows). */
export function peakResidentBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** The process's resident set now, in bytes. */
export function residentBytes(): number {
  return process.memoryUsage.rss();
}
