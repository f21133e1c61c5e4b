export { TruncatedBlockError } from './truncated-block-error.js';
export { UnexpectedTokenIdError } from './unexpected-token-id-error.js';
export { LayoutOverlapError } from './layout-overlap-error.js';
export { CodebookOverflowError } from './codebook-overflow-error.js';
export { UnresolvedTokenError } from './unresolved-token-error.js';
export { UnexpectedHeadError } from './unexpected-head-error.js';
export { HeadIdOutOfRangeError } from './head-id-out-of-range-error.js';
