import { InvalidArgumentError, ShapeMismatchError } from '@jointok/core';
import type { AudioSignal } from '../signal/audio-signal.js';
import { checkAudioSignal } from '../signal/check-audio-signal.js';

/** Checks that an estimate and its reference are comparable: same rate, channels and length, finite, non-empty. */
export function checkPair(estimate: AudioSignal, reference: AudioSignal): void {
  checkAudioSignal(estimate, 'estimate', { nonEmpty: true });
  checkAudioSignal(reference, 'reference', { nonEmpty: true });
  if (estimate.sampleRate !== reference.sampleRate) {
    throw new InvalidArgumentError({ argument: 'estimate.sampleRate', expected: `the reference's ${reference.sampleRate} Hz (resample first)`, received: estimate.sampleRate });
  }
  const shape = (audio: AudioSignal) => [audio.channels.length, audio.channels[0]!.length];
  const [ec, ef] = shape(estimate);
  const [rc, rf] = shape(reference);
  if (ec !== rc || ef !== rf) throw new ShapeMismatchError({ argument: 'estimate', expected: `[${rc}, ${rf}] channels × frames, like the reference`, received: [ec!, ef!] });
}
