import { InvalidSpecError, type CodeSpace, type Manifest } from '@jointok/core';

/**
 * How many of a 1-D tokenizer's tokens its decoder accepts: any prefix of `minTokens`…`maxTokens` tokens
 * (One-D-Piece's tail drop). Read from the manifest's `config.prefixDecoding`.
 */
export interface PrefixDecoding {
  /** Fewest leading tokens the decoder takes (at least 1). */
  readonly minTokens: number;
  /** Most tokens the decoder takes: the encoder's token count. */
  readonly maxTokens: number;
  /**
   * Whether the weights were trained with tail-token drop (One-D-Piece). TiTok's were not: its graph still
   * decodes a prefix, but only a model trained for it gives a coarser version of the image.
   */
  readonly trainedForPrefixes: boolean;
}

type Json = Readonly<Record<string, unknown>>;

function tokenCount(value: unknown, path: string, low: number, high: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < low || (value as number) > high) throw new InvalidSpecError({ path, expected: `an integer from ${low} to ${high}`, received: value });
  return value as number;
}

/**
 * The fixed token count of a 1-D code space (`axes: ['tokens'], sizes: [n]`).
 *
 * @throws InvalidSpecError when the code space is not one axis of a fixed size
 */
export function fixedTokenCount(codeSpace: CodeSpace): number {
  const size = codeSpace.sizes?.[0];
  if (codeSpace.axes.length !== 1 || typeof size !== 'number') throw new InvalidSpecError({ path: 'codeSpace', expected: 'one axis of a fixed size (axes ["tokens"], sizes [n])', received: { axes: codeSpace.axes, sizes: codeSpace.sizes } });
  return size;
}

/**
 * The manifest's `config.prefixDecoding`, checked against the code space; undefined when the model
 * declares none (its decoder takes exactly the encoder's token count).
 *
 * @throws InvalidSpecError for a malformed entry (naming its JSON path) or a code space that is not `[n]`
 */
export function readPrefixDecoding(manifest: Manifest, codeSpace: CodeSpace): PrefixDecoding | undefined {
  const tokens = fixedTokenCount(codeSpace);
  const spec = (manifest.config as Json | undefined)?.prefixDecoding;
  if (spec === undefined) return undefined;
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new InvalidSpecError({ path: 'config.prefixDecoding', expected: '{ minTokens, maxTokens, trainedForPrefixes? }', received: spec });
  const { minTokens, maxTokens, trainedForPrefixes = false, ...unknown } = spec as Json;
  const extra = Object.keys(unknown);
  if (extra.length > 0) throw new InvalidSpecError({ path: `config.prefixDecoding.${extra[0]}`, expected: 'minTokens, maxTokens or trainedForPrefixes', received: extra[0] });
  if (typeof trainedForPrefixes !== 'boolean') throw new InvalidSpecError({ path: 'config.prefixDecoding.trainedForPrefixes', expected: 'a boolean', received: trainedForPrefixes });
  const min = tokenCount(minTokens, 'config.prefixDecoding.minTokens', 1, tokens);
  // The decoder's positional embedding has one row per encoder token: longer inputs cannot exist.
  const max = tokenCount(maxTokens, 'config.prefixDecoding.maxTokens', tokens, tokens);
  return { minTokens: min, maxTokens: max, trainedForPrefixes };
}
