import { describe, expect, it } from 'vitest';
import { createJointVocabulary } from '../joint-vocabulary.js';
import { orpheusLayout } from './orpheus.js';

// Rule (canopyai/Orpheus-TTS, orpheus_tts_pypi/orpheus_tts/decoder.py: turn_token_into_id and
// convert_to_audio): a "<custom_token_N>" is id 128256 + N; the code at stream position i is
// N - 10 - (i % 7) * 4096; per 7-token frame j: codes_0 = [t[7j]], codes_1 = [t[7j+1], t[7j+4]],
// codes_2 = [t[7j+2], t[7j+3], t[7j+5], t[7j+6]]. start_of_speech = 128257 closes the prompt
// (orpheus_tts/engine_class.py: end_tokens [128009, 128260, 128261, 128257]) and end_of_speech = 128258
// stops generation (realtime_streaming_example/main.py: stop_token_ids=[128258]).
const tokens = new Map<string, number>(Array.from({ length: 11 }, (_, n) => [`<custom_token_${n}>`, 128256 + n] as [string, number]));

describe('orpheus preset', () => {
  const vocabulary = createJointVocabulary(orpheusLayout, { tokens });

  it('writes SNAC codes as 7-token frames with per-position offsets', () => {
    const frames = 2;
    const s0 = [11, 12];
    const s1 = [21, 22, 23, 24];
    const s2 = [31, 32, 33, 34, 35, 36, 37, 38];
    const expected = [128257];
    for (let j = 0; j < frames; j++) {
      const frame = [s0[j]!, s1[2 * j]!, s2[4 * j]!, s2[4 * j + 1]!, s1[2 * j + 1]!, s2[4 * j + 2]!, s2[4 * j + 3]!];
      frame.forEach((code, p) => expected.push(128256 + 10 + p * 4096 + code));
    }
    expected.push(128258);
    const codes = Int32Array.from([...s0, ...s1, ...s2]);
    const { ids } = vocabulary.serialize([{ modality: 'audio', codes, shape: [14], meta: {} }]);
    expect([...ids]).toEqual(expected);
    // Decoding back, as the reference does: code = id - 128256 - 10 - (i % 7) * 4096.
    const decoded = [...ids.subarray(1, -1)].map((id, i) => id - 128256 - 10 - (i % 7) * 4096);
    expect(decoded).toEqual([11, 21, 31, 32, 22, 33, 34, 12, 23, 35, 36, 24, 37, 38]);
    const parsed = vocabulary.parse(ids).blocks[0]!;
    expect([...parsed.codes]).toEqual([...codes]);
    expect(parsed.shape).toEqual([14]);
  });

  it('allows only position p codes at position p, and the end marker only between frames', () => {
    const parser = vocabulary.createParser();
    parser.push(128257);
    expect(parser.allowedNext().toArray()).toEqual([[128266, 128266 + 4096], [128258, 128259]].sort((a, b) => a[0]! - b[0]!));
    parser.push(128266 + 5);
    expect(parser.allowedNext().toArray()).toEqual([[128266 + 4096, 128266 + 2 * 4096]]);
    expect(() => parser.push(128258)).toThrowError(/does not fit the speech block/);
  });
});
