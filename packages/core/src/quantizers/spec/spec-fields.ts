import { InvalidSpecError } from '../../errors/invalid-spec-error.js';

type Spec = Readonly<Record<string, unknown>>;

/** Reads a required or defaulted integer field, checking `min`/`max`. */
/**
 * The most stages, codebooks or groups a spec may declare. Published models use at most a few dozen
 * (DAC 9–32, EnCodec and Mimi 32); stages without weights (residual FSQ) are only bounded by this, and
 * 2^31 of them once asked for a 32 GiB buffer.
 */
export const MAX_QUANTIZER_STAGES = 4096;

/** The widest latent or codebook vector a spec may declare (published ones are at most a few thousand). */
export const MAX_VECTOR_DIM = 1 << 16;

export function readInteger(spec: Spec, field: string, options: { min?: number; max?: number; default?: number } = {}): number {
  const value = spec[field] ?? options.default;
  const { min = -Infinity, max = Infinity } = options;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidSpecError({ path: field, expected: `an integer${range(min, max)}`, received: spec[field] });
  }
  return value;
}

/** Reads an optional integer field; `undefined` when absent. */
export function readOptionalInteger(spec: Spec, field: string, options: { min?: number; max?: number } = {}): number | undefined {
  return spec[field] === undefined || spec[field] === null ? undefined : readInteger(spec, field, options);
}

/** Reads a required or defaulted finite number field. */
export function readNumber(spec: Spec, field: string, options: { min?: number; max?: number; default?: number } = {}): number {
  const value = spec[field] ?? options.default;
  const { min = -Infinity, max = Infinity } = options;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new InvalidSpecError({ path: field, expected: `a finite number${range(min, max)}`, received: spec[field] });
  }
  return value;
}

/** Reads a boolean field with a default. */
export function readBoolean(spec: Spec, field: string, fallback: boolean): boolean {
  const value = spec[field] ?? fallback;
  if (typeof value !== 'boolean') throw new InvalidSpecError({ path: field, expected: 'true or false', received: spec[field] });
  return value;
}

/** Reads a string field that must be one of `choices`. */
export function readEnum<T extends string>(spec: Spec, field: string, choices: readonly T[], fallback?: T): T {
  const value = spec[field] ?? fallback;
  if (typeof value !== 'string' || !choices.includes(value as T)) {
    throw new InvalidSpecError({ path: field, expected: `one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`, received: spec[field] });
  }
  return value as T;
}

/** Reads a non-empty array of integers, each checked against `min`/`max`. */
export function readIntegerArray(spec: Spec, field: string, options: { min?: number; max?: number } = {}): number[] {
  const value = spec[field];
  const { min = -Infinity, max = Infinity } = options;
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidSpecError({ path: field, expected: `a non-empty array of integers${range(min, max)}`, received: value });
  }
  // An index loop, not forEach: forEach skips the holes of a sparse array, which would pass as valid.
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) {
      throw new InvalidSpecError({ path: `${field}[${i}]`, expected: `an integer${range(min, max)}`, received: v });
    }
  }
  return [...value] as number[];
}

function range(min: number, max: number): string {
  if (min === -Infinity && max === Infinity) return '';
  if (max === Infinity) return ` ≥ ${min}`;
  if (min === -Infinity) return ` ≤ ${max}`;
  return ` in [${min}, ${max}]`;
}
