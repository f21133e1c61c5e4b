export { RepositoryNotFoundError } from './repository-not-found-error.js';
export { DownloadError } from './download-error.js';
export { IntegrityError } from './integrity-error.js';
export { OfflineError } from './offline-error.js';
export { UnsafePathError } from './unsafe-path-error.js';
export { SizeLimitError } from './size-limit-error.js';
