// The real Node batch worker (built) plus failures on demand, for the pool's tests: a batch whose
// first text is 'exit now' ends the thread with code 3, 'throw now' throws an uncaught TypeError.
// The trigger is added once the real worker has loaded (and said `ready`); it runs right after the
// real worker's listener, before that one's asynchronous answer.
import { parentPort } from 'node:worker_threads';

await import(new URL('../../../dist/batch/worker.node.js', import.meta.url).href);
parentPort.on('message', (request) => {
  if (request.texts[0] === 'exit now') process.exit(3);
  if (request.texts[0] === 'throw now') throw new TypeError('thrown on purpose');
});
