// The examples run on jointok's browser default, onnxruntime-web on WASM, with its runtime files served
// by this site (copied from node_modules at build time): nothing is fetched from elsewhere.
import { withBase } from 'vitepress';
import config from '../../../../live-examples.json';

let configured: Promise<void> | undefined;

/** Points onnxruntime-web at the site's /ort/ folder and one thread (pages here are not cross-origin isolated). */
export function configureOnnxRuntime(): Promise<void> {
  configured ??= (async () => {
    const { loadOnnxruntimeWeb } = await import('@jointok/core');
    const ort = (await loadOnnxruntimeWeb()) as unknown as { env: { wasm: { wasmPaths?: string; numThreads?: number } } };
    ort.env.wasm.wasmPaths = new URL(withBase('/ort/'), location.href).href;
    ort.env.wasm.numThreads = 1;
  })();
  return configured;
}

/** An absolute URL of a file this site serves. */
export function siteUrl(path: string): string {
  return new URL(withBase(path), location.href).href;
}

/** The live examples' configuration (live-examples.json at the root of apps/docs). */
export const liveExamples = config;

/** The file name a sample is served under (/samples/<name>). */
export function sampleName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}
