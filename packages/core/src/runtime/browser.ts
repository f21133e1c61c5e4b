/**
 * Browser defaults of the runtime layer: `createSession` runs on onnxruntime-web, imported lazily
 * on first use. `index.browser.ts` re-exports this in place of the neutral `createSession`.
 */
import { createSessionWithOrt, readModelSource } from './create-session-with-ort.js';
import { loadOrt, rethrow } from './load-ort.js';
import type { AcceleratedNearestSearch } from './nearest/create-accelerated-nearest-search.js';
import { lazyNearestSearch } from './nearest/default-nearest-search.js';
import type { OrtModule } from './ort-module.js';
import type { Session } from './session.js';
import type { CreateSessionOptions, ModelSource } from './session-options.js';

let webOrt: Promise<OrtModule> | undefined;

/**
 * The onnxruntime-web module, imported once.
 *
 * @throws MissingDependencyError when onnxruntime-web is not installed
 */
export function loadOnnxruntimeWeb(): Promise<OrtModule> {
  if (webOrt === undefined) {
    // The `.catch` on the import itself tells esbuild to leave a missing optional peer to run time (a
    // MissingDependencyError on first use) instead of failing every bundle that never runs a model.
    const loading = loadOrt('onnxruntime-web', () => import('onnxruntime-web').catch(rethrow));
    // A failed import is not cached, so installing the package later works without a restart.
    loading.catch(() => {
      if (webOrt === loading) webOrt = undefined;
    });
    webOrt = loading;
  }
  return webOrt;
}

/**
 * Loads an ONNX model into a {@link Session}, on onnxruntime-web unless `options.ort` is given.
 *
 * `model` may be bytes or a URL (onnxruntime-web fetches it). With the default runtime, `threads`
 * sets `ort.env.wasm.numThreads`, which takes effect before the first session only (a WASM limit);
 * more than one thread needs a cross-origin-isolated page.
 *
 * @example
 * const session = await createSession('/models/decoder.onnx', { executionProviders: ['webgpu', 'wasm'] });
 *
 * @throws MissingDependencyError when onnxruntime-web is needed but not installed
 * @throws InvalidArgumentError for a bad model argument or option (the error names it)
 * @throws RuntimeError when the runtime cannot create the session
 */
export async function createSession(model: ModelSource, options: CreateSessionOptions = {}): Promise<Session> {
  const source = readModelSource(model);
  let ort = options.ort;
  if (ort === undefined) {
    ort = await loadOnnxruntimeWeb();
    const wasm = ort.env?.wasm;
    if (options.threads !== undefined && wasm !== undefined && Number.isSafeInteger(options.threads) && options.threads > 0) {
      wasm.numThreads = options.threads;
    }
  }
  return createSessionWithOrt(ort, source, options);
}

// The graph's float32 scores are bounded for CPU arithmetic, so the search stays on the WASM backend.
const browserNearestSearch = lazyNearestSearch((model) => createSession(model, { executionProviders: ['wasm'] }));

/**
 * A nearest-code search on onnxruntime-web's WASM backend for searches of at least 2^27 multiply-adds
 * (`count × codebookSize × dim`), TypeScript below; the same codes either way. Opt-in: pass it as
 * `createQuantizer(spec, weights, { nearestSearch: defaultNearestSearch() })`. Unlike in Node, the
 * browser `createQuantizer` does not use it by default, because on one WASM thread onnxruntime-web
 * measured 0.70–0.76× the speed of core's WebAssembly SIMD scan in Chromium (`node
 * bench/quantizers/browser.mjs`); it can pay off where onnxruntime-web runs several threads
 * (cross-origin isolated pages). One instance per page; `release()` frees its sessions.
 */
export function defaultNearestSearch(): AcceleratedNearestSearch {
  return browserNearestSearch();
}
