// Model repositories in browsers: Cache API cache. The package's browser entry exports this
// `loadRepository` in place of the runtime-neutral one.
export { loadRepository } from './browser/load-repository.js';
export { createBrowserCache, type BrowserCacheOptions } from './browser/browser-cache.js';
export { createBrowserPlatform } from './browser/browser-platform.js';
