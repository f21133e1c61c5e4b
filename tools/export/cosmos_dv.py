"""Exports an NVIDIA Cosmos DV (causal discrete video) tokenizer as a jointok model folder.

    /usr/bin/python3 tools/export/cosmos_dv.py --checkpoint Cosmos-0.1-Tokenizer-DV8x16x16 --out cosmos-dv8x16x16 [--variant DV8x16x16]

`--checkpoint` is the folder NVIDIA publishes (`autoencoder.jit`, `encoder.jit`, `decoder.jit`) or one of
those files: `autoencoder.jit` alone holds every weight; otherwise `encoder.jit` and `decoder.jit` are read
together. Their tensors are read by name (`torch.jit.load(...).state_dict()`, as Cosmos' own `--mode=torch`
does); Cosmos' code is not needed (tools/export/cosmos_dv_model.py reimplements the network with the same
names, checked equal to NVIDIA's code on random weights). Every tensor's name and shape is checked, and the
FSQ levels and Haar filters the files hold, before anything is written. The folder holds:

* encoder.onnx   pixel_values float32 [batch, 3, frames, height, width] in [-1, 1]; frames = 1 + k·T (T the
                 temporal compression), height and width multiples of the spatial compression S
                 -> latents float32 [batch, 6, 1 + k, height/S, width/S]: quant_conv's output (FSQ's input)
* decoder.onnx   quantized_latents float32 [batch, 6, t, h, w] (FSQ values, exact in bfloat16)
                 -> pixel_values float32 [batch, 3, 1 + (t - 1)·T, h·S, w·S] (about [-1, 1])
* jointok.json   manifest: FSQ spec (no weights), Cosmos' per-frame recipe (pad to 16, x / 255 · 2 − 1 in
                 float64) and postprocessing (tensor2numpy, unpad), code space [time, height, width],
                 temporal chunking (windows of 17 frames padded to 1 + 8k), licence, source

Variants: DV4x8x8, DV8x8x8, DV8x16x16 (the published models: 128 channels, multipliers (2, 4, 4), 2 residual
blocks, z 16, FSQ (8, 8, 8, 5, 5, 5), Haar patch 4, factorized layers); tiny-8x16x16, tiny-4x8x8 (jointok's
test fixtures: sizes read from the files, compression as named).
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cosmos_dv_model import (DECODER_FILE_PREFIXES, ENCODER_FILE_PREFIXES, CheckpointMismatch,  # noqa: E402
                             CosmosDiscreteVideo, DvConfig, LatentDecoder, LatentEncoder, infer_config, load_model, rename)
from export_common import export_onnx, file_entry, parse_export_args, sha256_file, write_manifest  # noqa: E402
from llamagen import shorten_value_names  # noqa: E402

CODE_URL = 'https://github.com/NVIDIA/Cosmos-Tokenizer'
CITATION = ('NVIDIA. Cosmos World Foundation Model Platform for Physical AI. arXiv:2501.03575, 2025. '
            'Cosmos Tokenizer: https://github.com/NVIDIA/Cosmos-Tokenizer')
LICENSE = 'NVIDIA Open Model License (weights); Apache-2.0 (code)'
# Cosmos' CausalVideoTokenizer.forward / pad_video_batch: windows of 17 frames, each padded in time to
# 1 + 8k and in space to multiples of 16, whatever the model's compression.
WINDOW = 17
TEMPORAL_ALIGN = 8
SPATIAL_ALIGN = 16
JIT_FILES = ('autoencoder.jit', 'encoder.jit', 'decoder.jit')


@dataclass(frozen=True)
class Variant:
    description: str
    temporal: int
    spatial: int
    published: bool
    checkpoint_url: Optional[str] = None


VARIANTS: Dict[str, Variant] = {
    'DV4x8x8': Variant('NVIDIA Cosmos-0.1-Tokenizer-DV4x8x8: causal discrete video tokenizer, 4x8x8 compression, FSQ 64000 codes',
                       4, 8, True, 'https://huggingface.co/nvidia/Cosmos-0.1-Tokenizer-DV4x8x8'),
    'DV8x8x8': Variant('NVIDIA Cosmos-0.1-Tokenizer-DV8x8x8: causal discrete video tokenizer, 8x8x8 compression, FSQ 64000 codes',
                       8, 8, True, 'https://huggingface.co/nvidia/Cosmos-0.1-Tokenizer-DV8x8x8'),
    'DV8x16x16': Variant('NVIDIA Cosmos-0.1-Tokenizer-DV8x16x16: causal discrete video tokenizer, 8x16x16 compression, FSQ 64000 codes',
                         8, 16, True, 'https://huggingface.co/nvidia/Cosmos-0.1-Tokenizer-DV8x16x16'),
    'tiny-8x16x16': Variant('Tiny random-weight Cosmos-DV-architecture tokenizer, 8x16x16 (jointok test fixture)', 8, 16, False),
    'tiny-4x8x8': Variant('Tiny random-weight Cosmos-DV-architecture tokenizer, 4x8x8 (jointok test fixture)', 4, 8, False),
}


def jit_state_dict(path: str) -> Dict[str, torch.Tensor]:
    """The tensors of a TorchScript file by name (as `ScriptModule.state_dict()` gives them)."""
    module = torch.jit.load(path, map_location='cpu')
    return {name: tensor.detach().clone() for name, tensor in module.state_dict().items()}


def checkpoint_files(path: str) -> List[str]:
    """autoencoder.jit if the folder (or the path) has it, else encoder.jit and decoder.jit."""
    folder = path if os.path.isdir(path) else os.path.dirname(path) or '.'
    if not os.path.isdir(path) and os.path.basename(path) not in JIT_FILES:
        return [path]
    if os.path.basename(path) == 'autoencoder.jit' or (os.path.isdir(path) and os.path.exists(os.path.join(folder, 'autoencoder.jit'))):
        return [os.path.join(folder, 'autoencoder.jit')]
    pair = [os.path.join(folder, 'encoder.jit'), os.path.join(folder, 'decoder.jit')]
    missing = [p for p in pair if not os.path.exists(p)]
    if missing:
        raise FileNotFoundError(f'{path}: no autoencoder.jit, and {", ".join(missing)} missing')
    return pair


def read_checkpoint(path: str) -> Tuple[Dict[str, torch.Tensor], List[str]]:
    """The model's state dict under this module tree's names, and the files read."""
    files = checkpoint_files(path)
    if len(files) == 1:
        return jit_state_dict(files[0]), files
    state = rename(jit_state_dict(files[0]), ENCODER_FILE_PREFIXES, os.path.basename(files[0]))
    for name, tensor in rename(jit_state_dict(files[1]), DECODER_FILE_PREFIXES, os.path.basename(files[1])).items():
        # The quantizer's buffers are in both files; they must agree.
        if name in state and not torch.equal(state[name], tensor):
            raise CheckpointMismatch(f'{name} differs between encoder.jit and decoder.jit')
        state[name] = tensor
    return state, files


def files_digest(files: List[str]) -> str:
    """sha256 of the one checkpoint file, or of the per-file digests (name order)."""
    if len(files) == 1:
        return sha256_file(files[0])
    joined = ''.join(f'{os.path.basename(f)}:{sha256_file(f)}\n' for f in files)
    return hashlib.sha256(joined.encode('utf-8')).hexdigest()


def build_model(name: str, state: Mapping[str, torch.Tensor]) -> CosmosDiscreteVideo:
    variant = VARIANTS[name]
    config = (DvConfig(spatial_compression=variant.spatial, temporal_compression=variant.temporal) if variant.published
              else infer_config(state, variant.temporal, variant.spatial))
    try:
        return load_model(state, config, f'variant {name}')
    except CheckpointMismatch as error:
        hint = ''
        if variant.published:
            try:
                found = infer_config(state)
                hint = f' (the files hold {found.channels} channels, multipliers {list(found.channels_mult)}; not a published DV model?)'
            except CheckpointMismatch:
                pass
        raise CheckpointMismatch(f'{error}{hint}') from None


def preprocessing() -> Dict[str, Any]:
    """Per frame, Cosmos' pad_video_batch (zeros to multiples of 16, top/left get pad // 2) and numpy2tensor
    (x / 255 · 2 − 1 in float64, then float32)."""
    return {'steps': [{'type': 'pad-to-multiple', 'multiple': SPATIAL_ALIGN},
                      {'type': 'to-tensor', 'mean': [0.5, 0.5, 0.5], 'std': [0.5, 0.5, 0.5], 'arithmetic': 'float64'}]}


def postprocessing() -> Dict[str, Any]:
    """tensor2numpy: ((x + 1) / 2).clamp(0, 1) · 255 + 0.5 cast to uint8 (float32), then unpad_video_batch."""
    return {'steps': [{'type': 'to-uint8', 'mean': [0.5, 0.5, 0.5], 'std': [0.5, 0.5, 0.5], 'clamp': [0, 1],
                       'scale': 255, 'offset': 0.5, 'rounding': 'truncate'},
                      {'type': 'crop-padding'}]}


def quantizer_spec(config: DvConfig) -> Dict[str, Any]:
    """core's `fsq` for Cosmos' FSQuantizer: tanh bound, bfloat16 decoded values, channel-first [B, 6, t, h, w]
    latents in, codes [B, t, h, w] out."""
    return {'type': 'fsq', 'levels': list(config.levels), 'bound': 'tanh', 'outputDtype': 'bfloat16', 'channelAxis': 'first'}


def export_folder(model: CosmosDiscreteVideo, out: str, name: str, checkpoint_sha256: str, opset: int) -> Dict[str, Any]:
    variant = VARIANTS[name]
    config = model.config
    t, s = config.temporal_compression, config.spatial_compression
    os.makedirs(out, exist_ok=True)
    # Traced at 1 + 2T frames and a non-square size, so that no axis can stand in for another; all dynamic.
    example = torch.zeros(1, 3, 1 + 2 * t, 2 * SPATIAL_ALIGN, 3 * SPATIAL_ALIGN)
    encoder_path, decoder_path = os.path.join(out, 'encoder.onnx'), os.path.join(out, 'decoder.onnx')
    export_onnx(LatentEncoder(model), (example,), encoder_path, ['pixel_values'], ['latents'],
                {'pixel_values': {0: 'batch', 2: 'frames', 3: 'height', 4: 'width'},
                 'latents': {0: 'batch', 2: 'latent_frames', 3: 'latent_height', 4: 'latent_width'}}, opset)
    shorten_value_names(encoder_path)
    latent = torch.zeros(1, config.embedding_dim, 3, 2 * SPATIAL_ALIGN // s, 3 * SPATIAL_ALIGN // s)
    export_onnx(LatentDecoder(model), (latent,), decoder_path, ['quantized_latents'], ['pixel_values'],
                {'quantized_latents': {0: 'batch', 2: 'latent_frames', 3: 'latent_height', 4: 'latent_width'},
                 'pixel_values': {0: 'batch', 2: 'frames', 3: 'height', 4: 'width'}}, opset)
    shorten_value_names(decoder_path)

    manifest = {
        'name': f'jointok/cosmos-{name.lower()}',
        'description': variant.description,
        'modality': 'video',
        'family': 'cosmos-dv',
        'quantizer': quantizer_spec(config),
        'preprocessing': preprocessing(),
        'postprocessing': postprocessing(),
        'codeSpace': {'axes': ['time', 'height', 'width'], 'streams': [{'name': 'video', 'codebookSize': config.codebook_size}]},
        'config': {'temporalCompression': t, 'spatialCompression': s, 'window': WINDOW, 'temporalAlign': TEMPORAL_ALIGN,
                   'spatialAlign': SPATIAL_ALIGN, 'latentChannels': config.embedding_dim, 'architecture': config.as_dict()},
        'license': LICENSE,
        'source': {'url': variant.checkpoint_url or CODE_URL, 'revision': f'sha256:{checkpoint_sha256}', 'citation': CITATION},
    }
    files = [file_entry(out, 'encoder.onnx', 'encoder'), file_entry(out, 'decoder.onnx', 'decoder')]
    return write_manifest(out, manifest, files)


def main() -> None:
    args = parse_export_args(__doc__.split('\n\n')[0], list(VARIANTS), 'DV8x16x16')
    try:
        state, files = read_checkpoint(args.checkpoint)
        model = build_model(args.variant, state)
    except (CheckpointMismatch, FileNotFoundError, RuntimeError, ValueError) as error:
        sys.exit(f'cosmos_dv.py: {args.checkpoint}: {error}')
    manifest = export_folder(model, args.out, args.variant, files_digest(files), args.opset)
    for entry in manifest['files']:
        print(f"{entry['path']}: {entry['size']} bytes")


if __name__ == '__main__':
    main()
