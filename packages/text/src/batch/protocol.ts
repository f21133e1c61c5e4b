import type { SpecialTokenPolicy } from '../encoding/index.js';
import type { EncodingName } from '../encodings/index.js';
import type { TransferredError } from './transfer-error.js';

/** A job sent to a batch worker. */
export interface BatchRequest {
  job: number;
  encoding: EncodingName;
  texts: string[];
  options?: { allowedSpecial?: 'all' | string[]; disallowedSpecial?: 'all' | string[] };
}

/**
 * What a batch worker posts: `ready` once its module has loaded (a failure before it is a failure to
 * start), then per job the ids of each text or the error it met.
 */
export type BatchResponse =
  | { type: 'ready' }
  | { type: 'result'; job: number; ids: Uint32Array[] }
  | { type: 'error'; job: number; error: TransferredError };

/** Plain-data copy of a policy (sets cannot cross `postMessage` in every runtime). */
export function serializePolicy(options: SpecialTokenPolicy | undefined): BatchRequest['options'] {
  if (options === undefined) return undefined;
  const toList = (set: SpecialTokenPolicy['allowedSpecial']): 'all' | string[] | undefined => (set === undefined ? undefined : set === 'all' ? 'all' : [...set]);
  return { allowedSpecial: toList(options.allowedSpecial), disallowedSpecial: toList(options.disallowedSpecial) };
}
