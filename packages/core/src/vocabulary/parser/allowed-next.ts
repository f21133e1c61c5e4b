import type { CompiledLayout, CompiledSpace } from '../compile/compiled-layout.js';
import { MAX_RESOLUTION_DIGITS } from '../compile/compiled-layout.js';
import { IdRanges } from '../id-ranges.js';
import { LaneCandidates } from './lane-candidates.js';
import { State, type ParseMachine } from './parse-machine.js';

const single = (id: number): IdRanges => new IdRanges(Int32Array.of(id, id + 1));

/** Ids allowed between segments: text ids and begin markers (standalone: the start of a block). */
export function allowedBetweenSegments(layout: CompiledLayout): IdRanges {
  if (layout.standalone) return allowedAtBlockStart(layout.spaces[0] as CompiledSpace);
  const ranges: [number, number][] = [[0, layout.textSize]];
  for (const id of layout.beginMap.keys()) ranges.push([id, id + 1]);
  return IdRanges.fromRanges(ranges);
}

/** Ids allowed as the first id of a block of `space` (its first begin marker, or what follows). */
function allowedAtBlockStart(space: CompiledSpace): IdRanges {
  if (space.begin.length > 0) return single(space.begin[0] as number);
  return allowedAtPrefixItem(space, 0);
}

function allowedAtPrefixItem(space: CompiledSpace, index: number): IdRanges {
  const item = space.prefix[index];
  if (item === undefined) return allowedAtBodyStart(space);
  if (item.kind === 'token') return single(item.id);
  const first = item.parts[0] as number;
  return first >= 0 ? single(first) : digits(item.digitIds, false);
}

/** The first id of a body: every unit starts with a code of slot 0 (the validated layouts guarantee it). */
function allowedAtBodyStart(space: CompiledSpace): IdRanges {
  const body = space.body;
  if (body.kind === 'lanes') {
    const fresh = new LaneCandidates();
    fresh.sync(0);
    return laneAllowed(space, fresh, 0, 0);
  }
  const sets = [space.codes.slotRanges[0] as IdRanges];
  if (body.count === 'variable' && space.end.length > 0) sets.push(single(space.end[0] as number));
  return IdRanges.union(sets);
}

function digits(digitIds: Int32Array, allowZero: boolean): IdRanges {
  return IdRanges.fromRanges([...digitIds].filter((_, d) => allowZero || d > 0).map((id) => [id, id + 1]));
}

function laneAllowed(space: CompiledSpace, candidates: LaneCandidates, step: number, lane: number): IdRanges {
  if (space.body.kind !== 'lanes') return IdRanges.empty;
  const { pattern, special } = space.body;
  const sets: IdRanges[] = [];
  if (candidates.allows(pattern, step, lane, true)) sets.push(space.codes.slotRanges[lane] as IdRanges);
  if (candidates.allows(pattern, step, lane, false)) sets.push(single(special));
  if (lane === 0 && space.end.length > 0 && candidates.endFrames(pattern, step) >= 0) sets.push(single(space.end[0] as number));
  return IdRanges.union(sets);
}

/**
 * The ids that may follow in the machine's current state: exactly those `consume` accepts without
 * error in strict mode.
 */
export function allowedNext(machine: ParseMachine, betweenSegments: IdRanges): IdRanges {
  const space = machine.space;
  if (machine.state === State.Text || space === null) return betweenSegments;
  switch (machine.state) {
    case State.Begin:
      return single(space.begin[machine.marker] as number);
    case State.End:
      return single(space.end[machine.marker] as number);
    case State.Prefix: {
      const item = space.prefix[machine.prefixIndex];
      if (item === undefined) return IdRanges.empty;
      if (item.kind === 'token') return single(item.id);
      const part = item.parts[machine.part] as number;
      if (part >= 0) return single(part);
      const sets: IdRanges[] = [];
      if (machine.fieldDigits < MAX_RESOLUTION_DIGITS) sets.push(digits(item.digitIds, machine.fieldDigits > 0));
      if (machine.fieldDigits > 0) {
        const next = item.parts[machine.part + 1];
        sets.push(next === undefined ? allowedAtPrefixItem(space, machine.prefixIndex + 1) : single(next));
      }
      return IdRanges.union(sets);
    }
    case State.Lanes:
      machine.candidates.sync(machine.step);
      return laneAllowed(space, machine.candidates, machine.step, machine.lane);
    default: {
      if (machine.opIndex === 0 && machine.unit === machine.unitCount) return space.end.length > 0 ? single(space.end[0] as number) : IdRanges.empty;
      const op = machine.ops[machine.opIndex] as number;
      const here = op >= 0 ? (space.codes.slotRanges[op] as IdRanges) : single(-op - 1);
      if (machine.opIndex === 0 && machine.unitCount < 0 && space.end.length > 0) return IdRanges.union([here, single(space.end[0] as number)]);
      return here;
    }
  }
}
