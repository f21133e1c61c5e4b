export type { Tensor, TensorType, TensorDataTypeMap } from './tensor.js';
export { createTensor, sizeOf, assertValidDims, toChannelsLast, toChannelsFirst, moveAxis, toInt64, toInt32 } from './tensor-helpers.js';
