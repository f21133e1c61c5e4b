import { handleRequest } from './handle-request.js';
import type { BatchRequest } from './protocol.js';

// Entry of a browser batch worker (module Web Worker).
const scope = globalThis as unknown as { onmessage: ((event: { data: BatchRequest }) => void) | null; postMessage(message: unknown, transfer: ArrayBuffer[]): void };
scope.onmessage = (event) => {
  void handleRequest(event.data).then(({ response, transfer }) => scope.postMessage(response, transfer));
};
