export { readExifOrientation } from './exif-orientation.js';
