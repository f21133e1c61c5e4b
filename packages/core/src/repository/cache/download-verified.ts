import { MemorySink } from '../download/download-sink.js';
import { downloadWithRetries } from '../download/download-with-retries.js';
import { sha256Hex } from '../download/sha256.js';
import type { FileRequest } from '../download/transfer-options.js';
import { verifyDigest } from '../download/verify-bytes.js';

/** A file downloaded into memory and checked, with what a cache needs to store it. */
export interface VerifiedDownload {
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly etag: string | undefined;
  /** Whether the body's end was checked (length, chunked framing, or the manifest's sha256/size). */
  readonly complete: boolean;
}

/**
 * Downloads `request` into memory (with retries and resume) and checks it against the manifest.
 * With `ifNoneMatch`, returns undefined when the server answers 304 Not Modified.
 *
 * @throws IntegrityError, DownloadError, SizeLimitError, or the abort reason.
 */
export async function downloadVerified(request: FileRequest): Promise<VerifiedDownload>;
export async function downloadVerified(request: FileRequest, ifNoneMatch: string | undefined): Promise<VerifiedDownload | undefined>;
export async function downloadVerified(request: FileRequest, ifNoneMatch?: string): Promise<VerifiedDownload | undefined> {
  const sink = new MemorySink();
  const result = await downloadWithRetries(request, sink, { ifNoneMatch });
  if (result.kind === 'not-modified') return undefined;
  const bytes = sink.bytes();
  const sha256 = await sha256Hex(bytes);
  verifyDigest(request.file, { size: bytes.length, sha256 }, request);
  return { bytes, sha256, etag: result.etag, complete: result.complete || request.sha256 !== undefined || request.size !== undefined };
}
