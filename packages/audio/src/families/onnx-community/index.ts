export { ConfigFields, CODEC_FILES } from './config-fields.js';
