import { checkTokenBlock, InvalidArgumentError, isSingleRate, ShapeMismatchError, type CodeSpace, type TokenBlock } from '@jointok/core';

/** Who checks: the tokenizer's family, code space and rate. */
export interface BlockOwner {
  readonly family: string;
  readonly codeSpace: CodeSpace;
  readonly sampleRate: number;
}

/**
 * Checks a block before decoding: an audio block that fits the code space (shape, stream lengths, every
 * code inside its codebook) and, when its `meta` says so, made by the same family at the same rate (a DAC
 * block of the same shape as a Mimi one would otherwise decode to noise without a word).
 *
 * @throws InvalidArgumentError (wrong modality, another codec's block), ShapeMismatchError, CodeOutOfRangeError
 */
export function checkAudioBlock(block: TokenBlock<string>, owner: BlockOwner, argument = 'block'): asserts block is TokenBlock<'audio'> {
  if (block?.modality !== 'audio') throw new InvalidArgumentError({ argument: `${argument}.modality`, expected: "'audio'", received: block?.modality });
  checkTokenBlock(block, owner.codeSpace, argument);
  // [codebooks, frames]: one row per codebook, also when there is one (core checks the row count from two up).
  const space = owner.codeSpace;
  if (space.axes.length === 2 && isSingleRate(space) && block.shape[0] !== space.streams.length) {
    throw new ShapeMismatchError({ argument: `${argument}.shape`, expected: `${space.streams.length} codebook rows (${space.axes[0]})`, received: block.shape });
  }
  const meta = block.meta ?? {};
  if (typeof meta !== 'object') throw new InvalidArgumentError({ argument: `${argument}.meta`, expected: 'an object', received: meta });
  if (meta.family !== undefined && meta.family !== owner.family) {
    throw new InvalidArgumentError({ argument: `${argument}.meta.family`, expected: `a block of the ${owner.family} codec`, received: meta.family, message: `This block was made by ${String(meta.family)}; a ${owner.family} tokenizer cannot decode it.` });
  }
  if (meta.sampleRate !== undefined && meta.sampleRate !== owner.sampleRate) {
    throw new InvalidArgumentError({ argument: `${argument}.meta.sampleRate`, expected: `${owner.sampleRate} (this codec's rate)`, received: meta.sampleRate });
  }
  if (meta.samples !== undefined && (!Number.isSafeInteger(meta.samples) || (meta.samples as number) < 0)) {
    throw new InvalidArgumentError({ argument: `${argument}.meta.samples`, expected: 'a sample count (integer ≥ 0)', received: meta.samples });
  }
}
