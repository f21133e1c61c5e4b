// Model repositories in Node: filesystem cache, local folders, defaults from the environment.
// The package's Node entry exports this `loadRepository` in place of the runtime-neutral one.
export { loadRepository } from './node/load-repository.js';
export { createFileCache, type FileCacheOptions, type NodeFileCache } from './node/file-cache.js';
export { defaultCacheDir, CACHE_DIR_ENV } from './node/default-cache-dir.js';
export { createNodePlatform, REPOSITORY_ENV } from './node/node-platform.js';
