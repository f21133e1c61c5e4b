export { translateRegex, translateSource } from './translate-regex.js';
export { classifyText } from './char-classes.js';
export { scanO200k, scanCl100k, type PieceScanner } from './tiktoken-scanners.js';
export { O200K_BASE_PATTERN, CL100K_BASE_PATTERN, scannerForPattern } from './tiktoken-patterns.js';
