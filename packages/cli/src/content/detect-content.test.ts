import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectContent } from './detect-content.js';

const fixture = (path: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url))));

describe('detectContent', () => {
  it('recognises the supported formats by their bytes, whatever the file is called', () => {
    expect(detectContent(fixture('image/src/__fixtures__/photos/coffee-120x90.png'))).toEqual({ modality: 'image', format: 'png' });
    expect(detectContent(fixture('image/src/__fixtures__/photos/rocket-64x96.jpg'))).toEqual({ modality: 'image', format: 'jpeg' });
    expect(detectContent(fixture('audio/src/__fixtures__/voice-44k.wav'))).toEqual({ modality: 'audio', format: 'wav' });
    expect(detectContent(new TextEncoder().encode('fLaC\0\0\0\x22'))).toEqual({ modality: 'audio', format: 'flac' });
    expect(detectContent(new TextEncoder().encode('OggS\0\x02'))).toEqual({ modality: 'audio', format: 'ogg' });
    expect(detectContent(new TextEncoder().encode('ID3\x04\0'))).toEqual({ modality: 'audio', format: 'mp3' });
    expect(detectContent(Uint8Array.of(0xff, 0xfb, 0x90, 0x64))).toEqual({ modality: 'audio', format: 'mp3' });
    expect(detectContent(new TextEncoder().encode('YUV4MPEG2 W2 H2'))).toEqual({ modality: 'video', format: 'y4m' });
    expect(detectContent(new TextEncoder().encode('héllo 🎉\n'))).toEqual({ modality: 'text', format: 'utf-8' });
  });

  it('names known formats it does not support, and refuses binary data', () => {
    expect(detectContent(new TextEncoder().encode('GIF89a'))).toEqual({ modality: 'unsupported', format: 'GIF' });
    expect(detectContent(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toEqual({ modality: 'unsupported', format: 'WebP' });
    expect(detectContent(Uint8Array.of(0xff, 0xf1, 0x50, 0x80))).toEqual({ modality: 'unsupported', format: 'binary data of an unknown format' }); // AAC ADTS, not MP3
    expect(detectContent(Uint8Array.of(0x68, 0x00, 0x69))).toEqual({ modality: 'unsupported', format: 'binary data of an unknown format' });
    expect(detectContent(new Uint8Array(0))).toEqual({ modality: 'unsupported', format: 'an empty file' });
  });
});
