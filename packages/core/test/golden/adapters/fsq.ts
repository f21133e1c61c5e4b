import { createQuantizer } from '../../../src/quantizers/create-quantizer.js';
import type { ChannelAxis, QuantizerSpec } from '../../../src/quantizers/quantizer.js';
import type { Tensor } from '../../../src/tensor/tensor.js';
import type { GoldenAdapter } from '../golden-adapter.js';
import { floatTensor, paramTensors, type GoldenCase, type GoldenSample } from '../golden-case.js';

/** A reference kwarg, with Python's `None` (JSON null) read as absent. */
function kwarg(record: GoldenCase, name: string): unknown {
  return record.config.kwargs[name] ?? undefined;
}

/** The FSQ references treat 4-D/5-D input as channel first, 3-D as channel last unless flagged. */
function channelAxisOf(input: Tensor, channelFirst: unknown): ChannelAxis {
  return input.dims.length >= 4 || channelFirst === true ? 'first' : 'last';
}

/** Cosmos's `dtype` kwarg (absent: bfloat16) as a jointok output dtype. */
function cosmosOutputDtype(dtype: unknown): 'float32' | 'bfloat16' {
  return typeof dtype === 'string' && dtype.includes('float32') ? 'float32' : 'bfloat16';
}

/** The stage count of a residual forward call (`call.num_quantizers` / `call.n_q`), if any. */
function stageCount(sample: GoldenSample): number | undefined {
  const value = sample.call?.['num_quantizers'] ?? sample.call?.['n_q'];
  return typeof value === 'number' ? value : undefined;
}

/**
 * Encodes the sample and decodes the indices. The forward output equals the decoded codes, in the
 * input's layout; the decode API's layout is the spec's `decodeChannelAxis`.
 */
function roundTrip(spec: QuantizerSpec, record: GoldenCase, sample: GoldenSample): Record<string, Tensor> {
  const quantizer = createQuantizer(spec, paramTensors(record));
  const numQuantizers = stageCount(sample);
  const indices = quantizer.encode(floatTensor(sample.input), numQuantizers === undefined ? {} : { numQuantizers });
  const decoded = quantizer.decode(indices);
  const output = spec.decodeChannelAxis === undefined ? decoded : quantizer.decode(indices, { channelAxis: spec.channelAxis ?? 'last' });
  return { indices, output, decoded };
}

/** lucidrains `FSQ(levels, dim, num_codebooks, channel_first, preserve_symmetry, bound_hard_clamp, …)`. */
const lucidrainsFsq: GoldenAdapter = {
  run(record, sample) {
    const numCodebooks = (kwarg(record, 'num_codebooks') as number | undefined) ?? 1;
    const spec: QuantizerSpec = {
      type: 'fsq',
      levels: kwarg(record, 'levels'),
      dim: kwarg(record, 'dim'),
      numCodebooks,
      bound: kwarg(record, 'bound_hard_clamp') === true ? 'hard-clamp' : 'tanh',
      preserveSymmetry: kwarg(record, 'preserve_symmetry'),
      projectionBias: kwarg(record, 'projection_has_bias'),
      channelAxis: channelAxisOf(floatTensor(sample.input), kwarg(record, 'channel_first')),
      indexLayout: 'tokens-streams',
      keepStreamAxis: (kwarg(record, 'keep_num_codebooks_dim') as boolean | undefined) ?? numCodebooks > 1,
    };
    return roundTrip(spec, record, sample);
  },
};

/** Cosmos `FSQuantizer(levels, dim, num_codebooks, dtype)`: bfloat16 outputs unless `dtype` says otherwise. */
const cosmosFsq: GoldenAdapter = {
  run(record, sample) {
    const numCodebooks = (kwarg(record, 'num_codebooks') as number | undefined) ?? 1;
    const spec: QuantizerSpec = {
      type: 'fsq',
      levels: kwarg(record, 'levels'),
      dim: kwarg(record, 'dim'),
      numCodebooks,
      bound: 'tanh',
      outputDtype: cosmosOutputDtype(kwarg(record, 'dtype')),
      channelAxis: channelAxisOf(floatTensor(sample.input), false),
      indexLayout: 'tokens-streams',
      keepStreamAxis: (kwarg(record, 'keep_num_codebooks_dim') as boolean | undefined) ?? numCodebooks > 1,
    };
    return roundTrip(spec, record, sample);
  },
};

/**
 * lucidrains `ResidualFSQ(levels, num_quantizers, dim, is_channel_first)`: indices `[B, N, Q]`, or
 * `[B, Q, ...]` when channel first; `get_output_from_indices` is channel last either way.
 */
const lucidrainsResidualFsq: GoldenAdapter = {
  run(record, sample) {
    const channelFirst = kwarg(record, 'is_channel_first') === true;
    const hardClamp = kwarg(record, 'bound_hard_clamp') ?? true;
    const spec: QuantizerSpec = {
      type: 'residual-fsq',
      variant: 'lucidrains',
      levels: kwarg(record, 'levels'),
      numQuantizers: kwarg(record, 'num_quantizers'),
      dim: kwarg(record, 'dim'),
      bound: hardClamp === true ? 'hard-clamp' : 'tanh',
      softClampInputValue: kwarg(record, 'soft_clamp_input_value'),
      channelAxis: channelFirst ? 'first' : 'last',
      decodeChannelAxis: 'last',
      indexLayout: channelFirst ? 'streams-after-batch' : 'tokens-streams',
      keepStreamAxis: true,
    };
    return roundTrip(spec, record, sample);
  },
};

/** Cosmos `ResidualFSQuantizer(levels, num_quantizers)`: indices `[B, Q, ...]`, bfloat16 stage sums. */
const cosmosResidualFsq: GoldenAdapter = {
  run(record, sample) {
    const axis = channelAxisOf(floatTensor(sample.input), false);
    const spec: QuantizerSpec = {
      type: 'residual-fsq',
      variant: 'cosmos',
      levels: kwarg(record, 'levels'),
      numQuantizers: kwarg(record, 'num_quantizers'),
      channelAxis: axis,
      indexLayout: 'streams-after-batch',
    };
    return roundTrip(spec, record, sample);
  },
};

/** The FSQ paper's published code (google-research `fsq`): the `tan` bound, channel-last `(..., d)` input. */
const paperFsq: GoldenAdapter = {
  run(record, sample) {
    const spec: QuantizerSpec = { type: 'fsq', levels: kwarg(record, 'levels'), eps: kwarg(record, 'eps'), bound: 'tan', channelAxis: 'last' };
    return roundTrip(spec, record, sample);
  },
};

/** Golden adapters of this group of families, keyed by the case files' `family`. */
export const adapters: Readonly<Record<string, GoldenAdapter>> = {
  'lucidrains-fsq': lucidrainsFsq,
  'cosmos-fsq': cosmosFsq,
  'lucidrains-rfsq': lucidrainsResidualFsq,
  'cosmos-rfsq': cosmosResidualFsq,
  'paper-fsq': paperFsq,
};
