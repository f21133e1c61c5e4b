import { ImageTooLargeError } from '@jointok/image';
import { InvalidVideoError } from '../errors/invalid-video-error.js';
import { createFrameStream } from '../frames/create-frame-stream.js';
import { readSelection, selectFrames } from '../frames/select-frames.js';
import { DEFAULT_MAX_PIXELS, type FrameStream, type LazyFrame, type ReadVideoOptions } from '../frames/types.js';
import { createByteReader, type ByteReader } from './byte-reader.js';
import { ycbcrToRgb } from './ycbcr-to-rgb.js';
import { chromaSize, frameBytes, MAX_Y4M_HEADER, parseY4mHeader, type Y4mHeader } from './y4m-header.js';

// A FRAME line holds only optional per-frame tags; anything longer is not a Y4M stream.
const MAX_FRAME_LINE = 1024;
const FRAME = [0x46, 0x52, 0x41, 0x4d, 0x45]; // "FRAME"

function isFrameLine(line: Uint8Array): boolean {
  if (line.length < 5 || FRAME.some((b, i) => line[i] !== b)) return false;
  return line.length === 5 || line[5] === 0x20;
}

/** The first frame's buffer starts at this size and grows fourfold while bytes keep coming. */
const FIRST_CAPACITY = 1 << 20;

/**
 * Reads one frame of `size` bytes. Once a whole frame has arrived the buffer has its full size and is
 * reused; until then it grows with the bytes received, so that a stream whose header promises
 * 13000 × 13000 frames but holds a few bytes is refused without allocating hundreds of megabytes.
 */
async function readFrame(reader: ByteReader, size: number, buffer: Uint8Array): Promise<{ buffer: Uint8Array; read: number }> {
  if (buffer.length === size) return { buffer, read: await reader.readInto(buffer) };
  let current = buffer;
  let filled = 0;
  for (let capacity = Math.min(size, FIRST_CAPACITY); ; capacity = Math.min(size, capacity * 4)) {
    if (current.length < capacity) {
      const grown = new Uint8Array(capacity);
      grown.set(current.subarray(0, filled));
      current = grown;
    }
    filled += await reader.readInto(current.subarray(filled, capacity));
    if (filled < capacity || capacity === size) return { buffer: current, read: filled };
  }
}

async function* lazyFrames(reader: ByteReader, header: Y4mHeader): AsyncGenerator<LazyFrame> {
  const size = frameBytes(header);
  const lumaSize = header.width * header.height;
  const c = chromaSize(header);
  // Grown as bytes arrive (see readFrame): a header alone cannot make the reader take the memory of a frame.
  let buffer: Uint8Array = new Uint8Array(0);
  for (let index = 0; ; index++) {
    const at = reader.offset;
    const line = await reader.readLine(MAX_FRAME_LINE);
    if (line === null) return;
    if (line === 'truncated' || line === 'too-long' || !isFrameLine(line)) {
      throw new InvalidVideoError({ format: 'y4m', reason: line === 'truncated' ? 'the stream ends inside a frame header' : 'expected a FRAME header', byteOffset: at, frameIndex: index });
    }
    const frame = await readFrame(reader, size, buffer);
    buffer = frame.buffer;
    const read = frame.read;
    if (read < size) throw new InvalidVideoError({ format: 'y4m', reason: `frame truncated: ${read} of ${size} bytes`, byteOffset: reader.offset, frameIndex: index });
    yield {
      index,
      // The buffer is reused: decode before asking for the next frame (selectFrames does).
      decode: () =>
        ycbcrToRgb({
          width: header.width,
          height: header.height,
          chroma: header.chroma,
          colorRange: header.colorRange,
          y: buffer.subarray(0, lumaSize),
          cb: buffer.subarray(lumaSize, lumaSize + c.width * c.height),
          cr: buffer.subarray(lumaSize + c.width * c.height),
        }),
    };
  }
}

/**
 * Reads a Y4M (YUV4MPEG2) stream from byte chunks, one frame at a time: 8-bit 4:2:0 (`C420jpeg`,
 * `C420paldv`, `C420mpeg2`, `C420`), 4:2:2 and 4:4:4, converted to RGB as ffmpeg does by default
 * (see `ycbcrToRgb`). Only one frame's bytes are held at a time.
 *
 * @throws InvalidVideoError for a missing or malformed header, a bad FRAME line, a truncated frame
 * @throws UnsupportedError for other colour spaces (10-bit, mono, 4:1:1, alpha)
 * @throws ImageTooLargeError when width × height exceeds `maxPixels`
 */
export async function readY4m(source: AsyncIterable<Uint8Array>, options: ReadVideoOptions = {}): Promise<FrameStream> {
  const selection = readSelection(options);
  const reader = createByteReader(source);
  try {
    const line = await reader.readLine(MAX_Y4M_HEADER);
    if (line === null) throw new InvalidVideoError({ format: 'y4m', reason: 'the stream is empty', byteOffset: 0 });
    if (line === 'too-long' || line === 'truncated') throw new InvalidVideoError({ format: 'y4m', reason: line === 'too-long' ? `no header line within ${MAX_Y4M_HEADER} bytes` : 'the stream ends inside its header', byteOffset: 0 });
    const header = parseY4mHeader(line);
    const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
    if (header.width * header.height > maxPixels) throw new ImageTooLargeError({ width: header.width, height: header.height, maxPixels });
    const sourceRate = header.frameRate.numerator / header.frameRate.denominator;
    const info = {
      width: header.width,
      height: header.height,
      frameRate: selection.fps ?? sourceRate,
      sourceFrameRate: sourceRate,
      format: 'y4m' as const,
      chroma: header.chroma,
      colorRange: header.colorRange,
    };
    return createFrameStream(info, selectFrames(lazyFrames(reader, header), sourceRate, selection, options.signal), () => reader.close());
  } catch (error) {
    await reader.close();
    throw error;
  }
}

/** One array of bytes as a chunk stream. */
export async function* singleChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
