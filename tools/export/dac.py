#!/usr/bin/python3
"""Exports a DAC checkpoint (descriptinc/descript-audio-codec) to a jointok model folder.

    /usr/bin/python3 tools/export/dac.py --checkpoint weights.pth --out <folder> [--variant 44khz|24khz|16khz|44khz-16kbps]

The checkpoint is the published `weights.pth`, written by audiotools' `BaseModel.save(..., package=False)`:
`{'state_dict': ..., 'metadata': {'kwargs': <DAC constructor arguments>}}`; the architecture comes from
`metadata.kwargs`. The variant's sample rate must match `kwargs.sample_rate`.

Codes follow the plain path `model.encode(model.preprocess(x, sample_rate))`: right zero pad to a multiple
of the hop length, encoder, residual VQ over every codebook. `compress()` (loudness normalisation to
-16 dB, and for inputs longer than its 1 s window chunked encoding with the convolutions' padding off)
gives other codes.

Folder written:
* encoder.onnx: `audio` float32 [B, 1, T], T a multiple of the hop length → `latent` float32 [B, latent_dim, T / hop].
* decoder.onnx: `latent` float32 [B, latent_dim, F] (the quantizer's decode) → `audio` float32 [B, 1, T'],
  T' = F · hop when every decoder rate is even; each odd rate r takes one sample off (L → L · r − 1).
* quantizer.safetensors: core's `projected-residual-vq` weights (`quantizers.<i>.in_proj.weight_v`, ...).
* jointok.json.
"""

from __future__ import annotations

import sys

from export_common import load_checkpoint, parse_export_args, sha256_file

from audio_codecs.dac_model import Dac, dac_kwargs, load_dac
from audio_codecs.folder import codec_streams, write_codec_folder

# metadata.kwargs of the published weights (conf/final/*.yml; latent_dim as BaseModel.save records it).
VARIANTS = {
    '44khz': {'encoder_dim': 64, 'encoder_rates': [2, 4, 8, 8], 'latent_dim': 1024, 'decoder_dim': 1536,
              'decoder_rates': [8, 8, 4, 2], 'n_codebooks': 9, 'codebook_size': 1024, 'codebook_dim': 8, 'sample_rate': 44100},
    '24khz': {'encoder_dim': 64, 'encoder_rates': [2, 4, 5, 8], 'latent_dim': 1024, 'decoder_dim': 1536,
              'decoder_rates': [8, 5, 4, 2], 'n_codebooks': 32, 'codebook_size': 1024, 'codebook_dim': 8, 'sample_rate': 24000},
    '16khz': {'encoder_dim': 64, 'encoder_rates': [2, 4, 5, 8], 'latent_dim': 1024, 'decoder_dim': 1536,
              'decoder_rates': [8, 5, 4, 2], 'n_codebooks': 12, 'codebook_size': 1024, 'codebook_dim': 8, 'sample_rate': 16000},
    '44khz-16kbps': {'encoder_dim': 64, 'encoder_rates': [2, 4, 8, 8], 'latent_dim': 128, 'decoder_dim': 1536,
                     'decoder_rates': [8, 8, 4, 2], 'n_codebooks': 18, 'codebook_size': 1024, 'codebook_dim': 8, 'sample_rate': 44100},
}
# The release that published each variant's weights.
RELEASES = {'44khz': '0.0.1', '24khz': '0.0.4', '16khz': '0.0.5', '44khz-16kbps': '1.0.0'}
CITATION = 'Kumar, Seetharaman, Luebs, Kumar, Kumar: High-Fidelity Audio Compression with Improved RVQGAN, NeurIPS 2023'



def is_published(kwargs: dict, variant: str) -> bool:
    return all(kwargs.get(k) == v for k, v in VARIANTS[variant].items() if k != 'codebook_dim') and kwargs.get('codebook_dim', 8) == 8


def build_manifest(model: Dac, kwargs: dict, variant: str, checkpoint_sha: str) -> dict:
    published = is_published(kwargs, variant)
    frame_rate = model.sample_rate / model.hop_length
    source = {'url': 'https://github.com/descriptinc/descript-audio-codec', 'citation': CITATION, 'checkpointSha256': checkpoint_sha}
    if published:
        source['revision'] = RELEASES[variant]
    return {
        'name': f'jointok/dac-{variant}' + ('' if published else '-custom'),
        'description': (f'DAC {variant}' + ('' if published else ' architecture (custom sizes)') +
                        f': {model.n_codebooks} codebooks of {model.codebook_size} codes at {frame_rate:.6g} Hz'),
        'modality': 'audio',
        'family': 'dac',
        'quantizer': {'type': 'projected-residual-vq', 'numQuantizers': model.n_codebooks, 'codebookSize': model.codebook_size,
                      'dim': model.latent_dim, 'codebookDim': model.codebook_dims if len(set(model.codebook_dims)) > 1 else model.codebook_dims[0]},
        'preprocessing': {'sampleRate': model.sample_rate, 'channels': 1,
                          'padding': {'side': 'right', 'value': 0, 'multiple': model.hop_length}},
        'postprocessing': {'sampleRate': model.sample_rate, 'channels': 1, 'samplesPerFrame': model.hop_length,
                           'trim': 'input-length'},
        'codeSpace': {'axes': ['codebooks', 'frames'], 'streams': codec_streams(model.n_codebooks, model.codebook_size),
                      'frameRate': frame_rate},
        'config': {
            'hopLength': model.hop_length,
            'latentDim': model.latent_dim,
            'encoderRates': model.encoder_rates,
            'decoderRates': model.decoder_rates,
            'codePath': 'model.encode(model.preprocess(audio, sample_rate)) (not compress())',
            'graphs': {'encoder': {'inputs': ['audio'], 'outputs': ['latent']}, 'decoder': {'inputs': ['latent'], 'outputs': ['audio']}},
            'checkpointKwargs': kwargs,
        },
        'license': 'MIT',
        'source': source,
    }


def main() -> None:
    args = parse_export_args('Export a DAC weights.pth to a jointok model folder.', list(VARIANTS), '44khz')
    checkpoint = load_checkpoint(args.checkpoint)
    try:
        model = load_dac(checkpoint)
    except (ValueError, KeyError, RuntimeError) as error:
        sys.exit(f'{args.checkpoint}: {error}')
    if model.sample_rate != VARIANTS[args.variant]['sample_rate']:
        sys.exit(f'{args.checkpoint}: sample_rate {model.sample_rate} is not the {args.variant} variant\'s '
                 f'{VARIANTS[args.variant]["sample_rate"]} (pick the matching --variant)')
    kwargs = dac_kwargs(checkpoint['metadata']['kwargs'])
    manifest = build_manifest(model, kwargs, args.variant, sha256_file(args.checkpoint))
    frames = 4
    write_codec_folder(args.out, model, manifest, frames * model.hop_length, frames, [], args.opset)
    print(f'wrote {args.out}')


if __name__ == '__main__':
    main()
