export { assertSafeRelativePath, isSafeRelativePath } from './safe-relative-path.js';
export { ONNX_VARIANTS, type OnnxVariant, variantPath } from './variant-path.js';
