import type { LoadRepositoryOptions } from '../load/load-options.js';
import type { RepositoryPlatform } from '../load/repository-platform.js';
import { createNoCache } from '../cache/no-cache.js';
import { createFileCache } from './file-cache.js';
import { nodeLocalFolder } from './local-folder.js';

/** Environment variables read by the Node platform. */
export const REPOSITORY_ENV = {
  endpoint: ['JOINTOK_ENDPOINT', 'HF_ENDPOINT'],
  token: ['JOINTOK_TOKEN', 'HF_TOKEN'],
  offline: ['JOINTOK_OFFLINE'],
  cacheDir: ['JOINTOK_CACHE'],
} as const;

/**
 * The Node platform: local folders, a filesystem cache, and defaults from the environment
 * (`JOINTOK_ENDPOINT`/`HF_ENDPOINT`, `JOINTOK_TOKEN`/`HF_TOKEN`, `JOINTOK_OFFLINE=1`, `JOINTOK_CACHE`).
 * Explicit options always win over the environment.
 */
export function createNodePlatform(env: Readonly<Record<string, string | undefined>> = process.env): RepositoryPlatform {
  const first = (names: readonly string[]): string | undefined => names.map((name) => env[name]).find((value) => value !== undefined && value !== '');
  return {
    local: nodeLocalFolder,
    defaults(options: LoadRepositoryOptions) {
      const offlineEnv = first(REPOSITORY_ENV.offline);
      return {
        cache: options.cache === false ? createNoCache() : (options.cache ?? createFileCache({ cacheDir: options.cacheDir ?? first(REPOSITORY_ENV.cacheDir) })),
        endpoint: options.endpoint ?? first(REPOSITORY_ENV.endpoint),
        token: options.token ?? first(REPOSITORY_ENV.token),
        offline: options.offline ?? (offlineEnv !== undefined && offlineEnv !== '0' && offlineEnv.toLowerCase() !== 'false'),
      };
    },
  };
}
