// The plug-in seam: families turn model repositories into tokenizers; loadTokenizer picks one.
export type { TokenizerFamily, FamilyLoadOptions } from './tokenizer-family.js';
export { registerTokenizerFamilies, registeredTokenizerFamilies } from './family-registry.js';
export { loadTokenizerWith, type LoadTokenizerOptions, type TokenizerPlatform } from './load-tokenizer-with.js';
export { loadTokenizer } from './load-tokenizer.js';
export { MODALITY_PACKAGES } from './modality-packages.js';
export { createQuantizerFromRepository, QUANTIZER_WEIGHTS_ROLE, type QuantizerFromRepositoryOptions } from './create-quantizer-from-repository.js';
export { openModelParts, fileWithRole, type ModelParts, type ModelPartsRequirements } from './open-model-parts.js';
