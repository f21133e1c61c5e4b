"""SNAC (hubertsiuzdak/snac, MIT) written for jointok: same modules, same parameter names, same arithmetic.

Checkpoints are published as `config.json` + `pytorch_model.bin` (a plain state dict). The weight norm
is stored under the parametrizations API's names (`...parametrizations.weight.original0/1`); older
`weight_g`/`weight_v` names are renamed on load.

The decoder's `NoiseBlock`s add `noise · conv1x1(x)` after every upsampling step, with `noise` drawn by
`torch.randn((B, 1, T))` inside the reference's forward, so the reference's decode is not reproducible
without seeding torch. Here every noise block takes its noise as an argument: `decode(z, noises)` with
`noises[i]` of shape `[B, 1, T_i]`, `T_i = frames · Π_{j≤i} decoder_rates[j]` (see `noise_lengths`).
Zeros give a deterministic decode (the noise term vanishes); the tensors the reference would draw
after `torch.manual_seed(s)` (`draw_reference_noise`) give exactly the reference's output under that seed.
"""

from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Sequence

import torch
from torch import nn
from torch.nn import functional as F

from .factorized_vq import FactorizedResidualVQ
from .layers import PARAMETRIZED, Snake, WeightNormConv

# The reference's constructor defaults (the published config.json files set every field anyway).
DEFAULT_CONFIG: Dict[str, Any] = {
    'sampling_rate': 44100, 'encoder_dim': 64, 'encoder_rates': [3, 3, 7, 7], 'latent_dim': None,
    'decoder_dim': 1536, 'decoder_rates': [7, 7, 3, 3], 'attn_window_size': 32, 'codebook_size': 4096,
    'codebook_dim': 8, 'vq_strides': [8, 4, 2, 1], 'noise': True, 'depthwise': True,
}


def _conv(*args, **kwargs) -> WeightNormConv:
    return WeightNormConv(*args, naming=PARAMETRIZED, **kwargs)


class ResidualUnit(nn.Module):
    def __init__(self, dim: int, dilation: int, kernel: int = 7, groups: int = 1):
        super().__init__()
        pad = ((kernel - 1) * dilation) // 2
        self.block = nn.Sequential(Snake(dim), _conv(dim, dim, kernel, dilation=dilation, padding=pad, groups=groups),
                                   Snake(dim), _conv(dim, dim, 1))

    def forward(self, x):
        # Same-length convolutions: the reference's crop of x never applies.
        return x + self.block(x)


class EncoderBlock(nn.Module):
    def __init__(self, output_dim: int, stride: int, groups: int):
        super().__init__()
        input_dim = output_dim // 2
        self.block = nn.Sequential(
            ResidualUnit(input_dim, 1, groups=groups), ResidualUnit(input_dim, 3, groups=groups), ResidualUnit(input_dim, 9, groups=groups),
            Snake(input_dim), _conv(input_dim, output_dim, 2 * stride, stride=stride, padding=math.ceil(stride / 2)))

    def forward(self, x):
        return self.block(x)


class NoiseBlock(nn.Module):
    """`x + noise · W x` with `W` a bias-free 1x1 convolution; the noise comes in as an argument."""

    def __init__(self, dim: int):
        super().__init__()
        self.linear = _conv(dim, dim, 1, bias=False)

    def forward(self, x, noise):
        return x + noise * self.linear(x)


class DecoderBlock(nn.Module):
    def __init__(self, input_dim: int, output_dim: int, stride: int, noise: bool, groups: int):
        super().__init__()
        layers: List[nn.Module] = [
            Snake(input_dim),
            _conv(input_dim, output_dim, 2 * stride, stride=stride, padding=math.ceil(stride / 2), transposed=True, output_padding=stride % 2),
        ]
        if noise:
            layers.append(NoiseBlock(output_dim))
        layers += [ResidualUnit(output_dim, 1, groups=groups), ResidualUnit(output_dim, 3, groups=groups), ResidualUnit(output_dim, 9, groups=groups)]
        self.block = nn.Sequential(*layers)

    def forward(self, x, noise: Optional[torch.Tensor]):
        for layer in self.block:
            if isinstance(layer, NoiseBlock):
                x = layer(x, noise if noise is not None else torch.zeros((x.shape[0], 1, x.shape[2]), dtype=x.dtype))
            else:
                x = layer(x)
        return x


class SinusoidalPositions(nn.Module):
    """Rotary frequencies of the local attention (`inv_freq` is a persistent buffer, so it is in checkpoints)."""

    def __init__(self, dim: int):
        super().__init__()
        self.register_buffer('inv_freq', 1.0 / (10000 ** (torch.arange(0, dim, 2).float() / dim)))

    def forward(self, length: int) -> torch.Tensor:
        t = torch.arange(length).type_as(self.inv_freq)
        freqs = torch.einsum('i , j -> i j', t, self.inv_freq)
        return torch.cat((freqs, freqs), dim=-1)


def _rotate_half(x: torch.Tensor) -> torch.Tensor:
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class LocalAttention(nn.Module):
    """`LocalMHA`: pre-LayerNorm multi-head self-attention inside non-overlapping windows, rotary positions."""

    def __init__(self, dim: int, window_size: int, dim_head: int = 64):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.heads = dim // dim_head
        self.dim_head = dim_head
        self.window_size = window_size
        self.to_qkv = nn.Linear(dim, dim * 3, bias=False)
        self.rel_pos = SinusoidalPositions(dim_head)
        self.to_out = nn.Linear(dim, dim, bias=False)

    def forward(self, x):
        batch, channels, length = x.shape
        windows = length // self.window_size
        h = self.norm(x.transpose(1, 2))
        q, k, v = self.to_qkv(h).chunk(3, dim=-1)

        def split(t):  # b (w n) (h d) -> b h w n d
            return t.reshape(batch, windows, self.window_size, self.heads, self.dim_head).permute(0, 3, 1, 2, 4)

        q, k, v = split(q), split(k), split(v)
        freqs = self.rel_pos(self.window_size)
        # No xpos: the reference's scale is ones(1), and multiplying by it changes nothing.
        q = q * freqs.cos() + _rotate_half(q) * freqs.sin()
        k = k * freqs.cos() + _rotate_half(k) * freqs.sin()
        # torch's scaled_dot_product_attention, math backend: q and k each scaled by sqrt(1/sqrt(d)).
        root_scale = math.sqrt(1.0 / math.sqrt(self.dim_head))
        scores = torch.matmul(q * root_scale, k.transpose(-2, -1) * root_scale)
        out = torch.matmul(scores.softmax(dim=-1), v)
        out = out.permute(0, 2, 3, 1, 4).reshape(batch, length, channels)
        return self.to_out(out).transpose(1, 2) + x


class Encoder(nn.Module):
    def __init__(self, d_model: int, strides: Sequence[int], depthwise: bool, attn_window_size: Optional[int]):
        super().__init__()
        layers: List[nn.Module] = [_conv(1, d_model, 7, padding=3)]
        for stride in strides:
            d_model *= 2
            layers.append(EncoderBlock(d_model, stride, d_model // 2 if depthwise else 1))
        if attn_window_size is not None:
            layers.append(LocalAttention(d_model, attn_window_size))
        layers.append(_conv(d_model, d_model, 7, padding=3, groups=d_model if depthwise else 1))
        self.block = nn.Sequential(*layers)

    def forward(self, x):
        return self.block(x)


class Decoder(nn.Module):
    def __init__(self, input_channel: int, channels: int, rates: Sequence[int], noise: bool, depthwise: bool, attn_window_size: Optional[int]):
        super().__init__()
        if depthwise:
            layers: List[nn.Module] = [_conv(input_channel, input_channel, 7, padding=3, groups=input_channel), _conv(input_channel, channels, 1)]
        else:
            layers = [_conv(input_channel, channels, 7, padding=3)]
        if attn_window_size is not None:
            layers.append(LocalAttention(channels, attn_window_size))
        output_dim = channels
        for i, stride in enumerate(rates):
            input_dim, output_dim = channels // 2 ** i, channels // 2 ** (i + 1)
            layers.append(DecoderBlock(input_dim, output_dim, stride, noise, output_dim if depthwise else 1))
        layers += [Snake(output_dim), _conv(output_dim, 1, 7, padding=3), nn.Tanh()]
        self.model = nn.Sequential(*layers)

    def forward(self, x, noises: Optional[Sequence[torch.Tensor]] = None):
        block_index = 0
        for layer in self.model:
            if isinstance(layer, DecoderBlock):
                x = layer(x, None if noises is None else noises[block_index])
                block_index += 1
            else:
                x = layer(x)
        return x


class Snac(nn.Module):
    """The whole codec. `encode_latent` → `quantizer` → `decode`; `preprocess` is the reference's right pad."""

    def __init__(self, **config: Any):
        super().__init__()
        unknown = set(config) - set(DEFAULT_CONFIG)
        if unknown:
            raise ValueError(f'unknown SNAC config fields: {sorted(unknown)}')
        c = {**DEFAULT_CONFIG, **config}
        self.config = c
        self.sampling_rate = c['sampling_rate']
        self.latent_dim = c['latent_dim'] or c['encoder_dim'] * 2 ** len(c['encoder_rates'])
        self.hop_length = math.prod(c['encoder_rates'])
        self.vq_strides = list(c['vq_strides'])
        self.attn_window_size = c['attn_window_size']
        self.decoder_rates = list(c['decoder_rates'])
        self.noise = bool(c['noise'])
        self.encoder = Encoder(c['encoder_dim'], c['encoder_rates'], c['depthwise'], c['attn_window_size'])
        self.quantizer = FactorizedResidualVQ(self.latent_dim, c['codebook_size'], [c['codebook_dim']] * len(self.vq_strides), self.vq_strides, PARAMETRIZED)
        self.decoder = Decoder(self.latent_dim, c['decoder_dim'], c['decoder_rates'], self.noise, c['depthwise'], c['attn_window_size'])

    @property
    def pad_multiple(self) -> int:
        """Input lengths are right-padded with zeros to a multiple of this: hop · lcm(vq_strides[0], window or 1)."""
        return self.hop_length * math.lcm(self.vq_strides[0], self.attn_window_size or 1)

    def preprocess(self, audio: torch.Tensor) -> torch.Tensor:
        length = audio.shape[-1]
        return F.pad(audio, (0, math.ceil(length / self.pad_multiple) * self.pad_multiple - length))

    def encode_latent(self, audio: torch.Tensor) -> torch.Tensor:
        """Pre-quantization latent `[B, latent_dim, T / hop]` of padded audio `[B, 1, T]`."""
        return self.encoder(audio)

    def encode(self, audio: torch.Tensor) -> List[torch.Tensor]:
        """The reference's `encode`: codes per scale, coarse first."""
        _, codes, _ = self.quantizer(self.encode_latent(self.preprocess(audio)))
        return codes

    def noise_lengths(self, frames: int) -> List[int]:
        """Time length of each noise block's input for a latent of `frames` frames."""
        lengths, length = [], frames
        for rate in self.decoder_rates:
            length *= rate
            lengths.append(length)
        return lengths if self.noise else []

    def draw_reference_noise(self, batch: int, frames: int) -> List[torch.Tensor]:
        """The tensors the reference's NoiseBlocks draw, in order, from torch's global generator."""
        return [torch.randn((batch, 1, length)) for length in self.noise_lengths(frames)]

    def decode(self, quantized: torch.Tensor, noises: Optional[Sequence[torch.Tensor]] = None) -> torch.Tensor:
        """Audio `[B, 1, frames · hop]` of a quantized latent; zero noise when `noises` is None."""
        return self.decoder(quantized, noises)


def load_snac(config: Dict[str, Any], state_dict: Dict[str, torch.Tensor]) -> Snac:
    """Builds the model of `config.json` and loads a `pytorch_model.bin` state dict (strictly)."""
    from .layers import rename_weight_norm

    model = Snac(**config)
    model.load_state_dict(rename_weight_norm(state_dict, PARAMETRIZED), strict=True)
    return model.eval()
