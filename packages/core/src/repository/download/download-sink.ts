/**
 * Where downloaded bytes go: memory in browsers, a partial file in the Node cache. A sink that keeps
 * bytes between attempts lets a cut download resume with an HTTP Range request.
 */
export interface DownloadSink {
  /** Bytes already held from an earlier attempt and the strong ETag they came with. */
  held(): { readonly bytes: number; readonly etag: string | undefined };
  /** Keep the first `start` bytes (0 drops everything) and remember `etag` for a later resume. */
  begin(start: number, etag: string | undefined): Promise<void> | void;
  write(chunk: Uint8Array): Promise<void> | void;
}

/** A sink that collects the body in memory. */
export class MemorySink implements DownloadSink {
  private chunks: Uint8Array[] = [];
  private length = 0;
  private etag: string | undefined;

  held(): { bytes: number; etag: string | undefined } {
    return { bytes: this.length, etag: this.etag };
  }

  begin(start: number, etag: string | undefined): void {
    if (start === 0) {
      this.chunks = [];
      this.length = 0;
    }
    this.etag = etag;
  }

  write(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** The bytes received, in one array. */
  bytes(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0]!;
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
