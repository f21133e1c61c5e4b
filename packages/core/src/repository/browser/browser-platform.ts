import type { RepositoryPlatform } from '../load/repository-platform.js';
import { createNoCache } from '../cache/no-cache.js';
import { createBrowserCache } from './browser-cache.js';

/** The browser platform: Cache API cache, no local folders, no environment variables. */
export function createBrowserPlatform(): RepositoryPlatform {
  return {
    defaults: (options) => ({
      cache: options.cache === false ? createNoCache() : (options.cache ?? createBrowserCache()),
      endpoint: options.endpoint,
      token: options.token,
      offline: options.offline ?? false,
    }),
  };
}
