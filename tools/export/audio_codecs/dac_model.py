"""DAC (descriptinc/descript-audio-codec, MIT) written for jointok: same modules, parameter names, arithmetic.

Checkpoints are published as `weights.pth`, written by audiotools' `BaseModel.save(path, package=False)`:
`torch.save({'state_dict': model.state_dict(), 'metadata': {'kwargs': {...constructor arguments...}}})`.
The weight norm is the old `torch.nn.utils.weight_norm` (`weight_g`, `weight_v`).

Only the plain path is modelled: `model.encode(model.preprocess(x, sample_rate))` (right zero pad to a
multiple of the hop length, encoder, residual VQ) and `model.decode(z)`. `compress`/`decompress` (loudness
normalisation to -16 dB, chunked windows with the convolutions' padding switched off for inputs longer
than `win_duration`) give other codes and are not reproduced.
"""

from __future__ import annotations

import inspect
import math
from typing import Any, Dict, List, Sequence, Union

import torch
from torch import nn
from torch.nn import functional as F

from .factorized_vq import FactorizedResidualVQ
from .layers import LEGACY, Snake, WeightNormConv


def _conv(*args, **kwargs) -> WeightNormConv:
    return WeightNormConv(*args, naming=LEGACY, **kwargs)


class ResidualUnit(nn.Module):
    def __init__(self, dim: int, dilation: int):
        super().__init__()
        pad = ((7 - 1) * dilation) // 2
        self.block = nn.Sequential(Snake(dim), _conv(dim, dim, 7, dilation=dilation, padding=pad), Snake(dim), _conv(dim, dim, 1))

    def forward(self, x):
        # With the convolutions' padding on (the plain path), lengths match and the reference crops nothing.
        return x + self.block(x)


class EncoderBlock(nn.Module):
    def __init__(self, dim: int, stride: int):
        super().__init__()
        half = dim // 2
        self.block = nn.Sequential(ResidualUnit(half, 1), ResidualUnit(half, 3), ResidualUnit(half, 9), Snake(half),
                                   _conv(half, dim, 2 * stride, stride=stride, padding=math.ceil(stride / 2)))

    def forward(self, x):
        return self.block(x)


class Encoder(nn.Module):
    def __init__(self, d_model: int, strides: Sequence[int], d_latent: int):
        super().__init__()
        layers: List[nn.Module] = [_conv(1, d_model, 7, padding=3)]
        for stride in strides:
            d_model *= 2
            layers.append(EncoderBlock(d_model, stride))
        layers += [Snake(d_model), _conv(d_model, d_latent, 3, padding=1)]
        self.block = nn.Sequential(*layers)

    def forward(self, x):
        return self.block(x)


class DecoderBlock(nn.Module):
    def __init__(self, input_dim: int, output_dim: int, stride: int):
        super().__init__()
        self.block = nn.Sequential(
            Snake(input_dim),
            _conv(input_dim, output_dim, 2 * stride, stride=stride, padding=math.ceil(stride / 2), transposed=True),
            ResidualUnit(output_dim, 1), ResidualUnit(output_dim, 3), ResidualUnit(output_dim, 9))

    def forward(self, x):
        return self.block(x)


class Decoder(nn.Module):
    def __init__(self, input_channel: int, channels: int, rates: Sequence[int], d_out: int = 1):
        super().__init__()
        layers: List[nn.Module] = [_conv(input_channel, channels, 7, padding=3)]
        output_dim = channels
        for i, stride in enumerate(rates):
            input_dim, output_dim = channels // 2 ** i, channels // 2 ** (i + 1)
            layers.append(DecoderBlock(input_dim, output_dim, stride))
        layers += [Snake(output_dim), _conv(output_dim, d_out, 7, padding=3), nn.Tanh()]
        self.model = nn.Sequential(*layers)

    def forward(self, x):
        return self.model(x)


class Dac(nn.Module):
    """The whole codec, constructed from the same keyword arguments as the reference's `DAC`."""

    def __init__(self, encoder_dim: int = 64, encoder_rates: Sequence[int] = (2, 4, 8, 8), latent_dim: int = None,
                 decoder_dim: int = 1536, decoder_rates: Sequence[int] = (8, 8, 4, 2), n_codebooks: int = 9,
                 codebook_size: int = 1024, codebook_dim: Union[int, Sequence[int]] = 8, quantizer_dropout: float = 0.0,
                 sample_rate: int = 44100):
        super().__init__()
        del quantizer_dropout  # training only
        self.encoder_rates, self.decoder_rates = list(encoder_rates), list(decoder_rates)
        self.sample_rate = sample_rate
        self.latent_dim = latent_dim if latent_dim is not None else encoder_dim * 2 ** len(encoder_rates)
        self.hop_length = math.prod(self.encoder_rates)
        self.n_codebooks, self.codebook_size = n_codebooks, codebook_size
        self.codebook_dims = list(codebook_dim) if isinstance(codebook_dim, (list, tuple)) else [codebook_dim] * n_codebooks
        self.encoder = Encoder(encoder_dim, self.encoder_rates, self.latent_dim)
        self.quantizer = FactorizedResidualVQ(self.latent_dim, codebook_size, self.codebook_dims, [1] * n_codebooks, LEGACY)
        self.decoder = Decoder(self.latent_dim, decoder_dim, self.decoder_rates)

    def preprocess(self, audio: torch.Tensor) -> torch.Tensor:
        length = audio.shape[-1]
        return F.pad(audio, (0, math.ceil(length / self.hop_length) * self.hop_length - length))

    def encode_latent(self, audio: torch.Tensor) -> torch.Tensor:
        """Pre-quantization latent `[B, latent_dim, T / hop]` of padded audio `[B, 1, T]`."""
        return self.encoder(audio)

    def encode(self, audio: torch.Tensor, n_quantizers: int = None):
        """The reference's `encode(preprocess(x))`: (z, codes `[B, N, T]`, projected latents `[B, N·d, T]`)."""
        quantized, codes, projected = self.quantizer(self.encode_latent(self.preprocess(audio)), n_quantizers)
        return quantized, torch.stack(codes, dim=1), torch.cat(projected, dim=1)

    def decode(self, quantized: torch.Tensor) -> torch.Tensor:
        return self.decoder(quantized)


def dac_kwargs(metadata_kwargs: Dict[str, Any]) -> Dict[str, Any]:
    """The constructor arguments audiotools' `BaseModel.load` would pass: unknown keys dropped."""
    known = set(inspect.signature(Dac).parameters)
    return {k: v for k, v in metadata_kwargs.items() if k in known}


def load_dac(checkpoint: Dict[str, Any]) -> Dac:
    """Builds the model from a `weights.pth` dict (`state_dict` + `metadata.kwargs`) and loads it strictly."""
    from .layers import rename_weight_norm

    if not isinstance(checkpoint, dict) or 'state_dict' not in checkpoint or 'metadata' not in checkpoint:
        raise ValueError("not an audiotools weights file: expected {'state_dict': ..., 'metadata': {'kwargs': ...}}")
    model = Dac(**dac_kwargs(checkpoint['metadata']['kwargs']))
    model.load_state_dict(rename_weight_norm(checkpoint['state_dict'], LEGACY), strict=True)
    return model.eval()
