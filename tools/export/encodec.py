#!/usr/bin/python3
"""Exports EnCodec 24 kHz (facebookresearch/encodec) as a jointok model folder.

    /usr/bin/python3 tools/export/encodec.py --checkpoint encodec_24khz-d7cc33bc.th --out models/encodec-24khz

The checkpoint is the published state dict under its published name: like EnCodec's own loader, the
script checks that the file's sha256 starts with the 8 hex digits of the name (`d7cc33bc`) and refuses it
otherwise. The folder holds encoder.onnx (audio → latent), quantizer.safetensors (core's `residual-vq`,
all codebooks) and decoder.onnx (quantized latent → audio); see seanet_codecs/folder.py for the graphs.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from export_common import load_checkpoint, parse_export_args  # noqa: E402
from seanet_codecs.checkpoint_name import ChecksumMismatchError, check_name_digest  # noqa: E402
from seanet_codecs.encodec_model import SAMPLE_RATE, TARGET_BANDWIDTHS, load_encodec, quantizer_tensors  # noqa: E402
from seanet_codecs.folder import GRAPHS, codebook_streams, write_codec_folder  # noqa: E402
from seanet_codecs.layers import min_input_length  # noqa: E402

VARIANTS = ['24khz']
# Bark and VALL-E tokenize with EnCodec 24 kHz at 6 kbps, and it is the `encodec` command's default.
DEFAULT_BANDWIDTH = 6.0


def build_manifest(model, checkpoint: str, checkpoint_sha256: str) -> dict:
    books = model.quantizer.num_quantizers
    bins = model.bins
    default_books = model.codebooks_for_bandwidth(DEFAULT_BANDWIDTH)
    hop = model.hop_length
    min_samples = min_input_length(model.encoder)
    min_frames = min_input_length(model.decoder)
    return {
        'name': 'jointok/encodec-24khz',
        'description': f'EnCodec 24 kHz: {default_books} of {books} codebooks of {bins} codes ({DEFAULT_BANDWIDTH:g} kbps) at {model.frame_rate} Hz',
        'modality': 'audio',
        'family': 'encodec',
        'quantizer': {'type': 'residual-vq', 'numQuantizers': books, 'codebookSize': bins, 'dim': model.encoder.dimension,
                      'channelAxis': 'first', 'indexLayout': 'streams-after-batch'},
        'preprocessing': {
            'sampleRate': SAMPLE_RATE, 'channels': 1, 'normalize': False,
            # EnCodec pads inside its convolutions (reflect), and so does encoder.onnx: no padding here.
            'padding': {'side': 'right', 'value': 0, 'multiple': 1},
            'minSamples': min_samples,
        },
        'postprocessing': {'sampleRate': SAMPLE_RATE, 'channels': 1, 'samplesPerFrame': hop, 'trim': 'input-length'},
        'codeSpace': {'axes': ['codebooks', 'frames'], 'streams': codebook_streams(default_books, bins), 'frameRate': model.frame_rate},
        'config': {
            'hopLength': hop,
            'latentDim': model.encoder.dimension,
            'ratios': list(model.encoder.ratios[::-1]),
            'frames': 'ceil(samples / hopLength)',
            'bandwidth': DEFAULT_BANDWIDTH,
            'codebooks': default_books,
            'bandwidths': [{'bandwidth': b, 'codebooks': model.codebooks_for_bandwidth(b)} for b in TARGET_BANDWIDTHS],
            'minFrames': min_frames,
            'codePath': 'EncodecModel.encode(x) after set_target_bandwidth(bandwidth): one segment, no normalisation, quantizer.encode(encoder(x))',
            'graphs': GRAPHS,
        },
        'license': 'MIT',
        'source': {
            'url': 'https://github.com/facebookresearch/encodec',
            'citation': 'Défossez, Copet, Synnaeve, Adi: High Fidelity Neural Audio Compression, 2022 (arXiv:2210.13438)',
            'checkpoint': os.path.basename(checkpoint),
            'checkpointSha256': checkpoint_sha256,
        },
    }


def main() -> None:
    args = parse_export_args('Export EnCodec 24 kHz as a jointok model folder.', VARIANTS)
    try:
        checkpoint_sha256 = check_name_digest(args.checkpoint)
    except ChecksumMismatchError as error:
        sys.exit(f'error: {error}. EnCodec\'s loader checks the same digits (encodec.utils._check_checksum).')
    try:
        model = load_encodec(load_checkpoint(args.checkpoint))
    except ValueError as error:
        sys.exit(f'error: {args.checkpoint}: {error}')
    manifest = build_manifest(model, args.checkpoint, checkpoint_sha256)
    write_codec_folder(args.out, model.encoder, model.decoder, quantizer_tensors(model), manifest,
                       example_samples=model.hop_length * 8, opset=args.opset)
    print(f'wrote {args.out}')


if __name__ == '__main__':
    main()
