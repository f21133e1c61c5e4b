export { createImageFamily, type ImageFamilyDefinition } from './create-image-family.js';
export { createImageFamilies, JOINTOK_FSQ_FAMILY, LLAMAGEN_FAMILY, COSMOS_DI_FAMILY, OPEN_MAGVIT2_FAMILY } from './create-image-families.js';
export { JANUS_FAMILY, janusManifest, janusConfigAdapter } from './janus.js';
export { CHAMELEON_FAMILY, chameleonFamily, chameleonRecipe } from './chameleon/index.js';
export { TITOK_FAMILY, titokFamily, titokRecipe, readPrefixDecoding, type PrefixDecoding } from './titok/index.js';
