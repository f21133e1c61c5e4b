// Browser entry: everything from the neutral entry, plus browser defaults (see index.node.ts).
export * from './index.js';
export * from './runtime/browser.js';
export * from './repository/browser.js';
