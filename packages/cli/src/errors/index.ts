export { UsageError } from './usage-error.js';
export { InputNotFoundError } from './input-not-found-error.js';
export { OutputConflictError } from './output-conflict-error.js';
