export { manifestFromConfig, ONNX_COMMUNITY_MODEL_TYPES } from './manifest-from-config.js';
