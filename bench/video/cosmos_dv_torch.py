"""PyTorch side of bench/video/cosmos-dv.mjs: builds the full-size random-weight Cosmos DV8x16x16 and times it.

    /usr/bin/python3 bench/video/cosmos_dv_torch.py build DIR
    /usr/bin/python3 bench/video/cosmos_dv_torch.py bench DIR THREADS RUNS

`build` makes the published architecture (112M parameters) with seeded random weights, exports it with
tools/export/cosmos_dv.py's export_folder into DIR/model, saves the weights for the torch side, and writes the
input clip (17 frames of the committed pan over a CC0 photo, resized to 128x128 with Pillow) as float32
[1, 3, 17, 128, 128] in [-1, 1] (DIR/input.f32) with torch's codes (DIR/reference.json).
`bench` prints JSON: median milliseconds of encode (encoder, quant_conv, FSQ) and decode (FSQ values,
post_quant_conv, decoder) in eager mode at THREADS threads, after a warm-up.
"""

import json
import os
import statistics
import sys
import time

import numpy as np
import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'tools', 'export'))
sys.path.insert(0, os.path.join(ROOT, 'tools', 'fixtures', 'video'))

from cosmos_dv_model import CosmosDiscreteVideo, DvConfig  # noqa: E402

FRAMES, SIZE = 17, 128


def model_of(directory: str) -> CosmosDiscreteVideo:
    model = CosmosDiscreteVideo(DvConfig(spatial_compression=16, temporal_compression=8)).eval()
    model.load_state_dict(torch.load(os.path.join(directory, 'weights.pt')), strict=True)
    return model


def build(directory: str) -> None:
    from PIL import Image
    from cosmos_dv import export_folder
    from make_cosmos_dv_fixture import randomize, to_tensor

    os.makedirs(directory, exist_ok=True)
    model = CosmosDiscreteVideo(DvConfig(spatial_compression=16, temporal_compression=8)).eval()
    randomize(model, 7)
    torch.save(model.state_dict(), os.path.join(directory, 'weights.pt'))
    export_folder(model, os.path.join(directory, 'model'), 'DV8x16x16', 'random-weights', 17)
    clips = os.path.join(ROOT, 'packages', 'video', 'src', '__fixtures__', 'clips')
    rgb = np.fromfile(os.path.join(clips, 'pan-chelsea-420.rgb24'), dtype=np.uint8).reshape(20, 32, 48, 3)
    frames = np.stack([np.asarray(Image.fromarray(f).resize((SIZE, SIZE), Image.BICUBIC)) for f in rgb[:FRAMES]])
    pixels = to_tensor(frames[None])
    pixels.numpy().astype('<f4').tofile(os.path.join(directory, 'input.f32'))
    with torch.no_grad():
        codes, _ = model.quantizer(model.encode_latents(pixels))
    with open(os.path.join(directory, 'reference.json'), 'w') as handle:
        json.dump({'shape': list(pixels.shape), 'codes': codes.reshape(-1).tolist(), 'codesShape': list(codes.shape)}, handle)


def bench(directory: str, threads: int, runs: int) -> None:
    torch.set_num_threads(threads)
    model = model_of(directory)
    shape = json.load(open(os.path.join(directory, 'reference.json')))['shape']
    pixels = torch.from_numpy(np.fromfile(os.path.join(directory, 'input.f32'), dtype='<f4').reshape(shape))

    def timed(fn):
        fn()
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)

    with torch.no_grad():
        encode = lambda: model.quantizer(model.encode_latents(pixels))  # noqa: E731
        codes, values = encode()
        result = {'encodeMs': timed(encode), 'decodeMs': timed(lambda: model.decode_latents(model.quantizer.decode(codes)))}
    print(json.dumps(result))


if __name__ == '__main__':
    if sys.argv[1] == 'build':
        build(sys.argv[2])
    else:
        bench(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
