// Node entry: everything from the neutral entry, plus Node defaults. Named exports here take
// precedence over the star export, which is how the platform defaults replace neutral ones.
export * from './index.js';
export * from './runtime/node.js';
// Star exports of the same name cancel out; an explicit export wins over the neutral one.
export { createSession } from './runtime/node.js';
export * from './repository/node.js';
export { loadRepository } from './repository/node.js';
export * from './quantizers/node.js';
export { createQuantizer } from './quantizers/node.js';
