export type { DownloadProgress, ProgressListener } from './progress.js';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_JSON_BYTES, type FetchLike, type FileRequest } from './transfer-options.js';
