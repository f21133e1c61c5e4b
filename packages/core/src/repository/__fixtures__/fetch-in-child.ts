// Run in a child process by the cross-process cache test: loads one file through the Node file
// cache and prints its size. Arguments: cacheDir, url, key, sha256, size.
import { createFileCache } from '../node/file-cache.js';

const [cacheDir, url, key, sha256, size] = process.argv.slice(2) as [string, string, string, string, string];
const bytes = await createFileCache({ cacheDir }).load({
  key,
  file: key,
  url,
  headers: {},
  sha256,
  size: Number(size),
  revalidate: false,
  offline: false,
  maxBytes: 1 << 30,
  retries: 0,
  fetch: globalThis.fetch,
  signal: undefined,
  onProgress: undefined,
});
process.stdout.write(String(bytes.length));
