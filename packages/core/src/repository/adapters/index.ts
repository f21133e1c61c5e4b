export { manifestFromConfig } from './manifest-from-config.js';
export type { ConfigAdapter } from './config-adapter.js';
