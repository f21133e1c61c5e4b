/**
 * The part of an `onnxruntime-common` compatible module (onnxruntime-node, onnxruntime-web, or one
 * the caller brings) that jointok uses. Declared structurally so that any copy or version of the
 * runtime with this surface can be injected.
 */
export interface OrtModule {
  readonly InferenceSession: {
    create(model: string | Uint8Array, options?: OrtSessionOptions): Promise<OrtInferenceSession>;
  };
  readonly Tensor: new (type: string, data: unknown, dims: readonly number[]) => OrtTensor;
  readonly env?: { wasm?: { numThreads?: number; wasmPaths?: unknown } };
}

/** Session options jointok sets; the runtime accepts many more. */
export interface OrtSessionOptions {
  executionProviders?: readonly (string | { readonly name: string })[];
  intraOpNumThreads?: number;
}

/** A runtime tensor, as `onnxruntime-common` defines it. */
export interface OrtTensor {
  readonly type: string;
  readonly dims: readonly number[];
  readonly data: unknown;
  readonly location?: string;
  getData?(releaseData?: boolean): Promise<unknown>;
}

/** Input or output metadata (onnxruntime ≥ 1.21); `shape` entries are sizes or symbolic names. */
export interface OrtValueMetadata {
  readonly name: string;
  readonly isTensor: boolean;
  readonly type?: string;
  readonly shape?: ReadonlyArray<number | string>;
}

/** A runtime inference session. */
export interface OrtInferenceSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly inputMetadata?: readonly OrtValueMetadata[];
  run(feeds: Record<string, OrtTensor>, fetches?: readonly string[]): Promise<Record<string, OrtTensor>>;
  release(): Promise<void>;
}
