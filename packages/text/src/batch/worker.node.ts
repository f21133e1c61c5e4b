import { parentPort } from 'node:worker_threads';
import { handleRequest } from './handle-request.js';
import type { BatchRequest } from './protocol.js';

// Entry of a Node batch worker (worker_threads).
parentPort?.on('message', (request: BatchRequest) => {
  void handleRequest(request).then(({ response, transfer }) => parentPort?.postMessage(response, transfer));
});
