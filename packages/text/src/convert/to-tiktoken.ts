import { encodeBase64 } from '../bytes/index.js';
import type { FlatVocabulary } from '../vocabulary/index.js';

/** Writes ranks as a `.tiktoken` file (`<base64 token> <rank>` per line; holes are skipped). */
export function toTiktoken(vocabulary: FlatVocabulary): string {
  const lines: string[] = [];
  for (let rank = 0; rank + 1 < vocabulary.offsets.length; rank++) {
    const token = vocabulary.bytes.subarray(vocabulary.offsets[rank], vocabulary.offsets[rank + 1]);
    if (token.length > 0) lines.push(`${encodeBase64(token)} ${rank}`);
  }
  return `${lines.join('\n')}\n`;
}
