import type { TokenBlock } from '../../modality/token-block.js';
import { cellsIn, type ProgramPlan } from '../compile/body-plan.js';
import { MAX_RESOLUTION_DIGITS, type CompiledLayout, type CompiledResolution, type CompiledSpace } from '../compile/compiled-layout.js';
import { TruncatedBlockError } from '../errors/truncated-block-error.js';
import { UnexpectedTokenIdError } from '../errors/unexpected-token-id-error.js';
import { UnexpectedHeadError } from '../errors/unexpected-head-error.js';
import { UnknownTokenIdError } from '../../errors/unknown-token-id-error.js';
import { headOfInternal, realId, type HeadTable } from '../compile/head-table.js';
import { readBody, readLane, readLaneBlock } from './body-readers.js';
import type { BodyCursor } from './body-cursor.js';
import { buildLaneBlock, buildProgramBlock } from './build-block.js';
import { GrowBuffer } from './grow-buffer.js';
import { LaneCandidates } from './lane-candidates.js';
import { CHUNK } from './parse-chunk.js';
import type { ParseMode, ParserEvent, ParseRepair, BlockSpan } from './parser-types.js';

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
export class ParseMachine implements BodyCursor {
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
          i = readBody(this, ids, i, to);
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
          const next = readLaneBlock(this, ids, i, to);
          if (next !== i) i = next;
          else if (readLane(this, id)) i++;
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
    if (this.strict) {
      this.checkHead(id);
      throw new UnknownTokenIdError({ position: this.pos, id, vocabularySize: layout.textSize, message: `Id ${id} at position ${this.pos} is outside every space: expected a text id in [0, ${layout.textSize}) or a block begin marker.` });
    }
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

  /** Leaves the body: to the end markers, or closes the block when there are none. @internal */
  endBody(): void {
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



  // ---- lane bodies ---------------------------------------------------------------------------



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
  unexpected(id: number): boolean {
    const space = this.space as CompiledSpace;
    if (this.strict) {
      this.checkHead(id);
      const heads = this.layout.heads;
      throw new UnexpectedTokenIdError({ space: space.name, position: this.pos, id: heads === null ? id : realId(heads, id), expected: this.describeExpected() });
    }
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

  // ---- heads (layouts that mix text with head spaces) ----------------------------------------

  /** The heads an id may come from in the current state (0: text head). */
  allowedHeads(): number[] {
    const space = this.space;
    if (space === null || space.head === 0 || (this.state !== State.Body && this.state !== State.Lanes)) return [0];
    if (space.end.length === 0) return [space.head];
    if (this.state === State.Lanes) return this.lane === 0 ? [space.head, 0] : [space.head];
    if (this.opIndex !== 0) return [space.head];
    if (this.unit === this.unitCount) return [0];
    return this.unitCount < 0 ? [space.head, 0] : [space.head];
  }

  /**
   * The head of an id given without one: the parser state decides it (compilation rejects layouts
   * where it cannot). Inside a head space's body every id is the head's, except its end marker
   * where one may come.
   */
  inferHead(id: number): number {
    const space = this.space;
    if (space === null || space.head === 0 || (this.state !== State.Body && this.state !== State.Lanes)) return 0;
    const end = space.end[0];
    if (end === undefined || id !== end) return space.head;
    const size = (this.layout.heads as HeadTable).size[space.head] as number;
    return end >= size || (this.state === State.Body && this.opIndex === 0 && this.unit === this.unitCount) ? 0 : space.head;
  }

  /** Strict mode: an internal id from a head not allowed here is an `UnexpectedHeadError`. */
  private checkHead(id: number): void {
    const heads = this.layout.heads;
    if (heads === null || id < 0) return;
    const head = headOfInternal(heads, id);
    const allowed = this.allowedHeads();
    if (!allowed.includes(head)) throw new UnexpectedHeadError({ position: this.pos, head, expected: describeHeads(this.layout, allowed) });
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

/** "head 0 (text) or head 1 (image)", for error messages. */
export function describeHeads(layout: CompiledLayout, heads: readonly number[]): string {
  const table = layout.heads;
  return heads
    .map((h) => (h === 0 ? 'head 0 (text)' : `head ${h} (${table === null ? '?' : (layout.spaces[table.space[h] as number] as CompiledSpace).name})`))
    .join(' or ');
}
