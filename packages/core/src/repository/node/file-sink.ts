import { open, readFile, stat, truncate, writeFile, type FileHandle } from 'node:fs/promises';
import type { DownloadSink } from '../download/download-sink.js';

/**
 * A download sink backed by a partial file plus a small JSON record of its ETag, so that a later
 * attempt (or another process after a crash) can resume with an HTTP Range request.
 */
export class FileSink implements DownloadSink {
  private handle: FileHandle | undefined;
  private bytes: number;
  private etag: string | undefined;
  /** Where the current attempt started: above 0 when it resumed earlier bytes. */
  startedAt = 0;

  private constructor(private readonly partialPath: string, private readonly recordPath: string, bytes: number, etag: string | undefined) {
    this.bytes = bytes;
    this.etag = etag;
  }

  /** Opens the partial file's state (nothing is created until the first `begin`). */
  static async open(partialPath: string, recordPath: string): Promise<FileSink> {
    const record = await readFile(recordPath, 'utf8').then((text) => JSON.parse(text) as { etag?: unknown }, () => undefined);
    const size = await stat(partialPath).then((s) => s.size, () => 0);
    const etag = typeof record?.etag === 'string' ? record.etag : undefined;
    return new FileSink(partialPath, recordPath, etag === undefined ? 0 : size, etag);
  }

  held(): { bytes: number; etag: string | undefined } {
    return { bytes: this.bytes, etag: this.etag };
  }

  async begin(start: number, etag: string | undefined): Promise<void> {
    await this.close();
    if (start === 0) await writeFile(this.partialPath, new Uint8Array(0));
    else await truncate(this.partialPath, start);
    this.startedAt = start;
    this.bytes = start;
    this.etag = etag;
    await writeFile(this.recordPath, JSON.stringify({ etag: etag ?? null }));
    this.handle = await open(this.partialPath, 'a');
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.handle ??= await open(this.partialPath, 'a');
    await this.handle.write(chunk);
    this.bytes += chunk.length;
  }

  /** Flushes to disk and closes the partial file (safe to call twice). */
  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (handle === undefined) return;
    await handle.sync().catch(() => undefined);
    await handle.close();
  }
}
