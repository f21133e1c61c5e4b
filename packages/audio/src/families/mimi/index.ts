export { MIMI_FAMILY } from './mimi-family.js';
export { mimiConfigAdapter, mimiManifest } from './mimi-config-adapter.js';
