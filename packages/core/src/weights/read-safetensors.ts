import { jsonTextDepth, MAX_JSON_DEPTH } from '../spec-input/json-depth.js';
import { describeValue } from '../errors/describe-value.js';
import { InvalidWeightsFileError } from '../errors/invalid-weights-file-error.js';
import type { Tensor, TensorDataTypeMap, TensorType } from '../tensor/tensor.js';
import { MAX_HEADER_BYTES, SAFETENSORS_DTYPES } from './safetensors-format.js';

/** A parsed safetensors file: its tensors by name, in file order, and its string metadata. */
export interface SafetensorsFile {
  readonly tensors: ReadonlyMap<string, Tensor>;
  readonly metadata: Readonly<Record<string, string>>;
}

/** Options of {@link readSafetensors}. */
export interface ReadSafetensorsOptions {
  /** Names the file in errors; default `'safetensors'`. */
  file?: string;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Reads a safetensors file (8-byte little-endian header length, a JSON header, raw little-endian
 * data) — the format PyTorch, JAX and Hugging Face use for weights — in Node and browsers alike.
 * Each tensor gets its own aligned copy of its bytes, so the input buffer may be dropped afterwards.
 *
 * @throws InvalidWeightsFileError for a truncated file, a header that is not JSON, an unknown dtype,
 *   a shape that does not match the byte count, or data offsets that leave the file or overlap
 */
export function readSafetensors(bytes: Uint8Array, options: ReadSafetensorsOptions = {}): SafetensorsFile {
  const file = options.file ?? 'safetensors';
  const fail = (reason: string, tensor?: string): never => {
    throw new InvalidWeightsFileError({ file, reason, ...(tensor === undefined ? {} : { tensor }) });
  };
  if (!(bytes instanceof Uint8Array)) fail('expected the file as a Uint8Array');
  if (bytes.length < 8) fail(`too short for a safetensors file (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength > MAX_HEADER_BYTES || 8 + headerLength > bytes.length) fail(`header length ${headerLength} exceeds the file (${bytes.length} bytes)`);
  let header: unknown;
  let headerText: string;
  try {
    headerText = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength));
  } catch (cause) {
    return fail(`the header is not valid UTF-8 JSON (${(cause as Error).message})`);
  }
  // A header nests three levels; V8's JSON.parse takes seconds on a few MB nested hundreds of thousands deep.
  if (jsonTextDepth(headerText) > MAX_JSON_DEPTH) fail(`the header is nested more than ${MAX_JSON_DEPTH} levels deep`);
  try {
    header = JSON.parse(headerText);
  } catch (cause) {
    return fail(`the header is not valid UTF-8 JSON (${(cause as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return fail('the header is not a JSON object');
  const dataStart = 8 + headerLength;
  const dataLength = bytes.length - dataStart;
  const tensors = new Map<string, Tensor>();
  let metadata: Record<string, string> = {};
  const spans: [number, number, string][] = [];
  for (const [name, entry] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      metadata = readMetadata(entry, fail);
      continue;
    }
    const { dtype, shape, data_offsets: offsets } = (entry ?? {}) as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const format = typeof dtype === 'string' && Object.hasOwn(SAFETENSORS_DTYPES, dtype) ? SAFETENSORS_DTYPES[dtype] : undefined;
    if (format === undefined) return fail(`unsupported dtype ${describeValue(dtype)} (supported: ${Object.keys(SAFETENSORS_DTYPES).join(', ')})`, name);
    if (!Array.isArray(shape) || shape.some((d) => !Number.isSafeInteger(d) || d < 0)) return fail(`shape ${describeValue(shape)} is not an array of non-negative integers`, name);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0)) return fail('data_offsets must be [begin, end]', name);
    const [begin, end] = offsets as [number, number];
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (end < begin || end > dataLength) return fail(`data_offsets [${begin}, ${end}] leave the data section (${dataLength} bytes)`, name);
    if (end - begin !== count * format.bytes) return fail(`holds ${end - begin} bytes; shape ${describeValue(shape)} of ${dtype} needs ${count * format.bytes}`, name);
    spans.push([begin, end, name]);
    tensors.set(name, { type: format.type, dims: shape as number[], data: copyData(bytes.subarray(dataStart + begin, dataStart + end), format.type, format.bytes) });
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]![0] < spans[i - 1]![1]) fail(`overlaps tensor ${describeValue(spans[i - 1]![2])}`, spans[i]![2]);
  }
  return { tensors, metadata };
}

function readMetadata(entry: unknown, fail: (reason: string) => never): Record<string, string> {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return fail('__metadata__ is not an object');
  for (const [key, value] of Object.entries(entry)) if (typeof value !== 'string') fail(`__metadata__.${key.length > 60 ? `${key.slice(0, 57)}...` : key} is not a string`);
  return { ...(entry as Record<string, string>) };
}

/** Copies little-endian bytes into a fresh typed array of `type` (aligned, host byte order). */
function copyData(source: Uint8Array, type: TensorType, bytesPerElement: number): TensorDataTypeMap[TensorType] {
  const buffer = new ArrayBuffer(source.length);
  new Uint8Array(buffer).set(source);
  if (!LITTLE_ENDIAN && bytesPerElement > 1) swapBytes(new Uint8Array(buffer), bytesPerElement);
  switch (type) {
    case 'float64':
      return new Float64Array(buffer);
    case 'float32':
      return new Float32Array(buffer);
    case 'float16':
    case 'bfloat16':
    case 'uint16':
      return new Uint16Array(buffer);
    case 'int64':
      return new BigInt64Array(buffer);
    case 'int32':
      return new Int32Array(buffer);
    case 'int16':
      return new Int16Array(buffer);
    case 'int8':
      return new Int8Array(buffer);
    case 'uint32':
      return new Uint32Array(buffer);
    default:
      return new Uint8Array(buffer);
  }
}

function swapBytes(bytes: Uint8Array, width: number): void {
  for (let i = 0; i < bytes.length; i += width) bytes.subarray(i, i + width).reverse();
}
