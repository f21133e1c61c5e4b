#!/usr/bin/python3
"""Exports a SNAC checkpoint (hubertsiuzdak/snac) to a jointok model folder.

    /usr/bin/python3 tools/export/snac.py --checkpoint <dir>/pytorch_model.bin --out <folder> [--variant 24khz|32khz|44khz]

The checkpoint is the published `pytorch_model.bin` (a state dict); its architecture is read from the
`config.json` beside it (the published folder layout), or, without one, from the variant's published
config. The variant's sample rate must match the config's.

Folder written (see the jointok.json `config.graphs` for the names):
* encoder.onnx: `audio` float32 [B, 1, T] → `latent` float32 [B, latent_dim, T / hop]. T must already be
  right-padded with zeros to a multiple of `preprocessing.padding.multiple` = hop · lcm(vq_strides[0],
  attn_window_size or 1) (the reference's `preprocess`).
* decoder.onnx: `latent` float32 [B, latent_dim, F] (the quantizer's decode) and `noise.<i>` float32
  [B, 1, F · Π_{j≤i} decoder_rates[j]] (one per decoder block) → `audio` float32 [B, 1, F · hop].
  The reference draws the noise with torch.randn inside every decode; zeros give a reproducible decode.
* quantizer.safetensors: core's `multiscale-residual-vq` weights (`quantizers.<i>.in_proj.weight_v`, ...).
* jointok.json.
"""

from __future__ import annotations

import json
import math
import os
import sys

from export_common import load_checkpoint, parse_export_args, sha256_file

from audio_codecs.folder import codec_streams, write_codec_folder
from audio_codecs.snac_model import load_snac

# The config.json files of the published models (hubertsiuzdak/snac_24khz, _32khz, _44khz).
VARIANTS = {
    '24khz': {'sampling_rate': 24000, 'encoder_dim': 48, 'encoder_rates': [2, 4, 8, 8], 'decoder_dim': 1024,
              'decoder_rates': [8, 8, 4, 2], 'attn_window_size': None, 'codebook_size': 4096, 'codebook_dim': 8,
              'vq_strides': [4, 2, 1], 'noise': True, 'depthwise': True},
    '32khz': {'sampling_rate': 32000, 'encoder_dim': 64, 'encoder_rates': [2, 3, 8, 8], 'decoder_dim': 1536,
              'decoder_rates': [8, 8, 3, 2], 'attn_window_size': 32, 'codebook_size': 4096, 'codebook_dim': 8,
              'vq_strides': [8, 4, 2, 1], 'noise': True, 'depthwise': True},
    '44khz': {'sampling_rate': 44100, 'encoder_dim': 64, 'encoder_rates': [2, 3, 8, 8], 'decoder_dim': 1536,
              'decoder_rates': [8, 8, 3, 2], 'attn_window_size': 32, 'codebook_size': 4096, 'codebook_dim': 8,
              'vq_strides': [8, 4, 2, 1], 'noise': True, 'depthwise': True},
}
CITATION = 'Siuzdak, Grötschla, Lanzendörfer: SNAC: Multi-Scale Neural Audio Codec (2024), arXiv:2410.14411'


def read_config(checkpoint: str, variant: str) -> dict:
    path = os.path.join(os.path.dirname(os.path.abspath(checkpoint)), 'config.json')
    if not os.path.exists(path):
        return dict(VARIANTS[variant])
    with open(path, encoding='utf-8') as handle:
        config = json.load(handle)
    # Fields the reference's constructor does not take (a hub's model_type, say) are not architecture.
    config = {k: v for k, v in config.items() if k in VARIANTS[variant]}
    if config.get('sampling_rate') != VARIANTS[variant]['sampling_rate']:
        sys.exit(f'{path}: sampling_rate {config.get("sampling_rate")} is not the {variant} variant\'s '
                 f'{VARIANTS[variant]["sampling_rate"]} (pick the matching --variant)')
    return config


def build_manifest(model, config: dict, variant: str, checkpoint_sha: str) -> dict:
    published = config == VARIANTS[variant]
    strides = model.vq_strides
    codebook_size = model.config['codebook_size']
    noise_blocks = len(model.noise_lengths(1))
    upsampling = model.noise_lengths(1)
    rates_hz = ', '.join(f'{model.sampling_rate / model.hop_length / s:.3g}' for s in strides)
    return {
        'name': f'jointok/snac-{variant}' + ('' if published else '-custom'),
        'description': (f'SNAC {variant}' + ('' if published else ' architecture (custom sizes)') +
                        f': {len(strides)} codebooks of {codebook_size} codes at {rates_hz} Hz'),
        'modality': 'audio',
        'family': 'snac',
        'quantizer': {'type': 'multiscale-residual-vq', 'strides': strides, 'codebookSize': codebook_size,
                      'dim': model.latent_dim, 'codebookDim': model.config['codebook_dim']},
        'preprocessing': {'sampleRate': model.sampling_rate, 'channels': 1,
                          'padding': {'side': 'right', 'value': 0, 'multiple': model.pad_multiple}},
        'postprocessing': {'sampleRate': model.sampling_rate, 'channels': 1, 'samplesPerFrame': model.hop_length,
                           'trim': 'input-length'},
        'codeSpace': {'axes': ['tokens'], 'streams': codec_streams(len(strides), codebook_size, strides),
                      'frameRate': model.sampling_rate / model.hop_length},
        'config': {
            'hopLength': model.hop_length,
            'latentDim': model.latent_dim,
            'padMultiple': model.pad_multiple,
            'vqStrides': strides,
            'attnWindowSize': model.attn_window_size,
            'decoderRates': model.decoder_rates,
            'graphs': {
                'encoder': {'inputs': ['audio'], 'outputs': ['latent']},
                'decoder': {'inputs': ['latent'] + [f'noise.{i}' for i in range(noise_blocks)], 'outputs': ['audio']},
            },
            'noise': {
                'inputs': [{'name': f'noise.{i}', 'samplesPerFrame': upsampling[i]} for i in range(noise_blocks)],
                'shape': '[batch, 1, frames * samplesPerFrame]',
                'reference': 'torch.randn((B, 1, T_i)) drawn in every NoiseBlock at every decode; zeros remove the noise term',
            },
            'checkpointConfig': config,
        },
        'license': 'MIT',
        'source': {'url': f'https://huggingface.co/hubertsiuzdak/snac_{variant}', 'citation': CITATION,
                   'checkpointSha256': checkpoint_sha},
    }


def main() -> None:
    args = parse_export_args('Export a SNAC checkpoint to a jointok model folder.', list(VARIANTS))
    config = read_config(args.checkpoint, args.variant)
    try:
        model = load_snac(config, load_checkpoint(args.checkpoint))
    except (ValueError, KeyError, RuntimeError, AttributeError) as error:
        sys.exit(f'{args.checkpoint}: not a SNAC state dict for {config}: {error}')
    manifest = build_manifest(model, config, args.variant, sha256_file(args.checkpoint))
    # Trace on two padding blocks (the graphs stay dynamic in batch and time).
    samples = 2 * model.pad_multiple
    frames = samples // model.hop_length
    write_codec_folder(args.out, model, manifest, samples, frames, model.noise_lengths(frames), args.opset)
    print(f'wrote {args.out}')


if __name__ == '__main__':
    main()
