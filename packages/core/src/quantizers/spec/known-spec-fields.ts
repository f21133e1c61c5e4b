import type { KnownQuantizerSpec } from './quantizer-specs.js';

const LAYOUT = ['channelAxis', 'decodeChannelAxis', 'indexLayout', 'keepStreamAxis'] as const;
const VQ = ['codebookSize', 'dim', 'codebookDim', 'metric', 'returnRow', 'projection', 'normalizeEps', 'minDistance', 'codebookWeight'] as const;

/**
 * The fields each spec `type` reads, besides `type`; any other field is a mistake (`chanelAxis`) and
 * `createQuantizer` refuses it. Kept beside the spec types, checked against them by a type test.
 */
export const KNOWN_SPEC_FIELDS: { readonly [T in KnownQuantizerSpec['type']]: readonly Exclude<keyof Extract<KnownQuantizerSpec, { type: T }>, 'type'>[] } = {
  fsq: [...LAYOUT, 'levels', 'numCodebooks', 'dim', 'bound', 'preserveSymmetry', 'eps', 'projectionBias', 'outputDtype'],
  'residual-fsq': [...LAYOUT, 'levels', 'numQuantizers', 'variant', 'dim', 'bound', 'softClampInputValue', 'outputDtype'],
  lfq: [...LAYOUT, 'dim', 'codebookSize', 'numCodebooks', 'bitOrder', 'factorizedBits', 'spherical', 'codebookScale', 'hasProjections', 'projectionHasBias'],
  bsq: [...LAYOUT, 'embedDim', 'groupSize', 'indexMode', 'l2Norm'],
  vq: [...LAYOUT, ...VQ],
  'grouped-vq': [...LAYOUT, ...VQ, 'groups'],
  'residual-vq': [...LAYOUT, 'codebookSize', 'dim', 'weightPrefix', 'numQuantizers', 'codebookDim', 'outputDim', 'projections', 'projectionBias', 'metric', 'cosineEps', 'minSquaredDistance'],
  'projected-residual-vq': [...LAYOUT, 'codebookSize', 'dim', 'weightPrefix', 'numQuantizers', 'codebookDim', 'normEps'],
  'multiscale-residual-vq': ['strides', 'codebookSize', 'dim', 'codebookDim', 'normEps', 'weightPrefix', 'channelAxis', 'decodeChannelAxis'],
  'split-residual-vq': [...LAYOUT, 'codebookSize', 'dim', 'weightPrefix', 'numQuantizers', 'codebookDim', 'numSemantic', 'outputDim'],
};
