// Model repositories, runtime-neutral part: manifest, sources, path safety, downloads over fetch.
// Node-only code (fs, crypto) is in ./node.ts, browser-only code (Cache API) in ./browser.ts.
export * from './errors/index.js';
export * from './paths/index.js';
export * from './source/index.js';
export * from './manifest/index.js';
export * from './download/index.js';
export * from './cache/index.js';
export * from './adapters/index.js';
export * from './load/index.js';
