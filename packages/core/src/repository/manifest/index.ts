export { MANIFEST_VERSION, MANIFEST_FILE, type Manifest, type ManifestFile, type ManifestFileVariant, type ManifestQuantizer, type ManifestSource } from './manifest.js';
export { validateManifest, type ManifestValidation } from './validate-manifest.js';
export { MAX_SPEC_ISSUES } from './spec-issues.js';
export { parseManifest } from './parse-manifest.js';
