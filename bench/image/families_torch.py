"""PyTorch side of bench/image/families.mjs: builds full-size random-weight Cosmos DI and Open-MAGVIT2 models,
exports them with the real export code (cached in the output folder), and times PyTorch eager encode
(network + quantizer) and decode (quantized latents -> pixels) on one fixed 256x256 input.

Usage: /usr/bin/python3 bench/image/families_torch.py OUT_DIR RUNS THREADS
Writes OUT_DIR/<model>/ (jointok folder), OUT_DIR/input.f32 (float32 [1, 3, 256, 256]) and prints one JSON
line {model: {"encodeMs", "decodeMs", "codes": [...]}}.
"""
import json
import os
import statistics
import sys
import time

import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'tools', 'export'))

import cosmos_di  # noqa: E402
import open_magvit2  # noqa: E402
from cosmos_di_model import CosmosDiscreteImage  # noqa: E402
from llamagen_vq import randomize  # noqa: E402
from open_magvit2_model import LookupFreeQuantizer, Magvit2Model  # noqa: E402

out, runs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
os.makedirs(out, exist_ok=True)
pixels = torch.rand(1, 3, 256, 256, generator=torch.Generator().manual_seed(1)) * 2 - 1
pixels.numpy().astype('<f4').tofile(os.path.join(out, 'input.f32'))


def timed(fn):
    fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def cosmos(name):
    model = randomize(CosmosDiscreteImage(cosmos_di.VARIANTS[name].config), 1)
    folder = os.path.join(out, f'cosmos-{name.lower()}')
    if not os.path.exists(os.path.join(folder, 'jointok.json')):
        cosmos_di.export_folder(model, folder, name, 'random-weights', 17)
    with torch.no_grad():
        encode_ms, (codes, quantized) = timed(lambda: model.quantizer(model.encode_latents(pixels)))
        decode_ms, _ = timed(lambda: model.decode_latents(quantized.float()))
    return folder, encode_ms, decode_ms, codes


def magvit2(name):
    model = randomize(Magvit2Model(open_magvit2.VARIANTS[name].config), 1)
    folder = os.path.join(out, f'open-magvit2-{name.lower()}')
    if not os.path.exists(os.path.join(folder, 'jointok.json')):
        open_magvit2.export_folder(model, folder, name, 'random', None, 'random-weights', 17)
    lfq = LookupFreeQuantizer(model.config.z_channels)
    with torch.no_grad():
        encode_ms, codes = timed(lambda: lfq.encode(model.encode_latents(pixels)))
        quantized = lfq.decode(codes)
        decode_ms, _ = timed(lambda: model.decode_latents(quantized))
    return folder, encode_ms, decode_ms, codes


results = {}
for build, name in ((cosmos, 'DI16x16'), (cosmos, 'DI8x8'), (magvit2, 'imagenet_256_L')):
    folder, encode_ms, decode_ms, codes = build(name)
    results[os.path.basename(folder)] = {'encodeMs': encode_ms, 'decodeMs': decode_ms, 'codes': [int(c) for c in codes.reshape(-1).tolist()]}
print(json.dumps(results))
