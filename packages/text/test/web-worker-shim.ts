import { Worker as NodeWorker } from 'node:worker_threads';

// Runs inside the worker thread, before the worker module: it gives the thread the dedicated-worker
// surface a browser gives a module worker (`self`, `onmessage`, `addEventListener`, `postMessage`), and
// holds messages back until the module has loaded, as a browser queues them for a starting worker.
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
const listeners = [];
const queue = [];
let ready = false;
globalThis.self = globalThis;
globalThis.onmessage = null;
globalThis.postMessage = (message, transfer) => parentPort.postMessage(message, transfer);
globalThis.addEventListener = (type, listener) => { if (type === 'message') listeners.push(listener); };
const deliver = (data) => {
  const event = { data };
  if (typeof globalThis.onmessage === 'function') globalThis.onmessage(event);
  for (const listener of listeners) listener(event);
};
parentPort.on('message', (data) => (ready ? deliver(data) : queue.push(data)));
import(workerData.url).then(() => {
  ready = true;
  for (const data of queue.splice(0)) deliver(data);
});
`;

/**
 * A Node stand-in for the browser's `Worker` constructor, enough for `createBatchEncoder` from
 * `@jointok/text/batch` (browser build): module workers only, `message` and `error` events (a script
 * that fails to load or throws reports `error`, as in a browser), `terminate`.
 * It lets the browser worker module run unmodified under Node's test runner.
 */
export class WebWorkerShim {
  private readonly thread: NodeWorker;

  constructor(url: URL | string, options?: { type?: string }) {
    if (options?.type !== 'module') throw new TypeError('WebWorkerShim runs module workers only ({ type: "module" })');
    this.thread = new NodeWorker(BOOTSTRAP, { eval: true, workerData: { url: String(url) } });
  }

  postMessage(message: unknown, transfer?: ArrayBuffer[]): void {
    this.thread.postMessage(message, transfer);
  }

  addEventListener(type: string, listener: (event: { data?: unknown; message?: string; preventDefault(): void }) => void): void {
    const preventDefault = (): void => undefined;
    if (type === 'message') this.thread.on('message', (data: unknown) => listener({ data, preventDefault }));
    if (type === 'error') {
      // Reported at 'exit', after the messages the thread sent before it failed, as a browser orders them.
      let failure: Error | undefined;
      this.thread.on('error', (error: Error) => (failure = error));
      this.thread.on('exit', () => failure !== undefined && listener({ message: failure.message, preventDefault }));
    }
  }

  terminate(): void {
    void this.thread.terminate();
  }
}
