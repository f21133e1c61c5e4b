export { ENCODEC_FAMILY } from './encodec-family.js';
