import { DownloadError } from '../errors/download-error.js';
import { IntegrityError } from '../errors/integrity-error.js';
import { SizeLimitError } from '../errors/size-limit-error.js';
import { StallTimer } from './stall-timer.js';
import type { DownloadSink } from './download-sink.js';
import type { FileRequest } from './transfer-options.js';

/** What one attempt ended with. */
export type AttemptResult =
  /**
   * `complete`: the body's end was checked (a Content-Length, or chunked framing, which the HTTP client
   * verifies). A close-delimited body of unknown length ends the same way whether it was whole or cut.
   */
  | { readonly kind: 'done'; readonly etag: string | undefined; readonly bytes: number; readonly complete: boolean }
  | { readonly kind: 'not-modified' }
  /** A 206 whose ETag differs from the partial's: the file changed, start again from byte 0. */
  | { readonly kind: 'changed' };

/** Per-attempt additions to a {@link FileRequest}. */
export interface AttemptOptions {
  /** Resume after the sink's held bytes (sends Range and If-Range). */
  readonly resume: boolean;
  /** Send If-None-Match with this ETag (revalidating a cached copy). */
  readonly ifNoneMatch?: string | undefined;
}

/**
 * One HTTP attempt: request (resuming when asked), check status and size, stream the body into the
 * sink with progress events, and check that the body was as long as announced.
 *
 * @throws DownloadError (HTTP status, network error, short body), SizeLimitError, or the signal's
 *   reason when aborted.
 */
export async function fetchIntoSink(request: FileRequest, sink: DownloadSink, options: AttemptOptions): Promise<AttemptResult> {
  const { signal } = request;
  signal?.throwIfAborted();
  const held = sink.held();
  const offset = options.resume && held.etag !== undefined ? held.bytes : 0;
  const headers: Record<string, string> = { ...request.headers };
  if (offset > 0) {
    headers.range = `bytes=${offset}-`;
    headers['if-range'] = held.etag!;
  }
  if (options.ifNoneMatch !== undefined) headers['if-none-match'] = options.ifNoneMatch;

  const stall = new StallTimer(request);
  let response: Response;
  try {
    response = await stall.guard(request.fetch(request.url, { headers, signal: stall.signal, redirect: 'follow' }), 0);
  } catch (cause) {
    signal?.throwIfAborted();
    stall.rethrowIfStalled(cause, 0);
    throw new DownloadError({ url: request.url, cause, message: `Download of ${request.url} failed: ${(cause as Error)?.message ?? cause}.` });
  }
  if (response.status === 304) {
    await response.body?.cancel().catch(() => undefined);
    // Only a conditional request may be answered "not modified"; anything else must not vouch for bytes.
    if (options.ifNoneMatch === undefined) throw new DownloadError({ url: request.url, status: 304, message: `${request.url} answered 304 Not Modified to a request that was not conditional.` });
    return { kind: 'not-modified' };
  }
  if (response.status !== 200 && response.status !== 206) {
    await response.body?.cancel().catch(() => undefined);
    throw new DownloadError({ url: request.url, status: response.status, message: statusMessage(request.url, response.status) });
  }
  const etag = strongEtag(response.headers);
  let start = 0;
  let total = knownLength(response.headers);
  if (response.status === 206) {
    const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
    if (offset === 0 || range === null || Number(range[1]) !== offset) {
      await response.body?.cancel();
      throw new DownloadError({ url: request.url, status: 206, message: `${request.url} answered a range that was not asked for (${response.headers.get('content-range')}).` });
    }
    if (etag !== held.etag) {
      await response.body?.cancel();
      return { kind: 'changed' };
    }
    start = offset;
    total = range[2] === '*' ? undefined : Number(range[2]);
  }
  if (total !== undefined && total > request.maxBytes) {
    await response.body?.cancel();
    throw new SizeLimitError({ file: request.file, limit: request.maxBytes });
  }
  if (total !== undefined && request.size !== undefined && total !== request.size) {
    await response.body?.cancel();
    throw new IntegrityError({ file: request.file, expected: `${request.size} bytes`, actual: `${total} bytes (announced by the server)` });
  }
  await sink.begin(start, etag);
  const loaded = await pump(request, response, sink, start, total, stall);
  if (total !== undefined && loaded !== total) {
    throw new DownloadError({ url: request.url, message: `Download of ${request.url} ended after ${loaded} of ${total} bytes.` });
  }
  const chunked = /\bchunked\b/i.test(response.headers.get('transfer-encoding') ?? '');
  return { kind: 'done', etag, bytes: loaded, complete: total !== undefined || chunked };
}

async function pump(request: FileRequest, response: Response, sink: DownloadSink, start: number, total: number | undefined, stall: StallTimer): Promise<number> {
  const { signal } = request;
  let loaded = start;
  request.onProgress?.({ file: request.file, loaded, total, cached: false });
  if (response.body === null) return loaded;
  const reader = response.body.getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await stall.guard(reader.read(), loaded);
      } catch (cause) {
        signal?.throwIfAborted();
        stall.rethrowIfStalled(cause, loaded);
        throw new DownloadError({ url: request.url, cause, message: `Download of ${request.url} broke off after ${loaded} bytes: ${(cause as Error)?.message ?? cause}.` });
      }
      if (next.done) return loaded;
      signal?.throwIfAborted();
      loaded += next.value.length;
      if (loaded > request.maxBytes) throw new SizeLimitError({ file: request.file, limit: request.maxBytes });
      // A file listed at N bytes is refused at byte N + 1, not after an endless body.
      if (request.size !== undefined && loaded > request.size) throw new IntegrityError({ file: request.file, expected: `${request.size} bytes`, actual: `more than ${request.size} bytes` });
      await sink.write(next.value);
      request.onProgress?.({ file: request.file, loaded, total, cached: false });
    }
  } finally {
    stall.stop();
    // Releases the connection when we stop early (size limit, abort, sink error).
    reader.cancel().catch(() => undefined);
  }
}

/** Content-Length, unless the body is content-encoded (then the length is of the encoded bytes). */
function knownLength(headers: Headers): number | undefined {
  const encoding = headers.get('content-encoding');
  if (encoding !== null && encoding !== 'identity') return undefined;
  const length = headers.get('content-length');
  return length !== null && /^\d+$/.test(length) ? Number(length) : undefined;
}

/** A strong ETag (the only kind If-Range may carry), else undefined. */
function strongEtag(headers: Headers): string | undefined {
  const etag = headers.get('etag');
  return etag !== null && !etag.startsWith('W/') ? etag : undefined;
}

function statusMessage(url: string, status: number): string {
  if (status === 401 || status === 403) return `Download of ${url} was refused (HTTP ${status}): the repository may be private or gated; pass a token.`;
  if (status === 404) return `Download of ${url} failed: not found (HTTP 404).`;
  return `Download of ${url} failed with HTTP ${status}.`;
}
