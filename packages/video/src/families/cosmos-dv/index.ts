export { COSMOS_DV_FAMILY, createCosmosDvFamily, cosmosChunking } from './cosmos-dv-family.js';
