export { decodeBase64, encodeBase64 } from '@jointok/core/internal';
export { encodeByteText, decodeByteText, BYTE_TEXT_ALPHABET } from './byte-text.js';
export { encodeUtf8Into, utf8Length, findInvalidUtf8 } from './utf8.js';
