// The encodec family on its tiny fixture (tools/fixtures/audio/make_encodec_fixture.py): PyTorch's codes and
// audio, and the lengths its graphs cannot take.
import { InvalidArgumentError } from '@jointok/core';
import { describe, expect, it } from 'vitest';
import { tokenBlockFromStreams } from '../../tokenizer/audio-blocks.js';
import { readGolden } from '../codec/__fixtures__/codec-fixture.js';
import { describeCodecParity, loadFixture } from '../codec/__fixtures__/describe-codec-parity.js';

describeCodecParity('encodec', { decodedTolerance: 2e-5 });

describe('encodec: lengths', () => {
  it('refuses inputs shorter than preprocessing.minSamples and blocks shorter than config.minFrames, typed', async () => {
    await using encodec = await loadFixture('encodec', 'jointok');
    await expect(encodec.encode({ sampleRate: 24000, channels: [new Float32Array(1920)] })).rejects.toThrow(InvalidArgumentError);
    await expect(encodec.encode({ sampleRate: 24000, channels: [new Float32Array(1920)] })).rejects.toThrow(/at least 1921 samples/);
    expect((await encodec.encode({ sampleRate: 24000, channels: [new Float32Array(1921).fill(0.01)] })).shape).toEqual([10, 7]);
    const golden = readGolden('encodec');
    const short = tokenBlockFromStreams(golden.codes.map((row) => row.slice(0, 6)), encodec);
    await expect(encodec.decode(short)).rejects.toThrow(/at least 7 frames/);
  });
});
