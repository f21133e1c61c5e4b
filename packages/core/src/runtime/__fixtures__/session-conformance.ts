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

  it("the nearest-code graphs return torch's best four rows, lower index first on ties", async () => {
    const sessions = { l2: await open(fixtureBytes('nearest-l2.onnx')), dot: await open(fixtureBytes('nearest-dot.onnx')) };
    // Near ties are beyond float32 scores (the accelerated search redoes them); the clamp is applied outside the graph.
    for (const c of expected.nearest.filter((c) => !c.name.includes('near_ties') && (c.minDistance ?? null) === null)) {
      const { indices, scores } = await sessions[c.metric].run({ x: toTensor(c.x), codebook: toTensor(c.codebook) });
      expect(indices!.type, c.name).toBe('int64');
      expect(indices!.dims, c.name).toEqual([c.x.dims[0], 4]);
      expect(scores!.type, c.name).toBe('float32');
      expect(numbers(indices!), c.name).toEqual(c.top.data);
    }
    await sessions.l2.release();
    await sessions.dot.release();
  });
}
