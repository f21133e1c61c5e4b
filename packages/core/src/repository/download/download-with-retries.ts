import { DownloadError } from '../errors/download-error.js';
import { abortableSleep } from './abortable-sleep.js';
import type { DownloadSink } from './download-sink.js';
import { fetchIntoSink, type AttemptResult } from './fetch-into-sink.js';
import type { FileRequest } from './transfer-options.js';

/**
 * Downloads into `sink`, retrying network failures, cut bodies and 5xx answers up to
 * `request.retries` times. Each retry resumes after the bytes already held (HTTP Range with
 * If-Range, so a file that changed in between is fetched whole again).
 */
export async function downloadWithRetries(request: FileRequest, sink: DownloadSink, options: { ifNoneMatch?: string | undefined; resume?: boolean } = {}): Promise<Exclude<AttemptResult, { kind: 'changed' }>> {
  let resume = options.resume ?? true;
  for (let failures = 0; ; ) {
    const resuming = resume && sink.held().bytes > 0 && sink.held().etag !== undefined;
    try {
      const result = await fetchIntoSink(request, sink, { resume, ifNoneMatch: options.ifNoneMatch });
      if (result.kind !== 'changed') return result as Exclude<AttemptResult, { kind: 'changed' }>;
    } catch (error) {
      if (!DownloadError.isInstance(error)) throw error;
      // 416: the held bytes do not fit the file (e.g. complete but never moved into place).
      // Starting over is not a failure, so it does not use up a retry.
      if (error.status === 416 && resuming) {
        resume = false;
        await sink.begin(0, undefined);
        continue;
      }
      if ((error.status !== undefined && error.status < 500) || failures >= request.retries) throw error;
      failures += 1;
      resume = true;
      await abortableSleep(100 * 2 ** (failures - 1), request.signal);
      continue;
    }
    // The file changed since the held bytes were fetched: start over from byte 0.
    resume = false;
    await sink.begin(0, undefined);
  }
}
