"""Writes the committed parity goldens of the shipped jointok-image-base (the `jointok-image-family-golden/1`
format that @jointok/image's family suite reads), from the training checkpoint, on the package's sample
photos (packages/image/src/__fixtures__/photos: scikit-image's, see SOURCES.md there):

    /usr/bin/python3 tools/train/image/make_family_goldens.py --checkpoint /work/train-data/image/run-base/last.pt

into packages/image/src/families/jointok-fsq/__fixtures__/golden/. For each photo: the model folder's
recipe in PyTorch (alpha dropped as read_image does, replicate padding to a multiple of 8 at the bottom and
right, (v / 255 - 0.5) / 0.5), the encoder's latents, the FSQ codes in the reference arithmetic (tanh in
float64, as core's thresholds), the positions that sit within 1e-4 of a rounding boundary (fragile), the
FSQ values of the codes, and the decoder's pixels after `to-uint8` and unpadding. Running it again on the
same checkpoint gives identical bytes. (tools/train/image/make_goldens.py writes the larger held-out set
that check-parity.mjs reads; these are the few that ship with the repository's tests.)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from typing import Any, Dict, List

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import load_model, to_tensor, to_uint8  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
OUT = os.path.join(ROOT, 'packages', 'image', 'src', 'families', 'jointok-fsq', '__fixtures__')
PHOTOS = os.path.join(ROOT, 'packages', 'image', 'src', '__fixtures__', 'photos')
# Relative to OUT: the shipped model folder itself is what the tests load.
MODEL = '../../../../models/jointok-image-base'
FRAGILE_MARGIN = 1e-4
CASES = [
    ('astronaut-160x128.png', 'multiples of 8: no padding'),
    ('chelsea-151x100.png', 'padded to 152x104 at the right and bottom (replicate)'),
    ('coffee-alpha-120x90.png', 'RGBA: alpha dropped as read_image does; padded to 120x96'),
    ('rocket-64x96.jpg', 'JPEG (Pillow decode), multiples of 8'),
]


def floats(tensor: torch.Tensor) -> List[float]:
    # float32 -> float64 is exact and Python's repr round-trips, so the JSON keeps every bit.
    return [float(v) for v in tensor.detach().float().reshape(-1).tolist()]


def golden_case(model: Any, photo: str, why: str) -> Dict[str, Any]:
    name = photo.split('-')[0] + ('-alpha' if '-alpha' in photo else '')
    rgb = np.asarray(Image.open(os.path.join(PHOTOS, photo)).convert('RGB'))
    height, width = rgb.shape[:2]
    multiple = model.downsample
    bottom, right = (-height) % multiple, (-width) % multiple
    padded = np.pad(rgb, ((0, bottom), (0, right), (0, 0)), mode='edge')
    pixels = to_tensor(padded)
    with torch.no_grad():
        latents = model.encoder(pixels)
        codes = model.fsq.codes(latents)
        quantized = model.fsq.decode_codes(codes)
        decoded = model.decoder(quantized)
        bounded = model.fsq.bound(latents, exact=True).double()
    # Distance of each bounded value from the nearest x.5 rounding boundary; a code is fragile when one of
    # its channels sits closer than FRAGILE_MARGIN (float32 rounding in another runtime may flip it).
    gaps = (bounded - torch.floor(bounded) - 0.5).abs().amin(1).reshape(-1).numpy()
    out = np.ascontiguousarray(to_uint8(decoded)[:height, :width])
    decoded_file = f'golden/{name}.decoded.u8'
    out.tofile(os.path.join(OUT, decoded_file))
    return {
        'name': name,
        'input': f'../../../__fixtures__/photos/{photo}',
        'why': why,
        'padding': {'top': 0, 'left': 0, 'bottom': int(bottom), 'right': int(right), 'width': int(width), 'height': int(height)},
        'tensorDims': list(pixels.shape),
        'tensorSha256': hashlib.sha256(pixels.numpy().astype('<f4').tobytes()).hexdigest(),
        'latents': {'dtype': 'float32', 'shape': list(latents.shape), 'data': floats(latents)},
        'codes': {'dtype': 'int32', 'shape': list(codes.shape), 'data': [int(c) for c in codes.reshape(-1).tolist()]},
        'minMargin': float(np.float32(gaps.min())),
        'fragile': [int(i) for i in np.nonzero(gaps < FRAGILE_MARGIN)[0]],
        'quantized': {'dtype': 'float32', 'shape': list(quantized.shape), 'data': floats(quantized)},
        'decoded': {'file': decoded_file, 'dtype': 'uint8', 'shape': list(out.shape)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description='committed parity goldens of jointok-image-base')
    parser.add_argument('--checkpoint', required=True)
    args = parser.parse_args()
    torch.set_num_threads(1)
    model = load_model(args.checkpoint)
    os.makedirs(os.path.join(OUT, 'golden'), exist_ok=True)
    with open(args.checkpoint, 'rb') as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    cases = [golden_case(model, photo, why) for photo, why in CASES]
    index = {
        'format': 'jointok-image-family-golden/1',
        'generator': 'tools/train/image/make_family_goldens.py',
        'reference': f'torch {torch.__version__}, Pillow {Image.__version__}, numpy {np.__version__}; CPU, 1 thread, float32 network, '
                     'FSQ tanh in float64',
        'model': MODEL,
        'checkpointSha256': digest,
        'fragileMargin': FRAGILE_MARGIN,
        'cases': cases,
    }
    with open(os.path.join(OUT, 'golden', 'index.json'), 'w', encoding='utf-8') as handle:
        json.dump(index, handle, indent=1)
        handle.write('\n')
    fragile = sum(len(case['fragile']) for case in cases)
    total = sum(len(case['codes']['data']) for case in cases)
    print(f'{len(cases)} cases, {total} codes, {fragile} fragile (margin < {FRAGILE_MARGIN}); smallest margin '
          f"{min(c['minMargin'] for c in cases):.2e}")


if __name__ == '__main__':
    main()
