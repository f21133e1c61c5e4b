"""Exports Chameleon's (or Anole's) VQGAN image tokenizer as a jointok model folder.

    /usr/bin/python3 tools/export/chameleon.py --checkpoint tokenizer/vqgan.ckpt --out chameleon-vqgan [--variant chameleon]

The checkpoint is the file as Meta ships it with Chameleon 7B/30B (and GAIR with Anole-7b):
`tokenizer/vqgan.ckpt`, a Lightning checkpoint whose `state_dict` holds taming-transformers' VQModel,
with `vqgan.yaml` beside it (taming's `model.params`: ddconfig, embed_dim, n_embed; read from
`<checkpoint stem>.yaml` or `vqgan.yaml` in the checkpoint's folder). Chameleon's code is not needed
(tools/export/chameleon_vqgan.py reimplements the model with the same parameter names). Every tensor's
name and shape is checked before anything is written; a mismatch names the tensor. The folder holds:

* encoder.onnx           pixel_values float32 [batch, 3, height, width] in [-1, 1]
                         -> latents float32 [batch, 256, height/16, width/16] (after quant_conv, before
                         the quantizer); height and width multiples of 16
* decoder.onnx           quantized_latents float32 [batch, 256, h, w] (codebook rows as stored)
                         -> pixel_values float32 [batch, 3, 16h, 16w] (about [-1, 1])
* quantizer.safetensors  embedding.weight float32 [8192, 256] (`quantize.embedding.weight`)
* jointok.json           manifest: quantizer spec (euclidean VQ), Chameleon's preprocessing and
                         postprocessing as steps, code space 32 x 32 of 8192, config, licence, source

Variants: chameleon (Meta's vqgan.yaml values are required), anole (the same file, named for Anole),
auto (any taming VQModel: sizes from the yaml, 32 GroupNorm groups), tiny (jointok's test fixture: sizes
from the yaml, 2 GroupNorm groups).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any, Dict, Optional

import torch
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from chameleon_vqgan import (CheckpointMismatch, LatentDecoder, LatentEncoder, VqganConfig, VqganModel,  # noqa: E402
                             config_from_yaml, load_model, state_dict_of)
from export_common import (export_onnx, file_entry, load_checkpoint, parse_export_args, sha256_file,  # noqa: E402
                           write_manifest, write_safetensors)
from onnx_names import shorten_value_names  # noqa: E402

CODE_URL = 'https://github.com/facebookresearch/chameleon'
CITATION = 'Chameleon Team. Chameleon: Mixed-Modal Early-Fusion Foundation Models. arXiv:2405.09818, 2024.'
ANOLE_CITATION = ('Ethan Chern, Jiadi Su, Yan Ma, Pengfei Liu. ANOLE: An Open, Autoregressive, Native Large '
                  'Multimodal Model for Interleaved Image-Text Generation. arXiv:2407.06135, 2024.')
# Meta releases the weights under its research licence; Anole's are derived from them.
CHAMELEON_LICENSE = 'Chameleon Research License (Meta), https://ai.meta.com/resources/models-and-libraries/chameleon-license/'
TAMING_LICENSE = 'MIT'


@dataclass(frozen=True)
class Variant:
    description: str
    # None: any sizes the yaml states.
    expected: Optional[VqganConfig]
    norm_groups: int = 32
    name: str = 'chameleon-vqgan'
    url: str = CODE_URL
    citation: str = CITATION
    license: str = CHAMELEON_LICENSE


VARIANTS: Dict[str, Variant] = {
    'chameleon': Variant("Chameleon's VQGAN image tokenizer (Meta, 7B/30B tokenizer/vqgan.ckpt): 512 px -> 32 x 32 codes of 8192",
                         VqganConfig()),
    'anole': Variant("Anole's VQGAN image tokenizer (GAIR-NLP, Anole-7b tokenizer/vqgan.ckpt, Chameleon's file): 512 px -> 32 x 32 codes of 8192",
                     VqganConfig(), name='anole-vqgan', url='https://github.com/GAIR-NLP/anole', citation=ANOLE_CITATION),
    'auto': Variant('taming-transformers VQGAN image tokenizer (sizes read from the yaml)', None, license='see the checkpoint'),
    'tiny': Variant('Tiny random-weight Chameleon-architecture VQGAN (jointok test fixture)', None, norm_groups=2,
                    name='chameleon-tiny', license=TAMING_LICENSE),
}


def preprocessing(size: int) -> Dict[str, Any]:
    """Chameleon's ImageTokenizer: `_whiten_transparency` (alpha over white, float64, truncated), then
    `_vqgan_input_from`: LANCZOS to a short side of `size` with the sides `round()`ed (Python, half to
    even), centre crop with floored offsets, `x / 255 * 2 - 1` in float64 cast to float32."""
    return {'steps': [
        {'type': 'composite-alpha', 'background': [255, 255, 255]},
        {'type': 'resize-short-side', 'size': size, 'filter': 'lanczos', 'rounding': 'round'},
        {'type': 'center-crop', 'width': size, 'height': size, 'offsets': 'floor'},
        {'type': 'to-tensor', 'mean': [0.5, 0.5, 0.5], 'std': [0.5, 0.5, 0.5], 'arithmetic': 'float64'},
    ]}


def postprocessing() -> Dict[str, Any]:
    """Chameleon's `_pil_from_chw_tensor`: `(clamp(x, -1, 1) + 1) / 2`, `* 255`, `astype(uint8)`
    (truncation), in float32 (equal to x * 0.5 + 0.5 then clamp to [0, 1])."""
    return {'steps': [{'type': 'to-uint8', 'mean': [0.5, 0.5, 0.5], 'std': [0.5, 0.5, 0.5], 'clamp': [0, 1],
                       'scale': 255, 'offset': 0, 'rounding': 'truncate'}]}


def quantizer_spec(config: VqganConfig) -> Dict[str, Any]:
    """core's `vq` for taming's VectorQuantizer2: nearest row by euclidean distance, channel-first
    latents [B, D, h, w] in, codes [B, h, w] out; `decode` returns the stored rows, channel-first."""
    return {'type': 'vq', 'codebookSize': config.n_embed, 'dim': config.embed_dim, 'metric': 'euclidean',
            'channelAxis': 'first'}


def yaml_path_for(checkpoint: str) -> str:
    folder = os.path.dirname(os.path.abspath(checkpoint))
    stem = os.path.splitext(os.path.basename(checkpoint))[0]
    names = list(dict.fromkeys([f'{stem}.yaml', 'vqgan.yaml']))
    for name in names:
        if os.path.isfile(os.path.join(folder, name)):
            return os.path.join(folder, name)
    raise CheckpointMismatch(f"no {' or '.join(names)} beside the checkpoint in {folder}")


def read_checkpoint(path: str) -> Any:
    try:
        return load_checkpoint(path)
    except Exception as error:  # torch.load raises pickle, zip and runtime errors alike
        raise CheckpointMismatch(f'cannot read the checkpoint with torch.load ({type(error).__name__}: {error})') from None


def resolve_config(name: str, document: Dict[str, Any]) -> VqganConfig:
    variant = VARIANTS[name]
    config = config_from_yaml(document, variant.norm_groups)
    if variant.expected is not None and config != variant.expected:
        found, wanted = config.as_dict(), variant.expected.as_dict()
        differing = ', '.join(f'{k} {found[k]} (expected {wanted[k]})' for k in wanted if found[k] != wanted[k])
        raise CheckpointMismatch(f'the yaml differs from the published {name} VQGAN: {differing}; try --variant auto')
    return config


def export_graph(module: torch.nn.Module, example: torch.Tensor, path: str, input_name: str, output_name: str,
                 axes: Dict[str, Dict[int, str]], opset: int) -> None:
    export_onnx(module, (example,), path, [input_name], [output_name], axes, opset)
    shorten_value_names(path)


def export_folder(model: VqganModel, out: str, name: str, checkpoint_sha256: str, opset: int) -> Dict[str, Any]:
    variant = VARIANTS[name]
    config = model.config
    factor = config.downsample
    size = config.resolution
    if size % factor:
        raise CheckpointMismatch(f'resolution {size} is not a multiple of the downsampling factor {factor}')
    grid = size // factor
    os.makedirs(out, exist_ok=True)

    # Traced at a non-square size so that no shape is folded into a constant by accident.
    export_graph(LatentEncoder(model), torch.zeros(1, 3, 2 * factor, 3 * factor), os.path.join(out, 'encoder.onnx'),
                 'pixel_values', 'latents', {'pixel_values': {0: 'batch', 2: 'height', 3: 'width'},
                                             'latents': {0: 'batch', 2: 'latent_height', 3: 'latent_width'}}, opset)
    export_graph(LatentDecoder(model), torch.zeros(1, config.embed_dim, 2, 3), os.path.join(out, 'decoder.onnx'),
                 'quantized_latents', 'pixel_values', {'quantized_latents': {0: 'batch', 2: 'latent_height', 3: 'latent_width'},
                                                       'pixel_values': {0: 'batch', 2: 'height', 3: 'width'}}, opset)
    write_safetensors(os.path.join(out, 'quantizer.safetensors'), {'embedding.weight': model.quantize.embedding.weight.detach()})

    manifest = {
        'name': f'jointok/{variant.name}',
        'description': variant.description,
        'modality': 'image',
        'family': 'chameleon',
        'quantizer': quantizer_spec(config),
        'preprocessing': preprocessing(size),
        'postprocessing': postprocessing(),
        'codeSpace': {'axes': ['height', 'width'], 'sizes': [grid, grid],
                      'streams': [{'name': 'image', 'codebookSize': config.n_embed}]},
        'config': {'downsample': factor, 'latentChannels': config.embed_dim, 'codebookDim': config.embed_dim,
                   'imageSize': size, 'architecture': config.as_dict()},
        'license': variant.license,
        'source': {'url': variant.url, 'revision': f'sha256:{checkpoint_sha256}', 'citation': variant.citation},
    }
    files = [file_entry(out, 'encoder.onnx', 'encoder'), file_entry(out, 'decoder.onnx', 'decoder'),
             file_entry(out, 'quantizer.safetensors', 'quantizer')]
    return write_manifest(out, manifest, files)


def main() -> None:
    args = parse_export_args(__doc__.split('\n\n')[0], list(VARIANTS), 'chameleon')
    try:
        with open(yaml_path_for(args.checkpoint), encoding='utf-8') as handle:
            config = resolve_config(args.variant, yaml.safe_load(handle))
        model = load_model(state_dict_of(read_checkpoint(args.checkpoint)), config, f'variant {args.variant}')
    except (CheckpointMismatch, yaml.YAMLError) as error:
        sys.exit(f'chameleon.py: {args.checkpoint}: {error}')
    manifest = export_folder(model, args.out, args.variant, sha256_file(args.checkpoint), args.opset)
    for entry in manifest['files']:
        print(f"{entry['path']}: {entry['size']} bytes")


if __name__ == '__main__':
    main()
