// Browser entry: everything from the neutral entry, plus browser defaults (see index.node.ts).
export * from './index.js';
export * from './runtime/browser.js';
// Star exports of the same name cancel out; an explicit export wins over the neutral one.
export { createSession } from './runtime/browser.js';
export * from './repository/browser.js';
export { loadRepository } from './repository/browser.js';
