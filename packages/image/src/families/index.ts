export { createImageFamily, type ImageFamilyDefinition } from './create-image-family.js';
export { createImageFamilies, JOINTOK_FSQ_FAMILY, LLAMAGEN_FAMILY } from './create-image-families.js';
export { JANUS_FAMILY, janusManifest, janusConfigAdapter } from './janus.js';
