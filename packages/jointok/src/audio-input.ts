import { createModalityTokenizer, type ModalityTokenizer } from '@jointok/core';
import { decodeAudio, type AudioSignal } from '@jointok/audio';

/** What the audio tokenizers built here encode: decoded audio, or the bytes of a WAV, FLAC, MP3 or Ogg file. */
export type AudioInput = AudioSignal | Uint8Array | ArrayBuffer;

function isAudioSignal(value: unknown): value is AudioSignal {
  const audio = value as Partial<AudioSignal> | null;
  return typeof audio === 'object' && audio !== null && typeof audio.sampleRate === 'number' && Array.isArray(audio.channels);
}

/**
 * Lets an audio tokenizer that takes decoded audio also take file bytes (decoded with `decodeAudio`,
 * which detects the format from its content), as the image tokenizers take PNG/JPEG bytes.
 */
export function withAudioInput(tokenizer: ModalityTokenizer<AudioSignal, AudioSignal, 'audio'>): ModalityTokenizer<AudioInput, AudioSignal, 'audio'> {
  return createModalityTokenizer<AudioInput, AudioSignal, 'audio'>({
    modality: 'audio',
    codeSpace: tokenizer.codeSpace,
    async encode(input, options) {
      return tokenizer.encode(isAudioSignal(input) ? input : await decodeAudio(input as Uint8Array | ArrayBuffer), options);
    },
    decode: (block, options) => tokenizer.decode(block, options),
    dispose: () => tokenizer.dispose(),
  });
}
