export { InvalidImageError, type ImageFormat } from './invalid-image-error.js';
export { ImageTooLargeError } from './image-too-large-error.js';
