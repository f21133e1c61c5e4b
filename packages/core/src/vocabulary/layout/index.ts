export { LAYOUT_FORMAT_VERSION } from './layout-spec.js';
export type { LayoutSpec, SpaceSpec, CodesSpec, BodySpec, PrefixSpec, PositionSpec, TokenRef } from './layout-spec.js';
export { validateLayout, LAYOUT_LIMITS } from './validate-layout.js';
export { loadLayout, saveLayout } from './layout-io.js';
