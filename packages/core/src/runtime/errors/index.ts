export { RuntimeError, type RuntimeOperation } from './runtime-error.js';
