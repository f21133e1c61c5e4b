import type { DecodedFrame, FrameStream, VideoInfo } from './types.js';

/**
 * Wraps a frame generator as a {@link FrameStream}: iterable once, `close()` ends the generator (which
 * releases its source in its `finally`).
 */
export function createFrameStream(info: VideoInfo, frames: AsyncGenerator<DecodedFrame>, release?: () => Promise<void> | void): FrameStream {
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      await frames.return(undefined);
      await release?.();
    })());
  return {
    info,
    close,
    [Symbol.asyncIterator]() {
      return {
        next: async () => {
          try {
            const result = await frames.next();
            if (result.done === true) await close();
            return result;
          } catch (error) {
            await close();
            throw error;
          }
        },
        return: async () => {
          await close();
          return { done: true, value: undefined };
        },
        throw: async (error: unknown) => {
          await close();
          throw error;
        },
      };
    },
  };
}
