import { describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../../errors/invalid-spec-error.js';
import { layoutPresets } from '../presets/index.js';
import { loadLayout, saveLayout } from './layout-io.js';

describe('layout JSON', () => {
  it.each(Object.entries(layoutPresets))('saves and loads the %s preset unchanged', (_, layout) => {
    const text = saveLayout(layout);
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ format: 'jointok.layout', version: 1 });
    expect(loadLayout(text)).toEqual(layout);
  });

  it('names the problem in malformed JSON text', () => {
    expect(() => loadLayout('{"format":')).toThrowError(InvalidSpecError);
    expect(() => loadLayout('{"format":"other"}')).toThrowError(/format/);
  });
});
