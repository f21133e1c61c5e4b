import { isDenseArray } from '../spec-input/dense-array.js';
import { InvalidSpecError } from '../errors/invalid-spec-error.js';
import { MAX_CODEBOOK_SIZE, type CodeSpace } from './code-space.js';

const FIELDS = ['axes', 'sizes', 'streams', 'frameRate'];
const STREAM_FIELDS = ['name', 'codebookSize', 'stride'];

/**
 * Checks a code space read from JSON and returns it typed. `path` prefixes the JSON path of the
 * fields in errors (`codeSpace.streams[1].codebookSize`).
 *
 * @throws InvalidSpecError naming the first bad field
 */
export function validateCodeSpace(value: unknown, path = 'codeSpace'): CodeSpace {
  const fail = (at: string, expected: string, received: unknown): never => {
    throw new InvalidSpecError({ path: at, expected, received });
  };
  if (!isRecord(value)) return fail(path, 'a code space object { axes, streams }', value);
  for (const key of Object.keys(value)) if (!FIELDS.includes(key)) fail(`${path}.${key}`, `one of the fields ${FIELDS.join(', ')}`, key);
  const { axes, sizes, streams, frameRate } = value;
  if (!isDenseArray(axes) || axes.length === 0 || axes.length > 8) fail(`${path}.axes`, 'an array of 1 to 8 axis names', axes);
  (axes as unknown[]).forEach((axis, i) => {
    if (typeof axis !== 'string' || axis.length === 0) fail(`${path}.axes[${i}]`, 'a non-empty string', axis);
  });
  if (sizes !== undefined) {
    if (!isDenseArray(sizes) || sizes.length !== (axes as unknown[]).length) fail(`${path}.sizes`, `an array of ${(axes as unknown[]).length} sizes (one per axis)`, sizes);
    (sizes as unknown[]).forEach((size, i) => {
      if (size !== null && (!Number.isSafeInteger(size) || (size as number) < 1 || (size as number) > MAX_CODEBOOK_SIZE)) fail(`${path}.sizes[${i}]`, 'a positive integer or null', size);
    });
  }
  if (!isDenseArray(streams) || streams.length === 0 || streams.length > 4096) fail(`${path}.streams`, 'an array of 1 to 4096 streams', streams);
  (streams as unknown[]).forEach((stream, i) => {
    const at = `${path}.streams[${i}]`;
    if (!isRecord(stream)) return fail(at, 'a stream object { name, codebookSize }', stream);
    for (const key of Object.keys(stream)) if (!STREAM_FIELDS.includes(key)) fail(`${at}.${key}`, `one of the fields ${STREAM_FIELDS.join(', ')}`, key);
    if (typeof stream.name !== 'string' || stream.name.length === 0) fail(`${at}.name`, 'a non-empty string', stream.name);
    const size = stream.codebookSize;
    if (!Number.isSafeInteger(size) || (size as number) < 1 || (size as number) > MAX_CODEBOOK_SIZE) fail(`${at}.codebookSize`, `an integer in [1, 2^31]`, size);
    if (stream.stride !== undefined && (!Number.isSafeInteger(stream.stride) || (stream.stride as number) < 1 || (stream.stride as number) > 1 << 20)) fail(`${at}.stride`, 'a positive integer', stream.stride);
  });
  if (frameRate !== undefined && (typeof frameRate !== 'number' || !Number.isFinite(frameRate) || frameRate <= 0)) fail(`${path}.frameRate`, 'a positive number', frameRate);
  return value as unknown as CodeSpace;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
