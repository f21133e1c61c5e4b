import { homedir } from 'node:os';
import { join } from 'node:path';

/** Environment variable that moves the cache folder. */
export const CACHE_DIR_ENV = 'JOINTOK_CACHE';

/**
 * The cache folder: `$JOINTOK_CACHE`, else `$XDG_CACHE_HOME/jointok`, else `~/.cache/jointok`.
 */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const explicit = env[CACHE_DIR_ENV];
  if (explicit) return explicit;
  const xdg = env.XDG_CACHE_HOME;
  return xdg ? join(xdg, 'jointok') : join(homedir(), '.cache', 'jointok');
}
