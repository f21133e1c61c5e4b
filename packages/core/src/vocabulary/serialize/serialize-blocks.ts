import { CodeOutOfRangeError } from '../../errors/code-out-of-range-error.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import type { TokenBlock } from '../../modality/token-block.js';
import type { BlockExtent } from '../compile/body-plan.js';
import type { CompiledLayout, CompiledSpace } from '../compile/compiled-layout.js';
import type { BlockSpan } from '../parser/parser-types.js';
import { scatterInterleaved } from './scatter.js';

/** Result of `serialize`. */
export interface SerializeResult {
  readonly ids: Int32Array;
  readonly spans: BlockSpan[];
  /**
   * Only for layouts that mix text with head spaces: the head of each id (0 = text/LM head,
   * `k >= 1` = the head of `spaces[k - 1]`), parallel to `ids`. Absent for every other layout.
   */
  readonly heads?: Uint8Array;
}

interface Planned {
  readonly block: TokenBlock<string>;
  readonly space: CompiledSpace | null;
  readonly extent: BlockExtent;
  readonly length: number;
}

/** The space a block goes to: `meta.space` when given, else the only space of its modality. */
export function spaceFor(layout: CompiledLayout, block: TokenBlock<string>, argument: string): CompiledSpace {
  const named = block.meta.space;
  if (typeof named === 'string') {
    const space = layout.spaces.find((s) => s.name === named);
    if (space === undefined || space.modality !== block.modality)
      throw new InvalidArgumentError({ argument: `${argument}.meta.space`, expected: `a ${block.modality} space of the layout (${layout.spaces.map((s) => s.name).join(', ')})`, received: named });
    return space;
  }
  const candidates = layout.spaces.filter((s) => s.modality === block.modality);
  if (candidates.length !== 1)
    throw new InvalidArgumentError({
      argument: `${argument}.modality`,
      expected: candidates.length === 0 ? `a modality of the layout (text, ${layout.spaces.map((s) => s.modality).join(', ')})` : `meta.space naming one of ${candidates.map((s) => s.name).join(', ')}`,
      received: block.modality,
    });
  return candidates[0] as CompiledSpace;
}

function prefixLength(space: CompiledSpace, extent: BlockExtent): number {
  let length = 0;
  for (const item of space.prefix) {
    if (item.kind === 'token') length++;
    else for (const part of item.parts) length += part === -1 ? String(extent.h).length : part === -2 ? String(extent.w).length : 1;
  }
  return length;
}

function plan(layout: CompiledLayout, block: TokenBlock<string>, index: number): Planned {
  const argument = `blocks[${index}]`;
  const expectedLength = block.shape.reduce((a, b) => a * b, 1);
  if (block.codes.length !== expectedLength) throw new ShapeMismatchError({ argument: `${argument}.codes`, expected: `${expectedLength} codes (shape [${block.shape.join(', ')}])`, received: block.codes.length });
  if (block.modality === 'text') {
    if (block.codes.length === 0) throw new InvalidArgumentError({ argument: `${argument}.codes`, expected: 'a non-empty text block (an empty one leaves no ids to parse back)', received: block.codes });
    const begins = layout.beginIds;
    const textSize = layout.textSize;
    for (let i = 0; i < block.codes.length; i++) {
      const id = block.codes[i] as number;
      let isBegin = false;
      for (let b = 0; b < begins.length; b++) if (begins[b] === id) isBegin = true;
      if (id < 0 || id >= textSize || isBegin) throw new CodeOutOfRangeError({ argument: `${argument}.codes (text ids, begin markers excluded)`, index: i, value: id, codebookSize: layout.textSize });
    }
    return { block, space: null, extent: { units: block.codes.length, h: 0, w: 0 }, length: block.codes.length };
  }
  const space = spaceFor(layout, block, argument);
  const body = space.body;
  const extent = body.extentOf(block.shape);
  if (typeof extent === 'string') throw new ShapeMismatchError({ argument: `${argument}.shape`, expected: `${extent} for space ${space.name}`, received: block.shape });
  if (extent.h > 999_999 || extent.w > 999_999) throw new ShapeMismatchError({ argument: `${argument}.shape`, expected: 'a resolution of at most 6 digits per side', received: block.shape });
  const bodyLength = body.kind === 'lanes' ? body.pattern.steps(extent.units) * body.pattern.lanes : extent.units * (body.staticUnit ?? body.unit(extent.h, extent.w)).length;
  return { block, space, extent, length: space.begin.length + prefixLength(space, extent) + bodyLength + space.end.length };
}

/** Throws for a code out of range, naming its flat index in the block (not in the serial order). */
function outOfRange(argument: string, block: TokenBlock<string>, serial: Int32Array, k: number, size: number, interleaved: boolean): never {
  const value = serial[k] as number;
  const index = interleaved ? block.codes.indexOf(value) : k;
  throw new CodeOutOfRangeError({ argument: `${argument}.codes`, index, value, codebookSize: size });
}

function writeDigits(out: Int32Array, at: number, value: number, digitIds: Int32Array): number {
  for (const c of String(value)) out[at++] = digitIds[c.charCodeAt(0) - 48] as number;
  return at;
}

function writeBody(out: Int32Array, at: number, space: CompiledSpace, block: TokenBlock<string>, extent: BlockExtent, argument: string): number {
  const body = space.body;
  const map = space.codes;
  if (body.kind === 'lanes') {
    const { pattern, special } = body;
    const frames = extent.units;
    const steps = pattern.steps(frames);
    for (let s = 0; s < steps; s++)
      for (let q = 0; q < pattern.lanes; q++) {
        const f = pattern.frameAt(frames, s, q);
        if (f < 0) out[at++] = special;
        else {
          const code = block.codes[q * frames + f] as number;
          if (code < 0 || code >= map.codebookSize) outOfRange(argument, block, block.codes, q * frames + f, map.codebookSize, false);
          out[at++] = (map.base[q] as number) + code;
        }
      }
    return at;
  }
  const unit = body.staticUnit ?? body.unit(extent.h, extent.w);
  const serial = body.interleave === null ? block.codes : scatterInterleaved(block.codes, extent.units, body.interleave);
  const table = map.idOfCode;
  const base = map.base;
  const size = map.codebookSize;
  if (unit.length === 1 && table === null) {
    // One code per unit, offset mapping (1-D runs): one tight loop that also checks the range.
    const offset = base[unit[0] as number] as number;
    for (let k = 0; k < serial.length; k++) {
      const code = serial[k] as number;
      if (code < 0 || code >= size) outOfRange(argument, block, serial, k, size, body.interleave !== null);
      out[at + k] = code + offset;
    }
    return at + serial.length;
  }
  let k = 0;
  for (let u = 0; u < extent.units; u++)
    for (let j = 0; j < unit.length; j++) {
      const op = unit[j] as number;
      if (op < 0) out[at++] = -op - 1;
      else {
        const code = serial[k] as number;
        if (code < 0 || code >= size) outOfRange(argument, block, serial, k, size, body.interleave !== null);
        k++;
        out[at++] = table === null ? (base[op] as number) + code : (table[code] as number);
      }
    }
  return at;
}

/** Writes blocks into one id sequence; see `JointVocabulary.serialize`. */
export function serializeBlocks(layout: CompiledLayout, blocks: readonly TokenBlock<string>[]): SerializeResult {
  const planned = blocks.map((block, i) => plan(layout, block, i));
  for (let i = 1; i < planned.length; i++)
    if ((planned[i] as Planned).space === null && (planned[i - 1] as Planned).space === null)
      throw new InvalidArgumentError({ argument: `blocks[${i}]`, expected: 'no two text blocks in a row (they would parse back as one; concatenate them)', received: 'text' });
  if (layout.standalone && planned.length > 1) {
    const body = (layout.spaces[0] as CompiledSpace).body;
    if (body.kind === 'lanes' || body.count === 'variable')
      throw new InvalidArgumentError({ argument: 'blocks', expected: 'one block (a standalone layout without end markers cannot separate variable-length blocks)', received: planned.length });
  }
  const total = planned.reduce((sum, p) => sum + p.length, 0);
  const ids = new Int32Array(total);
  const heads = layout.heads === null ? null : new Uint8Array(total);
  const spans: BlockSpan[] = [];
  let at = 0;
  for (let index = 0; index < planned.length; index++) {
    const { block, space, extent } = planned[index] as Planned;
    const start = at;
    if (space === null) {
      ids.set(block.codes, at);
      at += block.codes.length;
      spans.push({ start, end: at, contentStart: start, contentEnd: at, modality: 'text', space: null, shape: [block.codes.length] });
      continue;
    }
    ids.set(space.begin, at);
    at += space.begin.length;
    for (const item of space.prefix) {
      if (item.kind === 'token') ids[at++] = item.id;
      else for (const part of item.parts) at = part === -1 ? writeDigits(ids, at, extent.h, item.digitIds) : part === -2 ? writeDigits(ids, at, extent.w, item.digitIds) : ((ids[at] = part), at + 1);
    }
    const contentStart = at;
    at = writeBody(ids, at, space, block, extent, `blocks[${index}]`);
    const contentEnd = at;
    if (heads !== null && space.head > 0) {
      // The body was written in internal ids; hand out the head's own ids and the head number.
      heads.fill(space.head, contentStart, contentEnd);
      const shift = space.idShift;
      for (let k = contentStart; k < contentEnd; k++) ids[k] = (ids[k] as number) - shift;
    }
    ids.set(space.end, at);
    at += space.end.length;
    spans.push({ start, end: at, contentStart, contentEnd, modality: space.modality, space: space.name, shape: space.body.shape(extent) });
  }
  return heads === null ? { ids, spans } : { ids, spans, heads };
}
