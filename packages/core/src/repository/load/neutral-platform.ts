import { createNoCache } from '../cache/no-cache.js';
import type { RepositoryPlatform } from './repository-platform.js';

/** The platform of runtimes that are neither Node nor a browser: no local folders, no cache unless given. */
export function createNeutralPlatform(): RepositoryPlatform {
  return {
    defaults: (options) => ({
      cache: options.cache === false || options.cache === undefined ? createNoCache() : options.cache,
      endpoint: options.endpoint,
      token: options.token,
      offline: options.offline ?? false,
    }),
  };
}
