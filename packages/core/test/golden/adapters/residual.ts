import { createQuantizer } from '../../../src/quantizers/create-quantizer.js';
import type { QuantizerSpec } from '../../../src/quantizers/quantizer.js';
import type { ProjectedResidualQuantizer } from '../../../src/quantizers/residual/index.js';
import type { Tensor } from '../../../src/tensor/tensor.js';
import type { GoldenAdapter } from '../golden-adapter.js';
import { codesTensor, floatTensor, paramTensors, type GoldenCase, type GoldenSample, type TensorRecord } from '../golden-case.js';

type Kwargs = Record<string, unknown>;

const kwargsOf = (record: GoldenCase): Kwargs => record.config.kwargs;
const optionalNumber = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** EnCodec `ResidualVectorQuantization`: `[B, D, T]` in, indices `[n_q, B, T]`, euclidean without clamp. */
const encodec: GoldenAdapter = {
  run(record: GoldenCase, sample: GoldenSample) {
    const kwargs = kwargsOf(record);
    const spec: QuantizerSpec = {
      type: 'residual-vq',
      numQuantizers: kwargs['num_quantizers'] as number,
      codebookSize: kwargs['codebook_size'] as number,
      dim: kwargs['dim'] as number,
      metric: 'euclidean',
      channelAxis: 'first',
      indexLayout: 'streams-first',
    };
    const quantizer = createQuantizer(spec, paramTensors(record));
    const input = floatTensor(sample.input);
    const options = { numQuantizers: optionalNumber(sample.call?.['n_q']) };
    const indices = quantizer.encode(input, options);
    return {
      indices,
      output: quantizer.decode(indices),
      decoded: quantizer.decode(codesTensor(sample['indices'] as TensorRecord)),
      indices_encode_api: quantizer.encode(input, options),
    };
  },
};

/** lucidrains `ResidualVQ`: `[B, N, D]` in, indices `[B, N, Q]`, cdist clamp 1e-8, cosine eps 1e-6, optional projections. */
const lucidrains: GoldenAdapter = {
  run(record: GoldenCase, sample: GoldenSample) {
    const kwargs = kwargsOf(record);
    const cosine = kwargs['use_cosine_sim'] === true;
    const spec: QuantizerSpec = {
      type: 'residual-vq',
      numQuantizers: kwargs['num_quantizers'] as number,
      codebookSize: kwargs['codebook_size'] as number,
      dim: kwargs['dim'] as number,
      codebookDim: optionalNumber(kwargs['codebook_dim']),
      metric: cosine ? 'cosine' : 'euclidean',
      cosineEps: 1e-6,
      minSquaredDistance: cosine ? undefined : 1e-8,
      channelAxis: 'last',
      indexLayout: 'tokens-streams',
      keepStreamAxis: true,
    };
    const quantizer = createQuantizer(spec, paramTensors(record));
    const indices = quantizer.encode(floatTensor(sample.input));
    return { indices, output: quantizer.decode(indices), decoded: quantizer.decode(codesTensor(sample['indices'] as TensorRecord)) };
  },
};

/** DAC `ResidualVectorQuantize`: `[B, D, T]` in, codes `[B, N, T]`, plus `latents` and `decoded_latents`. */
const dac: GoldenAdapter = {
  run(record: GoldenCase, sample: GoldenSample) {
    const kwargs = kwargsOf(record);
    const spec: QuantizerSpec = {
      type: 'projected-residual-vq',
      numQuantizers: kwargs['n_codebooks'] as number,
      codebookSize: kwargs['codebook_size'] as number,
      dim: kwargs['input_dim'] as number,
      codebookDim: kwargs['codebook_dim'] ?? 8,
    };
    // Only the weight-norm parts (v, g) go in, so the folding itself is under test.
    const weights = Object.fromEntries(Object.entries(paramTensors(record)).filter(([name]) => !/_proj\.weight$/.test(name)));
    const quantizer = createQuantizer(spec, weights) as ProjectedResidualQuantizer;
    const encoded = quantizer.encodeDetailed(floatTensor(sample.input), { numQuantizers: optionalNumber(sample.call?.['n_quantizers']) });
    const decoded = quantizer.decodeDetailed(codesTensor(sample['indices'] as TensorRecord));
    const results: Record<string, Tensor> = {
      indices: encoded.codes,
      output: encoded.output,
      latents: encoded.latents,
      decoded: decoded.output,
      decoded_latents: decoded.latents,
    };
    return results;
  },
};

/** Golden adapters of this group of families, keyed by the case files' `family`. */
export const adapters: Readonly<Record<string, GoldenAdapter>> = {
  'encodec-rvq': encodec,
  'lucidrains-rvq': lucidrains,
  'dac-rvq': dac,
};
