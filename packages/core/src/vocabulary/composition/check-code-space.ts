import { CodeSpaceMismatchError } from '../../errors/code-space-mismatch-error.js';
import { largestCodebook, type CodeSpace } from '../../modality/code-space.js';
import type { SpaceSpec } from '../layout/layout-spec.js';

/**
 * Checks that a tokenizer's code space fits a layout space: every codebook fits the space's codebook,
 * and the stream structure matches the body (one stream for grids; `codebooks` streams for
 * frame-major, codebook-major and the lane patterns; strides that give the per-position rates).
 *
 * @throws CodeSpaceMismatchError naming the tokenizer argument, the space and both values
 */
export function checkCodeSpace(codeSpace: CodeSpace, space: SpaceSpec, tokenizer: string): void {
  const mismatch = (property: string, tokenizerValue: unknown, spaceValue: unknown, what: string): never => {
    throw new CodeSpaceMismatchError({
      tokenizer,
      space: space.name,
      property,
      tokenizerValue,
      spaceValue,
      message: `${tokenizer} does not fit layout space "${space.name}": ${what}.`,
    });
  };
  const largest = largestCodebook(codeSpace);
  if (largest > space.codes.codebookSize) {
    mismatch('codebookSize', largest, space.codes.codebookSize, `its codebook of ${largest} codes cannot go into a space of ${space.codes.codebookSize}`);
  }
  const streams = codeSpace.streams.length;
  const body = space.body;
  switch (body.type) {
    case 'grid':
    case 'multi-scale':
      if (streams !== 1) mismatch('streams', streams, 1, `it produces ${streams} streams, a ${body.type} body holds one`);
      break;
    case 'per-position': {
      // Rates are codes per frame of the coarsest stream; strides are base frames per code.
      const coarsest = Math.max(...codeSpace.streams.map((s) => s.stride ?? 1));
      const rates = codeSpace.streams.map((s) => coarsest / (s.stride ?? 1));
      if (rates.length !== body.rates.length || rates.some((r, i) => r !== body.rates[i])) {
        mismatch('strides', rates, body.rates, `its streams run at rates [${rates.join(', ')}] per coarse frame, the space expects [${body.rates.join(', ')}]`);
      }
      break;
    }
    default: {
      if (streams !== body.codebooks) mismatch('streams', streams, body.codebooks, `it produces ${streams} codebook streams, the ${body.type} body holds ${body.codebooks}`);
      // One code per frame in every codebook: multi-rate streams (SNAC) belong in a per-position body.
      const strides = codeSpace.streams.map((s) => s.stride ?? 1);
      if (strides.some((stride) => stride !== 1)) mismatch('strides', strides, strides.map(() => 1), `its streams have strides [${strides.join(', ')}], the ${body.type} body holds one code per frame in every codebook`);
    }
  }
}
