export type { ContentPart } from './content-part.js';
export { createJointTokenizer, type JointTokenizer, type JointTokenizerOptions, type JointEncoding, type JointDecoding, type ModalityTokenizerConvertible, type TokenizerOption } from './create-joint-tokenizer.js';
