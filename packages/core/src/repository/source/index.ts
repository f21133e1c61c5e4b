export type { LocalSource, UrlSource, HubSource, ResolvedSource } from './resolved-source.js';
export { parseHubId, DEFAULT_REVISION, type HubId } from './parse-hub-id.js';
export { resolveSource, DEFAULT_HUB_ENDPOINT, type ResolveSourceOptions } from './resolve-source.js';
export { joinUrl } from './file-url.js';
