export { Encoding, type EncodingDefinition, type DecodeOptions } from './encoding.js';
export { SpecialTokens, type SpecialTokenPolicy, type SpecialTokenSet } from './special-tokens.js';
export { DecodeStream } from './decode-stream.js';
export { EncodeStream } from './encode-stream.js';
export { TokenDecoder, type Utf8ErrorMode } from './token-decoder.js';
export { computeOffsets, type TokenOffsets } from './offsets.js';
