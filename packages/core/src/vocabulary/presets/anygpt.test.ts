import { describe, expect, it } from 'vitest';
import { createJointVocabulary } from '../joint-vocabulary.js';
import { anygptLayout } from './anygpt.js';

// Rule (OpenMOSS/AnyGPT, anygpt/src/m_utils/anything2token.py, modality_tokens_to_string): image
// prefix "👀", speech "🗣️", music "🎶"; markers <soim>/<eoim>, <sosp>/<eosp>, <somu>/<eomu>; a token is
// f"<{prefix}{code}>"; music (4 codebooks of 2048) is stacked frame by frame: for each frame idx, for
// each layer, f"<🎶{tokens[layer][idx] + 2048 * layer}>". Fixture ids: tokens appended after LLaMA's
// 32000 in the order image, speech, music, markers.
const tokens = new Map<string, number>();
let next = 32000;
for (let c = 0; c < 8192; c++) tokens.set(`<👀${c}>`, next++);
for (let c = 0; c < 1024; c++) tokens.set(`<🗣️${c}>`, next++);
for (let c = 0; c < 8192; c++) tokens.set(`<🎶${c}>`, next++);
for (const marker of ['<soim>', '<eoim>', '<sosp>', '<eosp>', '<somu>', '<eomu>']) tokens.set(marker, next++);
const id = (token: string) => tokens.get(token)!;

describe('anygpt preset', () => {
  const vocabulary = createJointVocabulary(anygptLayout, { tokens });

  it('flattens music frame by frame with +2048 per layer', () => {
    // [4 layers, 3 frames]
    const music = [
      [1, 32, 23],
      [0, 32, 23],
      [5, 6, 7],
      [2047, 0, 1],
    ];
    const expected = [id('<somu>')];
    for (let f = 0; f < 3; f++) for (let layer = 0; layer < 4; layer++) expected.push(id(`<🎶${music[layer]![f]! + 2048 * layer}>`));
    expected.push(id('<eomu>'));
    const block = { modality: 'audio', codes: Int32Array.from(music.flat()), shape: [4, 3], meta: { space: 'music' } };
    const { ids } = vocabulary.serialize([block]);
    expect([...ids]).toEqual(expected);
    const parsed = vocabulary.parse(ids).blocks[0]!;
    expect([...parsed.codes]).toEqual(music.flat());
    expect(parsed.shape).toEqual([4, 3]);
  });

  it('writes images and speech as <prefix code> runs between their markers', () => {
    const image = Int32Array.from({ length: 32 }, (_, i) => i * 100);
    const speech = Int32Array.of(1, 32, 23);
    const { ids } = vocabulary.serialize([
      { modality: 'image', codes: image, shape: [32], meta: {} },
      { modality: 'text', codes: Int32Array.of(7), shape: [1], meta: {} },
      { modality: 'audio', codes: speech, shape: [1, 3], meta: { space: 'speech' } },
    ]);
    expect([...ids]).toEqual([
      id('<soim>'),
      ...[...image].map((c) => id(`<👀${c}>`)),
      id('<eoim>'),
      7,
      id('<sosp>'),
      ...[...speech].map((c) => id(`<🗣️${c}>`)),
      id('<eosp>'),
    ]);
    expect(vocabulary.parse(ids).blocks.map((b) => b.meta.space ?? 'text')).toEqual(['image', 'text', 'speech']);
  });
});
