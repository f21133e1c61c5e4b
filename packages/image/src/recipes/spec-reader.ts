import { InvalidSpecError } from '@jointok/core';

/** Reads fields of one JSON object, naming `path.field` in every error. */
export class SpecReader {
  constructor(
    private readonly spec: Readonly<Record<string, unknown>>,
    readonly path: string,
  ) {}

  /** Fails on fields the step does not know (a typo would otherwise be ignored silently). */
  allowOnly(fields: readonly string[]): void {
    for (const key of Object.keys(this.spec)) {
      if (!fields.includes(key)) throw new InvalidSpecError({ path: `${this.path}.${key}`, expected: `no such field (known: ${fields.join(', ')})`, received: this.spec[key] });
    }
  }

  integer(field: string, options: { min?: number; default?: number } = {}): number {
    const value = this.spec[field] ?? options.default;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < (options.min ?? 1)) {
      throw new InvalidSpecError({ path: `${this.path}.${field}`, expected: `an integer >= ${options.min ?? 1}`, received: this.spec[field] });
    }
    return value;
  }

  number(field: string, fallback?: number): number {
    const value = this.spec[field] ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidSpecError({ path: `${this.path}.${field}`, expected: 'a finite number', received: this.spec[field] });
    return value;
  }

  oneOf<T extends string>(field: string, choices: readonly T[], fallback?: T): T {
    const value = this.spec[field] ?? fallback;
    if (!choices.includes(value as T)) throw new InvalidSpecError({ path: `${this.path}.${field}`, expected: `one of ${choices.join(', ')}`, received: this.spec[field] });
    return value as T;
  }

  numbers(field: string, length: number, options: { optional?: boolean; nonZero?: boolean; fallback?: number[] } = {}): number[] | undefined {
    const value = this.spec[field] ?? options.fallback;
    if (value === undefined && options.optional) return undefined;
    if (!Array.isArray(value) || value.length !== length || !value.every((v) => typeof v === 'number' && Number.isFinite(v) && (!options.nonZero || v !== 0))) {
      throw new InvalidSpecError({ path: `${this.path}.${field}`, expected: `${length} finite numbers${options.nonZero ? ', none zero' : ''}`, received: this.spec[field] });
    }
    return value as number[];
  }

  has(field: string): boolean {
    return this.spec[field] !== undefined;
  }

  raw(field: string): unknown {
    return this.spec[field];
  }
}

/** Reads `{ steps: [...] }`, checking that it is a list of objects with a string `type`. */
export function readStepList(spec: unknown, path: string): { reader: SpecReader; type: string }[] {
  if (typeof spec !== 'object' || spec === null || !Array.isArray((spec as { steps?: unknown }).steps)) {
    throw new InvalidSpecError({ path: `${path}.steps`, expected: 'a list of steps', received: (spec as { steps?: unknown } | null)?.steps ?? spec });
  }
  return ((spec as { steps: unknown[] }).steps).map((step, i) => {
    const at = `${path}.steps[${i}]`;
    if (typeof step !== 'object' || step === null || Array.isArray(step) || typeof (step as { type?: unknown }).type !== 'string') {
      throw new InvalidSpecError({ path: `${at}.type`, expected: 'an object with a string "type"', received: step });
    }
    return { reader: new SpecReader(step as Record<string, unknown>, at), type: (step as { type: string }).type };
  });
}
