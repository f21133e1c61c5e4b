// Core's errors that @jointok/text throws, re-exported so that catching them needs no second import.
export {
  JointokError,
  InvalidArgumentError,
  InvalidSpecError,
  UnsupportedError,
  CodeOutOfRangeError,
  UnknownTokenIdError,
  DisposedError,
  ModalityMismatchError,
  MissingDependencyError,
} from '@jointok/core';
export { DisallowedSpecialTokenError } from './disallowed-special-token-error.js';
export { InvalidUtf8Error } from './invalid-utf8-error.js';
export { UnsupportedRegexError } from './unsupported-regex-error.js';
export { InvalidVocabularyError } from './invalid-vocabulary-error.js';
export { LossyConversionError } from './lossy-conversion-error.js';
export { ChatTemplateError } from './chat-template-error.js';
export { BatchWorkerError, type BatchWorkerFailure } from './batch-worker-error.js';
