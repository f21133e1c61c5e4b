import { createQuantizer } from '../../../src/quantizers/create-quantizer.js';
import type { QuantizerSpec } from '../../../src/quantizers/quantizer.js';
import type { Tensor } from '../../../src/tensor/tensor.js';
import type { GoldenAdapter } from '../golden-adapter.js';
import { floatTensor, paramTensors, type GoldenCase } from '../golden-case.js';

/** A reference kwarg, with Python's `None` (JSON null) read as absent. */
function kwarg(record: GoldenCase, name: string): unknown {
  return record.config.kwargs[name] ?? undefined;
}

/** lucidrains `LFQ`: channel 0 is the most significant bit; layout decided per call as the reference does. */
const lucidrainsLfq: GoldenAdapter = {
  run(record, sample) {
    const input = floatTensor(sample.input);
    const channelFirst = kwarg(record, 'channel_first') as boolean | undefined;
    const keepStreamAxis = kwarg(record, 'keep_num_codebooks_dim') as boolean | undefined;
    const quantizer = createQuantizer(
      {
        type: 'lfq',
        bitOrder: 'msb-first',
        dim: kwarg(record, 'dim'),
        codebookSize: kwarg(record, 'codebook_size'),
        numCodebooks: kwarg(record, 'num_codebooks'),
        spherical: kwarg(record, 'spherical'),
        codebookScale: kwarg(record, 'codebook_scale'),
        hasProjections: kwarg(record, 'has_projections'),
        projectionHasBias: kwarg(record, 'projection_has_bias'),
        keepStreamAxis,
      },
      paramTensors(record),
    );
    // forward: channel first for 4-D/5-D input unless channel_first says otherwise.
    const inputAxis = (channelFirst ?? input.dims.length >= 4) ? 'first' : 'last';
    const indices = quantizer.encode(input, { channelAxis: inputAxis });
    // indices_to_codes: channel first when the indices look like an image or video.
    const streamAxis = quantizer.numCodebooks > 1 || keepStreamAxis === true ? 1 : 0;
    const decodeAxis = (channelFirst ?? indices.dims.length >= 3 + streamAxis) ? 'first' : 'last';
    return {
      indices,
      output: quantizer.decode(indices, { channelAxis: inputAxis }),
      decoded: quantizer.decode(indices, { channelAxis: decodeAxis }),
    };
  },
};

/** Open-MAGVIT2 `LFQ`: always channel first, channel 0 least significant, flat indices (a (pre, post) pair when factorized). */
const magvit2Lfq: GoldenAdapter = {
  run(record, sample): Record<string, Tensor> {
    const input = floatTensor(sample.input);
    const factorized = kwarg(record, 'token_factorization') === true;
    const quantizer = createQuantizer({
      type: 'lfq',
      bitOrder: 'lsb-first',
      dim: kwarg(record, 'dim'),
      codebookSize: kwarg(record, 'codebook_size'),
      numCodebooks: kwarg(record, 'num_codebooks'),
      factorizedBits: factorized ? (kwarg(record, 'factorized_bits') ?? [9, 9]) : undefined,
      channelAxis: 'first',
      // Factorized codes come back as two tensors; streams-first puts each one in a contiguous half.
      indexLayout: factorized ? 'streams-first' : 'flat',
    });
    const batchShape = input.dims.filter((_, axis) => axis !== 1);
    // get_codebook_entry takes (B, H, W, C): audio [B, D, T] decodes as [B, C, 1, T].
    const decodeShape = batchShape.length === 2 ? [batchShape[0]!, 1, batchShape[1]!] : batchShape;
    const codes = quantizer.encode(input);
    if (!factorized) {
      return {
        indices: codes,
        output: quantizer.decode(codes, { batchShape }),
        decoded: quantizer.decode(codes, { batchShape: decodeShape }),
      };
    }
    const half = codes.data.length / 2;
    const flat = (data: Tensor<'int32' | 'int64'>['data']): Tensor<'int32' | 'int64'> =>
      data instanceof Int32Array ? { type: 'int32', dims: [half], data } : { type: 'int64', dims: [half], data };
    return {
      indices: flat(codes.data.subarray(0, half)),
      indices_post: flat(codes.data.subarray(half)),
      output: quantizer.decode(codes),
      decoded: quantizer.decode({ ...codes, dims: [2, ...decodeShape] } as Tensor<'int32' | 'int64'>),
    };
  },
};

/** bsq-vit `BinarySphericalQuantizer`: one quantizer for the full index, one for the group indices. */
const bsqVit: GoldenAdapter = {
  run(record, sample) {
    const input = floatTensor(sample.input);
    const base: QuantizerSpec = {
      type: 'bsq',
      embedDim: kwarg(record, 'embed_dim'),
      groupSize: kwarg(record, 'group_size') ?? 9,
      l2Norm: kwarg(record, 'l2_norm'),
      channelAxis: (kwarg(record, 'input_format') ?? 'bchw') === 'blc' ? 'last' : 'first',
    };
    const full = createQuantizer({ ...base, indexMode: 'full' });
    const groups = createQuantizer({ ...base, indexMode: 'groups', keepStreamAxis: true });
    const indices = full.encode(input);
    const groupIndices = groups.encode(input);
    // For bchw the reference's decode raises; the golden decode is blc decode rearranged to [B, D, H, W].
    const decoded = full.decode(indices);
    return {
      indices,
      group_indices: groupIndices,
      output: decoded,
      decoded,
      decoded_from_group_indices: groups.decode(groupIndices),
    };
  },
};

/** Golden adapters of this group of families, keyed by the case files' `family`. */
export const adapters: Readonly<Record<string, GoldenAdapter>> = {
  'lucidrains-lfq': lucidrainsLfq,
  'magvit2-lfq': magvit2Lfq,
  'bsq-vit': bsqVit,
};
