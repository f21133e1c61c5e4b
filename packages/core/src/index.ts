/**
 * @jointok/core — contracts and modality-free machinery of jointok: tensors, errors, quantizers,
 * codebook fitting, the ONNX runtime layer, model repositories, the loading seam (tokenizer families)
 * and the joint vocabulary.
 *
 * This is the runtime-neutral entry; `index.node.ts` and `index.browser.ts` add the platform defaults
 * (onnxruntime-node / onnxruntime-web, filesystem / Cache API cache), selected by the package's
 * `exports` conditions. Only what users need is exported here; building blocks for jointok's own
 * packages and for advanced extensions live in `@jointok/core/internal` (no stability promise).
 */
export * from './errors/index.js';
export { createTensor, sizeOf, toChannelsLast, toChannelsFirst, toInt64, toInt32, type Tensor, type TensorType, type TensorDataTypeMap } from './tensor/index.js';
export * from './modality/index.js';
export * from './weights/index.js';

// Quantizers
export type {
  Quantizer,
  QuantizerSpec,
  QuantizerLayoutSpec,
  QuantizerWeights,
  QuantizerEncodeOptions,
  QuantizerEncodeAsyncOptions,
  QuantizerOptions,
  QuantizerDecodeOptions,
  ChannelAxis,
  IndexLayout,
  CodeArray,
} from './quantizers/quantizer.js';
export type { KnownQuantizerSpec, FsqQuantizerSpec, ResidualFsqQuantizerSpec, LfqQuantizerSpec, BsqQuantizerSpec, VqQuantizerSpec, GroupedVqQuantizerSpec, ResidualVqQuantizerSpec, ProjectedResidualVqQuantizerSpec, MultiscaleResidualVqQuantizerSpec, SplitResidualVqQuantizerSpec } from './quantizers/spec/quantizer-specs.js';
export { createQuantizer, quantizerTypes } from './quantizers/create-quantizer.js';
export { MAX_QUANTIZER_STAGES, MAX_VECTOR_DIM } from './quantizers/spec/spec-fields.js';
export { MAX_RESIDUAL_FSQ_TABLE } from './quantizers/fsq/read-residual-fsq-spec.js';
export { typescriptNearestSearch, type AsyncNearestSearch } from './quantizers/search/index.js';
export { roundHalfEven, nearestCodes, createNearestCodeSearch, type Codebook, type NearestMetric, type NearestCodeOutput, type NearestCodeSearch, type NearestCodeSearchOptions } from './quantizers/math/index.js';
export { createFsqQuantizer, createResidualFsqQuantizer, type FsqBound, type FsqOutputDtype, type ResidualFsqVariant } from './quantizers/fsq/index.js';
export { createLfqQuantizer, createBsqQuantizer, type LfqSpec, type BsqSpec, type BsqIndexMode, type BitOrder } from './quantizers/lfq/index.js';
export { createVqQuantizer, createGroupedVqQuantizer, type VqMetric, type VqReturnRow } from './quantizers/vq/index.js';
export {
  createResidualVqQuantizer,
  createProjectedResidualVqQuantizer,
  createMultiscaleResidualVqQuantizer,
  createSplitResidualVqQuantizer,
  type ProjectedResidualQuantizer,
  type ProjectedResidualEncoding,
  type ProjectedResidualDecoding,
  type MultiscaleResidualQuantizer,
} from './quantizers/residual/index.js';
export { fitCodebook, type FitCodebookResult, type FitCodebookOptions, type FitCodebookProgress } from './kmeans/index.js';

// Runtime
export { createSession, RuntimeError, type RuntimeOperation, type Session, type SessionRunOptions, type SessionFactory, type CreateSessionOptions, type ModelSource } from './runtime/index.js';
export type { OrtModule, OrtInferenceSession, OrtTensor, OrtSessionOptions, OrtValueMetadata } from './runtime/index.js';
export {
  createAcceleratedNearestSearch,
  defaultAccelerationThreshold,
  type AcceleratedNearestSearch,
  type AcceleratedNearestSearchOptions,
  type NearestSearchUsage,
} from './runtime/nearest/create-accelerated-nearest-search.js';

// Model repositories
export * from './repository/errors/index.js';
export { MANIFEST_VERSION, MANIFEST_FILE, parseManifest, validateManifest, MAX_SPEC_ISSUES, type Manifest, type ManifestFile, type ManifestFileVariant, type ManifestQuantizer, type ManifestSource, type ManifestValidation } from './repository/manifest/index.js';
export { loadRepository, type LoadRepositoryOptions, type FileOptions, type ModelRepository } from './repository/load/index.js';
export { parseHubId, DEFAULT_REVISION, DEFAULT_HUB_ENDPOINT, type HubId, type LocalSource, type UrlSource, type HubSource, type ResolvedSource } from './repository/source/index.js';
export type { DownloadProgress, ProgressListener, FetchLike } from './repository/download/index.js';
export { createNoCache, type FileCache, type CachedFileRequest } from './repository/cache/index.js';
export type { ConfigAdapter } from './repository/adapters/index.js';

// Loading: tokenizer families and loadTokenizer
export {
  loadTokenizer,
  registerTokenizerFamilies,
  registeredTokenizerFamilies,
  createQuantizerFromRepository,
  QUANTIZER_WEIGHTS_ROLE,
  openModelParts,
  fileWithRole,
  type ModelParts,
  type ModelPartsRequirements,
  type TokenizerFamily,
  type FamilyLoadOptions,
  type LoadTokenizerOptions,
  type QuantizerFromRepositoryOptions,
} from './loading/index.js';

// Joint vocabulary
export * from './vocabulary/index.js';
