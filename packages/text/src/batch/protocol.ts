import type { SpecialTokenPolicy } from '../encoding/index.js';
import type { EncodingName } from '../encodings/index.js';

/** A job sent to a batch worker. */
export interface BatchRequest {
  job: number;
  encoding: EncodingName;
  texts: string[];
  options?: { allowedSpecial?: 'all' | string[]; disallowedSpecial?: 'all' | string[] };
}

/** A worker's answer: ids per text, or the error it met. */
export type BatchResponse = { job: number; ids: Uint32Array[] } | { job: number; error: { name: string; message: string; code?: string } };

/** Plain-data copy of a policy (sets cannot cross `postMessage` in every runtime). */
export function serializePolicy(options: SpecialTokenPolicy | undefined): BatchRequest['options'] {
  if (options === undefined) return undefined;
  const toList = (set: SpecialTokenPolicy['allowedSpecial']): 'all' | string[] | undefined => (set === undefined ? undefined : set === 'all' ? 'all' : [...set]);
  return { allowedSpecial: toList(options.allowedSpecial), disallowedSpecial: toList(options.disallowedSpecial) };
}
