/**
 * A string with, per UTF-16 unit, the span `[start, end)` of the original text it came from (UTF-16
 * units of the original). Both units of a surrogate pair carry the same span.
 */
export interface AlignedText {
  text: string;
  start: number[];
  end: number[];
}

/** `text` aligned to itself, shifted by `offset` (a stretch of the original starting there). */
export function alignedIdentity(text: string, offset = 0): AlignedText {
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < text.length; ) {
    const units = (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
    for (let k = 0; k < units; k++) start.push(offset + i), end.push(offset + i + units);
    i += units;
  }
  return { text, start, end };
}

/** Builds an {@link AlignedText} piece by piece: each appended string takes one original span. */
export class AlignedBuilder {
  private readonly parts: string[] = [];
  private readonly start: number[] = [];
  private readonly end: number[] = [];

  /** Appends `text`, every unit aligned to `[start, end)`. */
  push(text: string, start: number, end: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) this.start.push(start), this.end.push(end);
  }

  /** Appends `source[from, to)` with its own alignment. */
  copy(source: AlignedText, from: number, to: number): void {
    this.parts.push(source.text.slice(from, to));
    for (let i = from; i < to; i++) this.start.push(source.start[i] as number), this.end.push(source.end[i] as number);
  }

  build(): AlignedText {
    return { text: this.parts.join(''), start: this.start, end: this.end };
  }
}
