/**
 * @jointok/core — contracts and modality-free machinery of jointok: tensors, errors, quantizers,
 * codebook fitting, the ONNX runtime layer, model repositories and the joint vocabulary.
 *
 * This is the runtime-neutral entry; `index.node.ts` and `index.browser.ts` add the
 * platform defaults (onnxruntime-node / onnxruntime-web, filesystem / Cache API cache),
 * selected by the package's `exports` conditions.
 */
export * from './errors/index.js';
export * from './tensor/index.js';
export * from './modality/index.js';
export * from './quantizers/index.js';
export * from './kmeans/index.js';
export * from './runtime/index.js';
export * from './repository/index.js';
export * from './vocabulary/index.js';
