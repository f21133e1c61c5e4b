#!/usr/bin/python3
"""Exports Kyutai's Mimi codec as a jointok model folder.

    /usr/bin/python3 tools/export/mimi.py --checkpoint tokenizer-e351c8d8-checkpoint125.safetensors --out models/mimi
    /usr/bin/python3 tools/export/mimi.py --checkpoint kyutai-mimi/model.safetensors --out models/mimi

Reads either published safetensors: moshi's (`loaders.get_mimi`, names such as
`encoder_transformer.transformer.layers.0.self_attn.in_proj_weight`) or transformers' `MimiModel`
(`kyutai/mimi`, names such as `encoder_transformer.layers.0.self_attn.q_proj.weight`). The attention
head count is not in the weights: 8 (moshi's Mimi), unless a transformers `config.json` beside the
checkpoint says otherwise (`num_attention_heads`). The folder holds encoder.onnx (padded audio → latent at
12.5 Hz), quantizer.safetensors (core's `split-residual-vq`, all codebooks) and decoder.onnx (quantized
latent → audio); see seanet_codecs/folder.py for the graphs.
"""

from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

from export_common import load_checkpoint, parse_export_args, sha256_file  # noqa: E402
from seanet_codecs.folder import GRAPHS, write_codec_folder  # noqa: E402
from seanet_codecs.mimi_model import CONTEXT, DEFAULT_CODEBOOKS, FRAME_RATE, MAX_PERIOD, NUM_HEADS, SAMPLE_RATE, load_mimi, quantizer_tensors  # noqa: E402
from seanet_codecs.safetensors_reader import read_safetensors  # noqa: E402

VARIANTS = ['mimi']


def read_weights(path: str):
    if path.endswith(('.safetensors', '.sft')):
        return read_safetensors(path)
    loaded = load_checkpoint(path)
    return loaded['model'] if isinstance(loaded, dict) and 'model' in loaded else loaded


def head_count(checkpoint: str) -> int:
    config = os.path.join(os.path.dirname(os.path.abspath(checkpoint)), 'config.json')
    if os.path.exists(config):
        with open(config, encoding='utf-8') as handle:
            fields = json.load(handle)
        if fields.get('model_type') == 'mimi' and isinstance(fields.get('num_attention_heads'), int):
            return fields['num_attention_heads']
    return NUM_HEADS


def stream_name(index: int, semantic: int) -> str:
    return f'semantic{index}' if index < semantic else f'acoustic{index - semantic}'


def build_manifest(model, checkpoint: str) -> dict:
    quantizer = model.quantizer
    bins, codebook_dim = quantizer.rvq_first.vq.layers[0]._codebook.embedding_sum.shape
    default = min(DEFAULT_CODEBOOKS, quantizer.total)
    layers = len(model.encoder_transformer.transformer.layers)
    return {
        'name': 'jointok/mimi',
        'description': f'Mimi (Kyutai): {default} of {quantizer.total} codebooks of {bins} codes ({quantizer.semantic} semantic) at {FRAME_RATE:g} Hz',
        'modality': 'audio',
        'family': 'mimi',
        'quantizer': {'type': 'split-residual-vq', 'numQuantizers': quantizer.total, 'numSemantic': quantizer.semantic,
                      'codebookSize': int(bins), 'dim': model.dimension, 'codebookDim': int(codebook_dim)},
        'preprocessing': {'sampleRate': SAMPLE_RATE, 'channels': 1, 'padding': {'side': 'right', 'value': 0, 'multiple': model.frame_size}},
        'postprocessing': {'sampleRate': SAMPLE_RATE, 'channels': 1, 'samplesPerFrame': model.frame_size, 'trim': 'input-length'},
        'codeSpace': {'axes': ['codebooks', 'frames'],
                      'streams': [{'name': stream_name(i, quantizer.semantic), 'codebookSize': int(bins)} for i in range(default)],
                      'frameRate': FRAME_RATE},
        'config': {
            'frameSize': model.frame_size,
            'latentDim': model.dimension,
            'encoderFrameRate': SAMPLE_RATE / model.encoder.hop_length,
            'codebooks': default,
            'totalCodebooks': quantizer.total,
            'semanticCodebooks': quantizer.semantic,
            'transformer': {'layers': layers, 'heads': model.num_heads, 'context': CONTEXT, 'ropeMaxPeriod': MAX_PERIOD},
            'codePath': 'MimiModel.encode(x) with set_num_codebooks(codebooks): pad_for_conv1d(x, 1920, 1920), encoder, encoder_transformer, downsample, quantizer.encode',
            'graphs': GRAPHS,
        },
        'license': 'CC-BY-4.0',
        'source': {
            'url': 'https://huggingface.co/kyutai/mimi',
            'citation': 'Défossez, Mazaré, Orsini, Royer, Pérez, Jégou, Grave, Zeghidour: Moshi: a speech-text foundation model for real-time dialogue, 2024 (arXiv:2410.00037)',
            'checkpoint': os.path.basename(checkpoint),
            'checkpointSha256': sha256_file(checkpoint),
        },
    }


def main() -> None:
    args = parse_export_args('Export Kyutai\'s Mimi as a jointok model folder.', VARIANTS)
    try:
        model = load_mimi(read_weights(args.checkpoint), head_count(args.checkpoint))
    except (ValueError, KeyError) as error:
        sys.exit(f'error: {args.checkpoint}: {error}')
    manifest = build_manifest(model, args.checkpoint)
    encoder = torch.nn.Sequential(model.encoder, model.encoder_transformer, model.downsample)
    decoder = torch.nn.Sequential(model.upsample, model.decoder_transformer, model.decoder)
    write_codec_folder(args.out, encoder, decoder, quantizer_tensors(model), manifest,
                       example_samples=model.frame_size * 4, opset=args.opset)
    print(f'wrote {args.out}')


if __name__ == '__main__':
    main()
