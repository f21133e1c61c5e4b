"""Writes a jointok audio codec folder: encoder.onnx, decoder.onnx, quantizer.safetensors, jointok.json.

Graphs (the quantizer runs in TypeScript from core, between them):
* encoder.onnx: `audio` float32 `[B, 1, T]` → `latent` float32 `[B, D, F]` (pre-quantization latent);
* decoder.onnx: `latent` float32 `[B, D, F]` (what the quantizer's `decode` returns) → `audio` float32
  `[B, 1, T']`.
Both axes are dynamic. Weight norms are folded before export (`set_export_mode`); node and value names
are shortened afterwards (`compact_onnx`).
"""

from __future__ import annotations

import os
from typing import Any, Dict, Mapping

import torch
from torch import nn

from export_common import export_onnx, file_entry, write_manifest, write_safetensors

from .layers import set_export_mode
from .onnx_compact import compact_onnx

ENCODER_FILE = 'encoder.onnx'
DECODER_FILE = 'decoder.onnx'
QUANTIZER_FILE = 'quantizer.safetensors'
GRAPHS = {'encoder': {'inputs': ['audio'], 'outputs': ['latent']}, 'decoder': {'inputs': ['latent'], 'outputs': ['audio']}}


def example_audio(samples: int) -> torch.Tensor:
    """A deterministic example input for tracing (its values do not enter the graph)."""
    return torch.sin(torch.arange(samples, dtype=torch.float32) * 0.01)[None, None]


def write_codec_folder(out: str, encoder: nn.Module, decoder: nn.Module, quantizer: Mapping[str, torch.Tensor],
                       manifest: Mapping[str, Any], example_samples: int, opset: int) -> Dict[str, Any]:
    """Exports both graphs (traced on `example_samples` samples and the frames they give), the quantizer's
    weights and the manifest (whose `files` this function fills in)."""
    os.makedirs(out, exist_ok=True)
    set_export_mode(encoder)
    set_export_mode(decoder)
    audio = example_audio(example_samples)
    with torch.no_grad():
        latent = encoder(audio)
    export_onnx(encoder, (audio,), os.path.join(out, ENCODER_FILE), ['audio'], ['latent'],
                {'audio': {0: 'batch', 2: 'samples'}, 'latent': {0: 'batch', 2: 'frames'}}, opset)
    export_onnx(decoder, (latent,), os.path.join(out, DECODER_FILE), ['latent'], ['audio'],
                {'latent': {0: 'batch', 2: 'frames'}, 'audio': {0: 'batch', 2: 'samples'}}, opset)
    compact_onnx(os.path.join(out, ENCODER_FILE))
    compact_onnx(os.path.join(out, DECODER_FILE))
    write_safetensors(os.path.join(out, QUANTIZER_FILE), quantizer)
    files = [file_entry(out, ENCODER_FILE, 'encoder'), file_entry(out, DECODER_FILE, 'decoder'), file_entry(out, QUANTIZER_FILE, 'quantizer')]
    return write_manifest(out, manifest, files)


def codebook_streams(count: int, codebook_size: int, name=lambda i: f'codebook{i}'):
    """`codeSpace.streams`: one per codebook, in the reference's order."""
    return [{'name': name(i), 'codebookSize': codebook_size} for i in range(count)]
