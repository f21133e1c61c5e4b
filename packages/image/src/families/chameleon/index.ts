export { CHAMELEON_FAMILY, chameleonFamily } from './chameleon-family.js';
export { chameleonRecipe } from './chameleon-recipe.js';
