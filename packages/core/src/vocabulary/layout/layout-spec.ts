/**
 * The layout JSON format (version 1): data, not code. A layout names structure tokens by their token
 * strings; `createJointVocabulary` resolves them against the vocabulary artifacts, so no magic id
 * lives in logic.
 */

/** Current layout format version. */
export const LAYOUT_FORMAT_VERSION = 1;

/**
 * A reference to one id: a token string of the vocabulary (plus an optional `shift`, for layouts that
 * place a block right after an anchor token, e.g. Show-o's `len(tokenizer)`), or an explicit id for
 * vocabularies that have no token strings (a separate head's special code).
 */
export type TokenRef = { readonly token: string; readonly shift?: number } | { readonly id: number };

/** How a space maps codes to ids. */
export type CodesSpec =
  /** Slot `s`, code `c` → `base + s * stride + c`. `stride` defaults to `codebookSize`. */
  | {
      readonly type: 'offset';
      readonly base: TokenRef;
      readonly codebookSize: number;
      readonly stride?: number;
      /** Ids the space reserves from `base`; every slot's codebook must fit inside. */
      readonly reserved?: number;
    }
  /**
   * A lookup table read from the vocabulary's token strings: every token `prefix + digits + suffix`
   * whose digits are written in the alphabet `digits` (Chameleon: `IMGIMG` + letters A–J + `Z`).
   */
  | { readonly type: 'table'; readonly prefix: string; readonly suffix: string; readonly digits: string; readonly codebookSize: number }
  /**
   * A separate output head: a token is `(head, code)` and its id is the code itself. Standalone
   * (MusicGen: the whole sequence is the head's ids) or mixed with text behind text-head markers
   * (Janus): `serialize` then returns a parallel `heads` array and `parse`/`push` take one.
   * Body structure tokens (`special`, `rowEnd`, `frameEnd`) are ids of the same head.
   */
  | { readonly type: 'head'; readonly codebookSize: number };

/** Tokens written after the begin markers and before the codes. */
export type PrefixSpec =
  | { readonly type: 'token'; readonly token: string }
  /** The block's size written as text, one vocabulary token per character (Emu3: `{h}*{w}`). */
  | { readonly type: 'resolution'; readonly template: string };

/** One interleaved position of a per-position frame: which stream, which sub-index of that stream's frame. */
export interface PositionSpec {
  readonly stream: number;
  readonly sub: number;
}

/** How a block's codes are ordered in the id sequence. */
export type BodySpec =
  /**
   * Row-major grid. Dimensions are numbers, `'h'`/`'w'` (read from a resolution prefix) or `'variable'`
   * (outermost only: the block runs until its end marker). `rowEnd` follows every row, `frameEnd` every frame.
   */
  | { readonly type: 'grid'; readonly shape: readonly (number | 'h' | 'w' | 'variable')[]; readonly rowEnd?: string; readonly frameEnd?: string }
  /** `[codebooks, frames]` block written frame by frame, codebook k in slot k (AnyGPT music). */
  | { readonly type: 'frame-major'; readonly codebooks: number; readonly frames?: number }
  /** `[codebooks, frames]` block written codebook by codebook (MIO speech); needs a fixed frame count. */
  | { readonly type: 'codebook-major'; readonly codebooks: number; readonly frames: number }
  /**
   * Multi-rate streams (SNAC: rates 1, 2, 4) interleaved frame by frame; `positions[p]` says which
   * stream and sub-index position p holds, and position p uses slot p (Orpheus' per-position offsets).
   */
  | { readonly type: 'per-position'; readonly rates: readonly number[]; readonly positions: readonly PositionSpec[]; readonly frames?: number }
  /** Coarse-to-fine scales `[h, w]`, written one after another; `offsetPerScale` gives each scale its own slot. */
  | { readonly type: 'multi-scale'; readonly scales: readonly (readonly [number, number])[]; readonly offsetPerScale?: boolean }
  /** MusicGen's delay pattern: step s, codebook q holds frame `s - emptyInitial - delays[q]`, else `special`. */
  | { readonly type: 'delay'; readonly codebooks: number; readonly delays?: readonly number[]; readonly emptyInitial?: number; readonly special: string }
  /** MusicGen's parallel pattern (all delays 0). */
  | { readonly type: 'parallel'; readonly codebooks: number; readonly emptyInitial?: number; readonly special: string }
  /** MusicGen's coarse-first pattern: codebook 0 for all frames, then the others with `delays`. */
  | { readonly type: 'coarse-first'; readonly codebooks: number; readonly delays?: readonly number[]; readonly special: string };

/** One modality space. */
export interface SpaceSpec {
  readonly name: string;
  readonly modality: string;
  readonly codes: CodesSpec;
  /** Names (keys of `tokens`) of the markers that open a block; empty only in standalone layouts. */
  readonly begin: readonly string[];
  readonly end: readonly string[];
  readonly prefix?: readonly PrefixSpec[];
  readonly body: BodySpec;
}

/** A whole layout. */
export interface LayoutSpec {
  readonly format: 'jointok.layout';
  readonly version: 1;
  readonly name: string;
  readonly description?: string;
  /** Text ids are `[0, size)`; `size` may be an anchor token (the first id that is not text). */
  readonly text: { readonly size: number | TokenRef };
  /** Named structure tokens: begin/end markers, separators, task tokens, specials. */
  readonly tokens: Readonly<Record<string, TokenRef>>;
  readonly spaces: readonly SpaceSpec[];
}
