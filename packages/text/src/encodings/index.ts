export { getEncoding, ENCODING_NAMES, type EncodingName } from './get-encoding.js';
export { encodingForModel, encodingNameForModel } from './model-to-encoding.js';
export { fromTiktoken, type FromTiktokenOptions } from './from-tiktoken.js';
