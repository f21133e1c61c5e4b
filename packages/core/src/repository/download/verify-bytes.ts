import { IntegrityError } from '../errors/integrity-error.js';

/**
 * Checks a file's size and sha256 against what the manifest promises (either may be unknown).
 * The caller hashes, so that Node can hash while streaming and browsers with Web Crypto.
 *
 * @throws IntegrityError naming the file, with expected and actual values.
 */
export function verifyDigest(file: string, actual: { size: number; sha256: string }, expected: { size: number | undefined; sha256: string | undefined }): void {
  if (expected.size !== undefined && actual.size !== expected.size) {
    throw new IntegrityError({ file, expected: `${expected.size} bytes`, actual: `${actual.size} bytes` });
  }
  if (expected.sha256 !== undefined && actual.sha256 !== expected.sha256.toLowerCase()) {
    throw new IntegrityError({ file, expected: `sha256 ${expected.sha256}`, actual: `sha256 ${actual.sha256}` });
  }
}
