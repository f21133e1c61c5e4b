import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSafeRelativePath } from '../paths/safe-relative-path.js';
import { validateManifest } from './validate-manifest.js';

// The JSON Schema is for editors and other languages; these checks keep it and the validator in step.
const schema = JSON.parse(readFileSync(new URL('../../../schema/jointok.schema.json', import.meta.url), 'utf8'));
const SHA = '0'.repeat(64);
const minimal = { manifestVersion: 1, modality: 'text', family: 'bpe', files: [{ path: 'vocab.json', sha256: SHA, size: 1 }] };

function pathsOf(json: unknown): string[] {
  const result = validateManifest(json);
  return result.valid ? [] : result.errors.map((e) => e.path);
}

describe('packages/core/schema/jointok.schema.json', () => {
  it('requires exactly the fields the validator requires', () => {
    for (const key of Object.keys(minimal)) {
      const { [key]: _, ...without } = minimal as Record<string, unknown>;
      expect(pathsOf(without).includes(key), key).toBe(schema.required.includes(key));
    }
    expect(pathsOf(minimal)).toEqual([]);
  });

  it('allows exactly the top-level fields the validator allows', () => {
    const unknownKeys = (json: unknown): string[] => {
      const result = validateManifest(json);
      return result.valid ? [] : result.errors.filter((e) => e.expected.startsWith('one of the fields')).map((e) => e.path);
    };
    for (const key of Object.keys(schema.properties)) expect(unknownKeys({ ...minimal, [key]: null }), key).toEqual([]);
    expect(pathsOf({ ...minimal, other: 1 })).toEqual(['other']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('lists the same modalities and file fields', () => {
    expect(schema.properties.modality.enum).toEqual(['text', 'image', 'video', 'audio']);
    expect(schema.properties.files.items.required).toEqual(['path', 'sha256', 'size']);
    expect(schema.properties.manifestVersion.const).toBe(1);
  });

  it('has a path pattern that agrees with the loader on safe and unsafe paths', () => {
    const pattern = new RegExp(schema.$defs.path.pattern);
    for (const path of ['a', 'onnx/x.onnx', '...', 'a/..b', '../a', 'a/../b', '/a', 'C:x', 'a\\b', 'a//b', 'a/', './a', 'a/.', '..', 'a\u0001']) {
      expect(pattern.test(path), path).toBe(isSafeRelativePath(path));
    }
  });
});
