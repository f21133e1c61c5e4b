import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { createSession } from './create-session.js';
import { RuntimeError } from './errors/runtime-error.js';
import type { OrtInferenceSession, OrtModule, OrtTensor } from './ort-module.js';

/** A stand-in runtime: records what jointok passes it and answers from `respond`. */
function fakeOrt(options: { metadata?: boolean; createDelay?: number; respond?: () => Promise<Record<string, OrtTensor>> } = {}) {
  const log = { createOptions: [] as unknown[], runs: [] as unknown[][], released: 0 };
  class Tensor implements OrtTensor {
    constructor(readonly type: string, readonly data: unknown, readonly dims: readonly number[]) {}
  }
  const session: OrtInferenceSession = {
    inputNames: ['a', 'b'],
    outputNames: ['y'],
    ...(options.metadata === false ? {} : { inputMetadata: [{ name: 'a', isTensor: true, type: 'float32', shape: ['n', 2] }, { name: 'b', isTensor: false }] }),
    run: async (...args) => {
      log.runs.push(args);
      return options.respond ? options.respond() : { y: new Tensor('float32', new Float32Array([1]), [1]) };
    },
    release: async () => void log.released++,
  };
  const ort: OrtModule = {
    Tensor,
    InferenceSession: {
      create: async (_model, createOptions) => {
        log.createOptions.push(createOptions);
        await new Promise((resolve) => setTimeout(resolve, options.createDelay ?? 0));
        return session;
      },
    },
  };
  return { ort, log };
}

const model = new Uint8Array([8, 1]);
const a = { type: 'float32' as const, dims: [3, 2], data: new Float32Array(6) };
const b = { type: 'int32' as const, dims: [5], data: new Int32Array(5) };

describe('createSession with a stand-in runtime', () => {
  it('passes threads and execution providers as session options, and runtime tensors as feeds', async () => {
    const { ort, log } = fakeOrt();
    const session = await createSession(model, { ort, threads: 3, executionProviders: ['webgpu', 'wasm'] });
    expect(log.createOptions).toEqual([{ intraOpNumThreads: 3, executionProviders: ['webgpu', 'wasm'] }]);
    await session.run({ a, b });
    const feeds = log.runs[0]![0] as Record<string, OrtTensor>;
    expect(Object.keys(feeds)).toEqual(['a', 'b']);
    expect(feeds['a']).toBeInstanceOf(ort.Tensor);
    expect(feeds['a']!.data).toBe(a.data);
    expect(log.runs[0]).toHaveLength(1);
  });

  it('checks only names when the runtime gives no metadata, and skips non-tensor metadata', async () => {
    const withMetadata = await createSession(model, { ort: fakeOrt().ort });
    // `b` is declared as a non-tensor value: no type or shape check.
    await expect(withMetadata.run({ a, b: { type: 'float32', dims: [9], data: new Float32Array(9) } })).resolves.toBeDefined();
    const noMetadata = await createSession(model, { ort: fakeOrt({ metadata: false }).ort });
    await expect(noMetadata.run({ a: { type: 'int32', dims: [7], data: new Int32Array(7) }, b })).resolves.toBeDefined();
    const error = await noMetadata.run({ a }).catch((e: unknown) => e);
    expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('feeds.b');
  });

  it('wraps synchronous and asynchronous runtime failures in RuntimeError', async () => {
    const cause = new Error('kernel exploded');
    const session = await createSession(model, { ort: fakeOrt({ respond: () => Promise.reject(cause) }).ort });
    const error = await session.run({ a, b }).catch((e: unknown) => e);
    expect(RuntimeError.isInstance(error) && error.cause).toBe(cause);
    expect((error as Error).message).toContain('kernel exploded');
    const { ort } = fakeOrt();
    const throwing: OrtModule = { ...ort, InferenceSession: { create: () => { throw cause; } } };
    const created = await createSession(model, { ort: throwing }).catch((e: unknown) => e);
    expect(RuntimeError.isInstance(created) && created.operation).toBe('create');
  });

  it('rejects at once when aborted during creation, and releases the session that arrives later', async () => {
    const { ort, log } = fakeOrt({ createDelay: 30 });
    const controller = new AbortController();
    const creating = createSession(model, { ort, signal: controller.signal });
    controller.abort(new Error('cancelled'));
    await expect(creating).rejects.toThrow('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(log.released).toBe(1);
  });
});
