import { describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../errors/invalid-spec-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { createQuantizer, quantizerTypes } from './create-quantizer.js';
import type { QuantizerSpec } from './quantizer.js';
import { KNOWN_SPEC_FIELDS } from './spec/known-spec-fields.js';
import { thrown } from '../__fixtures__/thrown.js';

describe('createQuantizer', () => {
  it('rejects unknown types with UnsupportedError listing the known ones', () => {
    const error = thrown(() => createQuantizer({ type: 'no-such-quantizer' } as QuantizerSpec));
    expect(UnsupportedError.isInstance(error)).toBe(true);
    expect((error as UnsupportedError).supported).toEqual(quantizerTypes);
    expect((error as Error).message).toContain('no-such-quantizer');
  });

  it('rejects specs that are not objects or lack a string type', () => {
    expect(() => createQuantizer(null as never)).toThrow(InvalidSpecError);
    expect(() => createQuantizer([] as never)).toThrow(InvalidSpecError);
    expect(() => createQuantizer({ type: 3 } as never)).toThrow(InvalidSpecError);
    expect(() => createQuantizer({ type: 'toString' } as QuantizerSpec)).toThrow(UnsupportedError);
  });

  it('refuses fields the type does not read, naming the likely intended one', () => {
    const error = thrown(() => createQuantizer({ type: 'fsq', levels: [8, 5], chanelAxis: 'first' } as QuantizerSpec));
    expect(InvalidSpecError.isInstance(error)).toBe(true);
    expect((error as InvalidSpecError).path).toBe('chanelAxis');
    expect((error as Error).message).toMatch(/Did you mean "channelAxis"\?/);
    expect(() => createQuantizer({ type: 'multiscale-residual-vq', strides: [1], codebookSize: 4, dim: 2, keepStreamAxis: true } as QuantizerSpec)).toThrowError(/Unknown field "keepStreamAxis"/);
    expect(() => createQuantizer({ type: 'vq', codebookSize: 2, dim: 1, zzzzzzzz: 1 } as QuantizerSpec)).toThrowError(/Unknown field "zzzzzzzz" in a vq quantizer spec\. Known/);
  });
});

describe('KNOWN_SPEC_FIELDS', () => {
  it('lists a field table for every quantizer type', () => {
    expect(Object.keys(KNOWN_SPEC_FIELDS).sort()).toEqual([...quantizerTypes]);
  });
});
