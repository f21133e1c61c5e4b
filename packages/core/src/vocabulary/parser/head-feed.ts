import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { ShapeMismatchError } from '../../errors/shape-mismatch-error.js';
import { toInternal } from '../compile/head-table.js';
import { UnexpectedHeadError } from '../errors/unexpected-head-error.js';
import { describeHeads, type ParseMachine } from './parse-machine.js';

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

/** Whether `internalOf` passes `(id, head)` through as the valid internal id it computes. */
function valid(machine: ParseMachine, id: number, head: number): boolean {
  const table = machine.layout.heads;
  if (table === null) return head === 0;
  return head < table.count && id >= 0 && id < (table.size[head] as number);
}

/** Feeds `ids[0..n)` with their heads (null: inferred from the state, or none for layouts without heads). */
export function feedWithHeads(machine: ParseMachine, ids: Int32Array, heads: Uint8Array | null): void {
  const table = machine.layout.heads;
  if (heads === null) {
    if (table === null) {
      machine.consume(ids, 0, ids.length);
      return;
    }
    // Each id's head depends on the state the previous ids left: one id at a time.
    const one = new Int32Array(1);
    for (let i = 0; i < ids.length; i++) {
      one[0] = internalOf(machine, ids[i] as number, undefined);
      machine.consume(one, 0, 1);
    }
    return;
  }
  const internal = new Int32Array(ids.length);
  const shift = table === null ? null : table.shift;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const head = heads[i] as number;
    if (shift !== null && valid(machine, id, head)) internal[i] = (shift[head] as number) + id;
    else if (shift === null && head === 0) internal[i] = id;
    else if (!machine.strict) internal[i] = -1;
    else {
      // Report the error in the state the earlier ids leave (they may fail first).
      machine.consume(internal, 0, i);
      internalOf(machine, id, head); // throws: strict mode rejects every (id, head) that is not valid
    }
  }
  machine.consume(internal, 0, internal.length);
}
