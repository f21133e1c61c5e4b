import type { QuantizerFactory } from '../quantizer-factory.js';
import { createFsqQuantizer } from './create-fsq-quantizer.js';
import { createResidualFsqQuantizer } from './create-residual-fsq-quantizer.js';

/** Factories of this folder's quantizer types, keyed by spec `type`. */
export const fsqFactories: Readonly<Record<string, QuantizerFactory>> = {
  fsq: createFsqQuantizer,
  'residual-fsq': createResidualFsqQuantizer,
};

export { createFsqQuantizer } from './create-fsq-quantizer.js';
export { createResidualFsqQuantizer } from './create-residual-fsq-quantizer.js';
export { createFsqGrid, fsqIndex, fsqCodes, fsqLevelOf, type FsqGrid, type FsqGridOptions, type FsqBound } from './fsq-grid.js';
export { roundToBfloat16, roundArrayToBfloat16 } from './bfloat16.js';
export type { FsqOutputDtype, FsqSettings } from './read-fsq-spec.js';
export type { ResidualFsqVariant, ResidualFsqSettings } from './read-residual-fsq-spec.js';
