#!/usr/bin/python3
"""PyTorch side of the audio codec benchmark (bench/audio/codecs.mjs drives it).

    codecs_torch.py build --work DIR    full-size random-weight SNAC 24 kHz and DAC 44 kHz checkpoints in the
                                      published formats (configs of hubertsiuzdak/snac_24khz and DAC 0.0.1),
                                      exported through tools/export/{snac,dac}.py; 10 s inputs; torch codes
    codecs_torch.py serve --work DIR    times one PyTorch eager step per request line (see `serve`), so that
                                      codecs.mjs interleaves torch and jointok runs under the same machine load

Encode is the reference's path from raw audio to codes (pad, encoder, quantizer); decode from codes to
audio (SNAC's `decode` draws its noise with torch.randn, as the reference does).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'tools', 'export'))

from audio_codecs.dac_model import Dac, load_dac  # noqa: E402
from audio_codecs.random_init import calibrate_codec, randomize  # noqa: E402
from audio_codecs.snac_model import Snac, load_snac  # noqa: E402

SECONDS = 10
RECORDING = '/usr/share/sonic-pi/samples/guit_em9.flac'  # CC0, Debian sonic-pi-samples (10 s of guitar)
SNAC_24KHZ = {'sampling_rate': 24000, 'encoder_dim': 48, 'encoder_rates': [2, 4, 8, 8], 'decoder_dim': 1024,
              'decoder_rates': [8, 8, 4, 2], 'attn_window_size': None, 'codebook_size': 4096, 'codebook_dim': 8,
              'vq_strides': [4, 2, 1], 'noise': True, 'depthwise': True}
DAC_44KHZ = {'encoder_dim': 64, 'encoder_rates': [2, 4, 8, 8], 'latent_dim': 1024, 'decoder_dim': 1536,
             'decoder_rates': [8, 8, 4, 2], 'n_codebooks': 9, 'codebook_size': 1024, 'codebook_dim': 8,
             'quantizer_dropout': False, 'sample_rate': 44100}


def bench_audio(rate: int) -> torch.Tensor:
    """10 s at `rate` as [1, 1, T]: the CC0 guitar recording when present, else a seeded synthetic signal."""
    if os.path.exists(RECORDING):
        import soundfile
        import torchaudio
        data, source_rate = soundfile.read(RECORDING, dtype='float32')
        mono = torch.from_numpy(np.ascontiguousarray(data[:, 0] if data.ndim == 2 else data))[None]
        audio = torchaudio.functional.resample(mono, source_rate, rate) if source_rate != rate else mono
        audio = torch.nn.functional.pad(audio, (0, max(0, SECONDS * rate - audio.shape[-1])))
    else:
        t = torch.arange(SECONDS * rate, dtype=torch.float64) / rate
        noise = torch.randn(SECONDS * rate, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
        audio = (0.3 * torch.sin(2 * np.pi * 220 * t) + 0.1 * torch.sin(2 * np.pi * 1375 * t) + 0.02 * noise).float()[None]
    return audio[:, : SECONDS * rate][None].contiguous()


def build(work: str) -> None:
    os.makedirs(work, exist_ok=True)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    for name, make, script, variant, rate in (('snac-24khz', _snac_checkpoint, 'snac.py', '24khz', 24000),
                                               ('dac-44khz', _dac_checkpoint, 'dac.py', '44khz', 44100)):
        folder = os.path.join(work, name)
        os.makedirs(os.path.join(folder, 'checkpoint'), exist_ok=True)
        audio = bench_audio(rate)
        audio.numpy().astype('<f4').tofile(os.path.join(folder, 'input.f32'))
        checkpoint = make(os.path.join(folder, 'checkpoint'), audio[..., :rate])
        subprocess.run([sys.executable, os.path.join(ROOT, 'tools', 'export', script), '--checkpoint', checkpoint,
                        '--out', os.path.join(folder, 'jointok'), '--variant', variant], check=True, stdout=subprocess.DEVNULL)
        model = _load(name, folder)
        with torch.no_grad():
            codes = _encode(name, model, audio)
        with open(os.path.join(folder, 'torch-codes.json'), 'w') as handle:
            json.dump([c.reshape(-1).tolist() for c in codes], handle)
        print(f'built {folder}', file=sys.stderr)


def _snac_checkpoint(folder: str, calibration: torch.Tensor) -> str:
    model = Snac(**SNAC_24KHZ)
    randomize(model, torch.Generator().manual_seed(1))
    model.eval()
    calibrate_codec(model, calibration)
    with open(os.path.join(folder, 'config.json'), 'w') as handle:
        json.dump(SNAC_24KHZ, handle)
    path = os.path.join(folder, 'pytorch_model.bin')
    torch.save(model.state_dict(), path)
    return path


def _dac_checkpoint(folder: str, calibration: torch.Tensor) -> str:
    model = Dac(**DAC_44KHZ)
    randomize(model, torch.Generator().manual_seed(2))
    model.eval()
    calibrate_codec(model, calibration)
    path = os.path.join(folder, 'weights.pth')
    torch.save({'state_dict': model.state_dict(), 'metadata': {'kwargs': DAC_44KHZ}}, path)
    return path


def _load(name: str, folder: str):
    checkpoint = os.path.join(folder, 'checkpoint')
    if name.startswith('snac'):
        return load_snac(SNAC_24KHZ, torch.load(os.path.join(checkpoint, 'pytorch_model.bin'), map_location='cpu'))
    return load_dac(torch.load(os.path.join(checkpoint, 'weights.pth'), map_location='cpu'))


def _encode(name: str, model, audio: torch.Tensor):
    if name.startswith('snac'):
        return model.encode(audio)
    return list(model.encode(audio)[1].unbind(1))


def _decode(name: str, model, codes):
    if name.startswith('snac'):
        quantized = model.quantizer.decode(codes)
        return model.decode(quantized, model.draw_reference_noise(quantized.shape[0], quantized.shape[-1]))
    return model.decode(model.quantizer.decode(codes))


def serve(work: str) -> None:
    """Times single steps on request, so that codecs.mjs can interleave them with its own: reads one JSON
    request per line, `{"model": "dac-44khz", "step": "encode" | "decode", "threads": 1}`, runs the step
    once and answers `{"seconds": ...}`. Models and inputs are loaded once; decode uses the codes of the
    model's last encode."""
    models, inputs, codes = {}, {}, {}
    for line in sys.stdin:
        request = json.loads(line)
        name = request['model']
        if name not in models:
            folder = os.path.join(work, name)
            models[name] = _load(name, folder)
            inputs[name] = torch.from_numpy(np.fromfile(os.path.join(folder, 'input.f32'), '<f4'))[None, None]
        torch.set_num_threads(request['threads'])
        with torch.inference_mode():
            start = time.perf_counter()
            if request['step'] == 'encode':
                codes[name] = _encode(name, models[name], inputs[name])
            else:
                _decode(name, models[name], codes[name])
            seconds = time.perf_counter() - start
        print(json.dumps({'seconds': seconds}), flush=True)


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
