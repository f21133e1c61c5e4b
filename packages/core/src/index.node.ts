// Node entry: everything from the neutral entry, plus Node defaults. Named exports here take
// precedence over the star export, which is how the platform defaults replace neutral ones.
export * from './index.js';
export * from './runtime/node.js';
export * from './repository/node.js';
