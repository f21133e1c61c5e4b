export { InvalidVideoError } from './invalid-video-error.js';
export { MissingProgramError } from './missing-program-error.js';
