/**
 * The codes a tokenizer produces, described as data: the axes of its `TokenBlock`s and one stream per
 * codebook. A joint vocabulary checks a tokenizer's code space against its layout's space before any
 * id is written (`createJointTokenizer`), and a model repository's `jointok.json` carries one as
 * `codeSpace`.
 *
 * @example LlamaGen VQ-16 at 256×256
 * { axes: ['height', 'width'], sizes: [16, 16], streams: [{ name: 'image', codebookSize: 16384 }] }
 * @example DAC 44 kHz: 9 codebooks of 1024 codes, 86.13 frames per second
 * { axes: ['codebooks', 'frames'], streams: [{ name: 'codebook0', codebookSize: 1024 }, ...], frameRate: 86.1328125 }
 * @example SNAC 24 kHz: three streams at strides 4, 2, 1, concatenated in one flat block
 * { axes: ['tokens'], streams: [{ name: 'coarse', codebookSize: 4096, stride: 4 }, ...], frameRate: 46.875 }
 */
export interface CodeSpace {
  /** Names of a block's `shape` axes, outermost first (`['height', 'width']`, `['codebooks', 'frames']`, `['tokens']`). */
  readonly axes: readonly string[];
  /** Fixed axis sizes, `null` where the size varies with the input; omitted when none is fixed. */
  readonly sizes?: readonly (number | null)[];
  /** One stream per codebook, in the reference's order. */
  readonly streams: readonly CodeStream[];
  /** Audio and video: base frames per second (the frame rate of a stream with stride 1). */
  readonly frameRate?: number;
}

/** One codebook's stream of codes. */
export interface CodeStream {
  /** A name for messages and for `TokenBlock.streams` (`'image'`, `'codebook0'`, `'semantic'`). */
  readonly name: string;
  /** Codes lie in `[0, codebookSize)`; at most 2^31 (codes are int32). */
  readonly codebookSize: number;
  /**
   * Multi-rate codecs (SNAC): this stream holds one code per `stride` base frames. Default 1. A
   * block of streams with different strides is flat (`axes: ['tokens']`), the streams concatenated in order.
   */
  readonly stride?: number;
}

/** The largest codebook a code space may hold: codes travel as int32 (see `tokenBlockFromCodes`). */
export const MAX_CODEBOOK_SIZE = 2 ** 31;

/** The largest codebook of a code space. */
export function largestCodebook(space: CodeSpace): number {
  let largest = 0;
  for (const stream of space.streams) largest = Math.max(largest, stream.codebookSize);
  return largest;
}

/** True when every stream of the space has stride 1 (its blocks are `[streams, frames]` or a single grid). */
export function isSingleRate(space: CodeSpace): boolean {
  return space.streams.every((stream) => (stream.stride ?? 1) === 1);
}
