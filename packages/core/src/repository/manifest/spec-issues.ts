import { InvalidSpecError } from '../../errors/invalid-spec-error.js';

/**
 * The most problems a validation reports. A hostile document can have millions (a `files` array of a
 * million numbers took 8.6 s and held a million errors); past this, problems are only counted.
 */
export const MAX_SPEC_ISSUES = 100;

/** Collects the problems of a document (at most {@link MAX_SPEC_ISSUES}), each as an InvalidSpecError naming its JSON path. */
export class SpecIssues {
  readonly errors: InvalidSpecError[] = [];
  /** Set once the list is full and validation stopped looking: the document may have more problems. */
  truncated = false;

  /** Whether the list is full; callers then stop walking (and mark the list truncated). */
  get full(): boolean {
    if (this.errors.length < MAX_SPEC_ISSUES) return false;
    this.truncated = true;
    return true;
  }

  add(path: string, expected: string, received: unknown): void {
    if (!this.full) this.errors.push(new InvalidSpecError({ path, expected, received }));
  }

  /** Runs a validator that throws InvalidSpecError and records its error instead. */
  check(validate: () => unknown): void {
    try {
      validate();
    } catch (error) {
      if (!InvalidSpecError.isInstance(error)) throw error;
      if (!this.full) this.errors.push(error);
    }
  }

  isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }

  /** Records an issue unless `value` is a non-empty string; returns whether it is. */
  string(path: string, value: unknown, required: boolean): value is string {
    if (value === undefined && !required) return false;
    if (typeof value === 'string' && value.length > 0) return true;
    this.add(path, 'a non-empty string', value);
    return false;
  }

  /** Records an issue unless `value` is a plain object; returns whether it is. */
  object(path: string, value: unknown, required: boolean): value is Record<string, unknown> {
    if (value === undefined && !required) return false;
    if (this.isObject(value)) return true;
    this.add(path, 'an object', value);
    return false;
  }

  /** Records an issue for every key of `value` outside `allowed`. */
  knownKeys(path: string, value: Record<string, unknown>, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (this.full) return;
      if (!allowed.includes(key)) this.add(path === '' ? key : `${path}.${key}`, `one of the fields ${allowed.join(', ')}`, key);
    }
  }
}
