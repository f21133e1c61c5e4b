"""Exports an NVIDIA Cosmos DI (discrete image) tokenizer as a jointok model folder.

    /usr/bin/python3 tools/export/cosmos_di.py --checkpoint Cosmos-0.1-Tokenizer-DI16x16 --out cosmos-di16x16 [--variant DI16x16]

`--checkpoint` is the folder NVIDIA publishes (`autoencoder.jit`, `encoder.jit`, `decoder.jit`) or one of
those files: `autoencoder.jit` alone holds every weight; otherwise `encoder.jit` and `decoder.jit` are read
together. Their tensors are read by name (`torch.jit.load(...).state_dict()`, as Cosmos' own `--mode=torch`
does); Cosmos' code is not needed (tools/export/cosmos_di_model.py reimplements the network with the same
names). Every tensor's name and shape is checked, and the FSQ levels and Haar filters the files hold, before
anything is written. The folder holds:

* encoder.onnx   pixel_values float32 [batch, 3, height, width] in [-1, 1], height and width multiples of 16
                 -> latents float32 [batch, 6, height/f, width/f]: quant_conv's output, FSQ's input (before
                 its tanh bound); the Haar patcher's filters are constants of the graph
* decoder.onnx   quantized_latents float32 [batch, 6, h, w]: FSQ's decoded values (k/4 or k/2, exact in
                 bfloat16) -> pixel_values float32 [batch, 3, h*f, w*f] (about [-1, 1])
* jointok.json   manifest: FSQ spec (no weights), Cosmos' padding recipe and postprocessing, code space,
                 config, licence, source (the checkpoint files' sha256)

Variants: DI8x8, DI16x16 (the published models: 128 channels, multipliers (2, 4, 4), 2 residual blocks,
z 256, FSQ (8, 8, 8, 5, 5, 5), Haar patch 4), auto (any Cosmos DI: sizes read from the tensors, 32
GroupNorm groups as Cosmos hard-codes), tiny (jointok's test fixture: shapes from the files, 2 groups).
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cosmos_di_model import (DECODER_FILE_PREFIXES, ENCODER_FILE_PREFIXES, CheckpointMismatch,  # noqa: E402
                             CosmosConfig, CosmosDiscreteImage, LatentDecoder, LatentEncoder, infer_config,
                             load_model, rename)
from export_common import export_onnx, file_entry, parse_export_args, sha256_file, write_manifest  # noqa: E402
from llamagen import shorten_value_names  # noqa: E402

CODE_URL = 'https://github.com/NVIDIA/Cosmos-Tokenizer'
CITATION = ('NVIDIA. Cosmos World Foundation Model Platform for Physical AI. arXiv:2501.03575, 2025. '
            'Cosmos Tokenizer: https://github.com/NVIDIA/Cosmos-Tokenizer')
LICENSE = 'NVIDIA Open Model License (weights); Apache-2.0 (code)'
# Cosmos' pad_image_batch aligns every image to 16 pixels, whatever the model's compression.
SPATIAL_ALIGN = 16
JIT_FILES = ('autoencoder.jit', 'encoder.jit', 'decoder.jit')


@dataclass(frozen=True)
class Variant:
    description: str
    # None: read the sizes from the files' tensors.
    config: Optional[CosmosConfig]
    checkpoint_url: Optional[str] = None
    norm_groups: int = 32


VARIANTS: Dict[str, Variant] = {
    'DI8x8': Variant('NVIDIA Cosmos-0.1-Tokenizer-DI8x8: discrete image tokenizer, 8x8 compression, FSQ 64000 codes',
                     CosmosConfig(spatial_compression=8), 'https://huggingface.co/nvidia/Cosmos-0.1-Tokenizer-DI8x8'),
    'DI16x16': Variant('NVIDIA Cosmos-0.1-Tokenizer-DI16x16: discrete image tokenizer, 16x16 compression, FSQ 64000 codes',
                       CosmosConfig(spatial_compression=16), 'https://huggingface.co/nvidia/Cosmos-0.1-Tokenizer-DI16x16'),
    'auto': Variant('Cosmos DI discrete image tokenizer (sizes read from the checkpoint)', None),
    'tiny': Variant('Tiny random-weight Cosmos-DI-architecture tokenizer (jointok test fixture)', None, norm_groups=2),
}


def jit_state_dict(path: str) -> Dict[str, torch.Tensor]:
    """The tensors of a TorchScript file by name (parameters and buffers, as `ScriptModule.state_dict()`)."""
    module = torch.jit.load(path, map_location='cpu')
    return {name: tensor.detach().clone() for name, tensor in module.state_dict().items()}


def checkpoint_files(path: str) -> List[str]:
    """The TorchScript files to read for `--checkpoint`: autoencoder.jit if the folder has it, else
    encoder.jit and decoder.jit."""
    folder = path if os.path.isdir(path) else os.path.dirname(path) or '.'
    if not os.path.isdir(path) and os.path.basename(path) not in JIT_FILES:
        return [path]  # a renamed autoencoder file
    if os.path.basename(path) == 'autoencoder.jit' or (os.path.isdir(path) and os.path.exists(os.path.join(folder, 'autoencoder.jit'))):
        return [os.path.join(folder, 'autoencoder.jit')]
    pair = [os.path.join(folder, 'encoder.jit'), os.path.join(folder, 'decoder.jit')]
    missing = [p for p in pair if not os.path.exists(p)]
    if missing:
        raise FileNotFoundError(f'{path}: no autoencoder.jit, and {", ".join(missing)} missing')
    return pair


def read_checkpoint(path: str) -> Tuple[Dict[str, torch.Tensor], List[str]]:
    """The model's state dict (this module tree's names) from the published file(s), and the files read."""
    files = checkpoint_files(path)
    if len(files) == 1:
        return jit_state_dict(files[0]), files
    state = rename(jit_state_dict(files[0]), ENCODER_FILE_PREFIXES, os.path.basename(files[0]))
    decoder = rename(jit_state_dict(files[1]), DECODER_FILE_PREFIXES, os.path.basename(files[1]))
    for name, tensor in decoder.items():
        # The quantizer's buffers are in both files; they must agree.
        if name in state and not torch.equal(state[name], tensor):
            raise CheckpointMismatch(f'{name} differs between encoder.jit and decoder.jit')
        state[name] = tensor
    return state, files


def files_digest(files: List[str]) -> str:
    """sha256 of the one checkpoint file, or of the concatenated per-file digests (name order)."""
    if len(files) == 1:
        return sha256_file(files[0])
    joined = ''.join(f'{os.path.basename(f)}:{sha256_file(f)}\n' for f in files)
    return hashlib.sha256(joined.encode('utf-8')).hexdigest()


def build_model(name: str, state: Mapping[str, torch.Tensor]) -> CosmosDiscreteImage:
    variant = VARIANTS[name]
    config = variant.config if variant.config is not None else infer_config(state, variant.norm_groups)
    try:
        return load_model(state, config, f'variant {name}')
    except CheckpointMismatch as error:
        hint = ''
        if variant.config is not None:
            try:
                found = infer_config(state)
                hint = f' (the files look like {found.spatial_compression}x{found.spatial_compression} compression with ' \
                       f'{found.channels} channels; try --variant auto)'
            except CheckpointMismatch:
                pass
        raise CheckpointMismatch(f'{error}{hint}') from None


def preprocessing() -> Dict[str, Any]:
    """Cosmos' ImageTokenizer.forward: pad_image_batch (zeros to multiples of 16, top/left get pad // 2),
    numpy2tensor (x / 255 * 2 - 1 in float64, then the model's dtype)."""
    return {'steps': [{'type': 'pad-to-multiple', 'multiple': SPATIAL_ALIGN},
                      {'type': 'to-tensor', 'mean': [0.5, 0.5, 0.5], 'std': [0.5, 0.5, 0.5], 'arithmetic': 'float64'}]}


def postprocessing() -> Dict[str, Any]:
    """tensor2numpy: ((x + 1) / 2).clamp(0, 1) * 255 + 0.5 cast to uint8 (float32), then unpad_image_batch."""
    return {'steps': [{'type': 'to-uint8', 'mean': [0.5, 0.5, 0.5], 'std': [0.5, 0.5, 0.5], 'clamp': [0, 1],
                       'scale': 255, 'offset': 0.5, 'rounding': 'truncate'},
                      {'type': 'crop-padding'}]}


def quantizer_spec(config: CosmosConfig) -> Dict[str, Any]:
    """core's `fsq` spec for Cosmos' FSQuantizer: tanh bound, bfloat16 decoded values (the reference's
    default `dtype`), channel-first latents [B, 6, h, w] in, codes [B, h, w] out."""
    return {'type': 'fsq', 'levels': list(config.levels), 'bound': 'tanh', 'outputDtype': 'bfloat16', 'channelAxis': 'first'}


def export_folder(model: CosmosDiscreteImage, out: str, name: str, checkpoint_sha256: str, opset: int) -> Dict[str, Any]:
    variant = VARIANTS[name]
    config = model.config
    factor = config.spatial_compression
    os.makedirs(out, exist_ok=True)
    # Traced at a non-square size so that no height/width confusion can hide; both axes are dynamic.
    example = torch.zeros(1, 3, 2 * SPATIAL_ALIGN, 3 * SPATIAL_ALIGN)
    encoder_path, decoder_path = os.path.join(out, 'encoder.onnx'), os.path.join(out, 'decoder.onnx')
    export_onnx(LatentEncoder(model), (example,), encoder_path, ['pixel_values'], ['latents'],
                {'pixel_values': {0: 'batch', 2: 'height', 3: 'width'},
                 'latents': {0: 'batch', 2: 'latent_height', 3: 'latent_width'}}, opset)
    shorten_value_names(encoder_path)
    latent = torch.zeros(1, config.embedding_dim, 2 * SPATIAL_ALIGN // factor, 3 * SPATIAL_ALIGN // factor)
    export_onnx(LatentDecoder(model), (latent,), decoder_path, ['quantized_latents'], ['pixel_values'],
                {'quantized_latents': {0: 'batch', 2: 'latent_height', 3: 'latent_width'},
                 'pixel_values': {0: 'batch', 2: 'height', 3: 'width'}}, opset)
    shorten_value_names(decoder_path)

    manifest = {
        'name': f'jointok/cosmos-{name.lower()}',
        'description': variant.description,
        'modality': 'image',
        'family': 'cosmos-di',
        'quantizer': quantizer_spec(config),
        'preprocessing': preprocessing(),
        'postprocessing': postprocessing(),
        'codeSpace': {'axes': ['height', 'width'], 'streams': [{'name': 'image', 'codebookSize': config.codebook_size}]},
        'config': {'downsample': factor, 'spatialAlign': SPATIAL_ALIGN, 'latentChannels': config.embedding_dim,
                   'architecture': config.as_dict()},
        'license': LICENSE,
        'source': {'url': variant.checkpoint_url or CODE_URL, 'revision': f'sha256:{checkpoint_sha256}', 'citation': CITATION},
    }
    files = [file_entry(out, 'encoder.onnx', 'encoder'), file_entry(out, 'decoder.onnx', 'decoder')]
    return write_manifest(out, manifest, files)


def main() -> None:
    args = parse_export_args(__doc__.split('\n\n')[0], list(VARIANTS), 'DI16x16')
    try:
        state, files = read_checkpoint(args.checkpoint)
        model = build_model(args.variant, state)
    except (CheckpointMismatch, FileNotFoundError, RuntimeError, ValueError) as error:
        sys.exit(f'cosmos_di.py: {args.checkpoint}: {error}')
    manifest = export_folder(model, args.out, args.variant, files_digest(files), args.opset)
    for entry in manifest['files']:
        print(f"{entry['path']}: {entry['size']} bytes")


if __name__ == '__main__':
    main()
