// A pretokenize worker thread: builds the joint tokenizer once, then encodes the documents it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { JointokError } from 'jointok';
import { openJointTokenizer } from '../models/open-joint-tokenizer.js';
import { encodeDocument } from './encode-document.js';
import type { WorkerResult, WorkerSetup, WorkerTask } from './messages.js';

const port = parentPort!;
const post = (message: WorkerResult, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const codeOf = (error: unknown) => (JointokError.isInstance(error) ? error.code : String((error as { code?: unknown })?.code ?? 'internal'));

try {
  // One ONNX thread per worker: the pool supplies the parallelism, more would oversubscribe the cores.
  const { joint } = await openJointTokenizer((workerData as WorkerSetup).flags, undefined, { sessionThreads: 1 });
  port.on('message', async (task: WorkerTask | { type: 'close' }) => {
    if ('type' in task) {
      await joint.dispose();
      port.close();
      return;
    }
    try {
      const { ids, counts } = await encodeDocument(joint, task.document);
      post({ type: 'done', index: task.index, ids, counts }, [ids.buffer as ArrayBuffer]);
    } catch (error) {
      post({ type: 'failed', index: task.index, message: error instanceof Error ? error.message : String(error), code: codeOf(error) });
    }
  });
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'fatal', message: error instanceof Error ? error.message : String(error), code: codeOf(error) });
}
