import type { GoldenAdapter } from '../golden-adapter.js';
import { adapters as fsq } from './fsq.js';
import { adapters as lfq } from './lfq.js';
import { adapters as residual } from './residual.js';
import { adapters as vq } from './vq.js';

/** Every golden family jointok maps, keyed by the case files' `family` field. */
export const goldenAdapters: Readonly<Record<string, GoldenAdapter>> = { ...fsq, ...lfq, ...vq, ...residual };
