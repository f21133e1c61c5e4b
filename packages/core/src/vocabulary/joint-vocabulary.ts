import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { TokenBlock } from '../modality/token-block.js';
import { compileLayout } from './compile/compile-layout.js';
import type { CompiledLayout } from './compile/compiled-layout.js';
import { IdRanges } from './id-ranges.js';
import type { LayoutSpec } from './layout/layout-spec.js';
import { validateLayout } from './layout/validate-layout.js';
import { allowedBetweenSegments } from './parser/allowed-next.js';
import { feedWithHeads, headsArgument } from './parser/head-feed.js';
import { checkedIds } from './parser/check-ids.js';
import { IncrementalParser } from './parser/incremental-parser.js';
import { ParseMachine } from './parser/parse-machine.js';
import type { ParseMode, ParseResult } from './parser/parser-types.js';
import { serializeBlocks, type SerializeResult } from './serialize/serialize-blocks.js';
import { tokenMap, type VocabularyArtifacts } from './vocabulary-artifacts.js';

/** One space of a joint vocabulary, as seen from outside. */
export interface JointSpaceInfo {
  readonly name: string;
  readonly modality: string;
  readonly codebookSize: number;
  /** Every id the space's codes use (for a head space mixed with text: ids of its own head). */
  readonly ids: IdRanges;
  /** The head of the space's body ids: 0 (text/LM head, or a standalone layout) or `k >= 1` (`spaces[k - 1]`). */
  readonly head: number;
}

/** Options of `parse` and `createParser`. */
export interface ParseOptions {
  /** `strict` (default) throws typed errors; `lenient` repairs and reports every repair. */
  readonly mode?: ParseMode;
}

/** Options of `parse`. */
export interface ParseIdsOptions extends ParseOptions {
  /**
   * The head of each id, parallel to the ids (as `serialize` returns it), for layouts that mix text
   * with head spaces. Omitted, each id's head follows from the parser state; a layout where it
   * cannot (an end marker that is also a code of its head) then throws `InvalidArgumentError`.
   */
  readonly heads?: Uint8Array | readonly number[];
}

/**
 * A text vocabulary composed with one space per modality: serialises token blocks into one id
 * sequence and parses id sequences back, in batch or incrementally.
 */
export interface JointVocabulary {
  readonly layout: LayoutSpec;
  /** Text ids are `[0, textSize)`. */
  readonly textSize: number;
  /** True when the layout mixes text with head spaces: ids then travel with `heads` (see `serialize`). */
  readonly headed: boolean;
  readonly spaces: readonly JointSpaceInfo[];
  /** The id of a named layout token (`'boi'`, `'t2i'`, ...). */
  tokenId(name: string): number;
  /**
   * Writes blocks (text blocks hold text ids) into one id sequence, with the span of each block.
   * A block goes to the space named by `meta.space`, else to the only space of its modality.
   * For a `headed` layout the result also holds `heads`, the head of each id.
   */
  serialize(blocks: readonly TokenBlock<string>[]): SerializeResult;
  /**
   * Reads an id sequence back into text and modality blocks. The blocks' `codes` are views into
   * one buffer the size of the input (one allocation per parse); copy one to keep it apart.
   */
  parse(ids: Int32Array | readonly number[], options?: ParseIdsOptions): ParseResult;
  /** A parser fed one id at a time, with `allowedNext()` for constrained generation. */
  createParser(options?: ParseOptions): IncrementalParser;
}

class CompiledJointVocabulary implements JointVocabulary {
  readonly layout: LayoutSpec;
  readonly textSize: number;
  readonly headed: boolean;
  readonly spaces: readonly JointSpaceInfo[];
  private readonly compiled: CompiledLayout;
  private readonly between: IdRanges;

  constructor(compiled: CompiledLayout) {
    this.compiled = compiled;
    this.layout = compiled.spec;
    this.textSize = compiled.textSize;
    this.headed = compiled.heads !== null;
    this.spaces = compiled.spaces.map((s) => ({
      name: s.name,
      modality: s.modality,
      codebookSize: s.codes.codebookSize,
      ids: s.idShift === 0 ? s.codes.allRanges : new IdRanges(s.codes.allRanges.bounds.map((b) => b - s.idShift)),
      head: s.head,
    }));
    this.between = allowedBetweenSegments(compiled);
  }

  tokenId(name: string): number {
    const id = this.compiled.tokenIds.get(name);
    if (id === undefined) throw new InvalidArgumentError({ argument: 'name', expected: `a token name of the layout (${[...this.compiled.tokenIds.keys()].join(', ')})`, received: name });
    return id;
  }

  serialize(blocks: readonly TokenBlock<string>[]): SerializeResult {
    if (!Array.isArray(blocks)) throw new InvalidArgumentError({ argument: 'blocks', expected: 'an array of token blocks', received: blocks });
    return serializeBlocks(this.compiled, blocks);
  }

  parse(ids: Int32Array | readonly number[], options: ParseIdsOptions = {}): ParseResult {
    const array = checkedIds(ids, this.textSize);
    const machine = new ParseMachine(this.compiled, options.mode ?? 'strict', array.length);
    if (options.heads === undefined && this.compiled.heads === null) {
      machine.final = true;
      machine.consume(array, 0, array.length);
    } else {
      const heads = options.heads === undefined ? null : headsArgument(options.heads, array.length, 'options.heads');
      // Inferred heads feed the input in runs, so whole-block fast paths must not take a run for the end.
      machine.final = heads !== null;
      feedWithHeads(machine, array, heads);
    }
    machine.finish();
    return { blocks: machine.blocks, spans: machine.spans, repairs: machine.repairs, repaired: machine.repairs.length > 0 };
  }

  createParser(options: ParseOptions = {}): IncrementalParser {
    return new IncrementalParser(this.compiled, options.mode ?? 'strict', this.between);
  }
}

/**
 * Builds a joint vocabulary from a layout (validated here) and the vocabulary artifacts its token
 * strings are resolved against. Throws `InvalidSpecError` for a malformed layout,
 * `UnresolvedTokenError` for a token the artifacts lack, `LayoutOverlapError` for overlapping id
 * ranges and `CodebookOverflowError` for a codebook larger than its block.
 */
export function createJointVocabulary(layout: LayoutSpec | unknown, artifacts: VocabularyArtifacts = { tokens: new Map() }): JointVocabulary {
  return new CompiledJointVocabulary(compileLayout(validateLayout(layout), tokenMap(artifacts)));
}
