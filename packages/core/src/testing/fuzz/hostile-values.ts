import fc from 'fast-check';

/** Numbers that break size arithmetic: boundaries of int32, uint32 and doubles, fractions, negatives. */
export const hostileNumbers: readonly number[] = [
  0, -0, 1, -1, 0.5, 1.5, -1.5, 2, 3, 255, 256, 65535, 65536, 46340, 46341, 2 ** 24, 2 ** 24 + 1,
  2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 5, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e9, 1e15, 1e21,
  1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, 1e-300,
];

/** Numbers JSON cannot carry, for inputs given as objects rather than text. */
export const nonFiniteNumbers: readonly number[] = [Number.NaN, Infinity, -Infinity];

/** A number that is probably wrong where a count, size, id or index is expected. */
export function hostileNumber(options: { nonFinite?: boolean } = {}): fc.Arbitrary<number> {
  const constants = options.nonFinite ? [...hostileNumbers, ...nonFiniteNumbers] : hostileNumbers;
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...constants) },
    { weight: 2, arbitrary: fc.integer({ min: -4, max: 4100 }) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double({ noNaN: !options.nonFinite, noDefaultInfinity: !options.nonFinite }) },
  );
}

/** Strings that are probably wrong: empty, huge, unpaired surrogates, control characters, paths, regex syntax. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('', ' ', '\u0000', '\ud800', '\udc00x', 'é\u0301', '💥', '../x', '/etc/passwd', 'a/../../b', '%zz', '%E0%A4%A', '\\', '__proto__', 'constructor', 'toString', '(a+)+$', '[', '{h}*{w}', 'null', '1e999') },
    { weight: 1, arbitrary: fc.nat({ max: 1 << 20 }).map((n) => 'a'.repeat(n)) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  );
}

/** Arrays or objects nested `depth` deep (hundreds of thousands of levels overflow recursive code). */
export function nested(depth: number, kind: 'array' | 'object' = 'array'): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** A JSON-representable value that is probably wrong anywhere in a spec (numbers, strings, nesting, huge arrays, wrong types). */
export function hostileJsonValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileNumber() },
    { weight: 3, arbitrary: hostileString() },
    // Copied per input: a target that edits its input (adding a cycle, say) must not edit the next input too.
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [[]], { type: 'x' }, [null], ['h', 'w', 'variable']).map((value) => structuredClone(value)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(1, 100, 2000, 100_000, 250_000), fc.constantFrom('array' as const, 'object' as const)).map(([depth, kind]) => nested(depth, kind)) },
    { weight: 1, arbitrary: fc.constantFrom(1000, 100_000, 1_000_000).map((length) => new Array<number>(length).fill(1)) },
    { weight: 2, arbitrary: fc.array(hostileNumber(), { maxLength: 6 }) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

/** Like {@link hostileJsonValue}, plus what only an object input can hold: NaN, ±Infinity, BigInts, `undefined`, sparse arrays. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: hostileJsonValue() },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(Number.NaN, Infinity, -Infinity, undefined, 10n, -1n, 2n ** 64n, new Array(3), new Float32Array(2), new Uint8Array(3)).map((value) => structuredClone(value)) },
  );
}
