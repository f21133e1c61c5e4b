// Moved to quantizers/math (the SIMD scan uses it too); kept here for existing importers.
export { rescoreCandidates } from '../../quantizers/math/rescore-candidates.js';
