export { translateRegex, translateSource } from './translate-regex.js';
