import type { GoldenAdapter } from '../golden-adapter.js';

/** Golden adapters of this group of families, keyed by the case files' `family`. */
export const adapters: Readonly<Record<string, GoldenAdapter>> = {};
