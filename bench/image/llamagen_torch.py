"""PyTorch side of bench/image/llamagen.mjs (spawned by it; /usr/bin/python3 with torch, numpy, onnx, Pillow).

  python3 llamagen_torch.py build DIR               a seeded random-weight VQ-16 of the published size,
                                                    saved as LlamaGen publishes it (DIR/vq_ds16_random.pt),
                                                    exported by tools/export/llamagen.py to DIR/model,
                                                    with a 256x256 input and torch's outputs for it
  python3 llamagen_torch.py bench DIR THREADS RUNS  times PyTorch eager on THREADS CPU threads; prints JSON

The input is the astronaut photo of the LlamaGen fixture through center_crop_arr(256) and ToTensor +
Normalize (DIR/input.f32, float32 [1, 3, 256, 256]); DIR/reference.json holds torch's codes and the
decoded image's uint8 pixels are in DIR/decoded.u8 ([256, 256, 3], LlamaGen's postprocessing).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np
import torch
from PIL import Image

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'tools', 'export'))
sys.path.insert(0, os.path.join(ROOT, 'tools', 'fixtures', 'image'))

from llamagen_reference import center_crop_arr, llamagen_uint8, to_tensor  # noqa: E402
from llamagen_vq import VqConfig, VqModel, load_model, published_state_dict, randomize, state_dict_of  # noqa: E402

SEED = 1234
SIZE = 256
PHOTO = os.path.join(ROOT, 'packages', 'image', 'src', 'families', 'llamagen', '__fixtures__', 'inputs', 'astronaut.png')
CHECKPOINT = 'vq_ds16_random.pt'


def build(directory: str) -> None:
    os.makedirs(directory, exist_ok=True)
    checkpoint = os.path.join(directory, CHECKPOINT)
    model = randomize(VqModel(VqConfig()), SEED)
    torch.save({'model': published_state_dict(model)}, checkpoint)
    subprocess.run([sys.executable, os.path.join(ROOT, 'tools', 'export', 'llamagen.py'), '--checkpoint', checkpoint,
                    '--out', os.path.join(directory, 'model'), '--variant', 'vq-16'], check=True)
    pixels = to_tensor(center_crop_arr(Image.open(PHOTO).convert('RGB'), SIZE))
    pixels.numpy().astype('<f4').tofile(os.path.join(directory, 'input.f32'))
    with torch.no_grad():
        latents = model.encode_latents(pixels)
        codes = model.quantize_latents(latents)
        decoded = model.decode_latents(model.lookup(codes))
    llamagen_uint8(decoded).tofile(os.path.join(directory, 'decoded.u8'))
    with open(os.path.join(directory, 'reference.json'), 'w') as handle:
        json.dump({'shape': list(pixels.shape), 'codes': codes.reshape(-1).tolist(), 'codesShape': list(codes.shape),
                   'latents': latents.reshape(-1).tolist(), 'latentsShape': list(latents.shape)}, handle)


def median_ms(action, runs: int) -> float:
    action()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench(directory: str, threads: int, runs: int) -> None:
    torch.set_num_threads(threads)
    state = state_dict_of(torch.load(os.path.join(directory, CHECKPOINT), map_location='cpu'))
    model = load_model(state, VqConfig(), 'bench')
    pixels = torch.from_numpy(np.fromfile(os.path.join(directory, 'input.f32'), dtype='<f4').reshape(1, 3, SIZE, SIZE))
    with torch.no_grad():
        codes = model.quantize_latents(model.encode_latents(pixels))

        def encode():
            return model.quantize_latents(model.encode_latents(pixels))

        def decode(given=codes):
            return model.decode_latents(model.lookup(given))

        def png_round_trip():
            # End to end from the file, as LlamaGen's scripts do it: open, center_crop_arr, ToTensor+Normalize,
            # encode, decode, clamp(127.5x + 128).to(uint8).
            image = to_tensor(center_crop_arr(Image.open(PHOTO).convert('RGB'), SIZE))
            return llamagen_uint8(decode(encode_pixels(image)))

        def encode_pixels(image):
            return model.quantize_latents(model.encode_latents(image))

        result = {'threads': threads, 'runs': runs, 'encodeMs': median_ms(encode, runs), 'decodeMs': median_ms(decode, runs),
                  'roundTripMs': median_ms(lambda: decode(encode()), runs), 'pngRoundTripMs': median_ms(png_round_trip, runs)}
    print(json.dumps(result))


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else ''
    if command == 'build' and len(sys.argv) == 3:
        build(sys.argv[2])
    elif command == 'bench' and len(sys.argv) == 5:
        bench(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
