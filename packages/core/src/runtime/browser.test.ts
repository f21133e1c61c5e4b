import * as ortWeb from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { createSession, loadOnnxruntimeWeb } from './browser.js';
import { fixtureBytes, modelInputs, numbers } from './__fixtures__/fixtures.js';
import { describeSessionParity } from './__fixtures__/session-conformance.js';

// onnxruntime-web's WASM backend, run in Node: the same code path the browser build takes.
describe('createSession (browser entry, default onnxruntime-web / WASM)', () => {
  describeSessionParity((model) => createSession(model, { threads: 1, executionProviders: ['wasm'] }));

  it('defaults to onnxruntime-web and sets its WASM thread count', async () => {
    const ort = await loadOnnxruntimeWeb();
    expect(ort.InferenceSession).toBe(ortWeb.InferenceSession);
    expect(ortWeb.env.wasm.numThreads).toBe(1);
  });

  it('also runs on an injected ort', async () => {
    const session = await createSession(fixtureBytes('tiny-mlp.onnx'), { ort: ortWeb as never });
    expect(numbers((await session.run(modelInputs('tiny-mlp'))).y!)).toHaveLength(15);
    await session.release();
  });

  it('rejects bad arguments before loading anything', async () => {
    const error = await createSession(new Uint8Array(0)).catch((e: unknown) => e);
    expect(InvalidArgumentError.isInstance(error) && error.argument).toBe('model');
  });
});
