// Open-MAGVIT2 on its tiny fixtures (tools/fixtures/image/make_magvit2_fixture.py): 18-bit LFQ, LSB first,
// and the token-factorized [9, 9] variant whose blocks are [2, h, w].
import { fileURLToPath } from 'node:url';
import { ShapeMismatchError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { loadImageTokenizer } from '../../load-image-tokenizer.node.js';
import { describeFamilyGolden } from '../__fixtures__/describe-family-golden.js';

describeFamilyGolden('open-magvit2 tiny', new URL('./__fixtures__/', import.meta.url), 'magvit2-tiny');
describeFamilyGolden('open-magvit2 tiny, factorized', new URL('./__fixtures__/', import.meta.url), 'magvit2-tiny-factorized', 'golden/index-factorized.json');

describe('open-magvit2 bad input', () => {
  it('refuses a one-position grid (its decoder would give NaN) with a typed shape error', async () => {
    const tokenizer = await loadImageTokenizer(fileURLToPath(new URL('./__fixtures__/magvit2-tiny/', import.meta.url)));
    try {
      await expect(tokenizer.decode({ modality: 'image', codes: Int32Array.of(5), shape: [1, 1], meta: {} })).rejects.toThrow(ShapeMismatchError);
    } finally {
      await tokenizer.dispose();
    }
  });
});
