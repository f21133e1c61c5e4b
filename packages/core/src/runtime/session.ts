import type { Tensor } from '../tensor/tensor.js';

/** Options of {@link Session.run}. */
export interface SessionRunOptions {
  /** Only compute these outputs (default: all of `outputNames`). */
  outputs?: readonly string[];
  /** Rejects the returned promise with the signal's reason when aborted. ORT finishes the run in the background. */
  signal?: AbortSignal;
}

/** An ONNX model ready to run: jointok tensors in, jointok tensors out. */
export interface Session {
  /** Names of the model's inputs, in model order. */
  readonly inputNames: readonly string[];
  /** Names of the model's outputs, in model order. */
  readonly outputNames: readonly string[];
  /**
   * Runs the model. Every input must be fed; names, element types and fixed dimensions are checked
   * before the runtime is called (`InvalidArgumentError`, `ShapeMismatchError`).
   *
   * @throws RuntimeError when ONNX Runtime fails (the runtime's error is the `cause`)
   */
  run(feeds: Readonly<Record<string, Tensor>>, options?: SessionRunOptions): Promise<Record<string, Tensor>>;
  /** Frees the runtime session. Idempotent; later `run` calls reject with a `RuntimeError`. */
  release(): Promise<void>;
}

/** Builds a session from model bytes; what accelerated code paths take to stay runtime-neutral. */
export type SessionFactory = (model: Uint8Array) => Promise<Session>;
