import type { OrtModule } from './ort-module.js';

/** A model: its bytes, or a path (Node) or URL (Node and browsers) to fetch it from. */
export type ModelSource = Uint8Array | ArrayBuffer | string;

/** Options of `createSession`. */
export interface CreateSessionOptions {
  /**
   * The ONNX Runtime module to use (`import * as ort from 'onnxruntime-web'`, ...). Required with the
   * runtime-neutral entry; the Node and browser entries default to onnxruntime-node / onnxruntime-web.
   */
  ort?: OrtModule;
  /** Execution providers in order of preference, e.g. `['webgpu', 'wasm']`; default: the runtime's own. */
  executionProviders?: readonly (string | { readonly name: string })[];
  /** Threads for one operator (`intraOpNumThreads`; the WASM thread count in browsers). Positive integer. */
  threads?: number;
  /** Aborts loading and session creation; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}
