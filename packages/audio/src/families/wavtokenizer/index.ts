export { WAVTOKENIZER_FAMILY } from './wavtokenizer-family.js';
