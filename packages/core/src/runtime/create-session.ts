import { MissingDependencyError } from '../errors/missing-dependency-error.js';
import { createSessionWithOrt, readModelSource } from './create-session-with-ort.js';
import type { Session } from './session.js';
import type { CreateSessionOptions, ModelSource } from './session-options.js';

/**
 * Loads an ONNX model into a {@link Session} on the ONNX Runtime passed as `options.ort`.
 *
 * This is the runtime-neutral version: it never imports a runtime itself, so `options.ort` is
 * required. The Node and browser builds of `@jointok/core` export a `createSession` of the same
 * name that defaults to onnxruntime-node / onnxruntime-web.
 *
 * @example
 * import * as ort from 'onnxruntime-web';
 * const session = await createSession(bytes, { ort, executionProviders: ['wasm'] });
 * const { y } = await session.run({ x: { type: 'float32', dims: [1, 4], data } });
 *
 * @param model ONNX bytes, or a path / URL string that the runtime loads itself
 * @throws MissingDependencyError when `options.ort` is absent
 * @throws InvalidArgumentError for a bad model argument or option (the error names it)
 * @throws RuntimeError when the runtime cannot create the session (`cause` is its error)
 */
export async function createSession(model: ModelSource, options: CreateSessionOptions = {}): Promise<Session> {
  const source = readModelSource(model);
  if (options.ort === undefined) {
    throw new MissingDependencyError({
      packageName: 'onnxruntime-web',
      purpose: 'createSession in the runtime-neutral build of @jointok/core (pass options.ort)',
    });
  }
  return createSessionWithOrt(options.ort, source, options);
}
