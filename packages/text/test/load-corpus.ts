import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SAMPLE = fileURLToPath(new URL('../src/__fixtures__/corpus-sample.json', import.meta.url));

/**
 * The parity corpus: the committed sample, or the file named by `JOINTOK_TEXT_CORPUS` — a JSON array
 * of strings (as tools/text/build-corpus.mjs writes) or any UTF-8 text, cut into ~64 KB documents
 * at line breaks.
 */
export function loadCorpus(): { source: string; documents: string[] } {
  const path = process.env.JOINTOK_TEXT_CORPUS || SAMPLE;
  const raw = readFileSync(path, 'utf8');
  if (path.endsWith('.json')) return { source: path, documents: JSON.parse(raw) as string[] };
  const documents: string[] = [];
  let start = 0;
  while (start < raw.length) {
    let end = Math.min(raw.length, start + 65536);
    const newline = raw.indexOf('\n', end);
    end = newline < 0 ? raw.length : newline + 1;
    documents.push(raw.slice(start, end));
    start = end;
  }
  return { source: path, documents };
}
