import * as ortNode from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { MissingDependencyError } from '../errors/missing-dependency-error.js';
import { ShapeMismatchError } from '../errors/shape-mismatch-error.js';
import type { Tensor } from '../tensor/tensor.js';
import { createSession } from './create-session.js';
import { RuntimeError } from './errors/runtime-error.js';
import { fixtureBytes, modelInputs, numbers } from './__fixtures__/fixtures.js';
import { describeSessionParity } from './__fixtures__/session-conformance.js';
import type { OrtModule } from './ort-module.js';

const ort = ortNode as unknown as OrtModule;
const mlp = (): Promise<Awaited<ReturnType<typeof createSession>>> => createSession(fixtureBytes('tiny-mlp.onnx'), { ort, threads: 1 });
const floats = (dims: number[]): Tensor => ({ type: 'float32', dims, data: new Float32Array(dims.reduce((a, b) => a * b, 1)) });

describe('createSession (neutral entry, injected onnxruntime-node)', () => {
  describeSessionParity((model) => createSession(model, { ort, threads: 1 }));

  it('requires an injected ort and names the package to install', async () => {
    const error = await createSession(fixtureBytes('tiny-mlp.onnx')).catch((e: unknown) => e);
    expect(MissingDependencyError.isInstance(error)).toBe(true);
    expect((error as MissingDependencyError).packageName).toBe('onnxruntime-web');
    expect((error as Error).message).toMatch(/options\.ort/);
  });

  it('rejects bad model arguments and options with InvalidArgumentError naming them', async () => {
    for (const model of [new Uint8Array(0), '', 42, null]) {
      const error = await createSession(model as never, { ort }).catch((e: unknown) => e);
      expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('model');
    }
    const badOrt = await createSession(fixtureBytes('tiny-mlp.onnx'), { ort: {} as never }).catch((e: unknown) => e);
    expect(InvalidArgumentError.isInstance(badOrt) && badOrt.argument).toBe('options.ort');
    for (const threads of [0, 1.5, -2]) {
      const error = await createSession(fixtureBytes('tiny-mlp.onnx'), { ort, threads }).catch((e: unknown) => e);
      expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('options.threads');
    }
    const providers = await createSession(fixtureBytes('tiny-mlp.onnx'), { ort, executionProviders: 'cpu' as never }).catch((e: unknown) => e);
    expect(InvalidArgumentError.isInstance(providers) && providers.argument).toBe('options.executionProviders');
  });

  it('accepts an ArrayBuffer and explicit execution providers', async () => {
    const bytes = fixtureBytes('tiny-mlp.onnx');
    const fromBuffer = await createSession(bytes.slice().buffer, { ort, executionProviders: ['cpu'] });
    expect(fromBuffer.inputNames).toEqual(['x']);
    await fromBuffer.release();
  });

  it('wraps runtime failures in RuntimeError with the cause', async () => {
    const corrupt = await createSession(new Uint8Array([1, 2, 3, 4]), { ort }).catch((e: unknown) => e);
    expect(RuntimeError.isInstance(corrupt)).toBe(true);
    expect((corrupt as RuntimeError).operation).toBe('create');
    expect((corrupt as RuntimeError).cause).toBeInstanceOf(Error);
    // Shapes that pass the metadata check (symbolic D) but disagree inside the graph fail in the runtime.
    const nearest = await createSession(fixtureBytes('nearest-dot.onnx'), { ort });
    const failed = await nearest.run({ x: floats([2, 3]), codebook: floats([4, 5]) }).catch((e: unknown) => e);
    expect(RuntimeError.isInstance(failed) && failed.operation).toBe('run');
    await nearest.release();
  });

  it('checks feed names, types and fixed dimensions before calling the runtime', async () => {
    const session = await mlp();
    const cases: [Record<string, unknown>, (e: unknown) => boolean][] = [
      [{ x: floats([2, 4]), extra: floats([1]) }, (e) => InvalidArgumentError.isInstance(e) && e.argument === 'feeds.extra'],
      [{}, (e) => InvalidArgumentError.isInstance(e) && e.argument === 'feeds.x'],
      [{ x: { type: 'int64', dims: [2, 4], data: new BigInt64Array(8) } }, (e) => InvalidArgumentError.isInstance(e) && e.argument === 'feeds.x.type'],
      [{ x: { type: 'float32', dims: [2, 4], data: new Float64Array(8) } }, (e) => InvalidArgumentError.isInstance(e) && e.argument === 'feeds.x.data'],
      [{ x: { type: 'complex', dims: [1], data: new Float32Array(1) } }, (e) => InvalidArgumentError.isInstance(e) && e.argument === 'feeds.x.type'],
      [{ x: floats([2, 5]) }, (e) => ShapeMismatchError.isInstance(e) && e.argument === 'feeds.x' && e.expected === '[batch, 4]'],
      [{ x: floats([8]) }, (e) => ShapeMismatchError.isInstance(e) && e.argument === 'feeds.x'],
      [{ x: { type: 'float32', dims: [2, 4], data: new Float32Array(7) } }, (e) => ShapeMismatchError.isInstance(e) && e.argument === 'feeds.x.data'],
      [{ x: { type: 'float32', dims: [2, -4], data: new Float32Array(8) } }, (e) => InvalidArgumentError.isInstance(e) && e.argument === 'feeds.x.dims'],
      [{ x: null }, (e) => InvalidArgumentError.isInstance(e) && e.argument === 'feeds.x'],
    ];
    for (const [feeds, check] of cases) {
      const error = await session.run(feeds as never).catch((e: unknown) => e);
      expect(check(error), `${JSON.stringify(Object.keys(feeds))}: ${String(error)}`).toBe(true);
    }
    const notObject = await session.run(null as never).catch((e: unknown) => e);
    expect(InvalidArgumentError.isInstance(notObject) && notObject.argument).toBe('feeds');
    await session.release();
  });

  it('computes only the requested outputs', async () => {
    const session = await createSession(fixtureBytes('tiny-embed.onnx'), { ort });
    const outputs = await session.run(modelInputs('tiny-embed'), { outputs: ['pooled'] });
    expect(Object.keys(outputs)).toEqual(['pooled']);
    expect(outputs.pooled!.dims).toEqual([2, 4]);
    const bad = await session.run(modelInputs('tiny-embed'), { outputs: ['nope'] }).catch((e: unknown) => e);
    expect(InvalidArgumentError.isInstance(bad) && bad.argument).toBe('options.outputs');
    await session.release();
  });

  it('refuses to run after release, and release is idempotent', async () => {
    const session = await mlp();
    await session.release();
    await session.release();
    const error = await session.run(modelInputs('tiny-mlp')).catch((e: unknown) => e);
    expect(RuntimeError.isInstance(error) && error.operation).toBe('run');
  });

  it('honours abort signals on creation and on run', async () => {
    const aborted = AbortSignal.abort(new Error('stop'));
    await expect(createSession(fixtureBytes('tiny-mlp.onnx'), { ort, signal: aborted })).rejects.toThrow('stop');
    const session = await mlp();
    await expect(session.run(modelInputs('tiny-mlp'), { signal: aborted })).rejects.toThrow('stop');
    const controller = new AbortController();
    const running = session.run(modelInputs('tiny-mlp'), { signal: controller.signal });
    controller.abort(new Error('late'));
    await expect(running).rejects.toThrow('late');
    const outputs = await session.run(modelInputs('tiny-mlp'));
    expect(numbers(outputs.y!)).toHaveLength(15);
    await session.release();
  });
});
