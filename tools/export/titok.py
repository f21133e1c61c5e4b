"""Exports a TiTok image tokenizer (ByteDance 1d-tokenizer) as a jointok model folder.

    /usr/bin/python3 tools/export/titok.py --checkpoint tokenizer_titok_l32_imagenet/model.safetensors --out titok-l32 [--variant l32]

The checkpoint is the Hugging Face folder as ByteDance publishes it (`yucornetto/tokenizer_titok_l32_imagenet`,
`_b64_`, `_s128_`; PyTorchModelHubMixin): `--checkpoint` names `model.safetensors`, and `config.json` beside
it holds the training configuration (`model.vq_model`, `dataset.preprocessing.crop_size`). TiTok's code is not
needed (tools/export/titok_model.py reimplements the model with the same parameter names). Every tensor's
name and shape is checked before anything is written. The folder holds:

* encoder.onnx           pixel_values float32 [batch, 3, 256, 256] in [0, 1]
                         -> latents float32 [batch, 12, N] (the N latent tokens after conv_out, before the
                         quantizer's l2-normalisation; TiTok's [batch, 12, 1, N] without the unit axis)
* decoder.onnx           quantized_latents float32 [batch, 12, k] (normalised codebook rows), 1 <= k <= N
                         -> pixel_values float32 [batch, 3, 256, 256] (about [0, 1]): the ViT decoder, the
                         softmax over MaskGIT-VQGAN's 1024 codes weighing its codebook, MaskGIT's decoder.
                         k < N decodes the first k tokens only (One-D-Piece's tail-drop decoding)
* quantizer.safetensors  embedding.weight float32 [4096, 12] as stored (`quantize.embedding.weight`; core's
                         `vq` quantizer normalises it, as TiTok's use_l2_norm VectorQuantizer does)
* jointok.json           manifest: quantizer spec, TiTok's evaluation preprocessing and its demo's
                         postprocessing as steps, code space [N] of 4096, config, licence, source

Variants: l32 (TiTok-L-32: 32 tokens), b64 (TiTok-B-64), s128 (TiTok-S-128), tiny (jointok's test fixture:
ViT and MaskGIT sizes read from the tensors, 2 attention heads, 2 GroupNorm groups).
"""

from __future__ import annotations

import json
import os
import struct
import sys
from dataclasses import dataclass, replace
from typing import Any, Dict, Optional

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from export_common import (export_onnx, file_entry, parse_export_args, sha256_file, write_manifest,  # noqa: E402
                           write_safetensors)
from onnx_names import shorten_value_names  # noqa: E402
from titok_model import (VIT_SIZES, CheckpointMismatch, LatentEncoder, TitokConfig, TitokModel, TokenDecoder,  # noqa: E402
                         config_from_json, infer_pixel_config, infer_sizes, load_model)

CODE_URL = 'https://github.com/bytedance/1d-tokenizer'
CITATION = ('Qihang Yu, Mark Weber, Xueqing Deng, Xiaohui Shen, Daniel Cremers, Liang-Chieh Chen. An Image is Worth '
            '32 Tokens for Reconstruction and Generation. NeurIPS 2024 (arXiv:2406.07550).')
HUB = 'https://huggingface.co/yucornetto'

_SAFETENSORS_DTYPES = {'F32': np.float32, 'F16': np.float16, 'F64': np.float64, 'I64': np.int64, 'I32': np.int32}


@dataclass(frozen=True)
class Variant:
    description: str
    # None: sizes from the checkpoint (the tiny fixture).
    expected: Optional[TitokConfig]
    url: str = CODE_URL
    heads: int = 0
    norm_groups: int = 32


def _published(tokens: int, size: str) -> TitokConfig:
    return TitokConfig(encoder_vit=VIT_SIZES[size], decoder_vit=VIT_SIZES[size], num_latent_tokens=tokens)


VARIANTS: Dict[str, Variant] = {
    'l32': Variant('TiTok-L-32 image tokenizer (ByteDance, ImageNet): 256 px -> 32 tokens of 4096', _published(32, 'large'),
                   f'{HUB}/tokenizer_titok_l32_imagenet'),
    'b64': Variant('TiTok-B-64 image tokenizer (ByteDance, ImageNet): 256 px -> 64 tokens of 4096', _published(64, 'base'),
                   f'{HUB}/tokenizer_titok_b64_imagenet'),
    's128': Variant('TiTok-S-128 image tokenizer (ByteDance, ImageNet): 256 px -> 128 tokens of 4096', _published(128, 'small'),
                    f'{HUB}/tokenizer_titok_s128_imagenet'),
    'tiny': Variant('Tiny random-weight TiTok-architecture 1-D tokenizer (jointok test fixture)', None, heads=2, norm_groups=2),
}


def read_safetensors(path: str) -> Dict[str, torch.Tensor]:
    """The tensors of a safetensors file (8-byte little-endian header length, JSON header, raw data),
    without the `safetensors` package (not in Debian). BF16 is widened to float32."""
    with open(path, 'rb') as handle:
        raw = handle.read()
    if len(raw) < 8:
        raise CheckpointMismatch('not a safetensors file (shorter than 8 bytes)')
    (length,) = struct.unpack('<Q', raw[:8])
    if 8 + length > len(raw):
        raise CheckpointMismatch(f'not a safetensors file (header length {length} exceeds the file)')
    try:
        header = json.loads(raw[8:8 + length])
    except ValueError:
        raise CheckpointMismatch('not a safetensors file (the header is not JSON)') from None
    data = memoryview(raw)[8 + length:]
    tensors: Dict[str, torch.Tensor] = {}
    for name, entry in header.items():
        if name == '__metadata__':
            continue
        start, end = entry['data_offsets']
        if entry['dtype'] == 'BF16':
            bits = np.frombuffer(data[start:end], dtype='<u2').astype(np.uint32) << 16
            array = bits.view(np.float32)
        elif entry['dtype'] in _SAFETENSORS_DTYPES:
            array = np.frombuffer(data[start:end], dtype=np.dtype(_SAFETENSORS_DTYPES[entry['dtype']]).newbyteorder('<'))
        else:
            raise CheckpointMismatch(f"{name}: safetensors dtype {entry['dtype']} is not a weight dtype")
        tensors[name] = torch.from_numpy(array.astype(array.dtype.newbyteorder('='), copy=True)).reshape(entry['shape'])
    return tensors


def preprocessing(size: int) -> Dict[str, Any]:
    """TiTok's evaluation transform (data/webdataset_reader.py): torchvision Resize(size, BICUBIC) on the
    PIL image (short side to `size`, long side int()-truncated, no-op at equal size), CenterCrop(size)
    (offsets int(round(d / 2))), ToTensor (x / 255 in float32) and Normalize(0, 1). The README's demo feeds
    a 256 x 256 image as np.array / 255, which is the same for images of that size. Alpha is dropped."""
    return {'steps': [
        {'type': 'resize-torchvision', 'size': size, 'filter': 'bicubic'},
        {'type': 'center-crop', 'width': size, 'height': size, 'offsets': 'round'},
        {'type': 'to-tensor', 'mean': [0, 0, 0], 'std': [1, 1, 1], 'arithmetic': 'torchvision'},
    ]}


def postprocessing() -> Dict[str, Any]:
    """TiTok's demo: `torch.clamp(x, 0, 1)`, `* 255.0`, `.to(torch.uint8)` (truncation), in float32."""
    return {'steps': [{'type': 'to-uint8', 'clamp': [0, 1], 'scale': 255, 'offset': 0, 'rounding': 'truncate'}]}


def quantizer_spec(config: TitokConfig) -> Dict[str, Any]:
    """core's `vq` for TiTok's VectorQuantizer: latents [B, token_size, N] channel-first in, codes [B, N]
    out; l2-normalised search (F.normalize eps 1e-12 on both sides) and `decode` returns the normalised
    rows, as get_codebook_entry does."""
    return {'type': 'vq', 'codebookSize': config.codebook_size, 'dim': config.token_size,
            'metric': 'l2-normalized' if config.use_l2_norm else 'euclidean', 'channelAxis': 'first'}


def resolve_config(name: str, document: Dict[str, Any], state: Dict[str, torch.Tensor]) -> TitokConfig:
    variant = VARIANTS[name]
    if variant.expected is None:
        vq = document.get('model', {}).get('vq_model', {})
        inferred = infer_sizes(state, variant.heads)
        sizes = {vq.get('vit_enc_model_size'): inferred['encoder'], vq.get('vit_dec_model_size'): inferred['decoder']}
        if len(sizes) == 1 and inferred['encoder'] != inferred['decoder']:
            raise CheckpointMismatch('encoder and decoder share a size name but differ in the checkpoint')
        config = config_from_json(document, sizes)
        return replace(config, pixel=infer_pixel_config(state, variant.norm_groups))
    config = config_from_json(document)
    if config != variant.expected:
        found, wanted = config.as_dict(), variant.expected.as_dict()
        differing = ', '.join(f'{k} {found[k]} (expected {wanted[k]})' for k in wanted if found[k] != wanted[k])
        raise CheckpointMismatch(f'config.json differs from the published TiTok {name}: {differing}')
    return config


def export_folder(model: TitokModel, out: str, name: str, checkpoint_sha256: str, opset: int) -> Dict[str, Any]:
    variant = VARIANTS[name]
    config = model.config
    size, tokens = config.image_size, config.num_latent_tokens
    os.makedirs(out, exist_ok=True)

    export_onnx(LatentEncoder(model), (torch.zeros(1, 3, size, size),), os.path.join(out, 'encoder.onnx'),
                ['pixel_values'], ['latents'], {'pixel_values': {0: 'batch'}, 'latents': {0: 'batch'}}, opset)
    shorten_value_names(os.path.join(out, 'encoder.onnx'))
    # Traced with fewer tokens than N, so that the slice of the positional embeddings stays a graph
    # operation on the input's length instead of a constant.
    export_onnx(TokenDecoder(model), (torch.zeros(1, config.token_size, max(1, tokens // 2)),), os.path.join(out, 'decoder.onnx'),
                ['quantized_latents'], ['pixel_values'], {'quantized_latents': {0: 'batch', 2: 'tokens'}, 'pixel_values': {0: 'batch'}},
                opset)
    shorten_value_names(os.path.join(out, 'decoder.onnx'))
    write_safetensors(os.path.join(out, 'quantizer.safetensors'), {'embedding.weight': model.quantize.embedding.weight.detach()})

    manifest = {
        'name': f'jointok/titok-{name}',
        'description': variant.description,
        'modality': 'image',
        'family': 'titok',
        'quantizer': quantizer_spec(config),
        'preprocessing': preprocessing(size),
        'postprocessing': postprocessing(),
        'codeSpace': {'axes': ['tokens'], 'sizes': [tokens], 'streams': [{'name': 'image', 'codebookSize': config.codebook_size}]},
        'config': {
            'imageSize': size, 'numLatentTokens': tokens, 'latentChannels': config.token_size, 'codebookDim': config.token_size,
            # decoder.onnx takes the first k tokens, 1 <= k <= N. TiTok was trained with all N (its own
            # decoder asserts k == N), so fewer tokens decode but are out of its training distribution;
            # One-D-Piece trains the same architecture with tail-token drop for exactly this.
            'prefixDecoding': {'minTokens': 1, 'maxTokens': tokens, 'trainedForPrefixes': False},
            'architecture': config.as_dict(),
        },
        'license': 'Apache-2.0',
        'source': {'url': variant.url, 'revision': f'sha256:{checkpoint_sha256}', 'citation': CITATION},
    }
    files = [file_entry(out, 'encoder.onnx', 'encoder'), file_entry(out, 'decoder.onnx', 'decoder'),
             file_entry(out, 'quantizer.safetensors', 'quantizer')]
    return write_manifest(out, manifest, files)


def main() -> None:
    args = parse_export_args(__doc__.split('\n\n')[0], list(VARIANTS), 'l32')
    config_path = os.path.join(os.path.dirname(os.path.abspath(args.checkpoint)), 'config.json')
    try:
        if not os.path.isfile(config_path):
            raise CheckpointMismatch(f'no config.json beside the checkpoint ({config_path})')
        with open(config_path, encoding='utf-8') as handle:
            document = json.load(handle)
        if not isinstance(document, dict):
            raise CheckpointMismatch('config.json is not a JSON object')
        state = read_safetensors(args.checkpoint)
        model = load_model(state, resolve_config(args.variant, document, state), f'variant {args.variant}')
    except (CheckpointMismatch, ValueError) as error:
        sys.exit(f'titok.py: {args.checkpoint}: {error}')
    del state
    manifest = export_folder(model, args.out, args.variant, sha256_file(args.checkpoint), args.opset)
    for entry in manifest['files']:
        print(f"{entry['path']}: {entry['size']} bytes")


if __name__ == '__main__':
    main()
