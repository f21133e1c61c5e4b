import { checkedIds } from './check-ids.js';
import type { CompiledLayout } from '../compile/compiled-layout.js';
import { HeadedIdRanges } from '../headed-id-ranges.js';
import type { IdRanges } from '../id-ranges.js';
import { allowedBetweenSegments, allowedNext } from './allowed-next.js';
import { feedWithHeads, headsArgument, internalOf } from './head-feed.js';
import { ParseMachine } from './parse-machine.js';
import type { ParseMode, ParserEvent, ParseRepair } from './parser-types.js';

const none: readonly ParserEvent[] = Object.freeze([]);

/**
 * Parses an id stream one id (or one chunk) at a time, for streaming generation. Each call returns
 * the events it produced: `segment-start`, `segment-delta` (one per text id or code), `segment-end`
 * (with the finished block and its span) and, in lenient mode, `repair`.
 */
export class IncrementalParser {
  private readonly machine: ParseMachine;
  private readonly between: IdRanges;
  private readonly scratch = new Int32Array(1);

  constructor(layout: CompiledLayout, mode: ParseMode, between: IdRanges = allowedBetweenSegments(layout)) {
    this.machine = new ParseMachine(layout, mode);
    this.between = between;
  }

  /**
   * Feeds one id. Strict mode throws a typed error for an id that `allowedNext()` excludes.
   * `head` (layouts that mix text with head spaces): 0 for the text head, `k` for the head of
   * `spaces[k - 1]`; omitted, the parser state decides. Other layouts take only head 0.
   */
  push(id: number, head?: number): readonly ParserEvent[] {
    if (!Number.isInteger(id) || id < -2147483648 || id > 2147483647) checkedIds([id], this.machine.layout.textSize, 'id');
    if (head === undefined && this.machine.layout.heads === null) this.scratch[0] = id;
    else this.scratch[0] = internalOf(this.machine, id, head);
    return this.run(() => this.machine.consume(this.scratch, 0, 1));
  }

  /** Feeds several ids, with their heads (see `push`) or without. */
  pushMany(ids: Int32Array | readonly number[], heads?: Uint8Array | readonly number[]): readonly ParserEvent[] {
    const array = checkedIds(ids, this.machine.layout.textSize);
    if (heads === undefined && this.machine.layout.heads === null) return this.run(() => this.machine.consume(array, 0, array.length));
    const checked = heads === undefined ? null : headsArgument(heads, array.length, 'heads');
    return this.run(() => feedWithHeads(this.machine, array, checked));
  }

  /** Ends the stream: closes the open segment; strict mode throws `TruncatedBlockError` inside a block. */
  finish(): readonly ParserEvent[] {
    return this.run(() => this.machine.finish());
  }

  /**
   * The ids that may come next, as ranges; test one id with `.has(id)`. For a layout that mixes
   * text with head spaces this is a `HeadedIdRanges` (see `allowedNextByHead`).
   */
  allowedNext(): IdRanges {
    const table = this.machine.layout.heads;
    const internal = allowedNext(this.machine, this.between);
    return table === null ? internal : HeadedIdRanges.fromInternal(table, internal);
  }

  /**
   * The ids that may come next on each head: `byHead[0]` text-head ids, `byHead[k]` ids of the
   * head of `spaces[k - 1]`; `heads` lists the heads that may speak. Without head spaces, one head.
   */
  allowedNextByHead(): HeadedIdRanges {
    const ranges = this.allowedNext();
    return ranges instanceof HeadedIdRanges ? ranges : new HeadedIdRanges([ranges]);
  }

  /** Whether the stream may end here (`finish()` would not report a truncated block). */
  canFinish(): boolean {
    return this.machine.canFinish();
  }

  /** Ids consumed so far. */
  get position(): number {
    return this.machine.pos;
  }

  /** Repairs made so far (lenient mode). */
  get repairs(): readonly ParseRepair[] {
    return this.machine.repairs;
  }

  private run(action: () => void): readonly ParserEvent[] {
    const events: ParserEvent[] = [];
    this.machine.events = events;
    try {
      action();
    } finally {
      this.machine.events = null;
      // Finished blocks live in the events; the parser does not keep them.
      this.machine.blocks.length = 0;
      this.machine.spans.length = 0;
    }
    return events.length === 0 ? none : events;
  }
}
