import { parentPort } from 'node:worker_threads';
import { handleRequest } from './handle-request.js';
import type { BatchRequest, BatchResponse } from './protocol.js';

// Entry of a Node batch worker (worker_threads). `ready` tells the pool that the module loaded.
const port = parentPort;
port?.on('message', (request: BatchRequest) => {
  void handleRequest(request).then(({ response, transfer }) => port.postMessage(response satisfies BatchResponse, transfer));
});
port?.postMessage({ type: 'ready' } satisfies BatchResponse);
