export type { LoadRepositoryOptions, FileOptions } from './load-options.js';
export type { ModelRepository } from './model-repository.js';
export type { RepositoryPlatform, LocalFolderReader, LocalReadRequest } from './repository-platform.js';
export { loadRepositoryWith } from './load-repository-with.js';
export { findFileEntry } from './find-file-entry.js';
export { loadRepository } from './load-repository.js';
export { createNeutralPlatform } from './neutral-platform.js';
