import { MissingDependencyError } from '../errors/missing-dependency-error.js';
import { RuntimeError } from './errors/runtime-error.js';
import { assertOrtModule } from './create-session-with-ort.js';
import type { OrtModule } from './ort-module.js';

const notFoundCodes = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

/**
 * Imports an ONNX Runtime package lazily (it is an optional peer dependency) and returns its module.
 *
 * @throws MissingDependencyError when the package is not installed
 * @throws RuntimeError when it is installed but fails to load (e.g. a native binary for another platform)
 */
export async function loadOrt(packageName: string, importModule: () => Promise<unknown>): Promise<OrtModule> {
  let loaded: unknown;
  try {
    loaded = await importModule();
  } catch (error) {
    if (isNotFound(error, packageName)) {
      throw new MissingDependencyError({ packageName, purpose: 'Running ONNX models with @jointok/core', cause: error });
    }
    throw new RuntimeError({ operation: 'load', message: `${packageName} is installed but failed to load.`, cause: error });
  }
  // A CommonJS build seen through ESM interop keeps the API on `default`.
  const namespace = loaded as { InferenceSession?: unknown; default?: unknown };
  const ort = namespace.InferenceSession === undefined && namespace.default !== undefined ? namespace.default : namespace;
  assertOrtModule(ort);
  return ort;
}

function isNotFound(error: unknown, packageName: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && notFoundCodes.has(code)) return true;
  // Bundlers and browsers do not set a code; they name the specifier they could not resolve
  // (Chromium: "Failed to resolve module specifier", Vite's optional-peer stub: "Could not resolve").
  const message = error instanceof Error ? error.message : String(error);
  return message.includes(packageName) && /cannot find|failed to resolve|could not resolve|not found/i.test(message);
}

/** Passes a failed import's error on unchanged (see the callers for why the import gets a `.catch`). */
export function rethrow(error: unknown): never {
  throw error;
}
