// Browser-bundle check of @jointok/core (see CONTRIBUTING.md, "Browser bundle checks"): runs in Node
// and in the Vite and esbuild bundles of the integration tests, which compare the results. It imports
// only the published entry point, as an app does; no ONNX Runtime package is installed there.
import { createJointVocabulary, createQuantizer, createSession, fitCodebook, MissingDependencyError } from '@jointok/core';

/** Deterministic latents in [-3, 3] (no Math.random: Node and the browser must see the same numbers). */
function latents(count: number, seed: number): Float32Array {
  const data = new Float32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = (state / 2 ** 32) * 6 - 3;
  }
  return data;
}

export default async function check(): Promise<Record<string, unknown>> {
  const fsq = createQuantizer({ type: 'fsq', levels: [8, 5, 5, 5], channelAxis: 'first' });
  const image = fsq.encode({ type: 'float32', dims: [1, 4, 3, 5], data: latents(4 * 3 * 5, 1) });
  const decoded = fsq.decode(image);

  const dim = 8;
  const training = latents(512 * dim, 2);
  const fitted = fitCodebook(training, 512, dim, { codebookSize: 32, seed: 3 });
  const vq = createQuantizer(fitted.spec, fitted.weights);
  const vqCodes = vq.encode({ type: 'float32', dims: [1, 16, dim], data: training.subarray(0, 16 * dim) });

  const layout = {
    format: 'jointok.layout',
    version: 1,
    name: 'bundle-check',
    text: { size: 1000 },
    tokens: { boi: { id: 1000 }, eoi: { id: 1001 } },
    spaces: [{ name: 'image', modality: 'image', codes: { type: 'offset', base: { id: 1002 }, codebookSize: fsq.codebookSize }, begin: ['boi'], end: ['eoi'], body: { type: 'grid', shape: [3, 5] } }],
  } as const;
  const vocabulary = createJointVocabulary(layout, { tokens: new Map() });
  const { ids } = vocabulary.serialize([
    { modality: 'text', codes: Int32Array.of(5, 6, 7), shape: [3], meta: {} },
    { modality: 'image', codes: image.data as Int32Array, shape: [3, 5], meta: {} },
  ]);
  const parsed = vocabulary.parse(ids).blocks.map((block) => ({ modality: block.modality, shape: block.shape, codes: block.codes }));

  // No onnxruntime-node / onnxruntime-web is installed: the bundle still builds, and a session fails clearly.
  const session = await createSession(new Uint8Array(8)).then(
    () => 'created',
    (error: unknown) => ({ missingDependency: MissingDependencyError.isInstance(error), runtimePackage: /^onnxruntime-(node|web)$/.test((error as MissingDependencyError).packageName) }),
  );

  return { fsqCodes: image.data, fsqDims: image.dims, decoded: decoded.data, vqCodes: vqCodes.data, jointIds: ids, parsed, session };
}
