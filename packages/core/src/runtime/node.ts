/**
 * Node defaults of the runtime layer: `createSession` runs on onnxruntime-node, imported lazily
 * on first use. `index.node.ts` re-exports this in place of the neutral `createSession`.
 */
import { fileURLToPath } from 'node:url';
import { RuntimeError } from './errors/runtime-error.js';
import { raceAbort } from './abort.js';
import { createSessionWithOrt, readModelSource, readSessionOptions, type ResolvedModel } from './create-session-with-ort.js';
import { loadOrt, rethrow } from './load-ort.js';
import type { AcceleratedNearestSearch } from './nearest/create-accelerated-nearest-search.js';
import { lazyNearestSearch } from './nearest/default-nearest-search.js';
import type { OrtModule } from './ort-module.js';
import type { Session } from './session.js';
import type { CreateSessionOptions, ModelSource } from './session-options.js';

let nodeOrt: Promise<OrtModule> | undefined;

/**
 * The onnxruntime-node module, imported once.
 *
 * @throws MissingDependencyError when onnxruntime-node is not installed
 */
export function loadOnnxruntimeNode(): Promise<OrtModule> {
  if (nodeOrt === undefined) {
    // The `.catch` on the import itself tells esbuild to leave a missing optional peer to run time (a
    // MissingDependencyError on first use) instead of failing every bundle that never runs a model.
    const loading = loadOrt('onnxruntime-node', () => import('onnxruntime-node').catch(rethrow));
    // A failed import is not cached, so installing the package later works without a restart.
    loading.catch(() => {
      if (nodeOrt === loading) nodeOrt = undefined;
    });
    nodeOrt = loading;
  }
  return nodeOrt;
}

/**
 * Loads an ONNX model into a {@link Session}, on onnxruntime-node unless `options.ort` is given.
 *
 * `model` may be bytes, a file path, a `file:` URL, or an `http(s):` URL (fetched with `fetch`).
 *
 * @example
 * const session = await createSession('decoder.onnx', { threads: 4 });
 * const { pixels } = await session.run({ codes: toInt64(codes) });
 *
 * @throws MissingDependencyError when onnxruntime-node is needed but not installed
 * @throws InvalidArgumentError for a bad model argument or option (the error names it)
 * @throws RuntimeError when the model cannot be fetched or the runtime cannot create the session
 */
export async function createSession(model: ModelSource, options: CreateSessionOptions = {}): Promise<Session> {
  // Bad options fail before any download.
  readSessionOptions(options);
  const source = await resolveNodeModel(readModelSource(model), options.signal);
  const ort = options.ort ?? (await loadOnnxruntimeNode());
  return createSessionWithOrt(ort, source, options);
}

/** onnxruntime-node reads paths only: turn `file:` URLs into paths and fetch `http(s):` URLs. */
async function resolveNodeModel(model: ResolvedModel, signal: AbortSignal | undefined): Promise<ResolvedModel> {
  if (typeof model !== 'string') return model;
  if (model.startsWith('file:')) return fileURLToPath(model);
  if (!/^https?:\/\//i.test(model)) return model;
  const download = async (): Promise<Uint8Array> => {
    const response = await fetch(model, signal === undefined ? {} : { signal });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText} for ${model}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  try {
    return await raceAbort(download(), signal);
  } catch (error) {
    if (signal?.aborted === true) throw error;
    throw new RuntimeError({ operation: 'load', message: `Could not fetch the model ${model}.`, cause: error });
  }
}

const nodeNearestSearch = lazyNearestSearch((model) => createSession(model));

/**
 * The nearest-code search that Node's `createQuantizer` gives quantizers by default: searches of at
 * least 2^27 multiply-adds (`count × codebookSize × dim`, e.g. 1,024 vectors over a 1024×128 codebook) run
 * on onnxruntime-node (its default thread count), smaller ones in TypeScript, with the same codes either way. Without onnxruntime-node installed, everything
 * stays in TypeScript. One instance per process; `release()` frees its sessions.
 *
 * @example
 * const vq = createQuantizer(spec, weights); // uses defaultNearestSearch() in encodeAsync
 * await vq.encodeAsync(latents);
 * console.log(defaultNearestSearch().usage.graphVectors);
 */
export function defaultNearestSearch(): AcceleratedNearestSearch {
  return nodeNearestSearch();
}
