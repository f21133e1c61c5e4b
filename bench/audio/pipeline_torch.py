#!/usr/bin/python3
"""PyTorch side of the codec tokenizer benchmark (bench/audio/pipeline.mjs drives it).

    pipeline_torch.py build --work DIR   full-size random-weight SNAC 24 kHz and DAC 44 kHz checkpoints in the
                                       published formats (the configs of hubertsiuzdak/snac_24khz and DAC 44 kHz),
                                       exported through tools/export/{snac,dac}.py; a 10 s WAV per model
    pipeline_torch.py serve --work DIR   times one PyTorch eager step per request line, so that codecs.mjs can
                                       interleave torch and jointok runs under the same machine load

The steps are the reference's user paths: `encode` reads the WAV file (soundfile) and runs `encode(x)` (pad,
encoder, quantizer); `decode` runs the quantizer's `from_codes` and the decoder on the last encode's codes
(SNAC draws its decoder noise with torch.randn, as the reference does); `window` decodes one Orpheus window
(4 coarse frames = 28 codes) as Orpheus TTS' streamer does per generated frame.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
import soundfile
import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'tools', 'export'))

from audio_codecs.dac_model import Dac, load_dac  # noqa: E402
from audio_codecs.random_init import calibrate_codec, randomize  # noqa: E402
from audio_codecs.snac_model import Snac, load_snac  # noqa: E402

SECONDS = 10
RECORDING = '/usr/share/sonic-pi/samples/guit_em9.flac'  # CC0 (Debian sonic-pi-samples)
SNAC_24KHZ = {'sampling_rate': 24000, 'encoder_dim': 48, 'encoder_rates': [2, 4, 8, 8], 'decoder_dim': 1024,
              'decoder_rates': [8, 8, 4, 2], 'attn_window_size': None, 'codebook_size': 4096, 'codebook_dim': 8,
              'vq_strides': [4, 2, 1], 'noise': True, 'depthwise': True}
DAC_44KHZ = {'encoder_dim': 64, 'encoder_rates': [2, 4, 8, 8], 'latent_dim': 1024, 'decoder_dim': 1536,
             'decoder_rates': [8, 8, 4, 2], 'n_codebooks': 9, 'codebook_size': 1024, 'codebook_dim': 8,
             'quantizer_dropout': False, 'sample_rate': 44100}
MODELS = {'snac-24khz': (24000, 'snac.py', '24khz'), 'dac-44khz': (44100, 'dac.py', '44khz')}


def input_audio(rate: int) -> np.ndarray:
    """10 s at `rate`, mono float32: the CC0 guitar recording (looped) when present, else a seeded synthetic signal."""
    if os.path.exists(RECORDING):
        import torchaudio
        data, source_rate = soundfile.read(RECORDING, dtype='float32')
        mono = torch.from_numpy(np.ascontiguousarray(data[:, 0] if data.ndim == 2 else data))[None]
        audio = torchaudio.functional.resample(mono, source_rate, rate)[0].numpy()
    else:
        t = np.arange(SECONDS * rate) / rate
        audio = (0.3 * np.sin(2 * np.pi * 220 * t) + 0.1 * np.sin(2 * np.pi * 1375 * t)).astype(np.float32)
    return np.resize(audio, SECONDS * rate).astype(np.float32)


def build(work: str) -> None:
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    for name, (rate, script, variant) in MODELS.items():
        folder = os.path.join(work, name)
        if os.path.exists(os.path.join(folder, 'jointok', 'jointok.json')):
            continue
        os.makedirs(os.path.join(folder, 'checkpoint'), exist_ok=True)
        audio = input_audio(rate)
        soundfile.write(os.path.join(folder, 'input.wav'), audio, rate, subtype='FLOAT')
        calibration = torch.from_numpy(audio[:rate])[None, None]
        if name.startswith('snac'):
            model = Snac(**SNAC_24KHZ)
            randomize(model, torch.Generator().manual_seed(1))
            model.eval()
            calibrate_codec(model, calibration)
            with open(os.path.join(folder, 'checkpoint', 'config.json'), 'w') as handle:
                json.dump(SNAC_24KHZ, handle)
            checkpoint = os.path.join(folder, 'checkpoint', 'pytorch_model.bin')
            torch.save(model.state_dict(), checkpoint)
        else:
            model = Dac(**DAC_44KHZ)
            randomize(model, torch.Generator().manual_seed(2))
            model.eval()
            calibrate_codec(model, calibration)
            checkpoint = os.path.join(folder, 'checkpoint', 'weights.pth')
            torch.save({'state_dict': model.state_dict(), 'metadata': {'kwargs': DAC_44KHZ}}, checkpoint)
        subprocess.run([sys.executable, os.path.join(ROOT, 'tools', 'export', script), '--checkpoint', checkpoint,
                        '--out', os.path.join(folder, 'jointok'), '--variant', variant], check=True, stdout=subprocess.DEVNULL)
        print(f'built {folder}', file=sys.stderr)


def load(name: str, folder: str):
    if name.startswith('snac'):
        return load_snac(SNAC_24KHZ, torch.load(os.path.join(folder, 'checkpoint', 'pytorch_model.bin'), map_location='cpu'))
    return load_dac(torch.load(os.path.join(folder, 'checkpoint', 'weights.pth'), map_location='cpu'))


def encode(name: str, model, path: str):
    data, _ = soundfile.read(path, dtype='float32')
    audio = torch.from_numpy(data)[None, None]
    return model.encode(audio) if name.startswith('snac') else list(model.encode(audio)[1].unbind(1))


def decode(name: str, model, codes):
    quantized = model.quantizer.decode(codes)
    if name.startswith('snac'):
        return model.decode(quantized, model.draw_reference_noise(quantized.shape[0], quantized.shape[-1]))
    return model.decode(quantized)


def serve(work: str) -> None:
    """One JSON request per line, `{"model": "snac-24khz", "step": "encode" | "decode" | "window", "threads": 1}`;
    answers `{"seconds": ...}` (and the codes after an encode, once, with `"codes": true`)."""
    models, codes = {}, {}
    for line in sys.stdin:
        request = json.loads(line)
        name = request['model']
        folder = os.path.join(work, name)
        if name not in models:
            models[name] = load(name, folder)
        model = models[name]
        torch.set_num_threads(request['threads'])
        answer = {}
        with torch.inference_mode():
            start = time.perf_counter()
            if request['step'] == 'encode':
                codes[name] = encode(name, model, os.path.join(folder, 'input.wav'))
            elif request['step'] == 'decode':
                decode(name, model, codes[name])
            else:
                window = [c[:, : 4 * 4 // stride] for c, stride in zip(codes[name], SNAC_24KHZ['vq_strides'])]
                decode(name, model, window)[:, :, 2048:4096]
            answer['seconds'] = time.perf_counter() - start
        if request.get('codes'):
            answer['codes'] = [c.reshape(-1).tolist() for c in codes[name]]
        print(json.dumps(answer), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('command', choices=['build', 'serve'])
    parser.add_argument('--work', required=True)
    args = parser.parse_args()
    if args.command == 'build':
        build(args.work)
    else:
        serve(args.work)


if __name__ == '__main__':
    main()
