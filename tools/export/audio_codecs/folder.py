"""Writes a jointok audio codec folder: encoder.onnx, decoder.onnx, quantizer.safetensors, jointok.json."""

from __future__ import annotations

import os
from typing import Any, Dict, List, Mapping, Sequence

import torch
from torch import nn

from export_common import export_onnx, file_entry, write_manifest, write_safetensors

from .factorized_vq import FactorizedResidualVQ
from .onnx_compact import compact_onnx
from .graphs import DecoderGraph, EncoderGraph, decoder_io, encoder_io, example_audio, noise_examples, prepare_for_export

ENCODER_FILE = 'encoder.onnx'
DECODER_FILE = 'decoder.onnx'
QUANTIZER_FILE = 'quantizer.safetensors'


def quantizer_tensors(quantizer: FactorizedResidualVQ) -> Dict[str, torch.Tensor]:
    """The quantizer's weights under the names core's `projected-residual-vq` / `multiscale-residual-vq`
    read: `quantizers.<i>.{in_proj,out_proj}.{weight_v,weight_g,bias}` and `quantizers.<i>.codebook.weight`.
    The weight norm stays unfolded (v and g as stored); core folds it with torch's arithmetic."""
    tensors: Dict[str, torch.Tensor] = {}
    for i, stage in enumerate(quantizer.quantizers):
        for part in ('in_proj', 'out_proj'):
            conv = getattr(stage, part)
            g, v = conv.norm_parameters()
            tensors[f'quantizers.{i}.{part}.weight_v'] = v.detach().clone()
            tensors[f'quantizers.{i}.{part}.weight_g'] = g.detach().clone()
            tensors[f'quantizers.{i}.{part}.bias'] = conv.bias.detach().clone()
        tensors[f'quantizers.{i}.codebook.weight'] = stage.codebook.weight.detach().clone()
    return tensors


def write_codec_folder(out: str, model: nn.Module, manifest: Mapping[str, Any], encoder_samples: int, decoder_frames: int,
                       noise_lengths: Sequence[int], opset: int) -> Dict[str, Any]:
    """Exports both graphs (traced on `encoder_samples` samples and `decoder_frames` frames, both dynamic),
    the quantizer's weights and the manifest. `noise_lengths` are the decoder's noise inputs' lengths at
    `decoder_frames` frames (SNAC), empty otherwise."""
    os.makedirs(out, exist_ok=True)
    quantizer = quantizer_tensors(model.quantizer)
    prepare_for_export(model)
    with torch.no_grad():
        encoder_example = example_audio(encoder_samples)
        latent = model.encode_latent(encoder_example)
        decoder_example = torch.zeros(1, latent.shape[1], decoder_frames)
    inputs, outputs, axes = encoder_io(model)
    export_onnx(EncoderGraph(model), (encoder_example,), os.path.join(out, ENCODER_FILE), inputs, outputs, axes, opset)
    inputs, outputs, axes = decoder_io(len(noise_lengths))
    export_onnx(DecoderGraph(model, len(noise_lengths)), (decoder_example, *noise_examples(noise_lengths)),
                os.path.join(out, DECODER_FILE), inputs, outputs, axes, opset)
    compact_onnx(os.path.join(out, ENCODER_FILE))
    compact_onnx(os.path.join(out, DECODER_FILE))
    write_safetensors(os.path.join(out, QUANTIZER_FILE), quantizer)
    files: List[Dict[str, Any]] = [file_entry(out, ENCODER_FILE, 'encoder'), file_entry(out, DECODER_FILE, 'decoder'),
                                   file_entry(out, QUANTIZER_FILE, 'quantizer')]
    return write_manifest(out, manifest, files)


def codec_streams(count: int, codebook_size: int, strides: Sequence[int] = ()) -> List[Dict[str, Any]]:
    """`codeSpace.streams`: one per codebook, in the reference's order (with SNAC's time strides)."""
    streams = []
    for i in range(count):
        stream: Dict[str, Any] = {'name': f'codebook{i}', 'codebookSize': codebook_size}
        if strides:
            stream['stride'] = strides[i]
        streams.append(stream)
    return streams
