#!/usr/bin/python3
"""Exports WavTokenizer (jishengpeng/WavTokenizer) as a jointok model folder.

    /usr/bin/python3 tools/export/wavtokenizer.py --checkpoint WavTokenizer_small_600_24k_4096.ckpt --out models/wavtokenizer-40 --variant 40
    /usr/bin/python3 tools/export/wavtokenizer.py --checkpoint WavTokenizer_small_320_24k_4096.ckpt --out models/wavtokenizer-75 --variant 75

`--variant` names the token rate (40 or 75 per second) and with it the published yaml's architecture
(encoder strides, iSTFT hop and size); the checkpoint's widths must fit it. The folder holds encoder.onnx
(audio → latent), quantizer.safetensors (core's `residual-vq` with one codebook) and decoder.onnx
(codebook rows → audio through the Vocos backbone and an exportable "same" iSTFT, bandwidth id 0).
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from export_common import load_checkpoint, parse_export_args, sha256_file  # noqa: E402
from seanet_codecs.folder import GRAPHS, codebook_streams, write_codec_folder  # noqa: E402
from seanet_codecs.layers import min_input_length  # noqa: E402
from seanet_codecs.wavtokenizer_model import BANDWIDTH_ID, SAMPLE_RATE, VARIANTS, Decoder, load_wavtokenizer, quantizer_tensors  # noqa: E402


def build_manifest(model, variant: str, checkpoint: str) -> dict:
    bins = model.quantizer.codebooks.shape[1]
    hop = model.hop_length
    frame_rate = SAMPLE_RATE / hop
    backbone = model.backbone
    return {
        'name': f'jointok/wavtokenizer-{variant}',
        'description': f'WavTokenizer: one codebook of {bins} codes at {frame_rate:g} tokens per second',
        'modality': 'audio',
        'family': 'wavtokenizer',
        'quantizer': {'type': 'residual-vq', 'numQuantizers': 1, 'codebookSize': int(bins), 'dim': model.dimension,
                      'channelAxis': 'first', 'indexLayout': 'streams-after-batch'},
        'preprocessing': {
            'sampleRate': SAMPLE_RATE, 'channels': 1, 'normalize': False,
            # The encoder pads inside its convolutions (reflect, centred), and so does encoder.onnx.
            'padding': {'side': 'right', 'value': 0, 'multiple': 1},
            'minSamples': min_input_length(model.encoder),
        },
        'postprocessing': {'sampleRate': SAMPLE_RATE, 'channels': 1, 'samplesPerFrame': hop, 'trim': 'input-length'},
        'codeSpace': {'axes': ['codebooks', 'frames'], 'streams': codebook_streams(1, int(bins)), 'frameRate': frame_rate},
        'config': {
            'hopLength': hop,
            'latentDim': model.dimension,
            'ratios': list(VARIANTS[variant][0]),
            'frames': 'ceil(samples / hopLength)',
            'nFft': model.head.istft.n_fft,
            'bandwidthId': BANDWIDTH_ID,
            'backbone': {'dim': backbone.final_layer_norm.normalized_shape[0], 'layers': len(backbone.convnext)},
            'codePath': 'WavTokenizer.encode_infer(wav, bandwidth_id=0) (quantizer.infer: the first codebook), decode(features, bandwidth_id=0)',
            'graphs': GRAPHS,
        },
        'license': 'MIT',
        'source': {
            'url': 'https://github.com/jishengpeng/WavTokenizer',
            'citation': 'Ji et al.: WavTokenizer: an Efficient Acoustic Discrete Codec Tokenizer for Audio Language Modeling, ICLR 2025 (arXiv:2408.16532)',
            'checkpoint': os.path.basename(checkpoint),
            'checkpointSha256': sha256_file(checkpoint),
        },
    }


def main() -> None:
    args = parse_export_args('Export WavTokenizer as a jointok model folder.', sorted(VARIANTS), default_variant='75')
    try:
        model = load_wavtokenizer(load_checkpoint(args.checkpoint), args.variant)
    except (ValueError, KeyError) as error:
        sys.exit(f'error: {args.checkpoint}: {error}')
    manifest = build_manifest(model, args.variant, args.checkpoint)
    write_codec_folder(args.out, model.encoder, Decoder(model), quantizer_tensors(model), manifest,
                       example_samples=model.hop_length * 8, opset=args.opset)
    print(f'wrote {args.out}')


if __name__ == '__main__':
    main()
