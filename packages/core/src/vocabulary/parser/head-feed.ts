import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { toInternal, type HeadTable } from '../compile/head-table.js';
import { UnexpectedHeadError } from '../errors/unexpected-head-error.js';
import { describeHeads, State, type ParseMachine } from './parse-machine.js';
import type { CompiledSpace } from '../compile/compiled-layout.js';

// Feeding `(id, head)` pairs to the parse machine. Head-space ids become internal ids (see
// HeadTable) before the machine sees them, so its hot loops stay the same for every layout.

/** Checks a caller's `heads` argument and returns it as a Uint8Array of `length` entries. */
export function headsArgument(value: unknown, length: number, argument: string): Uint8Array {
  if (!(value instanceof Uint8Array) && !Array.isArray(value)) throw new InvalidArgumentError({ argument, expected: 'a Uint8Array or an array of head numbers', received: value });
  if (value.length !== length) throw new ShapeMismatchError({ argument, expected: `${length} heads (one per id)`, received: value.length });
  if (value instanceof Uint8Array) return value;
  const heads = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const head = value[i] as unknown;
    if (typeof head !== 'number' || !Number.isInteger(head) || head < 0) throw new InvalidArgumentError({ argument: `${argument}[${i}]`, expected: 'a head number (an integer >= 0)', received: head });
    // Anything above 255 is no head of any layout; 255 keeps it invalid without wrapping around.
    heads[i] = Math.min(head, 255);
  }
  return heads;
}

/**
 * The internal id of one id from `head` (undefined: the parser state decides). Strict mode throws
 * `UnexpectedHeadError` for a head the layout lacks and `HeadIdOutOfRangeError` for an id its
 * head cannot emit; lenient mode returns -1, which the machine then repairs like any stray id.
 */
export function internalOf(machine: ParseMachine, id: number, head: number | undefined): number {
  const table = machine.layout.heads;
  if (table === null) {
    if (head === undefined || head === 0) return id;
    if (machine.strict) throw new UnexpectedHeadError({ position: machine.pos, head, expected: 'head 0 (the layout has no head spaces mixed with text)' });
    return -1;
  }
  if (head === undefined) {
    if (table.ambiguity !== null) throw new InvalidArgumentError({ argument: 'heads', expected: `the head of every id (${table.ambiguity})`, received: undefined });
    head = machine.inferHead(id);
  }
  if (!(head >= 0 && head < table.count && Number.isInteger(head)) || (table.size[head] as number) === 0) {
    if (machine.strict) throw new UnexpectedHeadError({ position: machine.pos, head, expected: describeHeads(machine.layout, machine.allowedHeads()) });
    return -1;
  }
  return toInternal(table, id, head, machine.pos, machine.strict);
}

const zeroShift = new Int32Array(1);
const anySize = Int32Array.of(0x7fffffff);

/** Feeds `ids[0..n)` with their heads (null: inferred from the state, or none for layouts without heads). */
export function feedWithHeads(machine: ParseMachine, ids: Int32Array, heads: Uint8Array | null): void {
  const table = machine.layout.heads;
  if (heads === null) {
    if (table === null) {
      machine.consume(ids, 0, ids.length);
      return;
    }
    feedInferred(machine, ids);
    return;
  }
  const internal = new Int32Array(ids.length);
  // Layouts without head spaces take head 0 only: an empty table of one head keeps one loop.
  const shift = table === null ? zeroShift : table.shift;
  const size = table === null ? anySize : table.size;
  const count = shift.length;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const head = heads[i] as number;
    if (head < count && id >= 0 && id < (size[head] as number)) internal[i] = (shift[head] as number) + id;
    else if (table === null && head === 0) internal[i] = id;
    else if (!machine.strict) internal[i] = -1;
    else {
      // Report the error in the state the earlier ids leave (they may fail first).
      machine.consume(internal, 0, i);
      internalOf(machine, id, head); // throws: strict mode rejects every (id, head) that is not valid
    }
  }
  machine.consume(internal, 0, internal.length);
}

/**
 * How many ids from `from` surely belong to the open head space's body: ids of its head, at most
 * the cells a fixed-count body has left. 0 when the next id needs the per-id rule.
 */
function headRun(machine: ParseMachine, space: CompiledSpace, ids: Int32Array, from: number): number {
  const size = (machine.layout.heads as HeadTable).size[space.head] as number;
  let limit = ids.length;
  if (machine.state === State.Body && machine.unitCount >= 0) limit = Math.min(limit, from + (machine.unitCount - machine.unit) * machine.ops.length - machine.opIndex);
  let k = from;
  while (k < limit) {
    const id = ids[k] as number;
    if (id < 0 || id >= size) break;
    k++;
  }
  return k - from;
}

/** How many ids from `from` are text-head ids that cannot open a head space's block (the first one that may is included). */
function textRun(machine: ParseMachine, ids: Int32Array, from: number, opens: Int32Array): number {
  const first = (machine.layout.heads as HeadTable).firstInternal;
  let k = from;
  scan: while (k < ids.length) {
    const id = ids[k] as number;
    if (id < 0 || id >= first) break;
    k++;
    for (let b = 0; b < opens.length; b++) if (opens[b] === id) break scan;
  }
  return k - from;
}

/**
 * Feeds ids without heads, each read on the head the parser state gives it. Equivalent to feeding
 * them one at a time, but takes runs: text-head ids up to the next id that may open a head space,
 * and (strict mode, where a bad id ends everything) ids of an open head space's body.
 */
function feedInferred(machine: ParseMachine, ids: Int32Array): void {
  const ambiguity = (machine.layout.heads as HeadTable).ambiguity;
  if (ambiguity !== null) throw new InvalidArgumentError({ argument: 'heads', expected: `the head of every id (${ambiguity})`, received: undefined });
  const opens = Int32Array.from(machine.layout.spaces.filter((s) => s.head > 0 && s.begin.length > 0), (s) => s.begin[0] as number);
  const buffer = new Int32Array(Math.min(ids.length, 1 << 16) || 1);
  let i = 0;
  while (i < ids.length) {
    const space = machine.space;
    const inBody = space !== null && space.head > 0 && (machine.state === State.Body || machine.state === State.Lanes);
    let run = 0;
    let shift = 0;
    if (!inBody && (space === null || space.head === 0)) run = textRun(machine, ids, i, opens);
    else if (inBody && machine.strict) {
      run = headRun(machine, space, ids, i);
      shift = space.idShift;
    }
    if (run === 0) {
      buffer[0] = internalOf(machine, ids[i] as number, undefined);
      machine.consume(buffer, 0, 1);
      i++;
      continue;
    }
    run = Math.min(run, buffer.length);
    for (let k = 0; k < run; k++) buffer[k] = (ids[i + k] as number) + shift;
    machine.consume(buffer, 0, run);
    i += run;
  }
}
