// A third-party tokenizer family, as a package outside core would write it: it imports only the public
// API of '@jointok/core' (resolved through node_modules to core's built package, not its sources).
// Model: `encoder.onnx` maps x [5, 4] to latents y [5, 3]; a VQ quantizer turns each row into a code.
import { checkTokenBlock, codesTensorFromBlock, createModalityTokenizer, createQuantizerFromRepository, tokenBlockFromCodes } from '@jointok/core';

/** @type {import('@jointok/core').TokenizerFamily} */
export const toyFamily = {
  family: 'toy-mlp-vq',
  modality: 'image',
  packageName: 'jointok-toy-family',
  async load(repository, options) {
    const encoder = await options.createSession(await repository.file('encoder.onnx', { signal: options.signal }));
    const quantizer = await createQuantizerFromRepository(repository, { nearestSearch: options.nearestSearch, signal: options.signal });
    const codeSpace = repository.manifest.codeSpace;
    return createModalityTokenizer({
      modality: 'image',
      codeSpace,
      async encode(x, callOptions) {
        const { y } = await encoder.run({ x }, { signal: callOptions?.signal });
        const codes = await quantizer.encodeAsync(y, { signal: callOptions?.signal });
        return tokenBlockFromCodes(codes, { modality: 'image', codeSpace, meta: { loadedWith: options.familyOptions?.tag } });
      },
      decode(block) {
        checkTokenBlock(block, codeSpace);
        const codes = codesTensorFromBlock(block);
        return quantizer.decode({ ...codes, dims: block.shape });
      },
      dispose: () => encoder.release(),
    });
  },
};
