import type { Encoding } from '../encoding/index.js';
import type { BatchRequest, BatchResponse } from './protocol.js';
import { transferError } from './transfer-error.js';

const encodings = new Map<string, Encoding>();

/** Encodes one job inside a worker; the answer's buffers are meant to be transferred, not copied. */
export async function handleRequest(request: BatchRequest): Promise<{ response: BatchResponse; transfer: ArrayBuffer[] }> {
  try {
    let encoding = encodings.get(request.encoding);
    if (encoding === undefined) {
      const { getEncoding } = await import('../encodings/index.js');
      encoding = await getEncoding(request.encoding);
      encodings.set(request.encoding, encoding);
    }
    const options = request.options;
    const ids = request.texts.map((text) => Uint32Array.from(encoding.encode(text, options)));
    return { response: { type: 'result', job: request.job, ids }, transfer: ids.map((a) => a.buffer as ArrayBuffer) };
  } catch (error) {
    return { response: { type: 'error', job: request.job, error: transferError(error) }, transfer: [] };
  }
}
