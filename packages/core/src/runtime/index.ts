// Runtime layer: ONNX sessions over any onnxruntime-common compatible module. The node and browser
// builds replace `createSession` with versions that default to onnxruntime-node / onnxruntime-web.
export { createSession } from './create-session.js';
export type { Session, SessionRunOptions, SessionFactory } from './session.js';
export type { CreateSessionOptions, ModelSource } from './session-options.js';
export type { OrtModule, OrtInferenceSession, OrtTensor, OrtSessionOptions, OrtValueMetadata } from './ort-module.js';
export { RuntimeError, type RuntimeOperation } from './errors/index.js';
export * from './nearest/index.js';
