"""PyTorch side of bench/image/families.mjs: builds full-size random-weight Cosmos DI, Open-MAGVIT2, Chameleon
VQGAN and TiTok-S-128 models, exports them with the real export code (cached in the output folder), and times
PyTorch eager encode (network + quantizer) and decode (quantized latents -> pixels) on one fixed 256x256 input.

Usage: /usr/bin/python3 bench/image/families_torch.py OUT_DIR RUNS THREADS [MODEL,...]
(MODEL: folder names such as cosmos-di16x16, chameleon, titok-s128; default all)
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

import chameleon  # noqa: E402
import cosmos_di  # noqa: E402
import titok  # noqa: E402
from chameleon_vqgan import VqganConfig, VqganModel  # noqa: E402
import open_magvit2  # noqa: E402
from cosmos_di_model import CosmosDiscreteImage  # noqa: E402
from llamagen_vq import randomize  # noqa: E402
from open_magvit2_model import LookupFreeQuantizer, Magvit2Model  # noqa: E402
from titok_model import TitokModel  # noqa: E402
from titok_model import randomize as randomize_titok  # noqa: E402

out, runs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
only = sys.argv[4].split(',') if len(sys.argv) > 4 else None
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


def chameleon_vqgan(name):
    # Fully convolutional: the 512-px model runs at 256 px (16 x 16 codes) like the other rows.
    model = randomize(VqganModel(VqganConfig()), 1)
    folder = os.path.join(out, 'chameleon')
    if not os.path.exists(os.path.join(folder, 'jointok.json')):
        chameleon.export_folder(model, folder, name, 'random-weights', 17)
    with torch.no_grad():
        encode_ms, codes = timed(lambda: model.quantize_latents(model.encode_latents(pixels)))
        quantized = model.lookup(codes)
        decode_ms, _ = timed(lambda: model.decode_latents(quantized))
    return folder, encode_ms, decode_ms, codes


def titok_1d(name):
    # TiTok takes pixels in [0, 1]; the shared input is in [-1, 1], which only moves the values.
    model = randomize_titok(TitokModel(titok.VARIANTS[name].expected), 1)
    folder = os.path.join(out, f'titok-{name}')
    if not os.path.exists(os.path.join(folder, 'jointok.json')):
        titok.export_folder(model, folder, name, 'random-weights', 17)
    with torch.no_grad():
        encode_ms, codes = timed(lambda: model.quantize_latents(model.encode_latents(pixels)))
        quantized = model.lookup(codes)
        decode_ms, _ = timed(lambda: model.decode_latents(quantized))
    return folder, encode_ms, decode_ms, codes


results = {}
builds = ((cosmos, 'DI16x16', 'cosmos-di16x16'), (cosmos, 'DI8x8', 'cosmos-di8x8'), (magvit2, 'imagenet_256_L', 'open-magvit2-imagenet_256_l'),
          (chameleon_vqgan, 'chameleon', 'chameleon'), (titok_1d, 's128', 'titok-s128'))
for build, name, folder_name in builds:
    if only is not None and folder_name not in only:
        continue
    folder, encode_ms, decode_ms, codes = build(name)
    results[os.path.basename(folder)] = {'encodeMs': encode_ms, 'decodeMs': decode_ms, 'codes': [int(c) for c in codes.reshape(-1).tolist()]}
print(json.dumps(results))
