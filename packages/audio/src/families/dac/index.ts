export { DAC_FAMILY } from './dac-family.js';
export { dacConfigAdapter, dacManifest } from './dac-config-adapter.js';
