export { SNAC_FAMILY } from './snac-family.js';
export { snacConfigAdapter, snacManifest } from './snac-config-adapter.js';
