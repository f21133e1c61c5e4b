import { createHash } from 'node:crypto';
import { open, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { verifyDigest } from '../download/verify-bytes.js';
import { DownloadError } from '../errors/download-error.js';
import { RepositoryNotFoundError } from '../errors/repository-not-found-error.js';
import { SizeLimitError } from '../errors/size-limit-error.js';
import { UnsafePathError } from '../errors/unsafe-path-error.js';
import type { LocalFolderReader, LocalReadRequest } from '../load/repository-platform.js';
import { assertSafeRelativePath } from '../paths/safe-relative-path.js';

/**
 * Reads repository files from a local folder. Every path is checked, and then resolved through
 * symbolic links: a link that leads outside the folder is refused, so a manifest cannot make the
 * loader read `/etc/passwd` or `~/.ssh`.
 */
export const nodeLocalFolder: LocalFolderReader = {
  async open(root: string, input: string): Promise<string> {
    try {
      const real = await realpath(resolve(root));
      if ((await stat(real)).isDirectory()) return real;
    } catch (cause) {
      throw new RepositoryNotFoundError({ source: input, cause, message: `No model repository at ${input}: the folder does not exist.` });
    }
    throw new RepositoryNotFoundError({ source: input, message: `No model repository at ${input}: not a folder.` });
  },

  async read(root: string, request: LocalReadRequest): Promise<Uint8Array> {
    request.signal?.throwIfAborted();
    const path = assertSafeRelativePath(request.file);
    const url = pathToFileURL(join(root, path)).href;
    let real: string;
    try {
      real = await realpath(join(root, path));
    } catch (cause) {
      throw new DownloadError({ url, status: 404, cause, message: `${path} is not in ${root} (missing file).` });
    }
    if (!real.startsWith(root + sep)) throw new UnsafePathError({ path, reason: 'a symbolic link leads outside the repository folder' });
    const handle = await open(real, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new DownloadError({ url, status: 404, message: `${path} in ${root} is not a file.` });
      if (info.size > request.maxBytes) throw new SizeLimitError({ file: path, limit: request.maxBytes });
      const bytes = new Uint8Array(await handle.readFile());
      request.signal?.throwIfAborted();
      verifyDigest(path, { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }, request);
      request.onProgress?.({ file: path, loaded: bytes.length, total: bytes.length, cached: true });
      return bytes;
    } finally {
      await handle.close();
    }
  },

  fileUrl(root: string, path: string): string {
    return pathToFileURL(join(root, assertSafeRelativePath(path))).href;
  },
};
