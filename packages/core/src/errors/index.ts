export { JointokError, type JointokErrorOptions } from './jointok-error.js';
export { InvalidArgumentError } from './invalid-argument-error.js';
export { ShapeMismatchError } from './shape-mismatch-error.js';
export { NonFiniteValueError } from './non-finite-value-error.js';
export { CodeOutOfRangeError } from './code-out-of-range-error.js';
export { InvalidSpecError } from './invalid-spec-error.js';
export { UnsupportedError } from './unsupported-error.js';
export { WeightsMismatchError } from './weights-mismatch-error.js';
export { MissingDependencyError } from './missing-dependency-error.js';
