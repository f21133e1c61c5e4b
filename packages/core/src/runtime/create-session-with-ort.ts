import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { JointokError } from '../errors/jointok-error.js';
import type { Tensor } from '../tensor/tensor.js';
import { raceAbort, throwIfAborted } from './abort.js';
import { fromOrtTensor, toOrtTensor } from './convert-tensor.js';
import { RuntimeError, type RuntimeOperation } from './errors/runtime-error.js';
import type { OrtInferenceSession, OrtModule, OrtSessionOptions, OrtTensor } from './ort-module.js';
import type { Session, SessionRunOptions } from './session.js';
import type { CreateSessionOptions } from './session-options.js';
import { validateFeeds } from './validate-feeds.js';

/** Model bytes or a location string, after validation. */
export type ResolvedModel = Uint8Array | string;

/**
 * Creates a {@link Session} on a given runtime module. The entries' `createSession` functions pick
 * the module and resolve the model, then call this.
 */
export async function createSessionWithOrt(ort: OrtModule, model: ResolvedModel, options: CreateSessionOptions = {}): Promise<Session> {
  assertOrtModule(ort);
  const sessionOptions = readSessionOptions(options);
  throwIfAborted(options.signal);
  const creating = wrap('create', () => ort.InferenceSession.create(model, sessionOptions));
  const session = await raceAbort(creating, options.signal, (late) => void late.release().catch(() => undefined));
  return wrapSession(ort, session);
}

/** Checks the model argument: non-empty bytes, or a non-empty string. */
export function readModelSource(model: unknown): ResolvedModel {
  if (model instanceof Uint8Array && model.length > 0) return model;
  if (model instanceof ArrayBuffer && model.byteLength > 0) return new Uint8Array(model);
  if (typeof model === 'string' && model.length > 0) return model;
  throw new InvalidArgumentError({ argument: 'model', expected: 'non-empty ONNX bytes (Uint8Array, ArrayBuffer) or a path/URL string', received: model });
}

/** Checks that an injected `ort` has the surface jointok uses. */
export function assertOrtModule(ort: unknown): asserts ort is OrtModule {
  const candidate = ort as Partial<OrtModule> | null | undefined;
  if (typeof candidate?.InferenceSession?.create !== 'function' || typeof candidate.Tensor !== 'function') {
    throw new InvalidArgumentError({ argument: 'options.ort', expected: 'an onnxruntime module with InferenceSession.create and Tensor', received: ort });
  }
}

/** Validates the options and turns them into runtime session options. */
export function readSessionOptions(options: CreateSessionOptions): OrtSessionOptions {
  const sessionOptions: OrtSessionOptions = {};
  if (options.threads !== undefined) {
    if (!Number.isSafeInteger(options.threads) || options.threads < 1) {
      throw new InvalidArgumentError({ argument: 'options.threads', expected: 'a positive integer', received: options.threads });
    }
    sessionOptions.intraOpNumThreads = options.threads;
  }
  if (options.executionProviders !== undefined) {
    if (!Array.isArray(options.executionProviders)) {
      throw new InvalidArgumentError({ argument: 'options.executionProviders', expected: "an array such as ['cpu'] or ['webgpu', 'wasm']", received: options.executionProviders });
    }
    sessionOptions.executionProviders = options.executionProviders;
  }
  return sessionOptions;
}

function wrapSession(ort: OrtModule, session: OrtInferenceSession): Session {
  const inputNames = Object.freeze([...session.inputNames]);
  const outputNames = Object.freeze([...session.outputNames]);
  let released = false;
  return {
    inputNames,
    outputNames,
    async run(feeds: Readonly<Record<string, Tensor>>, runOptions: SessionRunOptions = {}): Promise<Record<string, Tensor>> {
      if (released) throw new RuntimeError({ operation: 'run', message: 'Cannot run a session after release().' });
      validateFeeds(feeds, inputNames, session.inputMetadata);
      const fetches = readOutputs(runOptions.outputs, outputNames);
      throwIfAborted(runOptions.signal);
      const ortFeeds: Record<string, OrtTensor> = {};
      for (const name of inputNames) ortFeeds[name] = toOrtTensor(ort, feeds[name]!);
      const results = await raceAbort(
        wrap('run', () => (fetches === undefined ? session.run(ortFeeds) : session.run(ortFeeds, fetches))),
        runOptions.signal,
      );
      const outputs: Record<string, Tensor> = {};
      for (const [name, value] of Object.entries(results)) outputs[name] = await fromOrtTensor(value, name);
      return outputs;
    },
    async release(): Promise<void> {
      if (released) return;
      released = true;
      await wrap('release', () => session.release());
    },
  };
}

function readOutputs(outputs: readonly string[] | undefined, outputNames: readonly string[]): readonly string[] | undefined {
  if (outputs === undefined) return undefined;
  if (!Array.isArray(outputs) || outputs.length === 0) {
    throw new InvalidArgumentError({ argument: 'options.outputs', expected: `a non-empty array of output names (${outputNames.join(', ')})`, received: outputs });
  }
  for (const name of outputs) {
    if (!outputNames.includes(name)) {
      throw new InvalidArgumentError({ argument: 'options.outputs', expected: `names among the model's outputs: ${outputNames.join(', ')}`, received: name });
    }
  }
  return outputs;
}

/** Runs a runtime call, turning whatever it throws (synchronously or not) into a RuntimeError. */
async function wrap<T>(operation: RuntimeOperation, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (JointokError.isInstance(error)) throw error;
    throw new RuntimeError({ operation, cause: error });
  }
}
