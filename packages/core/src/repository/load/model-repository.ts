import type { Manifest } from '../manifest/manifest.js';
import type { ResolvedSource } from '../source/resolved-source.js';
import type { FileOptions } from './load-options.js';

/** A loaded model repository: its manifest and verified access to its files. */
export interface ModelRepository {
  /** Where it was loaded from. */
  readonly source: ResolvedSource;
  readonly manifest: Manifest;
  /** `jointok` when it has a jointok.json; `onnx-community` when the manifest was built from config.json. */
  readonly format: 'jointok' | 'onnx-community';
  /** The bytes of a file, from the cache or the source, checked against the manifest's sha256 and size. */
  file(path: string, options?: FileOptions): Promise<Uint8Array>;
  /** Where a file lives (`https:` or `file:` URL), e.g. for a runtime that fetches by itself. */
  fileUrl(path: string, options?: Pick<FileOptions, 'variant'>): string;
  /** A JSON file, parsed. */
  json<T = unknown>(path: string, options?: Omit<FileOptions, 'variant'>): Promise<T>;
}
