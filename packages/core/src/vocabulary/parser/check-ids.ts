import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { UnknownTokenIdError } from '../../errors/unknown-token-id-error.js';

/**
 * Ids as an Int32Array, refusing what no vocabulary holds: a non-integer, NaN or a value outside int32
 * (which `Int32Array.from` would silently turn into another id) is an `UnknownTokenIdError` at its position.
 */
export function checkedIds(ids: Int32Array | readonly number[], textSize: number, argument = 'ids'): Int32Array {
  if (ids instanceof Int32Array) return ids;
  if (!Array.isArray(ids)) throw new InvalidArgumentError({ argument, expected: 'an Int32Array or an array of integers', received: ids });
  const out = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (typeof id !== 'number' || !Number.isInteger(id) || id < -2147483648 || id > 2147483647) {
      throw new UnknownTokenIdError({ id: Number(id), position: i, vocabularySize: textSize, message: `${argument}[${i}] is ${String(id)}, which is not a token id: ids are integers in int32 range.` });
    }
    out[i] = id;
  }
  return out;
}
