import type { TokenBlock } from '../../modality/token-block.js';
import type { ProgramPlan } from '../compile/body-plan.js';
import { cellsIn } from '../compile/body-plan.js';
import { codeOf } from '../compile/code-map.js';
import { MAX_RESOLUTION_DIGITS, type CompiledLayout, type CompiledResolution, type CompiledSpace } from '../compile/compiled-layout.js';
import { TruncatedBlockError } from '../errors/truncated-block-error.js';
import { UnexpectedTokenIdError } from '../errors/unexpected-token-id-error.js';
import { UnknownTokenIdError } from '../errors/unknown-token-id-error.js';
import { buildLaneBlock, buildProgramBlock } from './build-block.js';
import { GrowBuffer } from './grow-buffer.js';
import { LaneCandidates } from './lane-candidates.js';
import type { ParseMode, ParserEvent, ParseRepair, BlockSpan } from './parser-types.js';

/** Ids read per inner-loop chunk (bounds the growth of the code and text buffers). */
const CHUNK = 1 << 16;

/** Parser states. */
export const enum State {
  Text = 0,
  Begin = 1,
  Prefix = 2,
  Body = 3,
  End = 4,
  Lanes = 5,
}

/**
 * The one state machine behind batch `parse` and the incremental parser, so both agree by
 * construction. `consume` takes a run of ids; program bodies are read in a tight loop over the
 * Int32Array with no per-id allocation.
 */
export class ParseMachine {
  readonly layout: CompiledLayout;
  readonly strict: boolean;
  /** Collected results. */
  readonly blocks: TokenBlock<string>[] = [];
  readonly spans: BlockSpan[] = [];
  readonly repairs: ParseRepair[] = [];
  /** True when `consume` gets the whole remaining input (batch parse), enabling whole-block fast paths. */
  final = false;
  /** Events of the incremental parser; null in batch mode (no deltas are produced). */
  events: ParserEvent[] | null = null;

  state: State = State.Text;
  /** Absolute position of the next id. */
  pos = 0;
  // Text segment.
  textStart = -1;
  /** Text ids and codes share one buffer: a text segment and a block are never open together. */
  readonly text: GrowBuffer;
  // Current block.
  space: CompiledSpace | null = null;
  blockStart = 0;
  contentStart = 0;
  contentEnd = 0;
  /** Index into begin or end markers. */
  marker = 0;
  prefixIndex = 0;
  part = 0;
  fieldValue = 0;
  fieldDigits = 0;
  h = 0;
  w = 0;
  ops: Int32Array = new Int32Array(0);
  unitCount = 0;
  unit = 0;
  opIndex = 0;
  readonly codes: GrowBuffer;
  // Lane bodies.
  step = 0;
  lane = 0;
  readonly candidates = new LaneCandidates();
  /** ParseRepair to attach to the block being closed (an early end marker in lenient mode). */
  private pendingRepair: ParseRepair | null = null;

  /** First begin-marker ids, scanned linearly (a layout has a handful of spaces). */
  private readonly beginIds: Int32Array;

  /** `arenaSize`: batch parse of a known input; every segment then becomes a view of one buffer. */
  constructor(layout: CompiledLayout, mode: ParseMode, arenaSize = 0) {
    this.layout = layout;
    this.codes = arenaSize > 0 ? new GrowBuffer(arenaSize, true) : new GrowBuffer(1024);
    this.text = this.codes;
    this.beginIds = layout.beginIds;
    this.strict = mode === 'strict';
  }

  /** Feeds `ids[from..to)`. */
  consume(ids: Int32Array, from: number, to: number): void {
    let i = from;
    while (i < to) {
      const id = ids[i] as number;
      switch (this.state) {
        case State.Text:
          i = this.onTextRun(ids, i, to);
          break;
        case State.Body:
          i = this.onBody(ids, i, to);
          break;
        case State.Begin:
          if (this.onBegin(id)) i++;
          break;
        case State.Prefix:
          if (this.onPrefix(id)) i++;
          break;
        case State.End:
          if (this.onEnd(id)) i++;
          break;
        case State.Lanes: {
          const next = this.laneRun(ids, i, to);
          if (next !== i) i = next;
          else if (this.onLane(id)) i++;
          break;
        }
      }
    }
  }

  /** Ends the input: closes the open segment or reports it truncated. */
  finish(): void {
    if (this.state === State.Text) {
      this.closeText();
      return;
    }
    if (this.canFinish()) {
      this.contentEnd = this.pos;
      this.closeBlock();
      return;
    }
    const space = this.space as CompiledSpace;
    if (this.strict) throw new TruncatedBlockError({ space: space.name, start: this.blockStart, expected: this.describeExpected() });
    this.salvage('the ids ended inside the block');
  }

  /** Whether the input may end here (a complete sequence). */
  canFinish(): boolean {
    switch (this.state) {
      case State.Text:
        return true;
      case State.Body: {
        const space = this.space as CompiledSpace;
        return space.end.length === 0 && this.opIndex === 0 && (this.unitCount < 0 || this.unit === this.unitCount);
      }
      case State.Lanes: {
        const space = this.space as CompiledSpace;
        if (space.end.length !== 0 || this.lane !== 0 || space.body.kind !== 'lanes') return false;
        this.candidates.sync(this.step);
        return this.candidates.endFrames(space.body.pattern, this.step) >= 0;
      }
      default:
        return false;
    }
  }

  // ---- text ----------------------------------------------------------------------------------

  /** Reads a run of plain text ids in one loop; anything else goes through `onText`. */
  private onTextRun(ids: Int32Array, from: number, to: number): number {
    const layout = this.layout;
    if (layout.standalone) return this.onText(ids[from] as number) ? from + 1 : from;
    const begins = this.beginIds;
    const textSize = layout.textSize;
    let i = from;
    while (this.textStart >= 0 && this.events === null && i < to) {
      const text = this.text;
      const stop = Math.min(to, i + CHUNK);
      text.ensure(stop - i);
      const data = text.data;
      let length = text.length;
      const start = i;
      scan: for (; i < stop; i++) {
        const id = ids[i] as number;
        if (id < 0 || id >= textSize) break;
        for (let b = 0; b < begins.length; b++) if (begins[b] === id) break scan;
        data[length++] = id;
      }
      text.length = length;
      this.pos += i - start;
      if (i < stop) break;
    }
    if (i === to) return i;
    return this.onText(ids[i] as number) ? i + 1 : i;
  }

  private onText(id: number): boolean {
    const layout = this.layout;
    if (layout.standalone) {
      this.startBlock(layout.spaces[0] as CompiledSpace);
      return false;
    }
    const spaceIndex = layout.beginMap.get(id);
    if (spaceIndex !== undefined) {
      this.closeText();
      this.startBlock(layout.spaces[spaceIndex] as CompiledSpace);
      return false;
    }
    if (id >= 0 && id < layout.textSize) {
      if (this.textStart < 0) {
        this.textStart = this.pos;
        this.text.reset();
        this.events?.push({ type: 'segment-start', modality: 'text', space: null, position: this.pos });
      }
      this.text.push(id);
      this.events?.push({ type: 'segment-delta', modality: 'text', space: null, position: this.pos, id, code: id });
      this.pos++;
      return true;
    }
    if (this.strict) throw new UnknownTokenIdError({ position: this.pos, id, textSize: layout.textSize });
    this.addRepair({ kind: 'dropped-unknown-id', position: this.pos, space: null, droppedIds: 1, detail: `id ${id} is outside every space` });
    this.pos++;
    return true;
  }

  private closeText(): void {
    if (this.textStart < 0) return;
    const codes = this.text.take();
    const block: TokenBlock<string> = { modality: 'text', codes, shape: [codes.length], meta: {} };
    const span: BlockSpan = { start: this.textStart, end: this.pos, contentStart: this.textStart, contentEnd: this.pos, modality: 'text', space: null, shape: [codes.length] };
    this.textStart = -1;
    this.emitBlock(block, span, null);
  }

  // ---- block structure -----------------------------------------------------------------------

  private startBlock(space: CompiledSpace): void {
    this.space = space;
    this.blockStart = this.pos;
    this.marker = 0;
    this.h = 0;
    this.w = 0;
    this.codes.reset();
    this.events?.push({ type: 'segment-start', modality: space.modality, space: space.name, position: this.pos });
    if (space.begin.length === 0) this.enterPrefixItem(0);
    else this.state = State.Begin;
  }

  private onBegin(id: number): boolean {
    const space = this.space as CompiledSpace;
    if (id !== space.begin[this.marker]) return this.unexpected(id);
    this.pos++;
    if (++this.marker === space.begin.length) this.enterPrefixItem(0);
    return true;
  }

  private enterPrefixItem(index: number): void {
    const space = this.space as CompiledSpace;
    this.prefixIndex = index;
    this.part = 0;
    this.fieldValue = 0;
    this.fieldDigits = 0;
    if (index < space.prefix.length) this.state = State.Prefix;
    else this.enterBody();
  }

  private onPrefix(id: number): boolean {
    const space = this.space as CompiledSpace;
    const item = space.prefix[this.prefixIndex];
    if (item === undefined) return this.unexpected(id);
    if (item.kind === 'token') {
      if (id !== item.id) return this.unexpected(id);
      this.pos++;
      this.enterPrefixItem(this.prefixIndex + 1);
      return true;
    }
    const part = item.parts[this.part] as number;
    if (part >= 0) {
      if (id !== part) return this.unexpected(id);
      this.pos++;
      this.advancePart(item);
      return true;
    }
    const digit = item.digitOf.get(id);
    if (digit !== undefined && (this.fieldDigits > 0 || digit > 0) && this.fieldDigits < MAX_RESOLUTION_DIGITS) {
      this.fieldValue = this.fieldValue * 10 + digit;
      this.fieldDigits++;
      this.pos++;
      return true;
    }
    if (this.fieldDigits === 0) return this.unexpected(id);
    // The field ended: store it and read this id again in the next part.
    this.advancePart(item);
    return false;
  }

  private advancePart(item: CompiledResolution): void {
    const part = item.parts[this.part] as number;
    if (part === -1) this.h = this.fieldValue;
    else if (part === -2) this.w = this.fieldValue;
    this.fieldValue = 0;
    this.fieldDigits = 0;
    if (++this.part === item.parts.length) this.enterPrefixItem(this.prefixIndex + 1);
  }

  private enterBody(): void {
    const space = this.space as CompiledSpace;
    const body = space.body;
    this.contentStart = this.pos;
    if (body.kind === 'lanes') {
      this.state = State.Lanes;
      this.step = 0;
      this.lane = 0;
      this.candidates.reset();
      return;
    }
    this.ops = body.staticUnit ?? body.unit(this.h, this.w);
    const count = body.count;
    this.unitCount = count === 'variable' ? -1 : count === 'h' ? this.h : count === 'w' ? this.w : count;
    this.unit = 0;
    this.opIndex = 0;
    this.state = State.Body;
  }

  private endBody(): void {
    const space = this.space as CompiledSpace;
    this.contentEnd = this.pos;
    this.marker = 0;
    if (space.end.length === 0) this.closeBlock();
    else this.state = State.End;
  }

  private onEnd(id: number): boolean {
    const space = this.space as CompiledSpace;
    if (id !== space.end[this.marker]) return this.unexpected(id);
    this.pos++;
    if (++this.marker === space.end.length) this.closeBlock();
    return true;
  }

  // ---- program bodies (hot path) ------------------------------------------------------------

  private onBody(ids: Int32Array, from: number, to: number): number {
    const space = this.space as CompiledSpace;
    const map = space.codes;
    const table = map.codeOfId;
    const tableMin = map.tableMin;
    const base = map.base;
    const size = map.codebookSize;
    const ops = this.ops;
    const opsLength = ops.length;
    const endFirst = space.end.length > 0 ? (space.end[0] as number) : -1;
    const codes = this.codes;
    const events = this.events;
    let i = from;
    if (opsLength === 1 && (ops[0] as number) >= 0 && this.opIndex === 0) {
      // One code per unit (1-D runs: LaVIT, SEED, speech): a single scan over the run.
      const first = table === null ? (base[ops[0] as number] as number) : 0;
      while (i < to) {
        if (this.unit === this.unitCount || (this.unitCount < 0 && endFirst >= 0 && ids[i] === endFirst)) {
          this.endBody();
          return i;
        }
        // Chunked so a long input does not grow the code buffer to the whole input's size.
        const room = Math.min(CHUNK, this.unitCount < 0 ? to - i : Math.min(to - i, this.unitCount - this.unit));
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
        if (events !== null) for (let k = start; k < i; k++) events.push({ type: 'segment-delta', modality: space.modality, space: space.name, position: this.pos + (k - start), id: ids[k] as number, code: data[codes.length + (k - start)] as number });
        codes.length = length;
        this.pos += i - start;
        this.unit += i - start;
        if (this.unit === this.unitCount && space.end.length === 0) {
          this.endBody();
          return i;
        }
        if (i < stop) {
          // ids[i] is not a code: the end marker (variable count) or an unexpected id.
          if (this.unitCount < 0 && ids[i] === endFirst && endFirst >= 0) continue;
          return this.unexpected(ids[i] as number) ? i + 1 : i;
        }
      }
      return i;
    }
    if (events === null) return this.bodyRun(ids, i, to);
    while (i < to) {
      let j = this.opIndex;
      if (j === 0) {
        if (this.unit === this.unitCount || (this.unitCount < 0 && endFirst >= 0 && ids[i] === endFirst)) {
          this.endBody();
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
          if (events !== null) events.push({ type: 'segment-delta', modality: space.modality, space: space.name, position: this.pos + (i - from), id, code });
        } else if (id !== -op - 1) {
          ok = false;
          break;
        }
      }
      codes.length = length;
      this.pos += i - from;
      from = i;
      this.opIndex = j === opsLength ? 0 : j;
      if (j === opsLength) {
        this.unit++;
        if (this.unit === this.unitCount && space.end.length === 0) {
          this.endBody();
          return i;
        }
      }
      if (!ok) return this.unexpected(ids[i] as number) ? i + 1 : i;
    }
    return i;
  }

  /**
   * Batch loop over program bodies of any unit shape (rows with separators, 7-token frames, table
   * ids): walks units without leaving the loop, checking the end conditions at unit boundaries only.
   */
  private bodyRun(ids: Int32Array, from: number, to: number): number {
    const space = this.space as CompiledSpace;
    const map = space.codes;
    const table = map.codeOfId;
    const tableMin = map.tableMin;
    const tableLength = table === null ? 0 : table.length;
    const base = map.base;
    const size = map.codebookSize;
    const ops = this.ops;
    const opsLength = ops.length;
    const endFirst = space.end.length > 0 ? (space.end[0] as number) : -1;
    const unitCount = this.unitCount;
    const codes = this.codes;
    let data = codes.data;
    let length = codes.length;
    let unit = this.unit;
    let j = this.opIndex;
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
    this.pos += i - from;
    this.unit = unit;
    this.opIndex = j;
    if (ended) {
      this.endBody();
      return i;
    }
    if (failed) return this.unexpected(ids[i] as number) ? i + 1 : i;
    return i;
  }

  // ---- lane bodies ---------------------------------------------------------------------------

  /**
   * Batch fast path at the start of a lane body: when the rest of the block (up to its end marker,
   * or the end of a final input) has a whole number of steps, check it against the pattern for the
   * frame count that length implies, lane by lane, and take it in one go. Anything off leaves the
   * state untouched and the per-id path reports it exactly.
   */
  private laneRun(ids: Int32Array, from: number, to: number): number {
    const space = this.space as CompiledSpace;
    const body = space.body;
    if (body.kind !== 'lanes' || !this.final || this.events !== null || this.step !== 0 || this.lane !== 0) return from;
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
    this.codes.reset();
    this.codes.ensure(end - from);
    const serial = this.codes.data;
    const offset = this.codes.start;
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
    this.codes.truncate(end - from);
    this.candidates.list.length = 0;
    this.candidates.list.push(frames);
    this.candidates.tailFrom = Number.POSITIVE_INFINITY;
    this.step = steps;
    this.pos += end - from;
    return end;
  }

  private onLane(id: number): boolean {
    const space = this.space as CompiledSpace;
    if (space.body.kind !== 'lanes') return this.unexpected(id);
    const { pattern, special } = space.body;
    const candidates = this.candidates;
    candidates.sync(this.step);
    if (this.lane === 0 && space.end.length > 0 && id === space.end[0]) {
      if (candidates.endFrames(pattern, this.step) < 0) return this.unexpected(id);
      this.endBody();
      return false;
    }
    const isCode = id !== special;
    const code = isCode ? codeOf(space.codes, this.lane, id) : -1;
    if (isCode && code < 0) return this.unexpected(id);
    // On failure the candidates are spoilt, but the block is then either an error or dropped.
    if (!candidates.observe(pattern, this.step, this.lane, isCode)) return this.unexpected(id);
    this.codes.push(code);
    if (isCode) this.events?.push({ type: 'segment-delta', modality: space.modality, space: space.name, position: this.pos, id, code });
    this.pos++;
    if (++this.lane === pattern.lanes) {
      this.lane = 0;
      this.step++;
    }
    return true;
  }

  // ---- closing, errors, repairs --------------------------------------------------------------

  private closeBlock(): void {
    const space = this.space as CompiledSpace;
    const body = space.body;
    let block: TokenBlock<string>;
    if (body.kind === 'lanes') {
      const frames = this.candidates.endFrames(body.pattern, this.step);
      block = buildLaneBlock(space, body, this.codes.take(), this.step, frames);
    } else {
      block = buildProgramBlock(space, body, this.codes.take(), { units: this.unit, h: this.h, w: this.w });
    }
    const repair = this.pendingRepair;
    this.pendingRepair = null;
    this.finishBlock(block, repair);
  }

  private finishBlock(block: TokenBlock<string> | null, repair: ParseRepair | null): void {
    const space = this.space as CompiledSpace;
    const span: BlockSpan | null =
      block === null
        ? null
        : { start: this.blockStart, end: this.pos, contentStart: this.contentStart, contentEnd: this.contentEnd, modality: space.modality, space: space.name, shape: block.shape };
    this.state = State.Text;
    this.space = null;
    if (block !== null && span !== null) this.emitBlock(block, span, repair);
    else this.events?.push({ type: 'segment-end', modality: space.modality, space: space.name, block: null, span: null, repair });
  }

  private emitBlock(block: TokenBlock<string>, span: BlockSpan, repair: ParseRepair | null): void {
    this.blocks.push(block);
    this.spans.push(span);
    this.events?.push({ type: 'segment-end', modality: block.modality, space: span.space, block, span, repair });
  }

  private addRepair(repair: ParseRepair): void {
    this.repairs.push(repair);
    this.events?.push({ type: 'repair', repair });
  }

  /**
   * An id the current state does not allow: throw (strict), or repair the block and re-read the id
   * as text (lenient). Returns true when the id was consumed (dropped), false when it is re-read.
   */
  private unexpected(id: number): boolean {
    const space = this.space as CompiledSpace;
    if (this.strict) throw new UnexpectedTokenIdError({ space: space.name, position: this.pos, id, expected: this.describeExpected() });
    if (this.state === State.Body && id === space.end[0] && space.body.kind === 'program') {
      // An early end marker: keep the complete units and let the markers close the block normally.
      const units = this.unit;
      const representedEnd = this.contentStart + units * this.ops.length;
      this.codes.truncate(units * cellsIn(this.ops));
      this.pendingRepair = {
        kind: 'closed-partial-block',
        position: this.pos,
        space: space.name,
        droppedIds: this.pos - representedEnd,
        detail: `end marker ${id} came early; kept ${units} complete unit(s) of the ${space.name} block`,
      };
      this.addRepair(this.pendingRepair);
      this.opIndex = 0;
      this.endBody();
      this.contentEnd = representedEnd;
      return false;
    }
    const madeProgress = this.pos > this.blockStart;
    this.salvage(`id ${id} does not fit the block`);
    if (madeProgress || !this.layout.standalone) return false;
    // A standalone layout re-reads every id as the start of a block: drop one that cannot start one.
    this.addRepair({ kind: 'dropped-unknown-id', position: this.pos, space: space.name, droppedIds: 1, detail: `id ${id} cannot start a ${space.name} block` });
    this.pos++;
    return true;
  }

  /** Lenient repair of a broken block: keep its complete units when the body was reached, else drop it. */
  private salvage(detail: string): void {
    const space = this.space as CompiledSpace;
    const body = space.body;
    if ((this.state === State.Body || this.state === State.End) && body.kind === 'program') {
      const units = this.unit;
      const cells = units * cellsIn(this.ops);
      this.codes.truncate(cells);
      const kept = this.codes.take();
      const representedEnd = this.contentStart + units * this.ops.length;
      if (this.state === State.Body) this.contentEnd = representedEnd;
      const repair: ParseRepair = {
        kind: 'closed-partial-block',
        position: this.pos,
        space: space.name,
        droppedIds: this.state === State.Body ? this.pos - representedEnd : this.marker === 0 ? 0 : this.marker,
        detail: `${detail}; kept ${units} complete unit(s) of the ${space.name} block`,
      };
      this.repairs.push(repair);
      this.events?.push({ type: 'repair', repair });
      this.finishBlock(buildProgramBlock(space, body as ProgramPlan, kept, { units, h: this.h, w: this.w }), repair);
      return;
    }
    const repair: ParseRepair = {
      kind: 'dropped-partial-block',
      position: this.pos,
      space: space.name,
      droppedIds: this.pos - this.blockStart,
      detail: `${detail}; dropped the ${space.name} block that started at ${this.blockStart}`,
    };
    this.repairs.push(repair);
    this.events?.push({ type: 'repair', repair });
    this.finishBlock(null, repair);
  }

  /** Words for what the current state expects (error messages). */
  describeExpected(): string {
    const space = this.space;
    if (space === null) return 'a text id or a begin marker';
    switch (this.state) {
      case State.Begin:
        return `begin marker ${space.begin[this.marker]}`;
      case State.Prefix:
        return 'the resolution prefix or prefix token';
      case State.End:
        return `end marker ${space.end[this.marker]}`;
      case State.Lanes:
        return `a code of lane ${this.lane} or the special token, as the pattern allows at step ${this.step}`;
      default: {
        const end = space.end.length > 0 ? `end marker ${space.end[0]}` : 'the end of the ids';
        if (this.opIndex === 0 && this.unit === this.unitCount) return end;
        const op = this.ops[this.opIndex] as number;
        const what = op >= 0 ? `a code of slot ${op} (unit ${this.unit}, position ${this.opIndex})` : `separator ${-op - 1}`;
        return this.opIndex === 0 && this.unitCount < 0 ? `${what} or ${end}` : what;
      }
    }
  }
}
