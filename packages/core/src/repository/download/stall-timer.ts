import { DownloadError } from '../errors/download-error.js';
import { DEFAULT_STALL_TIMEOUT_MS, type FileRequest } from './transfer-options.js';

/**
 * The data-idle timeout of one download attempt: each wait (for the response, for the next body chunk)
 * may last at most `request.stallMs`; past that the attempt's connection is aborted and it fails as a
 * `DownloadError` (which the retry loop may retry). A slow but moving download never times out.
 */
export class StallTimer {
  /** Passed to `fetch`: the caller's signal, or this timer's abort once it fires. */
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly ms: number;
  private stalled = false;

  constructor(private readonly request: FileRequest) {
    this.ms = request.stallMs ?? DEFAULT_STALL_TIMEOUT_MS;
    this.signal = request.signal === undefined ? this.controller.signal : AbortSignal.any([request.signal, this.controller.signal]);
  }

  /** `promise`, or a rejection once nothing has happened for the stall timeout. */
  guard<T>(promise: Promise<T>, loaded: number): Promise<T> {
    if (this.ms <= 0) return promise;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stalled = true;
        const error = this.stallError(loaded);
        this.controller.abort(error);
        reject(error);
      }, this.ms);
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /** Throws the stall error when the timer fired (the caught error is then only its consequence). */
  rethrowIfStalled(cause: unknown, loaded: number): void {
    if (this.stalled) throw DownloadError.isInstance(cause) ? cause : this.stallError(loaded);
  }

  /** Lets the connection's abort signal go. */
  stop(): void {
    this.stalled = false;
  }

  private stallError(loaded: number): DownloadError {
    return new DownloadError({ url: this.request.url, message: `Download of ${this.request.url} stalled: no data for ${this.ms / 1000} s after ${loaded} bytes.` });
  }
}
