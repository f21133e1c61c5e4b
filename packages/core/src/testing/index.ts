/**
 * `@jointok/core/test`: conformance suites and test helpers for implementations of jointok's
 * contracts. Imports `vitest` (an optional peer dependency).
 */
export { describeQuantizer, type QuantizerConformanceOptions, type QuantizerCapabilities } from './describe-quantizer.js';
export { describeJointVocabulary, type JointVocabularyConformanceOptions } from './describe-joint-vocabulary.js';
export { describeModalityTokenizer, type ModalityTokenizerConformanceOptions } from './describe-modality-tokenizer.js';
export { createSeededRandom, seededNormal } from './seeded-random.js';
