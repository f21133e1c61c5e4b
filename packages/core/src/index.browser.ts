// Browser entry: everything from the neutral entry, plus browser defaults (see index.node.ts).
export * from './index.js';
export { createSession, loadOnnxruntimeWeb, defaultNearestSearch } from './runtime/browser.js';
export { loadRepository, createBrowserCache, type BrowserCacheOptions } from './repository/browser.js';
export { loadTokenizer } from './loading/browser.js';
