import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { CodebookOverflowError } from '../errors/codebook-overflow-error.js';
import { LayoutOverlapError } from '../errors/layout-overlap-error.js';
import { UnresolvedTokenError } from '../errors/unresolved-token-error.js';
import type { IdRanges } from '../id-ranges.js';
import type { BodySpec, CodesSpec, LayoutSpec, PrefixSpec, SpaceSpec, TokenRef } from '../layout/layout-spec.js';
import { offsetCodeMap, tableCodeMap, type CodeMap } from './code-map.js';
import { compileBody, slotsOf } from './compile-body.js';
import type { CompiledLayout, CompiledPrefix, CompiledSpace } from './compiled-layout.js';

function resolveRef(ref: TokenRef, path: string, tokens: ReadonlyMap<string, number>): number {
  if ('id' in ref) return ref.id;
  const id = tokens.get(ref.token);
  if (id === undefined) throw new UnresolvedTokenError({ path, token: ref.token });
  return id + (ref.shift ?? 0);
}

function tableIds(codes: Extract<CodesSpec, { type: 'table' }>, name: string, tokens: ReadonlyMap<string, number>): Int32Array {
  const idOfCode = new Int32Array(codes.codebookSize).fill(-1);
  const digitValue = new Map<string, number>([...codes.digits].map((c, i) => [c, i]));
  let found = 0;
  for (const [token, id] of tokens) {
    if (!token.startsWith(codes.prefix) || !token.endsWith(codes.suffix) || token.length <= codes.prefix.length + codes.suffix.length) continue;
    let code = 0;
    let valid = true;
    for (const c of token.slice(codes.prefix.length, token.length - codes.suffix.length)) {
      const digit = digitValue.get(c);
      if (digit === undefined) {
        valid = false;
        break;
      }
      code = code * codes.digits.length + digit;
    }
    if (!valid || code >= codes.codebookSize) continue;
    if (idOfCode[code] === -1) found++;
    idOfCode[code] = id;
  }
  if (found < codes.codebookSize) throw new CodebookOverflowError({ space: name, codebookSize: codes.codebookSize, capacity: found });
  return idOfCode;
}

function compileCodes(codes: CodesSpec, name: string, path: string, slots: number, tokens: ReadonlyMap<string, number>, headShift: number): CodeMap {
  if (codes.type === 'table') {
    if (slots !== 1) throw new CodebookOverflowError({ space: name, codebookSize: codes.codebookSize * slots, capacity: codes.codebookSize });
    return tableCodeMap(tableIds(codes, name, tokens));
  }
  const first = codes.type === 'head' ? headShift : resolveRef(codes.base, `${path}.base`, tokens);
  const stride = codes.type === 'head' ? 0 : (codes.stride ?? codes.codebookSize);
  if (slots > 1 && stride > 0 && codes.codebookSize > stride) throw new CodebookOverflowError({ space: name, codebookSize: codes.codebookSize, capacity: stride });
  if (codes.type === 'offset' && codes.reserved !== undefined) {
    const capacity = codes.reserved - (slots - 1) * stride;
    if (codes.codebookSize > capacity) throw new CodebookOverflowError({ space: name, codebookSize: codes.codebookSize, capacity: Math.max(0, capacity) });
  }
  // Ids are int32: the last code of the last slot must stay below 2^31 (no silent wrap-around).
  const last = first + (slots - 1) * stride + codes.codebookSize - 1;
  if (!Number.isSafeInteger(last) || last > MAX_ID) throw new CodebookOverflowError({ space: name, codebookSize: codes.codebookSize, capacity: Math.max(0, MAX_ID - first - (slots - 1) * stride + 1) });
  return offsetCodeMap(first, slots, stride, codes.codebookSize);
}

/** The largest id a layout may use (ids are int32). */
const MAX_ID = 2 ** 31 - 1;

function compilePrefix(prefix: readonly PrefixSpec[], path: string, named: (name: string, field: string) => number, tokens: ReadonlyMap<string, number>): CompiledPrefix[] {
  return prefix.map((item, i) => {
    if (item.type === 'token') return { kind: 'token', id: named(item.token, `${path}[${i}].token`) };
    const parts: number[] = [];
    const template = item.template;
    for (let k = 0; k < template.length; ) {
      if (template.startsWith('{h}', k) || template.startsWith('{w}', k)) {
        parts.push(template[k + 1] === 'h' ? -1 : -2);
        k += 3;
      } else {
        const char = String.fromCodePoint(template.codePointAt(k) as number);
        parts.push(resolveRef({ token: char }, `${path}[${i}].template`, tokens));
        k += char.length;
      }
    }
    const digitIds = Int32Array.from({ length: 10 }, (_, d) => resolveRef({ token: String(d) }, `${path}[${i}].template`, tokens));
    return { kind: 'resolution', parts: Int32Array.from(parts), digitIds, digitOf: new Map([...digitIds].map((id, d) => [id, d])) };
  });
}

function overlap(a: IdRanges, b: IdRanges): [number, number] | null {
  for (let i = 0; i < a.bounds.length; i += 2)
    for (let j = 0; j < b.bounds.length; j += 2) {
      const lo = Math.max(a.bounds[i] as number, b.bounds[j] as number);
      const hi = Math.min(a.bounds[i + 1] as number, b.bounds[j + 1] as number);
      if (lo < hi) return [lo, hi];
    }
  return null;
}

/** Structure ids of a space with a label for error messages. */
function structureIds(space: CompiledSpace): [string, number][] {
  const out: [string, number][] = [];
  space.begin.forEach((id) => out.push([`begin marker of ${space.name}`, id]));
  space.end.forEach((id) => out.push([`end marker of ${space.name}`, id]));
  for (const item of space.prefix) {
    if (item.kind === 'token') out.push([`prefix token of ${space.name}`, item.id]);
    else {
      item.parts.forEach((id) => id >= 0 && out.push([`resolution character of ${space.name}`, id]));
      item.digitIds.forEach((id) => out.push([`resolution digit of ${space.name}`, id]));
    }
  }
  if (space.body.kind === 'lanes') out.push([`special token of ${space.name}`, space.body.special]);
  else {
    const unit = space.body.staticUnit ?? space.body.unit(1, 1);
    for (const op of unit) if (op < 0) out.push([`separator of ${space.name}`, -op - 1]);
  }
  return out;
}

function checkOverlaps(spaces: readonly CompiledSpace[]): Map<number, number> {
  for (let a = 0; a < spaces.length; a++)
    for (let b = a + 1; b < spaces.length; b++) {
      const shared = overlap((spaces[a] as CompiledSpace).codes.allRanges, (spaces[b] as CompiledSpace).codes.allRanges);
      if (shared !== null) throw new LayoutOverlapError({ first: `space ${(spaces[a] as CompiledSpace).name}`, second: `space ${(spaces[b] as CompiledSpace).name}`, range: shared });
    }
  for (const space of spaces)
    for (const [label, id] of structureIds(space))
      for (const other of spaces) if (other.codes.allRanges.has(id)) throw new LayoutOverlapError({ first: label, second: `space ${other.name}`, range: [id, id + 1] });
  const beginMap = new Map<number, number>();
  for (const space of spaces) {
    const first = space.begin[0];
    if (first === undefined) continue;
    const previous = beginMap.get(first);
    if (previous !== undefined) throw new LayoutOverlapError({ first: `begin marker of ${(spaces[previous] as CompiledSpace).name}`, second: `begin marker of ${space.name}`, range: [first, first + 1] });
    beginMap.set(first, space.index);
  }
  return beginMap;
}

/** Names of the structure tokens a body writes between codes (on the space's own head for head spaces). */
function bodyTokenNames(body: BodySpec): string[] {
  if (body.type === 'grid') return [body.rowEnd, body.frameEnd].filter((n): n is string => n !== undefined);
  if (body.type === 'delay' || body.type === 'parallel' || body.type === 'coarse-first') return [body.special];
  return [];
}

/** The largest real id a compiled space uses, plus one. */
function realCeiling(space: CompiledSpace): number {
  let ceiling = 0;
  const bump = (id: number): void => void (ceiling = Math.max(ceiling, id + 1));
  space.begin.forEach(bump);
  space.end.forEach(bump);
  for (const item of space.prefix) {
    if (item.kind === 'token') bump(item.id);
    else {
      item.parts.forEach(bump);
      item.digitIds.forEach(bump);
    }
  }
  if (space.head === 0) {
    const bounds = space.codes.allRanges.bounds;
    if (bounds.length > 0) ceiling = Math.max(ceiling, bounds[bounds.length - 1] as number);
  }
  return ceiling;
}

/** Why a head cannot be inferred from ids alone, or null. */
function ambiguityOf(space: CompiledSpace, size: number): string | null {
  const end = space.end[0];
  if (end === undefined || end >= size) return null;
  const body = space.body;
  if (body.kind === 'program' && body.count !== 'variable') return null;
  return `end marker ${end} of space ${space.name} is also id ${end} of its head, and either may come after a unit`;
}

/** Resolves a validated layout against a token map and checks it at the id level. */
export function compileLayout(spec: LayoutSpec, tokens: ReadonlyMap<string, number>): CompiledLayout {
  const tokenIds = new Map<string, number>();
  for (const [name, ref] of Object.entries(spec.tokens)) tokenIds.set(name, resolveRef(ref, `tokens.${name}`, tokens));
  const named = (name: string): number => tokenIds.get(name) as number;
  const textSize = typeof spec.text.size === 'number' ? spec.text.size : resolveRef(spec.text.size, 'text.size', tokens);
  const standalone = spec.spaces.length === 1 && (spec.spaces[0] as SpaceSpec).begin.length === 0;
  // Head spaces mixed with text get a head each (numbered in space order) and private internal ids.
  const headed = !standalone && spec.spaces.some((s) => s.codes.type === 'head');
  const compileSpace = (space: SpaceSpec, index: number, head: number, shift: number): CompiledSpace => {
    const path = `spaces[${index}]`;
    return {
      index,
      name: space.name,
      modality: space.modality,
      begin: Int32Array.from(space.begin, named),
      end: Int32Array.from(space.end, named),
      prefix: compilePrefix(space.prefix ?? [], `${path}.prefix`, named, tokens),
      codes: compileCodes(space.codes, space.name, `${path}.codes`, slotsOf(space.body), tokens, shift),
      body: compileBody(space.body, shift === 0 ? named : (name) => named(name) + shift),
      head,
      idShift: shift,
    };
  };
  if (!headed) {
    const spaces = spec.spaces.map((space, index) => compileSpace(space, index, 0, 0));
    const beginMap = checkOverlaps(spaces);
    return { spec, textSize, spaces, beginMap, beginIds: Int32Array.from(beginMap.keys()), standalone, tokenIds, heads: null };
  }
  // First pass (head spaces at shift 0) to find every real id; their codes are then moved above it.
  const draft = spec.spaces.map((space, index) => compileSpace(space, index, space.codes.type === 'head' ? 1 : 0, 0));
  let firstInternal = textSize;
  for (const id of tokenIds.values()) firstInternal = Math.max(firstInternal, id + 1);
  for (const space of draft) firstInternal = Math.max(firstInternal, realCeiling(space));
  // Head k is the head of spaces[k - 1]; spaces that are not head spaces get an empty block.
  const shift = [0];
  const size = [firstInternal];
  const spaceOfHead = [-1];
  let next = firstInternal;
  const spaces = spec.spaces.map((space, index) => {
    shift.push(next);
    spaceOfHead.push(index);
    if (space.codes.type !== 'head') {
      size.push(0);
      return draft[index] as CompiledSpace;
    }
    const structure = bodyTokenNames(space.body).map(named);
    const headSize = Math.max(space.codes.codebookSize, ...structure.map((id) => id + 1));
    size.push(headSize);
    next += headSize;
    return compileSpace(space, index, index + 1, next - headSize);
  });
  // Heads travel as a Uint8Array; internal ids must stay int32.
  if (shift.length > 256) throw new InvalidSpecError({ path: 'spaces', expected: 'at most 255 spaces in a layout with head spaces', received: shift.length - 1 });
  if (next > 0x7fffffff) throw new CodebookOverflowError({ space: spec.spaces.map((s) => s.name).join(', '), codebookSize: next - firstInternal, capacity: 0x7fffffff - firstInternal });
  const beginMap = checkOverlaps(spaces);
  let ambiguity: string | null = null;
  for (const space of spaces) if (space.head > 0) ambiguity ??= ambiguityOf(space, size[space.head] as number);
  const heads = { count: shift.length, shift: Int32Array.from(shift), size: Int32Array.from(size), space: Int32Array.from(spaceOfHead), firstInternal, ambiguity };
  return { spec, textSize, spaces, beginMap, beginIds: Int32Array.from(beginMap.keys()), standalone, tokenIds, heads };
}
