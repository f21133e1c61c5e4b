import { createQuantizer } from '../../../src/quantizers/create-quantizer.js';
import type { QuantizerSpec } from '../../../src/quantizers/quantizer.js';
import type { Tensor } from '../../../src/tensor/tensor.js';
import type { GoldenAdapter } from '../golden-adapter.js';
import { floatTensor, paramTensors, type GoldenCase, type GoldenSample } from '../golden-case.js';

/** Encodes the sample, decodes the codes (forward output = decode(encode(x)), README §7) and returns both. */
function runVq(record: GoldenCase, sample: GoldenSample, spec: QuantizerSpec): Record<string, Tensor> {
  const quantizer = createQuantizer(spec, paramTensors(record));
  const input = floatTensor(sample.input);
  const indices = quantizer.encode(input);
  // Flat codes lose the [B, ...spatial] shape; it is the input's shape without its channel axis.
  const batchShape = spec.channelAxis === 'first' ? input.dims.filter((_, i) => i !== 1) : input.dims.slice(0, -1);
  const decoded = quantizer.decode(indices, { batchShape });
  return { indices, output: decoded, decoded };
}

/** lucidrains `VectorQuantize(dim, codebook_size, codebook_dim, use_cosine_sim, accept_image_fmap, channel_last)` (README §4.7). */
const lucidrainsVq: GoldenAdapter = {
  run(record, sample) {
    const kwargs = record.config.kwargs;
    const dim = kwargs['dim'] as number;
    const cosine = kwargs['use_cosine_sim'] === true;
    const channelFirst = kwargs['accept_image_fmap'] === true || kwargs['channel_last'] === false;
    const spec: QuantizerSpec = {
      type: 'vq',
      codebookSize: kwargs['codebook_size'] as number,
      dim,
      codebookDim: (kwargs['codebook_dim'] as number | null | undefined) ?? dim,
      metric: cosine ? 'cosine' : 'euclidean',
      normalizeEps: 1e-6,
      ...(cosine ? {} : { minDistance: 1e-8 }),
      channelAxis: channelFirst ? 'first' : 'last',
    };
    return runVq(record, sample, spec);
  },
};

/** LlamaGen `VectorQuantizer(n_e, e_dim, beta, entropy_loss_ratio, l2_norm)` (README §4.9). */
const llamagenVq: GoldenAdapter = {
  run(record, sample) {
    const kwargs = record.config.kwargs;
    const spec: QuantizerSpec = {
      type: 'vq',
      codebookSize: kwargs['n_e'] as number,
      dim: kwargs['e_dim'] as number,
      metric: kwargs['l2_norm'] === true ? 'l2-normalized' : 'euclidean',
      normalizeEps: 1e-12,
      channelAxis: 'first',
      indexLayout: 'flat',
    };
    return runVq(record, sample, spec);
  },
};

/** Golden adapters of this group of families, keyed by the case files' `family`. */
export const adapters: Readonly<Record<string, GoldenAdapter>> = {
  'lucidrains-vq': lucidrainsVq,
  'llamagen-vq': llamagenVq,
};
