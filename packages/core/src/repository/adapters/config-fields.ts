import { InvalidSpecError } from '../../errors/invalid-spec-error.js';

/** Reads typed fields of a `config.json`, with errors that name the field (`config.json sampling_rate`). */
export class ConfigFields {
  constructor(private readonly config: Readonly<Record<string, unknown>>, private readonly prefix = 'config.json ') {}

  private fail(key: string, expected: string, received: unknown): never {
    throw new InvalidSpecError({ path: `${this.prefix}${key}`, expected, received });
  }

  /** A positive finite number. */
  positive(key: string): number {
    const value = this.config[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) this.fail(key, 'a positive number', value);
    return value;
  }

  /** A positive integer. */
  count(key: string): number {
    const value = this.config[key];
    if (!Number.isSafeInteger(value) || (value as number) <= 0) this.fail(key, 'a positive integer', value);
    return value as number;
  }

  /** A non-empty array of positive integers. */
  counts(key: string): number[] {
    const value = this.config[key];
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => Number.isSafeInteger(v) && v > 0)) {
      this.fail(key, 'a non-empty array of positive integers', value);
    }
    return value as number[];
  }

  /** A nested object, read with the same rules. */
  object(key: string): ConfigFields {
    const value = this.config[key];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(key, 'an object', value);
    return new ConfigFields(value as Record<string, unknown>, `${this.prefix}${key}.`);
  }

  /** The raw value of an optional field. */
  optional(key: string): unknown {
    return this.config[key];
  }
}
