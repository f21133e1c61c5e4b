// The joint token space: layouts (data), the joint vocabulary built from them, its parsers,
// presets of published layouts and the multimodal composition on top.
export * from './errors/index.js';
export * from './layout/index.js';
export * from './parser/index.js';
export * from './serialize/index.js';
export { IdRanges } from './id-ranges.js';
export { HeadedIdRanges } from './headed-id-ranges.js';
export { artifactsFromTokenizerJson, type VocabularyArtifacts } from './vocabulary-artifacts.js';
export { createJointVocabulary, type JointVocabulary, type JointSpaceInfo, type ParseOptions, type ParseIdsOptions } from './joint-vocabulary.js';
export * from './presets/index.js';
export * from './composition/index.js';
