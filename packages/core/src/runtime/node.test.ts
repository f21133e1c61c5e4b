import { pathToFileURL } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { MissingDependencyError } from '../errors/missing-dependency-error.js';
import { RuntimeError } from './errors/runtime-error.js';
import { fixturePath, modelInputs, numbers } from './__fixtures__/fixtures.js';
import { describeSessionParity } from './__fixtures__/session-conformance.js';
import { loadOrt } from './load-ort.js';
import { createSession, loadOnnxruntimeNode } from './node.js';

describe('createSession (Node entry, default onnxruntime-node)', () => {
  describeSessionParity((model) => createSession(model, { threads: 1 }));

  it('imports onnxruntime-node lazily, once', async () => {
    const first = await loadOnnxruntimeNode();
    expect(first.InferenceSession).toBe(ortNode.InferenceSession);
    expect(await loadOnnxruntimeNode()).toBe(first);
  });

  it('loads a model from a path and from a file: URL', async () => {
    for (const model of [fixturePath('tiny-mlp.onnx'), pathToFileURL(fixturePath('tiny-mlp.onnx')).href]) {
      const session = await createSession(model);
      expect(numbers((await session.run(modelInputs('tiny-mlp'))).y!)).toHaveLength(15);
      await session.release();
    }
  });

  it('rejects bad options before fetching a URL model', async () => {
    const error = await createSession('http://127.0.0.1:9/model.onnx', { threads: 0 }).catch((e: unknown) => e);
    expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('options.threads');
  });

  it('wraps an unreachable model URL in RuntimeError', async () => {
    const error = await createSession('http://127.0.0.1:9/model.onnx').catch((e: unknown) => e);
    expect(RuntimeError.isInstance(error) && error.operation).toBe('load');
    expect((error as Error).message).toContain('http://127.0.0.1:9/model.onnx');
  });

  it('wraps a missing model file in RuntimeError', async () => {
    const error = await createSession(fixturePath('no-such-model.onnx')).catch((e: unknown) => e);
    expect(RuntimeError.isInstance(error) && error.operation).toBe('create');
  });

  it('reports an absent runtime package as MissingDependencyError naming it', async () => {
    const notFound = Object.assign(new Error("Cannot find package 'onnxruntime-node'"), { code: 'ERR_MODULE_NOT_FOUND' });
    const error = await loadOrt('onnxruntime-node', () => Promise.reject(notFound)).catch((e: unknown) => e);
    expect(MissingDependencyError.isInstance(error)).toBe(true);
    expect((error as MissingDependencyError).packageName).toBe('onnxruntime-node');
    expect((error as Error).message).toContain('npm install onnxruntime-node');
    expect((error as Error).cause).toBe(notFound);
    // Bundlers report the specifier without a code.
    const bundler = await loadOrt('onnxruntime-web', () => Promise.reject(new TypeError('Failed to resolve module specifier "onnxruntime-web"'))).catch((e: unknown) => e);
    expect(MissingDependencyError.isInstance(bundler) && bundler.packageName).toBe('onnxruntime-web');
    // Vite builds an optional peer that is not installed into a module that throws this.
    const vite = await loadOrt('onnxruntime-web', () => Promise.reject(new Error('Could not resolve "onnxruntime-web" imported by "@jointok/core". Is it installed?'))).catch((e: unknown) => e);
    expect(MissingDependencyError.isInstance(vite) && vite.packageName).toBe('onnxruntime-web');
  });

  it('reports a runtime that is installed but broken as RuntimeError, and a module without the API as InvalidArgumentError', async () => {
    const broken = await loadOrt('onnxruntime-node', () => Promise.reject(new Error('libonnxruntime.so.1: cannot open shared object file'))).catch((e: unknown) => e);
    expect(RuntimeError.isInstance(broken) && broken.operation).toBe('load');
    const empty = await loadOrt('onnxruntime-node', () => Promise.resolve({ default: {} })).catch((e: unknown) => e);
    expect((empty as Error).name).toBe('InvalidArgumentError');
  });

  it('unwraps a CommonJS default export', async () => {
    const ort = await loadOrt('onnxruntime-node', () => Promise.resolve({ default: ortNode }));
    expect(ort.Tensor).toBe(ortNode.Tensor);
  });
});
