/**
 * Whether `value` is an array with every index from 0 to `length − 1` present. Specs written in code
 * can hold holes (`new Array(3)`, `[1, , 3]`) that `forEach`, `every` and `some` skip: a validator
 * built on them passes a hole that the code after it reads as `undefined` (an FSQ spec with
 * `levels: new Array(3)` once made a quantizer whose codebook size was NaN). JSON never has holes.
 */
export function isDenseArray(value: unknown): value is unknown[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!(i in value)) return false;
  return true;
}
