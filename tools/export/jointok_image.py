"""Exports jointok's own image tokenizer (trained by tools/train/image/train.py) as a model folder.

    /usr/bin/python3 tools/export/jointok_image.py --checkpoint <run>/last.pt \\
        --out packages/image/models/jointok-image-base [--variant base]

Writes encoder.onnx (image -> pre-quantization latent, before FSQ's bound), decoder.onnx (FSQ's decoded
values -> image) and jointok.json, whose `quantizer` is core's `fsq` spec: core computes the codes, so
they are exactly the ones of FSQ's reference arithmetic. FSQ has no weights: no quantizer file. The
exported weights are the checkpoint's exponential moving average (`ema`).
"""

from __future__ import annotations

import os
import subprocess
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, 'tools', 'train', 'image'))
from export_common import export_onnx, file_entry, load_checkpoint, parse_export_args, sha256_file, write_manifest  # noqa: E402
from model import FSQ_EPS, ImageTokenizer  # noqa: E402

VARIANTS = {
    'base': {'name': 'jointok/jointok-image-base', 'canonicalSize': 256},
}
MEAN = [0.5, 0.5, 0.5]
STD = [0.5, 0.5, 0.5]


def git_revision(path: str) -> str:
    """The last commit that touched the training code (what `source.revision` names)."""
    out = subprocess.run(['git', '-C', ROOT, 'log', '-1', '--format=%H', '--', path], capture_output=True, text=True)
    return out.stdout.strip() or 'uncommitted'


def build_manifest(model: ImageTokenizer, variant: dict, checkpoint_path: str, state: dict) -> dict:
    levels = model.config['levels']
    f = model.downsample
    return {
        'name': variant['name'],
        'description': f'jointok\'s built-in image tokenizer: {f}x downsampling, FSQ {levels} '
                       f'({model.fsq.codebook_size} codes), trained on images from Debian packages',
        'modality': 'image',
        'family': 'jointok-fsq',
        'quantizer': {'type': 'fsq', 'levels': levels, 'bound': 'tanh', 'eps': FSQ_EPS, 'channelAxis': 'first'},
        'preprocessing': {'steps': [
            # Any size: padded at the bottom and right (edge pixels repeated) to a multiple of the downsampling.
            {'type': 'pad-to-multiple', 'multiple': f, 'mode': 'replicate', 'anchor': 'top-left'},
            # HWC uint8 -> [1, 3, H, W] float32: (v / 255 - mean) / std, in float32.
            {'type': 'to-tensor', 'mean': MEAN, 'std': STD},
        ]},
        'postprocessing': {'steps': [
            # [1, 3, H, W] float32 -> HWC uint8: round_half_even(clamp((x * std + mean) * 255, 0, 255)).
            {'type': 'to-uint8', 'mean': MEAN, 'std': STD, 'rounding': 'half-to-even'},
            # Back to the input's size: the padding added by pad-to-multiple is cut off.
            {'type': 'crop-padding'},
        ]},
        'codeSpace': {'axes': ['height', 'width'], 'streams': [{'name': 'image', 'codebookSize': model.fsq.codebook_size}]},
        'config': {
            'downsample': f,
            'latentChannels': len(levels),
            'canonicalSize': variant['canonicalSize'],
            'encoder': {'input': 'image', 'output': 'latent'},
            'decoder': {'input': 'quantized', 'output': 'image'},
            'architecture': {**model.config, 'norm': 'GroupNorm', 'activation': 'SiLU'},
            'trainingSteps': state['step'],
        },
        'license': 'Apache-2.0',
        'source': {
            'url': 'tools/train/image/train.py',
            'revision': git_revision('tools/train/image'),
            'citation': 'Mentzer et al., Finite Scalar Quantization: VQ-VAE Made Simple, ICLR 2024 (arXiv:2309.15505)',
            'checkpoint': os.path.basename(checkpoint_path),
            'checkpointSha256': sha256_file(checkpoint_path),
        },
    }


def main() -> None:
    args = parse_export_args('export jointok-image-base (jointok-fsq) to a jointok model folder', list(VARIANTS))
    variant = VARIANTS[args.variant]
    state = load_checkpoint(args.checkpoint)
    config = state['config']
    model = ImageTokenizer(config['levels'], config['widths'], config['blocks'], config['patch'])
    model.load_state_dict(state['ema'])
    model.eval()
    os.makedirs(args.out, exist_ok=True)
    f = model.downsample
    size = variant['canonicalSize']
    example = torch.zeros(1, 3, size, size)
    latent_axes = {0: 'batch', 2: 'tokens_height', 3: 'tokens_width'}
    export_onnx(model.encoder, (example,), os.path.join(args.out, 'encoder.onnx'), ['image'], ['latent'],
                {'image': {0: 'batch', 2: 'height', 3: 'width'}, 'latent': latent_axes}, args.opset)
    quantized = torch.zeros(1, len(config['levels']), size // f, size // f)
    export_onnx(model.decoder, (quantized,), os.path.join(args.out, 'decoder.onnx'), ['quantized'], ['image'],
                {'quantized': latent_axes, 'image': {0: 'batch', 2: 'height', 3: 'width'}}, args.opset)
    files = [file_entry(args.out, 'encoder.onnx', 'encoder'), file_entry(args.out, 'decoder.onnx', 'decoder')]
    write_manifest(args.out, build_manifest(model, variant, args.checkpoint, state), files)
    total = sum(entry['size'] for entry in files)
    print(f'wrote {args.out}: {total / 1e6:.2f} MB of ONNX')


if __name__ == '__main__':
    main()
