import { handleRequest } from './handle-request.js';
import type { BatchRequest, BatchResponse } from './protocol.js';

// Entry of a browser batch worker (module Web Worker). `ready` tells the pool that the module loaded.
const scope = globalThis as unknown as {
  onmessage: ((event: { data: BatchRequest }) => void) | null;
  postMessage(message: BatchResponse, transfer?: ArrayBuffer[]): void;
};
scope.onmessage = (event) => {
  void handleRequest(event.data).then(({ response, transfer }) => scope.postMessage(response, transfer));
};
scope.postMessage({ type: 'ready' });
