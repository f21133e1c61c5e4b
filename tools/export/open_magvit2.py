"""Exports a TencentARC Open-MAGVIT2 image tokenizer (LFQ) as a jointok model folder.

    /usr/bin/python3 tools/export/open_magvit2.py --checkpoint imagenet_256_L.ckpt --out open-magvit2-256 \
        [--variant imagenet_256_L] [--weights auto|ema|raw] [--factorized-bits 9,9]

The checkpoint is the Lightning `.ckpt` as TencentARC publishes it (`{'state_dict': ...}`); SEED-Voken's code
is not needed (tools/export/open_magvit2_model.py reimplements the network with the same names). Weights:
the EMA copy (`model_ema.<parameter name without dots>`, one per encoder/decoder parameter) when the
checkpoint holds it, as the reference's reconstruction and evaluation scripts use it (`--weights auto`, the
default); `--weights raw` takes the optimiser's copy (`encoder.*`, `decoder.*`), which is what the reference's
autoregressive stage loads (`stage: transformer`, `use_ema: False`). `--factorized-bits a,b` describes the
codes as Open-MAGVIT2's token factorization does (two codes per position, of a and b bits: [9, 9] is
`LFQ`'s default, the published AR configurations use [6, 12]). Every tensor's name and shape is checked
before anything is written. The folder holds:

* encoder.onnx   pixel_values float32 [batch, 3, height, width] in [-1, 1] (multiples of f)
                 -> latents float32 [batch, bits, height/f, width/f] (conv_out's output, LFQ's input)
* decoder.onnx   quantized_latents float32 [batch, bits, h, w] (+-1, LFQ's values)
                 -> pixel_values float32 [batch, 3, h*f, w*f] (about [-1, 1])
* jointok.json   manifest: LFQ spec (LSB-first; no weights), the ImageNet recipe (torchvision Resize +
                 CenterCrop, x / 127.5 - 1), postprocessing, code space, config, licence, source

Variants: imagenet_256_L (16x, 256 px), imagenet_128_L (8x, 128 px), pretrain_256_262144 and
pretrain_256_16384 (16x, 256 px, 18 / 14 bits), auto (sizes read from the checkpoint, 32 GroupNorm groups,
image size 16 * f), tiny (jointok's test fixture: shapes from the checkpoint, 2 groups, 64 px).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from export_common import (export_onnx, file_entry, load_checkpoint, parse_export_args, sha256_file,  # noqa: E402
                           write_manifest)
from llamagen import shorten_value_names  # noqa: E402
from open_magvit2_model import (CheckpointMismatch, LatentDecoder, LatentEncoder, Magvit2Config, Magvit2Model,  # noqa: E402
                                infer_config, load_model, state_dict_of)

CODE_URL = 'https://github.com/TencentARC/SEED-Voken'
CITATION = ('Zhuoyan Luo, Fengyuan Shi, Yixiao Ge, Yujiu Yang, Limin Wang, Ying Shan. Open-MAGVIT2: An Open-Source '
            'Project Toward Democratizing Auto-regressive Visual Generation. arXiv:2409.04410, 2024.')
LICENSE = 'Apache-2.0'


@dataclass(frozen=True)
class Variant:
    description: str
    # None: read the sizes from the checkpoint's tensor shapes.
    config: Optional[Magvit2Config]
    image_size: Optional[int]
    checkpoint_url: Optional[str] = None
    norm_groups: int = 32


LARGE_16 = Magvit2Config(ch_mult=(1, 1, 2, 2, 4))
VARIANTS: Dict[str, Variant] = {
    'imagenet_256_L': Variant('Open-MAGVIT2 image tokenizer (ImageNet 256, 16x, LFQ 2^18)', LARGE_16, 256,
                              'https://huggingface.co/TencentARC/Open-MAGVIT2-Tokenizer-256-resolution'),
    'imagenet_128_L': Variant('Open-MAGVIT2 image tokenizer (ImageNet 128, 8x, LFQ 2^18)', Magvit2Config(ch_mult=(1, 2, 2, 4)), 128,
                              'https://huggingface.co/TencentARC/Open-MAGVIT2-Tokenizer-128-resolution'),
    'pretrain_256_262144': Variant('Open-MAGVIT2 pretrained image tokenizer (100M images, 256, 16x, LFQ 2^18)', LARGE_16, 256,
                                   'https://huggingface.co/TencentARC/Open-MAGVIT2-Tokenizer-262144-Pretrain'),
    'pretrain_256_16384': Variant('Open-MAGVIT2 pretrained image tokenizer (100M images, 256, 16x, LFQ 2^14)',
                                  Magvit2Config(ch_mult=(1, 1, 2, 2, 4), z_channels=14), 256,
                                  'https://huggingface.co/TencentARC/Open-MAGVIT2-Tokenizer-16384-Pretrain'),
    'auto': Variant('Open-MAGVIT2 image tokenizer (sizes read from the checkpoint)', None, None),
    'tiny': Variant('Tiny random-weight Open-MAGVIT2-architecture tokenizer (jointok test fixture)', None, 64, norm_groups=2),
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument('--weights', choices=['auto', 'ema', 'raw'], default='auto',
                        help='checkpoint copy: EMA when present (auto), EMA required, or the raw weights (default: %(default)s)')
    parser.add_argument('--factorized-bits', default=None,
                        help='token factorization: comma-separated bit counts per code, summing to the LFQ bits (e.g. 9,9)')


def factorized_bits(text: Optional[str], bits: int) -> Optional[List[int]]:
    if text is None:
        return None
    try:
        parts = [int(p) for p in text.split(',')]
    except ValueError:
        raise ValueError(f'--factorized-bits {text!r}: expected comma-separated integers') from None
    if len(parts) < 2 or any(p < 1 for p in parts) or sum(parts) != bits:
        raise ValueError(f'--factorized-bits {text!r}: two or more positive bit counts summing to {bits}')
    return parts


def preprocessing(image_size: int) -> Dict[str, Any]:
    """ImagePaths.preprocess_image: torchvision Resize(size) (bilinear, on the PIL image), CenterCrop((size, size)),
    then np.array(image) / 127.5 - 1.0 in float64, stored as float32 (equal to (x / 255 - 0.5) / 0.5 in
    float64 for all 256 byte values, checked by the fixture script)."""
    return {'steps': [{'type': 'resize-torchvision', 'size': image_size, 'filter': 'bilinear'},
                      {'type': 'center-crop', 'width': image_size, 'height': image_size, 'offsets': 'round'},
                      {'type': 'to-tensor', 'mean': [0.5, 0.5, 0.5], 'std': [0.5, 0.5, 0.5], 'arithmetic': 'float64'}]}


def postprocessing() -> Dict[str, Any]:
    """custom_to_pil: clamp(x, -1, 1), (x + 1) / 2, (255 * x).astype(uint8), in float32."""
    return {'steps': [{'type': 'to-uint8', 'mean': [0.5, 0.5, 0.5], 'std': [0.5, 0.5, 0.5], 'clamp': [0, 1],
                       'scale': 255, 'offset': 0, 'rounding': 'truncate'}]}


def quantizer_spec(config: Magvit2Config, parts: Optional[List[int]]) -> Dict[str, Any]:
    """core's `lfq` spec for Open-MAGVIT2's LFQ: bit d = (z_d > 0), channel 0 the least significant bit,
    channel-first latents [B, bits, h, w] in; codes [B, h, w], or [B, parts, h, w] when factorized."""
    spec: Dict[str, Any] = {'type': 'lfq', 'codebookSize': config.codebook_size, 'bitOrder': 'lsb-first', 'channelAxis': 'first'}
    if parts is not None:
        spec['factorizedBits'] = parts
        spec['indexLayout'] = 'streams-after-batch'
    return spec


def code_space(config: Magvit2Config, grid: int, parts: Optional[List[int]]) -> Dict[str, Any]:
    if parts is None:
        return {'axes': ['height', 'width'], 'sizes': [grid, grid], 'streams': [{'name': 'image', 'codebookSize': config.codebook_size}]}
    names = ['pre', 'post'] if len(parts) == 2 else [f'part{i}' for i in range(len(parts))]
    return {'axes': ['streams', 'height', 'width'], 'sizes': [len(parts), grid, grid],
            'streams': [{'name': n, 'codebookSize': 2 ** p} for n, p in zip(names, parts)]}


def resolve(name: str, state: Mapping[str, torch.Tensor]) -> Magvit2Config:
    variant = VARIANTS[name]
    return variant.config if variant.config is not None else infer_config(state, variant.norm_groups)


def build_model(name: str, state: Mapping[str, torch.Tensor], weights: str) -> tuple:
    try:
        return load_model(state, resolve(name, state), weights, f'variant {name}')
    except CheckpointMismatch as error:
        hint = ''
        if VARIANTS[name].config is not None:
            try:
                found = infer_config(state)
                hint = f' (the checkpoint looks like {found.downsample}x downsampling, {found.z_channels} bits, ch_mult {found.ch_mult}; try --variant auto)'
            except CheckpointMismatch:
                pass
        raise CheckpointMismatch(f'{error}{hint}') from None


def export_folder(model: Magvit2Model, out: str, name: str, weights: str, parts: Optional[List[int]],
                  checkpoint_sha256: str, opset: int) -> Dict[str, Any]:
    variant = VARIANTS[name]
    config = model.config
    factor = config.downsample
    size = variant.image_size or 16 * factor
    grid = size // factor
    os.makedirs(out, exist_ok=True)
    encoder_path, decoder_path = os.path.join(out, 'encoder.onnx'), os.path.join(out, 'decoder.onnx')
    # Traced at a non-square size so that no height/width confusion can hide; both axes are dynamic.
    export_onnx(LatentEncoder(model), (torch.zeros(1, 3, 2 * factor, 3 * factor),), encoder_path, ['pixel_values'], ['latents'],
                {'pixel_values': {0: 'batch', 2: 'height', 3: 'width'}, 'latents': {0: 'batch', 2: 'latent_height', 3: 'latent_width'}}, opset)
    shorten_value_names(encoder_path)
    export_onnx(LatentDecoder(model), (torch.ones(1, config.z_channels, 2, 3),), decoder_path, ['quantized_latents'], ['pixel_values'],
                {'quantized_latents': {0: 'batch', 2: 'latent_height', 3: 'latent_width'}, 'pixel_values': {0: 'batch', 2: 'height', 3: 'width'}}, opset)
    shorten_value_names(decoder_path)
    suffix = '' if parts is None else '-factorized-' + '-'.join(str(p) for p in parts)
    manifest = {
        'name': f'jointok/open-magvit2-{name.replace("_", "-").lower()}{suffix}',
        'description': variant.description + ('' if parts is None else f', token factorization {parts}'),
        'modality': 'image',
        'family': 'open-magvit2',
        'quantizer': quantizer_spec(config, parts),
        'preprocessing': preprocessing(size),
        'postprocessing': postprocessing(),
        'codeSpace': code_space(config, grid, parts),
        'config': {'downsample': factor, 'latentChannels': config.z_channels, 'imageSize': size, 'weights': weights,
                   'architecture': config.as_dict()},
        'license': LICENSE,
        'source': {'url': variant.checkpoint_url or CODE_URL, 'revision': f'sha256:{checkpoint_sha256}', 'citation': CITATION},
    }
    files = [file_entry(out, 'encoder.onnx', 'encoder'), file_entry(out, 'decoder.onnx', 'decoder')]
    return write_manifest(out, manifest, files)


def main() -> None:
    args = parse_export_args(__doc__.split('\n\n')[0], list(VARIANTS), 'imagenet_256_L', configure)
    checkpoint = load_checkpoint(args.checkpoint)
    try:
        model, copy = build_model(args.variant, state_dict_of(checkpoint), args.weights)
        parts = factorized_bits(args.factorized_bits, model.config.z_channels)
    except (CheckpointMismatch, ValueError) as error:
        sys.exit(f'open_magvit2.py: {args.checkpoint}: {error}')
    del checkpoint
    manifest = export_folder(model, args.out, args.variant, copy, parts, sha256_file(args.checkpoint), args.opset)
    print(f'weights: {copy} copy')
    for entry in manifest['files']:
        print(f"{entry['path']}: {entry['size']} bytes")


if __name__ == '__main__':
    main()
