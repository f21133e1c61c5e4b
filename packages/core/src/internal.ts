/**
 * `@jointok/core/internal`: building blocks that jointok's own packages share and that advanced
 * extensions (a new quantizer family, a new runtime platform) may use. No stability promise: these
 * change with the packages that use them.
 */
export { assertValidDims, moveAxis } from './tensor/index.js';
export type { VectorQuantizerKernel } from './quantizers/quantizer.js';
export type { QuantizerFactory } from './quantizers/quantizer-factory.js';
export { createLayoutQuantizer } from './quantizers/layout/index.js';
export { createNearestLookup, nearestRequest, runEncodeSteps, runEncodeStepsAsync, type EncodeSteps, type NearestRequest, type NearestLookup } from './quantizers/search/index.js';
export { checkCodebook } from './quantizers/math/index.js';
export { foldWeightNorm } from './quantizers/residual/index.js';
export { roundToBfloat16 } from './quantizers/fsq/index.js';
export { nearestCodeGraph } from './runtime/nearest/nearest-code-graph.js';
export { decodeBase64, encodeBase64 } from './bytes/index.js';
export { createSeededRandom } from './random/seeded-random.js';
export { loadRepositoryWith, createNeutralPlatform, findFileEntry, type RepositoryPlatform, type LocalFolderReader, type LocalReadRequest } from './repository/load/index.js';
export { assertSafeRelativePath, isSafeRelativePath, ONNX_VARIANTS, variantPath, type OnnxVariant } from './repository/paths/index.js';
export { resolveSource, joinUrl, type ResolveSourceOptions } from './repository/source/index.js';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_JSON_BYTES, type FileRequest } from './repository/download/index.js';
export { downloadVerified, type VerifiedDownload } from './repository/cache/index.js';
export { manifestFromConfig } from './repository/adapters/index.js';
export { loadTokenizerWith, MODALITY_PACKAGES, type TokenizerPlatform } from './loading/index.js';
export { checkCodeSpace } from './vocabulary/composition/check-code-space.js';
export { jsonTextDepth, valueDepth, MAX_JSON_DEPTH } from './spec-input/json-depth.js';
export { describeValue } from './errors/describe-value.js';
