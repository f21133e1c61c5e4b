import { InvalidSpecError } from '@jointok/core';

/** Reads typed fields of a `config.json`, with errors that name the field (`config.json sampling_rate`). */
export class ConfigFields {
  constructor(
    private readonly config: Readonly<Record<string, unknown>>,
    private readonly prefix = 'config.json ',
  ) {}

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

  /** A positive integer, or `fallback` when the field is absent (or null). */
  countOr(key: string, fallback: number): number {
    return this.config[key] === undefined || this.config[key] === null ? fallback : this.count(key);
  }

  /** A non-empty array of positive integers. */
  counts(key: string): number[] {
    const value = this.config[key];
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => Number.isSafeInteger(v) && v > 0)) {
      this.fail(key, 'a non-empty array of positive integers', value);
    }
    return value as number[];
  }
}

/**
 * The encoder and decoder of an onnx-community audio codec export. Variants follow the folder's naming
 * (`onnx/encoder_model_fp16.onnx`) and are found by name, so they are not listed here.
 */
export const CODEC_FILES = [
  { path: 'onnx/encoder_model.onnx', role: 'encoder' },
  { path: 'onnx/decoder_model.onnx', role: 'decoder' },
] as const;
