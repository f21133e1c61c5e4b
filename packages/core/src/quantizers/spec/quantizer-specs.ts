import type { BitOrder, BsqIndexMode } from '../lfq/index.js';
import type { ChannelAxis, IndexLayout } from '../quantizer.js';
import type { VqMetric, VqReturnRow } from '../vq/index.js';

/** Layout fields every family except `multiscale-residual-vq` accepts (see `QuantizerLayoutSpec`). */
interface LayoutFields {
  readonly channelAxis?: ChannelAxis;
  readonly decodeChannelAxis?: ChannelAxis;
  readonly indexLayout?: IndexLayout;
  readonly keepStreamAxis?: boolean;
}

/** `fsq`: finite scalar quantization (Mentzer et al.; lucidrains and Cosmos). */
export interface FsqQuantizerSpec extends LayoutFields {
  readonly type: 'fsq';
  readonly levels: readonly number[];
  readonly numCodebooks?: number;
  readonly dim?: number;
  readonly bound?: 'tanh' | 'tan' | 'hard-clamp';
  readonly preserveSymmetry?: boolean;
  readonly eps?: number;
  readonly projectionBias?: boolean;
  readonly outputDtype?: 'float32' | 'bfloat16';
}

/** `residual-fsq`: residual stages of FSQ (lucidrains `ResidualFSQ`, Cosmos). */
export interface ResidualFsqQuantizerSpec extends LayoutFields {
  readonly type: 'residual-fsq';
  readonly levels: readonly number[];
  readonly numQuantizers: number;
  readonly variant?: 'lucidrains' | 'cosmos';
  readonly dim?: number;
  readonly bound?: 'tanh' | 'hard-clamp';
  readonly softClampInputValue?: number;
  readonly outputDtype?: 'float32' | 'bfloat16';
}

/** `lfq`: lookup-free quantization (MAGVIT-v2, Open-MAGVIT2, lucidrains). */
export interface LfqQuantizerSpec extends LayoutFields {
  readonly type: 'lfq';
  readonly dim?: number;
  readonly codebookSize?: number;
  readonly numCodebooks?: number;
  readonly bitOrder?: BitOrder;
  readonly factorizedBits?: readonly number[];
  readonly spherical?: boolean;
  readonly codebookScale?: number;
  readonly hasProjections?: boolean;
  readonly projectionHasBias?: boolean;
}

/** `bsq`: binary spherical quantization (BSQ-ViT). */
export interface BsqQuantizerSpec extends LayoutFields {
  readonly type: 'bsq';
  readonly embedDim: number;
  readonly groupSize?: number;
  readonly indexMode?: BsqIndexMode;
  readonly l2Norm?: boolean;
}

/** Fields of `vq` and `grouped-vq`. */
interface VqFields extends LayoutFields {
  readonly codebookSize: number;
  readonly dim: number;
  readonly codebookDim?: number;
  readonly metric?: VqMetric;
  readonly returnRow?: VqReturnRow;
  readonly projection?: boolean;
  readonly normalizeEps?: number;
  readonly minDistance?: number | null;
  /** Name of the codebook weight (default `codebook`). */
  readonly codebookWeight?: string;
}

/** `vq`: nearest-code vector quantization (euclidean, cosine, l2-normalised; LlamaGen, VQGAN, TiTok). */
export interface VqQuantizerSpec extends VqFields {
  readonly type: 'vq';
}

/** `grouped-vq`: the channels split into groups, each quantized with its own codebook. */
export interface GroupedVqQuantizerSpec extends VqFields {
  readonly type: 'grouped-vq';
  readonly groups: number;
}

/** Fields of the residual VQ families. */
interface ResidualFields extends LayoutFields {
  readonly codebookSize: number;
  readonly dim: number;
  /** Prefix of every weight name (a whole model's state dict). */
  readonly weightPrefix?: string;
}

/** `residual-vq`: EnCodec / lucidrains residual VQ. */
export interface ResidualVqQuantizerSpec extends ResidualFields {
  readonly type: 'residual-vq';
  readonly numQuantizers: number;
  readonly codebookDim?: number;
  readonly outputDim?: number;
  readonly projections?: boolean;
  readonly projectionBias?: boolean;
  readonly metric?: 'euclidean' | 'cosine';
  readonly cosineEps?: number;
  readonly minSquaredDistance?: number;
}

/** `projected-residual-vq`: DAC's factorized residual VQ (weight-normed projections, l2-normalised lookup). */
export interface ProjectedResidualVqQuantizerSpec extends ResidualFields {
  readonly type: 'projected-residual-vq';
  readonly numQuantizers: number;
  readonly codebookDim?: number | readonly number[];
  readonly normEps?: number;
}

/** `multiscale-residual-vq`: SNAC's residual VQ with one temporal stride per stage (codes per scale). */
export interface MultiscaleResidualVqQuantizerSpec {
  readonly type: 'multiscale-residual-vq';
  readonly strides: readonly number[];
  readonly codebookSize: number;
  readonly dim: number;
  readonly codebookDim?: number | readonly number[];
  readonly normEps?: number;
  readonly weightPrefix?: string;
  readonly channelAxis?: ChannelAxis;
  readonly decodeChannelAxis?: ChannelAxis;
}

/** `split-residual-vq`: Mimi's semantic + acoustic residual VQ. */
export interface SplitResidualVqQuantizerSpec extends ResidualFields {
  readonly type: 'split-residual-vq';
  readonly numQuantizers: number;
  readonly codebookDim: number;
  readonly numSemantic?: number;
  readonly outputDim?: number;
}

/**
 * Every quantizer spec `createQuantizer` reads, discriminated by `type`: a typo in `type` or in a field
 * fails to type-check, and fields autocomplete.
 */
export type KnownQuantizerSpec =
  | FsqQuantizerSpec
  | ResidualFsqQuantizerSpec
  | LfqQuantizerSpec
  | BsqQuantizerSpec
  | VqQuantizerSpec
  | GroupedVqQuantizerSpec
  | ResidualVqQuantizerSpec
  | ProjectedResidualVqQuantizerSpec
  | MultiscaleResidualVqQuantizerSpec
  | SplitResidualVqQuantizerSpec;
