export { readInteger, readOptionalInteger, readNumber, readBoolean, readEnum, readIntegerArray } from './spec-fields.js';
export { readWeight, readOptionalWeight } from './read-weight.js';
