import { isDenseArray } from '../../spec-input/dense-array.js';
import { MAX_JSON_DEPTH, valueDepth } from '../../spec-input/json-depth.js';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { LAYOUT_FORMAT_VERSION, type LayoutSpec } from './layout-spec.js';

type Json = Record<string, unknown>;

/**
 * Limits on the sizes a layout may declare, so that a small JSON file cannot ask for a block the
 * compiler or parser would have to allocate or unroll: the codes of one fixed-size block or frame
 * (a grid's fixed dimensions, a multi-scale body's scales, a fixed frame count times codebooks), the
 * codebooks of one space and the positions of a per-position frame.
 */
export const LAYOUT_LIMITS = { blockCodes: 2 ** 24, codebooks: 4096, scales: 256, positions: 4096, delay: 65_536 } as const;

function limit(value: number, max: number, path: string, what: string): void {
  if (value > max) fail(path, `${what} of at most ${max}`, value);
}

function fail(path: string, expected: string, received: unknown): never {
  throw new InvalidSpecError({ path, expected, received });
}

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
  return value as Json;
}

function integer(value: unknown, path: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 0x7fffffff) fail(path, `an integer >= ${min}`, value);
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(path, 'a non-empty string', value);
  return value;
}

function array(value: unknown, path: string): unknown[] {
  if (!isDenseArray(value)) fail(path, 'an array (without holes)', value);
  return value as unknown[];
}

function tokenRef(value: unknown, path: string): void {
  const ref = object(value, path);
  if ('id' in ref) {
    integer(ref.id, `${path}.id`, 0);
    return;
  }
  string(ref.token, `${path}.token`);
  if (ref.shift !== undefined) integer(ref.shift, `${path}.shift`, 0);
}

function tokenName(value: unknown, path: string, tokens: Json): void {
  const name = string(value, path);
  if (!Object.hasOwn(tokens, name)) fail(path, `a key of tokens (${Object.keys(tokens).join(', ')})`, name);
}

function delays(value: unknown, path: string, count: number): void {
  if (value === undefined) return;
  const list = array(value, path);
  if (list.length !== count) fail(path, `${count} delays`, value);
  list.forEach((d, i) => limit(integer(d, `${path}[${i}]`, 0), LAYOUT_LIMITS.delay, `${path}[${i}]`, 'a delay'));
  for (let i = 1; i < list.length; i++) if ((list[i] as number) < (list[i - 1] as number)) fail(path, 'non-decreasing delays', value);
}

function validateCodes(value: unknown, path: string): void {
  const codes = object(value, path);
  integer(codes.codebookSize, `${path}.codebookSize`, 1);
  switch (codes.type) {
    case 'offset':
      tokenRef(codes.base, `${path}.base`);
      if (codes.stride !== undefined) integer(codes.stride, `${path}.stride`, 0);
      if (codes.reserved !== undefined) integer(codes.reserved, `${path}.reserved`, 1);
      return;
    case 'table': {
      if (typeof codes.prefix !== 'string') fail(`${path}.prefix`, 'a string', codes.prefix);
      if (typeof codes.suffix !== 'string') fail(`${path}.suffix`, 'a string', codes.suffix);
      const digits = string(codes.digits, `${path}.digits`);
      if (new Set(digits).size !== digits.length || digits.length < 2) fail(`${path}.digits`, 'at least two distinct digit characters', digits);
      return;
    }
    case 'head':
      return;
    default:
      fail(`${path}.type`, "'offset', 'table' or 'head'", codes.type);
  }
}

function validateBody(value: unknown, path: string, tokens: Json, hasResolution: boolean): void {
  const body = object(value, path);
  switch (body.type) {
    case 'grid': {
      const shape = array(body.shape, `${path}.shape`);
      if (shape.length < 1 || shape.length > 3) fail(`${path}.shape`, '1 to 3 dimensions', body.shape);
      shape.forEach((d, i) => {
        if (d === 'variable') {
          if (i !== 0) fail(`${path}.shape[${i}]`, "'variable' only as the outermost dimension", d);
        } else if (d === 'h' || d === 'w') {
          if (!hasResolution) fail(`${path}.shape[${i}]`, "a number ('h'/'w' need a resolution prefix)", d);
        } else integer(d, `${path}.shape[${i}]`, 1);
      });
      // 'h'/'w' come from the resolution prefix and are bounded by its digits; the fixed ones multiply here.
      limit(shape.reduce<number>((product, d) => product * (typeof d === 'number' ? d : 1), 1), LAYOUT_LIMITS.blockCodes, `${path}.shape`, 'fixed dimensions with a product');
      if (body.rowEnd !== undefined) {
        tokenName(body.rowEnd, `${path}.rowEnd`, tokens);
        if (shape.length < 2) fail(`${path}.rowEnd`, 'a grid of 2 or 3 dimensions', body.rowEnd);
      }
      if (body.frameEnd !== undefined) {
        tokenName(body.frameEnd, `${path}.frameEnd`, tokens);
        if (shape.length < 3) fail(`${path}.frameEnd`, 'a grid of 3 dimensions', body.frameEnd);
      }
      return;
    }
    case 'frame-major':
    case 'codebook-major': {
      const codebooks = integer(body.codebooks, `${path}.codebooks`, 1);
      limit(codebooks, LAYOUT_LIMITS.codebooks, `${path}.codebooks`, 'a codebook count');
      if (body.frames !== undefined || body.type === 'codebook-major') limit(integer(body.frames, `${path}.frames`, 1) * codebooks, LAYOUT_LIMITS.blockCodes, `${path}.frames`, 'frames × codebooks');
      return;
    }
    case 'per-position': {
      const rates = array(body.rates, `${path}.rates`);
      if (rates.length === 0) fail(`${path}.rates`, 'at least one stream rate', body.rates);
      rates.forEach((r, i) => limit(integer(r, `${path}.rates[${i}]`, 1), LAYOUT_LIMITS.positions, `${path}.rates[${i}]`, 'a rate'));
      limit(rates.reduce<number>((sum, r) => sum + (r as number), 0), LAYOUT_LIMITS.positions, `${path}.rates`, 'positions per frame');
      const positions = array(body.positions, `${path}.positions`);
      const seen = new Set<string>();
      positions.forEach((p, i) => {
        const position = object(p, `${path}.positions[${i}]`);
        const stream = integer(position.stream, `${path}.positions[${i}].stream`, 0);
        if (stream >= rates.length) fail(`${path}.positions[${i}].stream`, `a stream index < ${rates.length}`, stream);
        const sub = integer(position.sub, `${path}.positions[${i}].sub`, 0);
        if (sub >= (rates[stream] as number)) fail(`${path}.positions[${i}].sub`, `a sub-index < ${String(rates[stream])}`, sub);
        seen.add(`${stream}:${sub}`);
      });
      const total = rates.reduce<number>((sum, r) => sum + (r as number), 0);
      if (seen.size !== total || positions.length !== total) fail(`${path}.positions`, `each of the ${total} stream positions exactly once`, body.positions);
      if (body.frames !== undefined) limit(integer(body.frames, `${path}.frames`, 1) * positions.length, LAYOUT_LIMITS.blockCodes, `${path}.frames`, 'frames × positions');
      return;
    }
    case 'multi-scale': {
      const scales = array(body.scales, `${path}.scales`);
      if (scales.length === 0) fail(`${path}.scales`, 'at least one scale', body.scales);
      limit(scales.length, LAYOUT_LIMITS.scales, `${path}.scales`, 'a scale count');
      let codes = 0;
      scales.forEach((s, i) => {
        const pair = array(s, `${path}.scales[${i}]`);
        if (pair.length !== 2) fail(`${path}.scales[${i}]`, '[h, w]', s);
        codes += integer(pair[0], `${path}.scales[${i}][0]`, 1) * integer(pair[1], `${path}.scales[${i}][1]`, 1);
      });
      limit(codes, LAYOUT_LIMITS.blockCodes, `${path}.scales`, 'codes over all scales');
      return;
    }
    case 'delay':
    case 'parallel':
    case 'coarse-first': {
      const codebooks = integer(body.codebooks, `${path}.codebooks`, body.type === 'coarse-first' ? 2 : 1);
      limit(codebooks, LAYOUT_LIMITS.codebooks, `${path}.codebooks`, 'a codebook count');
      if (body.type !== 'parallel') delays(body.delays, `${path}.delays`, body.type === 'coarse-first' ? codebooks - 1 : codebooks);
      if (body.type !== 'coarse-first' && body.emptyInitial !== undefined) limit(integer(body.emptyInitial, `${path}.emptyInitial`, 0), LAYOUT_LIMITS.delay, `${path}.emptyInitial`, 'an initial empty run');
      tokenName(body.special, `${path}.special`, tokens);
      return;
    }
    default:
      fail(`${path}.type`, "'grid', 'frame-major', 'codebook-major', 'per-position', 'multi-scale', 'delay', 'parallel' or 'coarse-first'", body.type);
  }
}

/**
 * Checks that `value` is a layout of format version 1 and returns it typed. Every problem is an
 * `InvalidSpecError` naming the JSON path of the bad field. Id-level checks (overlaps, codebook
 * capacity) need the vocabulary and happen in `createJointVocabulary`.
 */
export function validateLayout(value: unknown): LayoutSpec {
  const layout = object(value, '$');
  // As deep as loadLayout reads back from text, and no cycles: an accepted layout must survive
  // saveLayout → loadLayout (a layout with an unread field nested 4,000 deep once did not).
  const depth = valueDepth(layout);
  if (depth > MAX_JSON_DEPTH) fail('$', `JSON data nested at most ${MAX_JSON_DEPTH} deep (no object inside itself)`, depth === Infinity ? 'a layout that contains itself' : 'a deeper layout');
  if (layout.format !== 'jointok.layout') fail('format', "'jointok.layout'", layout.format);
  if (layout.version !== LAYOUT_FORMAT_VERSION) fail('version', `${LAYOUT_FORMAT_VERSION}`, layout.version);
  string(layout.name, 'name');
  const text = object(layout.text, 'text');
  if (typeof text.size === 'number') integer(text.size, 'text.size', 0);
  else tokenRef(text.size, 'text.size');
  const tokens = object(layout.tokens, 'tokens');
  for (const [name, ref] of Object.entries(tokens)) tokenRef(ref, `tokens.${name}`);
  const spaces = array(layout.spaces, 'spaces');
  const names = new Set<string>();
  spaces.forEach((s, i) => {
    const path = `spaces[${i}]`;
    const space = object(s, path);
    const name = string(space.name, `${path}.name`);
    if (names.has(name)) fail(`${path}.name`, 'a name unique among spaces', name);
    names.add(name);
    string(space.modality, `${path}.modality`);
    validateCodes(space.codes, `${path}.codes`);
    const begin = array(space.begin, `${path}.begin`);
    begin.forEach((t, j) => tokenName(t, `${path}.begin[${j}]`, tokens));
    array(space.end, `${path}.end`).forEach((t, j) => tokenName(t, `${path}.end[${j}]`, tokens));
    let hasResolution = false;
    if (space.prefix !== undefined) {
      array(space.prefix, `${path}.prefix`).forEach((p, j) => {
        const item = object(p, `${path}.prefix[${j}]`);
        if (item.type === 'token') tokenName(item.token, `${path}.prefix[${j}].token`, tokens);
        else if (item.type === 'resolution') {
          const template = string(item.template, `${path}.prefix[${j}].template`);
          if (hasResolution || !template.includes('{h}') || !template.includes('{w}') || !/^\{h\}.+\{w\}$/u.test(template))
            fail(`${path}.prefix[${j}].template`, "one template of the form '{h}<separator>{w}'", template);
          hasResolution = true;
        } else fail(`${path}.prefix[${j}].type`, "'token' or 'resolution'", item.type);
      });
    }
    if (begin.length === 0 && (spaces.length !== 1 || typeof text.size !== 'number' || text.size !== 0))
      fail(`${path}.begin`, 'at least one begin marker (only a standalone layout, text.size 0 and one space, may omit it)', space.begin);
    validateBody(space.body, `${path}.body`, tokens, hasResolution);
  });
  return value as LayoutSpec;
}
