import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { Tensor } from '../tensor/tensor.js';
import { mutatedFile } from '../testing/fuzz/byte-mutations.js';
import { fuzzAssert } from '../testing/fuzz/fuzz-property-error.js';
import { defineFuzzTarget } from '../testing/fuzz/fuzz-target.js';
import { applyJsonMutations, jsonMutation } from '../testing/fuzz/json-mutations.js';
import { readSafetensors } from '../weights/read-safetensors.js';
import { writeSafetensors } from '../weights/write-safetensors.js';

/** What `core/safetensors` feeds to `readSafetensors`. */
export type SafetensorsInput =
  /** Tensors that `writeSafetensors` wrote: reading them back must give them unchanged. */
  | { readonly kind: 'valid'; readonly tensors: Record<string, Tensor> }
  /** A damaged file. */
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

const KEYS = ['dtype', 'shape', 'data_offsets', '__metadata__'];
const DTYPES = ['F32', 'F16', 'BF16', 'F64', 'I64', 'I32', 'I16', 'I8', 'U8', 'U16', 'U32', 'BOOL', 'F8_E4M3', 'X'];

const validTensor: fc.Arbitrary<Tensor> = fc
  .array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 })
  .chain((dims) => {
    const count = dims.reduce((a, b) => a * b, 1);
    return fc.oneof(
      fc.float32Array({ minLength: count, maxLength: count, noDefaultInfinity: true }).map((data) => ({ type: 'float32' as const, dims, data }) as Tensor),
      fc.array(fc.integer(), { minLength: count, maxLength: count }).map((values) => ({ type: 'int32' as const, dims, data: Int32Array.from(values) }) as Tensor),
      fc.uint8Array({ minLength: count, maxLength: count }).map((data) => ({ type: 'uint8' as const, dims, data }) as Tensor),
    );
  });

/**
 * `core/safetensors`: `readSafetensors` on mutated real weight files of the repository (bytes flipped,
 * length fields lied about, cuts and splices) and on files whose JSON header was edited structurally
 * (dtypes, shapes, offsets), plus files `writeSafetensors` wrote, which must read back unchanged.
 */
export function safetensorsTarget(seeds: readonly Uint8Array[]) {
  const edited = fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(jsonMutation({ keys: KEYS }), { minLength: 1, maxLength: 3 }), fc.constantFrom(...DTYPES)).map(([index, edits, dtype]) => {
    const file = seeds[index]!;
    const headerLength = Number(new DataView(file.buffer, file.byteOffset).getBigUint64(0, true));
    const header = JSON.parse(new TextDecoder().decode(file.subarray(8, 8 + headerLength))) as Record<string, unknown>;
    const text = headerText(applyJsonMutations(header, edits)).replaceAll('"F32"', JSON.stringify(dtype));
    const encoded = new TextEncoder().encode(text);
    const out = new Uint8Array(8 + encoded.length + file.length - 8 - headerLength);
    new DataView(out.buffer).setBigUint64(0, BigInt(encoded.length), true);
    out.set(encoded, 8);
    out.set(file.subarray(8 + headerLength), 8 + encoded.length);
    return out;
  });
  const input: fc.Arbitrary<SafetensorsInput> = fc.oneof(
    { weight: 1, arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), validTensor, { minKeys: 1, maxKeys: 4 }).map((tensors) => ({ kind: 'valid' as const, tensors })) },
    { weight: 3, arbitrary: mutatedFile(seeds, { head: 256 }).map((bytes) => ({ kind: 'bytes' as const, bytes })) },
    { weight: 3, arbitrary: edited.map((bytes) => ({ kind: 'bytes' as const, bytes })) },
  );
  return defineFuzzTarget<SafetensorsInput>({
    name: 'core/safetensors',
    description: 'safetensors bytes → readSafetensors',
    input,
    budget: { allocationBytes: 8 << 20 },
    run(input) {
      if (input.kind === 'bytes') {
        readSafetensors(input.bytes);
        return;
      }
      const read = readSafetensors(writeSafetensors(input.tensors));
      for (const [name, tensor] of Object.entries(input.tensors)) {
        const back = read.tensors.get(name);
        fuzzAssert(back !== undefined && back.type === tensor.type && isDeepStrictEqual([...back.dims], [...tensor.dims]), () => `tensor ${JSON.stringify(name)} came back as ${back?.type} [${back?.dims}]`);
        fuzzAssert(isDeepStrictEqual(new Uint8Array(back.data.buffer, back.data.byteOffset, back.data.byteLength), new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength)), () => `tensor ${JSON.stringify(name)} changed its bytes`);
      }
      fuzzAssert(read.tensors.size === Object.keys(input.tensors).length, 'a tensor was added or lost');
    },
  });
}

/** JSON text of an edited header; one nested too deep for `JSON.stringify` becomes a deep text of its own. */
function headerText(header: unknown): string {
  try {
    return JSON.stringify(header) ?? 'null';
  } catch {
    return `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  }
}
