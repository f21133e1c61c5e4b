export { UnknownTokenIdError } from './unknown-token-id-error.js';
export { DisallowedSpecialTokenError } from './disallowed-special-token-error.js';
export { InvalidUtf8Error } from './invalid-utf8-error.js';
export { UnsupportedRegexError } from './unsupported-regex-error.js';
export { InvalidVocabularyError } from './invalid-vocabulary-error.js';
export { LossyConversionError } from './lossy-conversion-error.js';
export { BatchWorkerError, type BatchWorkerFailure } from './batch-worker-error.js';
