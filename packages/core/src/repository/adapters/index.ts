export { manifestFromConfig, ONNX_COMMUNITY_MODEL_TYPES, BUILT_IN_CONFIG_ADAPTERS } from './manifest-from-config.js';
export type { ConfigAdapter } from './config-adapter.js';
