import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { JointokError } from '../../errors/jointok-error.js';
import { installAllocationGuard } from './allocation-guard.js';
import { applyByteMutations, type ChunkedFormat } from './byte-mutations.js';
import { fuzzAssert } from './fuzz-property-error.js';
import { defineFuzzTarget, type FuzzBudget } from './fuzz-target.js';
import { decodeFuzzValue, encodeFuzzValue } from './fuzz-value-codec.js';
import { applyJsonMutations } from './json-mutations.js';
import { nested } from './hostile-values.js';
import { runFuzz } from './run-fuzz.js';
import { chunkInputs, runFuzzChunk } from './run-fuzz-chunk.js';
import { runFuzzCase } from './run-fuzz-case.js';

// The invariants must be able to fail: each target below breaks one of them on purpose.
const budget: FuzzBudget = { cpuMilliseconds: 40, wallMilliseconds: 200, allocationBytes: 1 << 20, peakBytes: 1 << 30, retainedBytes: 4 << 20, messageLength: 100 };
const target = (run: (input: number) => unknown) => defineFuzzTarget({ name: 'test/x', description: 'x', input: fc.nat({ max: 9 }), run: run as (input: number) => void });

describe('runFuzzCase', () => {
  it('accepts a normal return and counts a JointokError as a rejection with its code', async () => {
    expect((await runFuzzCase(target(() => undefined), 1, budget)).kind).toBe('accepted');
    const rejected = await runFuzzCase(target(() => { throw new InvalidArgumentError({ argument: 'x', expected: 'y' }); }), 1, budget);
    expect(rejected).toMatchObject({ kind: 'rejected', code: 'invalid-argument' });
  });

  it.each([
    ['a TypeError', () => { throw new TypeError('boom'); }, 'escaped-error', /TypeError: boom/],
    ['a thrown string', () => { throw 'text'; }, 'escaped-error', /a thrown string: text/],
    ['a JointokError without a code', () => { throw new JointokError('', 'no code'); }, 'bad-error', /code/],
    ['a JointokError with a huge message', () => { throw new JointokError('x', 'm'.repeat(101)); }, 'bad-error', /101 characters/],
    ['a broken property', () => fuzzAssert(false, 'round trip differs'), 'property', /round trip differs/],
    ['a case over the CPU budget', () => { const start = process.cpuUsage(); while (process.cpuUsage(start).user < 80_000); }, 'slow', /ms of CPU/],
    ['a promise that never settles', () => new Promise(() => {}), 'hang', /did not settle/],
    ['an allocation over the budget, even when caught and wrapped', () => {
      try {
        return new Float32Array(1 << 20);
      } catch (cause) {
        throw new InvalidArgumentError({ argument: 'x', expected: 'y', cause });
      }
    }, 'allocation', /Float32Array of 4194304 bytes/],
  ])('reports %s', async (_, run, failure, detail) => {
    const outcome = await runFuzzCase(target(run), 1, budget);
    expect(outcome).toMatchObject({ kind: 'failed', failure });
    expect(outcome.kind === 'failed' && outcome.detail).toMatch(detail);
  });
});

describe('installAllocationGuard', () => {
  it('sees typed arrays, ArrayBuffers, Buffer and WebAssembly memory, and restores the globals', () => {
    const originals = [Float64Array, ArrayBuffer, Buffer.alloc, WebAssembly.Memory.prototype.grow];
    const guard = installAllocationGuard(1000);
    try {
      expect(() => new Float64Array(200)).toThrow(RangeError);
      expect(() => Float64Array.from({ length: 200 })).toThrow(RangeError);
      expect(() => new (ArrayBuffer as unknown as new (length: number, options: object) => ArrayBuffer)(10, { maxByteLength: 5000 })).toThrow(RangeError);
      expect(() => Buffer.alloc(1001)).toThrow(RangeError);
      expect(() => new WebAssembly.Memory({ initial: 1 })).toThrow(RangeError);
      // Views of an existing buffer allocate nothing; small arrays pass and stay real typed arrays.
      const small = new Uint8Array(new ArrayBuffer(8));
      expect(small).toBeInstanceOf(Uint8Array);
      expect(new Int32Array([1, 2]).length).toBe(2);
    } finally {
      guard.uninstall();
    }
    expect(guard.refused.map((r) => r.what)).toEqual(['Float64Array', 'Float64Array', 'ArrayBuffer', 'Buffer.alloc', 'WebAssembly.Memory']);
    expect([Float64Array, ArrayBuffer, Buffer.alloc, WebAssembly.Memory.prototype.grow]).toEqual(originals);
    expect(new Float64Array(1 << 20).length).toBe(1 << 20);
  });
});

describe('runFuzz and runFuzzChunk', () => {
  it('shrink the first failure and give its input, encoded', async () => {
    const report = await runFuzz(target((n) => fuzzAssert(n < 5, `${n} too big`)), { seed: 1, runs: 200, budget });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ failure: 'property', detail: '5 too big', input: '5' });
    expect(report.cases).toBeGreaterThan(0);
  });

  it('report live memory that a target keeps across cases', async () => {
    const kept: Uint8Array[] = [];
    const report = await runFuzz(target(() => void kept.push(new Uint8Array(200_000).fill(1))), { seed: 2, runs: 60, budget });
    expect(report.findings.map((f) => f.failure)).toEqual(['retained-memory']);
  });

  it('do not count memory that grows to the largest input and stays (a pool, a WebAssembly memory)', async () => {
    // Like the JPEG and audio decoders' WebAssembly memories: grown to the largest input seen, never shrunk, bounded.
    let pool = new Uint8Array(0);
    const report = await runFuzz(target((n) => {
      if (n * 1_000_000 > pool.length) pool = new Uint8Array(n * 1_000_000).fill(1);
    }), { seed: 2, runs: 60, budget: { ...budget, allocationBytes: 1 << 30 } });
    expect(report.findings).toEqual([]);
    expect(pool.length).toBeGreaterThan(budget.retainedBytes);
  });

  it('regenerate the same inputs for a chunk, and count every case', async () => {
    const chunk = { seed: 5, chunk: 3, size: 50 };
    expect(chunkInputs(target(() => {}), chunk)).toEqual(chunkInputs(target(() => {}), chunk));
    const report = await runFuzzChunk(target((n) => { if (n === 7) throw new TypeError('seven'); }), { ...chunk, from: 10 }, budget);
    expect(report.cases).toBe(40);
    expect(report.failed).toBe(report.findings.length);
    for (const finding of report.findings) expect(finding).toMatchObject({ failure: 'escaped-error', input: '7' });
  });
});

describe('mutations and the input codec', () => {
  it('encodes what JSON cannot hold and reads it back', () => {
    const value = { a: [Number.NaN, -0, Infinity, 2n ** 70n, undefined], b: new Float32Array([1.5, -2]), c: new Uint8Array([1, 2, 3]).subarray(1), $d: { $number: 'x' }, deep: nested(5000), ['__proto__']: 1 };
    Object.defineProperty(value, '__proto__', { value: 1, enumerable: true });
    const back = decodeFuzzValue(encodeFuzzValue(value)) as typeof value;
    expect(back.a).toEqual([Number.NaN, -0, Infinity, 2n ** 70n, undefined]);
    expect(Object.is((back.a as number[])[1], -0)).toBe(true);
    expect(back.b).toEqual(new Float32Array([1.5, -2]));
    expect(back.c).toEqual(new Uint8Array([2, 3]));
    expect(back.$d).toEqual({ $number: 'x' });
    expect(Object.getOwnPropertyNames(back)).toContain('__proto__');
    const sparse = decodeFuzzValue(encodeFuzzValue({ levels: [8, , 5], none: new Array(2) })) as { levels: number[]; none: unknown[] };
    expect(1 in sparse.levels).toBe(false);
    expect(sparse.levels).toHaveLength(3);
    expect(sparse.levels[2]).toBe(5);
    expect(0 in sparse.none || 1 in sparse.none).toBe(false);
    let depth = 0;
    for (let node: unknown = back.deep; Array.isArray(node); node = node[0]) depth++;
    expect(depth).toBe(5000);
  });

  it('writes shared subtrees once and restores them, cycles included', () => {
    // A mutation that shares a million-item array 5,000 times unfolds to 5·10⁹ items: writing the
    // tree killed a long run (out of memory while recording a finding).
    const big = new Array<number>(1_000_000).fill(1);
    const value: Record<string, unknown> = { files: new Array(5000).fill(big), other: big, $key: [big] };
    value['files'] = [...(value['files'] as unknown[]), value];
    const text = encodeFuzzValue(value);
    expect(text.length).toBeLessThan(3_000_000);
    const back = decodeFuzzValue(text) as { files: unknown[]; other: number[]; $key: unknown[] };
    expect(back.files).toHaveLength(5001);
    expect(back.files[0]).toBe(back.other);
    expect(back.files[4999]).toBe(back.other);
    expect(back.$key[0]).toBe(back.other);
    expect(back.other).toHaveLength(1_000_000);
    expect(back.files[5000]).toBe(back);
    const loop: Record<string, unknown> = {};
    let link: Record<string, unknown> = loop;
    for (let i = 0; i < 600; i++) link = (link['next'] = {}) as Record<string, unknown>;
    link['next'] = loop;
    const loopBack = decodeFuzzValue(encodeFuzzValue(loop)) as Record<string, unknown>;
    let node = loopBack;
    for (let i = 0; i <= 600; i++) node = node['next'] as Record<string, unknown>;
    expect(node).toBe(loopBack);
  });

  it('applies chunk-aware edits: duplicated and dropped chunks, length lies', () => {
    // A toy format: one-byte length, then that many bytes.
    const format: ChunkedFormat = {
      chunks(bytes) {
        const out = [];
        for (let at = 0; at < bytes.length; at += 1 + bytes[at]!) out.push({ start: at, end: Math.min(bytes.length, at + 1 + bytes[at]!), lengthField: { at, width: 1 as const, littleEndian: true } });
        return out;
      },
    };
    const file = Uint8Array.from([2, 10, 11, 1, 20]);
    expect([...applyByteMutations(file, [{ kind: 'chunk-duplicate', chunk: 1, at: 0 }], [], format)]).toEqual([2, 10, 11, 1, 20, 1, 20]);
    expect([...applyByteMutations(file, [{ kind: 'chunk-drop', chunk: 0 }], [], format)]).toEqual([1, 20]);
    expect([...applyByteMutations(file, [{ kind: 'chunk-length', chunk: 1, value: 200 }], [], format)]).toEqual([2, 10, 11, 200, 20]);
    expect([...applyByteMutations(file, [{ kind: 'chunk-swap', chunk: 0, with: 1 }], [], format)]).toEqual([1, 20, 2, 10, 11]);
    expect([...file]).toEqual([2, 10, 11, 1, 20]);
  });

  it('edits JSON documents without touching the original', () => {
    const document = { a: [1, 2], b: { c: 'x' } };
    const edited = applyJsonMutations(document, [{ kind: 'replace', node: 1, value: -1 }, { kind: 'delete', node: 2 }]);
    expect(document).toEqual({ a: [1, 2], b: { c: 'x' } });
    expect(edited).not.toEqual(document);
  });
});
