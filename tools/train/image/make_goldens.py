"""Writes PyTorch reference outputs of a jointok-image-base checkpoint for the parity check from Node
(check_parity.mjs) and for the tests of the TypeScript family.

    /usr/bin/python3 tools/train/image/make_goldens.py --checkpoint <run>/last.pt --data /work/train-data/image \\
        --out /work/train-data/image/goldens [--count 31]

For the first `--count` held-out images at the canonical S x S (`--size`, default 256; evaluate.py's
`canonical`), it writes raw little-endian arrays and an index (f = 8, the downsampling):

    input.f32   [N, 3, S, S]      the `to-tensor` output that goes into encoder.onnx
    latent.f32  [N, D, S/f, S/f]  the PyTorch encoder's pre-quantization latent
    codes.i32   [N, S/f, S/f]     FSQ codes of that latent (reference arithmetic, tanh in float64)
    recon.u8    [N, S, S, 3]      the PyTorch decoder's output for those codes, after `to-uint8`
    index.json  shapes, dtypes, levels, source images
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import canonical, load_model, to_tensor, to_uint8  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description='PyTorch goldens of jointok-image-base')
    parser.add_argument('--checkpoint', required=True)
    parser.add_argument('--data', default='/work/train-data/image')
    parser.add_argument('--out', required=True)
    parser.add_argument('--count', type=int, default=1000)
    parser.add_argument('--size', type=int, default=256, help='canonical square size (a multiple of the downsampling)')
    args = parser.parse_args()
    torch.set_num_threads(1)
    model = load_model(args.checkpoint)
    with open(os.path.join(args.data, 'images.json'), encoding='utf-8') as handle:
        records = [r for r in json.load(handle)['images'] if r['split'] == 'heldout'][:args.count]
    with np.load(os.path.join(args.data, 'heldout.npz')) as archive:
        arrays = [archive[k] for k in sorted(archive.files)][:len(records)]
    inputs, latents, codes, recons = [], [], [], []
    with torch.no_grad():
        for rgb in arrays:
            x = to_tensor(canonical(rgb, args.size))
            z = model.encoder(x)
            c = model.fsq.codes(z)
            inputs.append(x.numpy())
            latents.append(z.numpy())
            codes.append(c.to(torch.int32).numpy())
            recons.append(to_uint8(model.decoder(model.fsq.decode_codes(c)))[None])
    os.makedirs(args.out, exist_ok=True)
    arrays_out = {'input.f32': np.concatenate(inputs).astype('<f4'), 'latent.f32': np.concatenate(latents).astype('<f4'),
                  'codes.i32': np.concatenate(codes).astype('<i4'), 'recon.u8': np.concatenate(recons)}
    index = {'levels': model.config['levels'], 'downsample': model.downsample, 'images': [r['path'] for r in records], 'arrays': {}}
    for name, array in arrays_out.items():
        array.tofile(os.path.join(args.out, name))
        index['arrays'][name] = {'shape': list(array.shape), 'dtype': str(array.dtype)}
    with open(os.path.join(args.out, 'index.json'), 'w', encoding='utf-8') as handle:
        json.dump(index, handle, indent=1)
    print(f'wrote {len(records)} images to {args.out}')


if __name__ == '__main__':
    main()
