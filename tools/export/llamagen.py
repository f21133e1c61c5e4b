"""Exports a LlamaGen VQ checkpoint as a jointok model folder.

    /usr/bin/python3 tools/export/llamagen.py --checkpoint vq_ds16_c2i.pt --out llamagen-vq16 [--variant vq-16]

The checkpoint is the file as LlamaGen publishes it (`torch.save({'model': state_dict})`); LlamaGen's code
is not needed (tools/export/llamagen_vq.py reimplements the model with the same parameter names). Every
tensor's name and shape is checked against the variant before anything is written; a mismatch names the
tensor. The folder holds:

* encoder.onnx           pixel_values float32 [batch, 3, height, width] in [-1, 1]
                         -> latents float32 [batch, D, height/f, width/f] (after quant_conv, before the
                         quantizer's l2-normalisation); height and width multiples of f
* decoder.onnx           quantized_latents float32 [batch, D, h, w] (the normalised codebook rows)
                         -> pixel_values float32 [batch, 3, h*f, w*f] (about [-1, 1])
* quantizer.safetensors  embedding.weight float32 [K, D] as stored in the checkpoint (core's `vq`
                         quantizer normalises it, as LlamaGen's l2_norm VectorQuantizer does)
* jointok.json           manifest: quantizer spec, preprocessing, postprocessing, code space, config,
                         licence, source (the checkpoint's sha256)

Variants: vq-16 (vq_ds16_c2i.pt), vq-8 (vq_ds8_c2i.pt), vq-16-t2i (vq_ds16_t2i.pt, 512 px), auto (any
LlamaGen VQ: sizes read from the tensor shapes, 32 GroupNorm groups as LlamaGen hard-codes), tiny
(jointok's test fixture: shapes read from the checkpoint, 2 GroupNorm groups, 64 px).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any, Dict, Optional

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from export_common import (export_onnx, file_entry, load_checkpoint, parse_export_args, sha256_file,  # noqa: E402
                           write_manifest, write_safetensors)
from llamagen_vq import (CheckpointMismatch, LatentDecoder, LatentEncoder, VqConfig, VqModel, infer_config,  # noqa: E402
                         load_model, state_dict_of)

CODE_URL = 'https://github.com/FoundationVision/LlamaGen'
CITATION = ('Peize Sun, Yi Jiang, Shoufa Chen, Shilong Zhang, Bingyue Peng, Ping Luo, Zehuan Yuan. '
            'Autoregressive Model Beats Diffusion: Llama for Scalable Image Generation. arXiv:2406.06525, 2024.')


@dataclass(frozen=True)
class Variant:
    description: str
    image_size: int
    # None: read the sizes from the checkpoint's tensor shapes.
    config: Optional[VqConfig]
    checkpoint_url: Optional[str] = None
    norm_groups: int = 32


VQ16 = VqConfig()
VARIANTS: Dict[str, Variant] = {
    'vq-16': Variant('LlamaGen VQ-16 image tokenizer (vq_ds16_c2i, ImageNet), 16x downsampling, 16384 codes of dim 8',
                     256, VQ16, 'https://huggingface.co/FoundationVision/LlamaGen/resolve/main/vq_ds16_c2i.pt'),
    'vq-8': Variant('LlamaGen VQ-8 image tokenizer (vq_ds8_c2i, ImageNet), 8x downsampling, 16384 codes of dim 8',
                    256, VqConfig(encoder_multipliers=(1, 2, 2, 4), decoder_multipliers=(1, 2, 2, 4)),
                    'https://huggingface.co/FoundationVision/LlamaGen/resolve/main/vq_ds8_c2i.pt'),
    'vq-16-t2i': Variant('LlamaGen VQ-16 text-to-image tokenizer (vq_ds16_t2i, LAION-COCO + internal data), 512 px',
                         512, VQ16, 'https://huggingface.co/peizesun/llamagen_t2i/resolve/main/vq_ds16_t2i.pt'),
    'auto': Variant('LlamaGen VQ image tokenizer (sizes read from the checkpoint)', 256, None),
    'tiny': Variant('Tiny random-weight LlamaGen-architecture VQ (jointok test fixture)', 64, None, norm_groups=2),
}


def preprocessing(image_size: int) -> Dict[str, Any]:
    """LlamaGen's transform: ADM's center_crop_arr, then ToTensor and Normalize(0.5, 0.5) to [-1, 1]."""
    return {'steps': [{'type': 'center-crop-arr', 'size': image_size},
                      {'type': 'to-tensor', 'mean': [0.5, 0.5, 0.5], 'std': [0.5, 0.5, 0.5]}]}


def postprocessing() -> Dict[str, Any]:
    """What LlamaGen's reconstruction and sampling scripts do with decoder outputs:
    `torch.clamp(127.5 * x + 128.0, 0, 255).to(torch.uint8)` in float32; the cast truncates."""
    return {'steps': [{'type': 'to-uint8', 'scale': 127.5, 'offset': 128.0, 'rounding': 'truncate'}]}


def quantizer_spec(config: VqConfig) -> Dict[str, Any]:
    """core's `vq` spec for LlamaGen's VectorQuantizer: channel-first latents [B, D, h, w] in, codes
    [B, h, w] out; `decode` returns the normalised rows, channel-first."""
    return {'type': 'vq', 'codebookSize': config.codebook_size, 'dim': config.codebook_dim,
            'metric': 'l2-normalized' if config.l2_norm else 'euclidean', 'channelAxis': 'first'}


def resolve_config(name: str, variant: Variant, state) -> VqConfig:
    if variant.config is not None:
        return variant.config
    return infer_config(state, variant.norm_groups)


def build_model(name: str, state) -> VqModel:
    variant = VARIANTS[name]
    config = resolve_config(name, variant, state)
    try:
        return load_model(state, config, f'variant {name}')
    except CheckpointMismatch as error:
        hint = ''
        if variant.config is not None:
            try:
                found = infer_config(state)
                hint = (f' (the checkpoint looks like {found.downsample}x downsampling, {found.codebook_size} codes of dim '
                        f'{found.codebook_dim}, {found.channels} channels; try --variant auto)')
            except CheckpointMismatch:
                pass
        raise CheckpointMismatch(f'{error}{hint}') from None


def shorten_value_names(path: str) -> None:
    """Renames the graph's intermediate tensors `t0`, `t1`, ... in node order. torch names them after the
    module path (`/encoder/conv_blocks.0/res.1/norm1/InstanceNormalization_output_0`), which is about
    40 % of a small model's bytes; node names, inputs, outputs and weight names stay as exported."""
    import onnx

    model = onnx.load(path)
    graph = model.graph
    kept = {v.name for v in graph.input} | {v.name for v in graph.output} | {t.name for t in graph.initializer}
    renamed: Dict[str, str] = {}
    for node in graph.node:
        for index, name in enumerate(node.input):
            node.input[index] = renamed.get(name, name)
        for index, name in enumerate(node.output):
            if name and name not in kept:
                renamed[name] = f't{len(renamed)}'
                node.output[index] = renamed[name]
    for info in graph.value_info:
        info.name = renamed.get(info.name, info.name)
    onnx.checker.check_model(model)
    onnx.save(model, path)


def export_graph(module: torch.nn.Module, example: torch.Tensor, path: str, input_name: str, output_name: str,
                 axes: Dict[str, Dict[int, str]], opset: int) -> None:
    export_onnx(module, (example,), path, [input_name], [output_name], axes, opset)
    shorten_value_names(path)


def export_folder(model: VqModel, out: str, name: str, checkpoint_sha256: str, opset: int,
                  checkpoint_url: Optional[str] = None) -> Dict[str, Any]:
    variant = VARIANTS[name]
    config = model.config
    factor = config.downsample
    size = variant.image_size
    grid = size // factor
    os.makedirs(out, exist_ok=True)

    export_graph(LatentEncoder(model), torch.zeros(1, 3, size, size), os.path.join(out, 'encoder.onnx'),
                 'pixel_values', 'latents', {'pixel_values': {0: 'batch', 2: 'height', 3: 'width'},
                                             'latents': {0: 'batch', 2: 'latent_height', 3: 'latent_width'}}, opset)
    export_graph(LatentDecoder(model), torch.zeros(1, config.codebook_dim, grid, grid), os.path.join(out, 'decoder.onnx'),
                 'quantized_latents', 'pixel_values', {'quantized_latents': {0: 'batch', 2: 'latent_height', 3: 'latent_width'},
                                                       'pixel_values': {0: 'batch', 2: 'height', 3: 'width'}}, opset)
    write_safetensors(os.path.join(out, 'quantizer.safetensors'), {'embedding.weight': model.quantize.embedding.weight.detach()})

    manifest = {
        'name': f'jointok/llamagen-{name}',
        'description': variant.description,
        'modality': 'image',
        'family': 'llamagen',
        'quantizer': quantizer_spec(config),
        'preprocessing': preprocessing(size),
        'postprocessing': postprocessing(),
        # No fixed sizes: the recipe gives (size / factor)² codes, but the model is fully convolutional and
        # decodes (and, from your own tensors, encodes) any grid.
        'codeSpace': {'axes': ['height', 'width'], 'streams': [{'name': 'image', 'codebookSize': config.codebook_size}]},
        'config': {'downsample': factor, 'latentChannels': config.codebook_dim, 'codebookDim': config.codebook_dim,
                   'imageSize': size, 'architecture': config.as_dict()},
        'license': 'MIT',
        'source': {'url': checkpoint_url or variant.checkpoint_url or CODE_URL, 'revision': f'sha256:{checkpoint_sha256}',
                   'citation': CITATION},
    }
    files = [file_entry(out, 'encoder.onnx', 'encoder'), file_entry(out, 'decoder.onnx', 'decoder'),
             file_entry(out, 'quantizer.safetensors', 'quantizer')]
    return write_manifest(out, manifest, files)


def main() -> None:
    args = parse_export_args(__doc__.split('\n\n')[0], list(VARIANTS), 'vq-16')
    checkpoint = load_checkpoint(args.checkpoint)
    try:
        model = build_model(args.variant, state_dict_of(checkpoint))
    except (CheckpointMismatch, ValueError) as error:
        sys.exit(f'llamagen.py: {args.checkpoint}: {error}')
    del checkpoint
    manifest = export_folder(model, args.out, args.variant, sha256_file(args.checkpoint), args.opset)
    for entry in manifest['files']:
        print(f"{entry['path']}: {entry['size']} bytes")


if __name__ == '__main__':
    main()
