import { describe, expect, it } from 'vitest';
import { InvalidSpecError } from '../errors/invalid-spec-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { createQuantizer, quantizerTypes } from './create-quantizer.js';
import { thrown } from '../__fixtures__/thrown.js';

describe('createQuantizer', () => {
  it('rejects unknown types with UnsupportedError listing the known ones', () => {
    const error = thrown(() => createQuantizer({ type: 'no-such-quantizer' }));
    expect(UnsupportedError.isInstance(error)).toBe(true);
    expect((error as UnsupportedError).supported).toEqual(quantizerTypes);
    expect((error as Error).message).toContain('no-such-quantizer');
  });

  it('rejects specs that are not objects or lack a string type', () => {
    expect(() => createQuantizer(null as never)).toThrow(InvalidSpecError);
    expect(() => createQuantizer([] as never)).toThrow(InvalidSpecError);
    expect(() => createQuantizer({ type: 3 } as never)).toThrow(InvalidSpecError);
    expect(() => createQuantizer({ type: 'toString' })).toThrow(UnsupportedError);
  });
});
