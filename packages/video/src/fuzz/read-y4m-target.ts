import { applyTextMutations, defineFuzzTarget, fuzzAssert, mutatedFile, textMutation } from '@jointok/core/fuzz';
import fc from 'fast-check';
import { readY4m } from '../y4m/read-y4m.js';

/** What `video/y4m` feeds to `readY4m`. */
export interface ReadY4mInput {
  readonly bytes: Uint8Array;
  /** Size of the chunks the stream arrives in (a frame header may straddle two). */
  readonly chunkSize: number;
}

const HEADER_WORDS = ['W0', 'W1', 'W-4', 'W4.5', 'W13000', 'W65536', 'W99999999', 'H0', 'H3', 'H13000', 'H70000', 'F0:1', 'F1:0', 'F25:0', 'F-1:1', 'F30000:1001', 'A0:0', 'A1:0', 'Ip', 'It', 'Im', 'C420jpeg', 'C420paldv', 'C420mpeg2', 'C422', 'C444', 'C444alpha', 'Cmono', 'XCOLORRANGE=FULL', 'XCOLORRANGE=LIMITED', 'X', ''];

/**
 * `video/y4m`: mutated real Y4M clips (4:2:0, 4:2:2, 4:4:4, full and limited range) and headers with
 * edited fields through `readY4m` with the default pixel limit, read to the end in chunks of varying
 * size. Accepted frames must be RGB images of the header's size.
 */
export function readY4mTarget(seeds: readonly Uint8Array[]) {
  const headerEdit = fc
    .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(fc.record({ at: fc.nat(), word: fc.constantFrom(...HEADER_WORDS), replace: fc.boolean() }), { minLength: 1, maxLength: 3 }), fc.array(textMutation(), { maxLength: 1 }))
    .map(([index, words, edits]) => {
      const seed = seeds[index]!;
      const newline = seed.indexOf(0x0a);
      const fields = new TextDecoder('latin1').decode(seed.subarray(0, newline)).split(' ');
      // Field 0 is the YUV4MPEG2 signature: replace or insert after it.
      for (const { at, word, replace } of words) fields.splice(1 + (at % fields.length), replace ? 1 : 0, word);
      const header = applyTextMutations(fields.join(' '), edits);
      return Uint8Array.from([...new TextEncoder().encode(header), ...seed.subarray(newline)]);
    });
  const input: fc.Arbitrary<ReadY4mInput> = fc.record({
    bytes: fc.oneof(mutatedFile(seeds, { head: 96 }), headerEdit),
    chunkSize: fc.constantFrom(1, 7, 64, 4096, 1 << 20),
  });
  return defineFuzzTarget<ReadY4mInput>({
    name: 'video/y4m',
    description: 'Y4M bytes, in chunks → readY4m, every frame decoded',
    input,
    async run(input) {
      const stream = await readY4m(chunks(input.bytes, input.chunkSize));
      try {
        for await (const frame of stream) {
          fuzzAssert(frame.width === stream.info.width && frame.height === stream.info.height && frame.data.length === frame.width * frame.height * 3, 'a frame of the wrong size');
        }
      } finally {
        await stream.close();
      }
    },
  });
}

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
