import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { Tensor } from '../tensor/tensor.js';
import { safetensorsDtypeOf } from './safetensors-format.js';

/**
 * Writes tensors as a safetensors file: names sorted, header padded with spaces to 8 bytes, every
 * tensor 8-byte aligned (the layout of the Python writer in `tools/export/export_common.py`).
 *
 * @throws InvalidArgumentError for a tensor type safetensors cannot hold or data that does not match dims
 */
export function writeSafetensors(tensors: Readonly<Record<string, Tensor>>, metadata: Readonly<Record<string, string>> = {}): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = { ...metadata };
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (const name of Object.keys(tensors).sort()) {
    const tensor = tensors[name]!;
    const dtype = safetensorsDtypeOf(tensor.type);
    if (dtype === undefined) throw new InvalidArgumentError({ argument: `tensors.${name}.type`, expected: 'a tensor type safetensors can hold', received: tensor.type });
    const count = tensor.dims.reduce((a, b) => a * b, 1);
    if (count !== tensor.data.length) throw new InvalidArgumentError({ argument: `tensors.${name}.data`, expected: `${count} elements for dims [${tensor.dims.join(', ')}]`, received: tensor.data.length });
    const raw = littleEndianBytes(tensor.data);
    header[name] = { dtype, shape: [...tensor.dims], data_offsets: [offset, offset + raw.length] };
    blobs.push(raw);
    offset += raw.length;
    const pad = (8 - (offset % 8)) % 8;
    if (pad > 0) {
      blobs.push(new Uint8Array(pad));
      offset += pad;
    }
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (new TextEncoder().encode(json).length % 8)) % 8);
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const blob of blobs) {
    out.set(blob, at);
    at += blob.length;
  }
  return out;
}

function littleEndianBytes(data: Tensor['data']): Uint8Array {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  const width = data.BYTES_PER_ELEMENT;
  if (width > 1 && new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    for (let i = 0; i < bytes.length; i += width) bytes.subarray(i, i + width).reverse();
  }
  return bytes;
}
