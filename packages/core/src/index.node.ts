// Node entry: everything from the neutral entry, plus Node defaults. Named exports here take
// precedence over the star export, which is how the platform defaults replace neutral ones.
export * from './index.js';
export { createSession, loadOnnxruntimeNode, defaultNearestSearch } from './runtime/node.js';
export { loadRepository, createFileCache, defaultCacheDir, CACHE_DIR_ENV, REPOSITORY_ENV, type FileCacheOptions, type NodeFileCache } from './repository/node.js';
export { createQuantizer } from './platform/node.js';
export { loadTokenizer, createQuantizerFromRepository } from './loading/node.js';
