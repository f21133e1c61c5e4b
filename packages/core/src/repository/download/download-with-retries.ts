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
export async function downloadWithRetries(request: FileRequest, sink: DownloadSink, options: { ifNoneMatch?: string | undefined; resume?: boolean } = {}): Promise<AttemptResult> {
  let resume = options.resume ?? true;
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await fetchIntoSink(request, sink, { resume, ifNoneMatch: options.ifNoneMatch });
      if (result.kind !== 'changed') return result;
      resume = false;
      await sink.begin(0, undefined);
    } catch (error) {
      if (!DownloadError.isInstance(error) || attempt >= request.retries) throw error;
      if (error.status === 416) {
        // The held bytes do not fit the file any more: start over instead of resuming.
        resume = false;
        await sink.begin(0, undefined);
      } else if (error.status !== undefined && error.status < 500) {
        throw error;
      } else {
        resume = true;
      }
      await abortableSleep(100 * 2 ** attempt, request.signal);
    }
  }
}
