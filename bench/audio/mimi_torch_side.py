#!/usr/bin/python3
"""The PyTorch side of bench/audio/mimi-rtf.mjs: builds a full-size Mimi (moshi's published sizes) with
seeded random weights, writes it as moshi's safetensors, exports it with tools/export/mimi.py, and times
PyTorch eager encode (padded audio → latent) and decode (quantized latent → audio) on the given input.

    /usr/bin/python3 bench/audio/mimi_torch_side.py --work DIR --seconds 10 --runs 3 --threads 2

Writes DIR/input.f32, DIR/latent.f32, DIR/quantized.f32, the exported folder DIR/mimi/ and prints one JSON
line with the medians. Not part of the test suite (full size: ~96M parameters, a few minutes to export).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'tools', 'export'))

from export_common import write_safetensors  # noqa: E402
from seanet_codecs.mimi_model import DEFAULT_CODEBOOKS, Mimi  # noqa: E402
from seanet_codecs.random_weights import calibrate_convolutions, fit_codebooks, randomize  # noqa: E402

# moshi's loaders._mimi_config: 64 filters, 512 channels, 8 layers (feed-forward 2048), 1 + 31 codebooks of 2048 in 256 dimensions.
FULL = dict(n_filters=64, dimension=512, num_layers=8, feedforward=2048, semantic=1, acoustic=31, bins=2048, codebook_dim=256)


def build(seed: int) -> Mimi:
    generator = torch.Generator().manual_seed(seed)
    model = Mimi(**FULL)
    randomize(model, generator)
    model.eval()
    probe = torch.sin(torch.arange(1920 * 4, dtype=torch.float32) * 0.05)[None, None] * 0.3
    calibrate_convolutions(model, lambda: model.encode_latent(probe), lambda name: None if name.startswith('quantizer.') else 1.0)
    with torch.no_grad():
        latent = model.encode_latent(probe)
        for part, count in ((model.quantizer.rvq_first, 1), (model.quantizer.rvq_rest, 31)):
            books = fit_codebooks(part.input_proj(latent), count, FULL['bins'], generator)
            for layer, book in zip(part.vq.layers, books):
                layer._codebook.embedding_sum.copy_(book)
        quantized = model.quantizer.decode(model.quantizer.encode(latent, 32))
    calibrate_convolutions(model, lambda: model.decode_latent(quantized), lambda name: None if name.startswith('quantizer.') else 1.0)
    return model


def median_seconds(run, runs: int) -> float:
    run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument('--work', required=True)
    parser.add_argument('--seconds', type=float, default=10.0)
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--threads', type=int, default=1)
    parser.add_argument('--seed', type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    os.makedirs(args.work, exist_ok=True)
    model = build(args.seed)
    checkpoint = os.path.join(args.work, 'mimi-full-random.safetensors')
    state = {k.replace('.self_attn.in_projs.0.weight', '.self_attn.in_proj_weight').replace('.self_attn.out_projs.0.weight', '.self_attn.out_proj.weight'): v
             for k, v in model.state_dict().items()}
    write_safetensors(checkpoint, state)
    folder = os.path.join(args.work, 'mimi')
    subprocess.run([sys.executable, os.path.join(ROOT, 'tools', 'export', 'mimi.py'), '--checkpoint', checkpoint, '--out', folder],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples = int(args.seconds * 24000)
    audio = model.pad(0.3 * torch.sin(torch.arange(samples, dtype=torch.float32) * 0.05)[None, None])
    with torch.no_grad():
        latent = model.encode_latent(audio)
        quantized = model.quantizer.decode(model.quantizer.encode(latent, DEFAULT_CODEBOOKS))
        encode = median_seconds(lambda: model.encode_latent(audio), args.runs)
        decode = median_seconds(lambda: model.decode_latent(quantized), args.runs)
    for name, tensor in (('input', audio), ('latent', latent), ('quantized', quantized)):
        tensor.numpy().astype('<f4').tofile(os.path.join(args.work, f'{name}.f32'))
    print(json.dumps({'samples': audio.shape[-1], 'frames': latent.shape[-1], 'dim': latent.shape[1], 'torchEncode': encode,
                      'torchDecode': decode, 'threads': args.threads, 'torch': torch.__version__}))


if __name__ == '__main__':
    main()
