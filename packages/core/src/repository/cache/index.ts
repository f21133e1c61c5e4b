export type { FileCache, CachedFileRequest } from './file-cache.js';
export { createNoCache } from './no-cache.js';
export { downloadVerified, type VerifiedDownload } from './download-verified.js';
