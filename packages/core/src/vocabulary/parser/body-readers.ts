import { codeOf } from '../compile/code-map.js';
import type { CompiledSpace } from '../compile/compiled-layout.js';
import type { BodyCursor } from './body-cursor.js';
import { CHUNK } from './parse-chunk.js';

// The hot loops of the parse machine: program bodies (one code per unit, any unit shape) and lane
// bodies. They read and write the machine's state directly (through `BodyCursor`); `parse-machine.ts`
// holds the rest.

/**
 * Reads program-body ids from `ids[from..to)`; returns where it stopped. One-code units (1-D runs)
 * take a single scan; batch mode takes `bodyRun`; streaming walks id by id with delta events.
 */
export function readBody(m: BodyCursor, ids: Int32Array, from: number, to: number): number {
  const space = m.space as CompiledSpace;
  const map = space.codes;
  const table = map.codeOfId;
  const tableMin = map.tableMin;
  const base = map.base;
  const size = map.codebookSize;
  const ops = m.ops;
  const opsLength = ops.length;
  const endFirst = space.end.length > 0 ? (space.end[0] as number) : -1;
  const codes = m.codes;
  const events = m.events;
  let i = from;
  if (opsLength === 1 && (ops[0] as number) >= 0 && m.opIndex === 0) {
    // One code per unit (1-D runs: LaVIT, SEED, speech): a single scan over the run.
    const first = table === null ? (base[ops[0] as number] as number) : 0;
    while (i < to) {
      if (m.unit === m.unitCount || (m.unitCount < 0 && endFirst >= 0 && ids[i] === endFirst)) {
        m.endBody();
        return i;
      }
      // Chunked so a long input does not grow the code buffer to the whole input's size.
      const room = Math.min(CHUNK, m.unitCount < 0 ? to - i : Math.min(to - i, m.unitCount - m.unit));
      codes.ensure(room);
      const data = codes.data;
      let length = codes.length;
      const start = i;
      const stop = i + room;
      if (table === null) {
        for (; i < stop; i++) {
          const code = (ids[i] as number) - first;
          if (code < 0 || code >= size) break;
          data[length++] = code;
        }
      } else {
        const span = table.length;
        for (; i < stop; i++) {
          const k = (ids[i] as number) - tableMin;
          const code = k >= 0 && k < span ? (table[k] as number) : -1;
          if (code < 0) break;
          data[length++] = code;
        }
      }
      if (events !== null) for (let k = start; k < i; k++) events.push({ type: 'segment-delta', modality: space.modality, space: space.name, position: m.pos + (k - start), id: (ids[k] as number) - space.idShift, code: data[codes.length + (k - start)] as number });
      codes.length = length;
      m.pos += i - start;
      m.unit += i - start;
      if (m.unit === m.unitCount && space.end.length === 0) {
        m.endBody();
        return i;
      }
      if (i < stop) {
        // ids[i] is not a code: the end marker (variable count) or an unexpected id.
        if (m.unitCount < 0 && ids[i] === endFirst && endFirst >= 0) continue;
        return m.unexpected(ids[i] as number) ? i + 1 : i;
      }
    }
    return i;
  }
  if (events === null) return bodyRun(m, ids, i, to);
  while (i < to) {
    let j = m.opIndex;
    if (j === 0) {
      if (m.unit === m.unitCount || (m.unitCount < 0 && endFirst >= 0 && ids[i] === endFirst)) {
        m.endBody();
        return i;
      }
      codes.ensure(opsLength);
    }
    const data = codes.data;
    let length = codes.length;
    const limit = Math.min(to, i + (opsLength - j));
    let ok = true;
    for (; i < limit; i++, j++) {
      const id = ids[i] as number;
      const op = ops[j] as number;
      if (op >= 0) {
        let code: number;
        if (table === null) {
          code = id - (base[op] as number);
          if (code < 0 || code >= size) code = -1;
        } else {
          const k = id - tableMin;
          code = k >= 0 && k < table.length ? (table[k] as number) : -1;
        }
        if (code < 0) {
          ok = false;
          break;
        }
        data[length++] = code;
        if (events !== null) events.push({ type: 'segment-delta', modality: space.modality, space: space.name, position: m.pos + (i - from), id: id - space.idShift, code });
      } else if (id !== -op - 1) {
        ok = false;
        break;
      }
    }
    codes.length = length;
    m.pos += i - from;
    from = i;
    m.opIndex = j === opsLength ? 0 : j;
    if (j === opsLength) {
      m.unit++;
      if (m.unit === m.unitCount && space.end.length === 0) {
        m.endBody();
        return i;
      }
    }
    if (!ok) return m.unexpected(ids[i] as number) ? i + 1 : i;
  }
  return i;
}

/**
 * Batch loop over program bodies of any unit shape (rows with separators, 7-token frames, table
 * ids): walks units without leaving the loop, checking the end conditions at unit boundaries only.
 */
function bodyRun(m: BodyCursor, ids: Int32Array, from: number, to: number): number {
  const space = m.space as CompiledSpace;
  const map = space.codes;
  const table = map.codeOfId;
  const tableMin = map.tableMin;
  const tableLength = table === null ? 0 : table.length;
  const base = map.base;
  const size = map.codebookSize;
  const ops = m.ops;
  const opsLength = ops.length;
  const endFirst = space.end.length > 0 ? (space.end[0] as number) : -1;
  const unitCount = m.unitCount;
  const codes = m.codes;
  let data = codes.data;
  let length = codes.length;
  let unit = m.unit;
  let j = m.opIndex;
  let i = from;
  let failed = false;
  let ended = false;
  while (i < to) {
    if (j === 0) {
      if (unit === unitCount || (unitCount < 0 && endFirst >= 0 && ids[i] === endFirst)) {
        ended = true;
        break;
      }
      if (length + opsLength > data.length) {
        codes.length = length;
        codes.ensure(Math.max(opsLength, Math.min(CHUNK, to - i)));
        data = codes.data;
      }
    }
    const id = ids[i] as number;
    const op = ops[j] as number;
    if (op >= 0) {
      let code: number;
      if (table === null) {
        code = id - (base[op] as number);
        if (code >= size) code = -1;
      } else {
        const k = id - tableMin;
        code = k >= 0 && k < tableLength ? (table[k] as number) : -1;
      }
      if (code < 0) {
        failed = true;
        break;
      }
      data[length++] = code;
    } else if (id !== -op - 1) {
      failed = true;
      break;
    }
    i++;
    if (++j === opsLength) {
      j = 0;
      unit++;
      if (unit === unitCount && endFirst < 0) {
        ended = true;
        break;
      }
    }
  }
  codes.length = length;
  m.pos += i - from;
  m.unit = unit;
  m.opIndex = j;
  if (ended) {
    m.endBody();
    return i;
  }
  if (failed) return m.unexpected(ids[i] as number) ? i + 1 : i;
  return i;
}

/**
 * Batch fast path at the start of a lane body: when the rest of the block (up to its end marker,
 * or the end of a final input) has a whole number of steps, check it against the pattern for the
 * frame count that length implies, lane by lane, and take it in one go. Anything off leaves the
 * state untouched and the per-id path reports it exactly.
 */
export function readLaneBlock(m: BodyCursor, ids: Int32Array, from: number, to: number): number {
  const space = m.space as CompiledSpace;
  const body = space.body;
  if (body.kind !== 'lanes' || !m.final || m.events !== null || m.step !== 0 || m.lane !== 0) return from;
  const { pattern, special } = body;
  const lanes = pattern.lanes;
  let end = to;
  if (space.end.length > 0) {
    end = ids.indexOf(space.end[0] as number, from);
    if (end < 0) return from;
  }
  const steps = (end - from) / lanes;
  const frames = Number.isInteger(steps) ? pattern.framesForSteps(steps) : -1;
  if (frames < 0) return from;
  const base = space.codes.base;
  const size = space.codes.codebookSize;
  m.codes.reset();
  m.codes.ensure(end - from);
  const serial = m.codes.data;
  const offset = m.codes.start;
  for (let q = 0; q < lanes; q++) {
    const start = pattern.laneStart(frames, q);
    const first = base[q] as number;
    for (let s = 0, k = from + q; s < steps; s++, k += lanes) {
      const id = ids[k] as number;
      if (s >= start && s < start + frames) {
        const code = id - first;
        if (code < 0 || code >= size) return from;
        serial[offset + s * lanes + q] = code;
      } else {
        if (id !== special) return from;
        serial[offset + s * lanes + q] = -1;
      }
    }
  }
  m.codes.truncate(end - from);
  m.candidates.list.length = 0;
  m.candidates.list.push(frames);
  m.candidates.tailFrom = Number.POSITIVE_INFINITY;
  m.step = steps;
  m.pos += end - from;
  return end;
}

/** Reads one id of a lane body, keeping the frame counts it still allows; false when it is re-read. */
export function readLane(m: BodyCursor, id: number): boolean {
  const space = m.space as CompiledSpace;
  if (space.body.kind !== 'lanes') return m.unexpected(id);
  const { pattern, special } = space.body;
  const candidates = m.candidates;
  candidates.sync(m.step);
  if (m.lane === 0 && space.end.length > 0 && id === space.end[0]) {
    if (candidates.endFrames(pattern, m.step) < 0) return m.unexpected(id);
    m.endBody();
    return false;
  }
  const isCode = id !== special;
  const code = isCode ? codeOf(space.codes, m.lane, id) : -1;
  if (isCode && code < 0) return m.unexpected(id);
  // On failure the candidates are spoilt, but the block is then either an error or dropped.
  if (!candidates.observe(pattern, m.step, m.lane, isCode)) return m.unexpected(id);
  m.codes.push(code);
  if (isCode) m.events?.push({ type: 'segment-delta', modality: space.modality, space: space.name, position: m.pos, id: id - space.idShift, code });
  m.pos++;
  if (++m.lane === pattern.lanes) {
    m.lane = 0;
    m.step++;
  }
  return true;
}
