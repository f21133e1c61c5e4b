import { InvalidArgumentError, JointokError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { DisallowedSpecialTokenError, InvalidVocabularyError } from '../errors/index.js';
import { reviveError, transferError } from './transfer-error.js';

// What crosses postMessage is a structured clone of transferError's result.
const roundTrip = (error: unknown): Error => reviveError(structuredClone(transferError(error)));

describe('errors across postMessage', () => {
  it('a text error comes back as its own class, with its fields, markers, message and stack', () => {
    const original = new DisallowedSpecialTokenError({ token: '<|endoftext|>', offset: 3 });
    const back = roundTrip(original);
    expect(back).toBeInstanceOf(DisallowedSpecialTokenError);
    expect(back).toBeInstanceOf(JointokError);
    expect(DisallowedSpecialTokenError.isInstance(back)).toBe(true);
    expect(JointokError.isInstance(back)).toBe(true);
    expect(back).toMatchObject({ name: 'DisallowedSpecialTokenError', code: 'disallowed-special-token', token: '<|endoftext|>', offset: 3 });
    expect(back.message).toBe(original.message);
    expect(back.stack).toBe(original.stack);
    expect(Object.keys(back).sort()).toEqual(Object.keys(original).sort());
  });

  it('a core error keeps its class; a cause chain comes along', () => {
    const cause = new InvalidVocabularyError({ source: 'x.tiktoken', location: 'line 2', expected: 'a rank' });
    const back = roundTrip(new InvalidArgumentError({ argument: 'ranks', expected: 'a file', received: 'nothing', cause }));
    expect(back).toBeInstanceOf(InvalidArgumentError);
    expect(back).toMatchObject({ argument: 'ranks', expected: 'a file', received: 'nothing' });
    expect(back.cause).toBeInstanceOf(InvalidVocabularyError);
    expect((back.cause as InvalidVocabularyError).location).toBe('line 2');
  });

  it('an unknown jointok error keeps isInstance through its marker; built-ins and non-errors come back as errors', () => {
    class ThirdPartyError extends JointokError {
      readonly detail = 7;
      constructor() {
        super('third-party', 'from a plug-in');
        this.name = 'ThirdPartyError';
      }
    }
    const back = roundTrip(new ThirdPartyError());
    expect(JointokError.isInstance(back)).toBe(true);
    expect(back).toBeInstanceOf(JointokError);
    expect(back).toMatchObject({ code: 'third-party', detail: 7, message: 'from a plug-in' });
    expect(roundTrip(new RangeError('too far'))).toBeInstanceOf(RangeError);
    const thrown = roundTrip('a string');
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown.message).toBe('a string');
  });

  it('a field that cannot be cloned travels as text instead of failing the answer', () => {
    const back = roundTrip(new InvalidArgumentError({ argument: 'callback', expected: 'data', received: () => 1 }));
    expect(typeof (back as InvalidArgumentError).received).toBe('string');
  });
});
