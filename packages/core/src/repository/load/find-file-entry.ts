import type { Manifest, ManifestFileVariant } from '../manifest/manifest.js';
import { assertSafeRelativePath } from '../paths/safe-relative-path.js';
import { variantPath } from '../paths/variant-path.js';

/**
 * The manifest entry to load for `path` in `variant`: the file's own `variants` entry, else the
 * onnx-community name (`x_fp16.onnx`) looked up among listed files, else the bare path (a file the
 * manifest does not list loads without a sha256 to check).
 *
 * @throws UnsafePathError for a path that could leave the repository; InvalidArgumentError for an
 *   unknown variant name.
 */
export function findFileEntry(manifest: Manifest, path: string, variant: string | undefined): ManifestFileVariant {
  assertSafeRelativePath(path);
  const listed = manifest.files.find((file) => file.path === path);
  if (variant !== undefined && variant !== 'fp32') {
    const own = listed?.variants?.[variant];
    if (own !== undefined) return own;
    const named = variantPath(path, variant);
    return lookup(manifest, named) ?? { path: named };
  }
  return listed ?? lookup(manifest, path) ?? { path };
}

function lookup(manifest: Manifest, path: string): ManifestFileVariant | undefined {
  for (const file of manifest.files) {
    if (file.path === path) return file;
    for (const variant of Object.values(file.variants ?? {})) if (variant.path === path) return variant;
  }
  return undefined;
}
