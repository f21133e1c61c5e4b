export { TITOK_FAMILY, titokFamily } from './titok-family.js';
export { titokRecipe } from './titok-recipe.js';
export { readPrefixDecoding, type PrefixDecoding } from './prefix-decoding.js';
