import { ShapeMismatchError, UnsupportedError, type CodeSpace, type Manifest, type TokenBlock } from '@jointok/core';
import type { ImageFamilyDefinition } from '../create-image-family.js';
import { fixedTokenCount, readPrefixDecoding } from './prefix-decoding.js';

/** ByteDance's TiTok 1-D tokenizers (TiTok-L-32, B-64, S-128): `[n]` blocks of tokens, not a grid. */
export const TITOK_FAMILY = 'titok';

/**
 * Decoding accepts any token count; {@link checkTitokBlock} then holds it to the manifest's prefix range.
 * The count is freed here rather than in the code space itself because encoding always gives `n` tokens
 * and joint layouts rely on that fixed size.
 */
function titokDecodeCodeSpace(codeSpace: CodeSpace, manifest: Manifest): CodeSpace {
  readPrefixDecoding(manifest, codeSpace); // validated once, at load
  return { ...codeSpace, sizes: [null] };
}

/**
 * A block to decode holds all `n` tokens, or — where `config.prefixDecoding` allows — its first `k`.
 *
 * @throws UnsupportedError for a prefix when the model declares no prefix decoding
 * @throws ShapeMismatchError for a count outside the model's range
 */
function checkTitokBlock(block: TokenBlock<'image'>, manifest: Manifest): void {
  const tokens = fixedTokenCount(manifest.codeSpace as CodeSpace);
  const count = block.shape[0]!;
  if (count === tokens) return;
  const prefix = readPrefixDecoding(manifest, manifest.codeSpace as CodeSpace);
  if (prefix === undefined) {
    if (count < tokens) throw new UnsupportedError({ feature: `decoding ${count} of ${manifest.name ?? 'the model'}'s ${tokens} tokens`, message: `${manifest.name ?? 'This model'} declares no config.prefixDecoding: its decoder takes all ${tokens} tokens.` });
    throw new ShapeMismatchError({ argument: 'block.shape', expected: `tokens = ${tokens}`, received: block.shape });
  }
  if (count < prefix.minTokens || count > prefix.maxTokens) throw new ShapeMismatchError({ argument: 'block.shape', expected: `from ${prefix.minTokens} to ${prefix.maxTokens} tokens (a prefix of the ${tokens})`, received: block.shape });
}

/**
 * TiTok on the standard image pipeline: the ViT encoder's latent tokens quantized by core's `vq`
 * (l2-normalised search), `[n]` blocks, and a decoder that takes the first `k` tokens where the manifest's
 * `config.prefixDecoding` says it may.
 */
export const titokFamily: ImageFamilyDefinition = { family: TITOK_FAMILY, decodeCodeSpace: titokDecodeCodeSpace, checkBlock: checkTitokBlock };
