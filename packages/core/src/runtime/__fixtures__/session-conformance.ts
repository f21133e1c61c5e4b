// Checks shared by the Node (onnxruntime-node) and WASM (onnxruntime-web) tests of createSession.
import { expect, it } from 'vitest';
import type { Session } from '../session.js';
import type { ModelSource } from '../session-options.js';
import { expected, fixtureBytes, modelInputs, numbers, toTensor } from './fixtures.js';

/** Registers `it` blocks that run every fixture model through sessions made by `open`. */
export function describeSessionParity(open: (model: ModelSource) => Promise<Session>): void {
  for (const model of ['tiny-mlp', 'tiny-embed']) {
    it(`${model} matches torch's outputs`, async () => {
      const session = await open(fixtureBytes(`${model}.onnx`));
      const want = expected.models[model]!.outputs;
      expect(session.outputNames).toEqual(Object.keys(want));
      const outputs = await session.run(modelInputs(model));
      for (const [name, json] of Object.entries(want)) {
        const got = outputs[name]!;
        expect(got.type).toBe(json.type);
        expect(got.dims).toEqual(json.dims);
        const values = numbers(got);
        json.data.forEach((value, i) => expect(values[i]).toBeCloseTo(value, 5));
      }
      await session.release();
    });
  }

  it('the nearest-code graphs give torch argmin/argmax indices, first index on ties', async () => {
    const sessions = { l2: await open(fixtureBytes('nearest-l2.onnx')), dot: await open(fixtureBytes('nearest-dot.onnx')) };
    for (const c of expected.nearest) {
      const feeds = { x: toTensor(c.x), codebook: toTensor(c.codebook) };
      const extra = c.metric === 'l2' ? { min_distance: { type: 'float64' as const, dims: [], data: Float64Array.of(c.minDistance ?? -Infinity) } } : {};
      const { indices } = await sessions[c.metric].run({ ...feeds, ...extra });
      expect(indices!.type, c.name).toBe('int64');
      expect(numbers(indices!), c.name).toEqual(c.indices.data);
    }
    await sessions.l2.release();
    await sessions.dot.release();
  });
}
