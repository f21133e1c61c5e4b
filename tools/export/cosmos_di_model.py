"""NVIDIA Cosmos-Tokenizer's discrete image tokenizer (Cosmos DI: `Cosmos-0.1-Tokenizer-DI8x8`, `DI16x16`),
written for jointok's exporter.

The module tree and tensor names follow the published TorchScript files (`autoencoder.jit`, `encoder.jit`,
`decoder.jit`), whose `state_dict()` holds `encoder.*`, `quant_conv.*`, `post_quant_conv.*`, `decoder.*`
and the quantizer's buffers, so that their weights load with `load_state_dict(strict=True)` without
Cosmos' code installed. The arithmetic follows the reference operation by operation:

* the Haar wavelet patcher (`patch_size` 4: two levels of a 2x2 Haar transform, 3 -> 12 -> 48 channels):
  reflect padding on the right and bottom, a row filter with stride 2 along the width, a column filter
  with stride 2 along the height, low/high outputs concatenated as (LL, LH, HL, HH) and halved. The
  reference builds the filter kernels at run time from its `wavelets` buffer; here they are constants
  built once (the same float32 values), so that the ONNX graph holds them as initializers;
* the encoder (conv_in, `len(channels_mult)` levels of residual blocks with a stride-2 downsample on
  the first `log2(spatial_compression / patch_size)` levels, mid block with self-attention, GroupNorm,
  swish, conv_out) and `quant_conv` to the 6 FSQ channels;
* FSQ with levels (8, 8, 8, 5, 5, 5): the tanh bound, round half to even, codes
  `sum(level_d * basis_d)` with channel 0 least significant, decoded values cast to bfloat16 (exact for
  these levels: every value is k/4 or k/2);
* `post_quant_conv`, the decoder (mid block, levels of `num_res_blocks + 1` residual blocks with nearest
  2x upsampling on the deepest `log2(spatial_compression / patch_size)` levels, GroupNorm, swish, conv_out
  to 48 channels) and the inverse Haar transform (transposed convolutions, doubled) back to RGB.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import torch
import torch.nn.functional as F
from torch import nn

from llamagen_vq import (CheckpointMismatch, Downsample, ResidualBlock, SelfAttention, Upsample, _count, _shape,  # noqa: F401
                         group_norm, swish)

# 1/sqrt(2), the Haar filter tap as Cosmos' `_WAVELETS['haar']` spells it (rounded to float32 there too).
HAAR_TAP = 0.7071067811865476


@dataclass(frozen=True)
class CosmosConfig:
    """Hyper-parameters of one Cosmos DI model. The defaults are `Cosmos-0.1-Tokenizer-DI16x16`."""

    channels: int = 128
    channels_mult: Tuple[int, ...] = (2, 4, 4)
    num_res_blocks: int = 2
    z_channels: int = 256
    embedding_dim: int = 6
    levels: Tuple[int, ...] = (8, 8, 8, 5, 5, 5)
    patch_size: int = 4
    spatial_compression: int = 16
    # Self-attention after each residual block of a level (Cosmos places it where the level's nominal
    # resolution is in `attn_resolutions`; for the published DI models, at none of them).
    encoder_attention: Tuple[bool, ...] = (False, False, False)
    decoder_attention: Tuple[bool, ...] = (False, False, False)
    # Cosmos hard-codes 32; smaller test models need fewer to keep few channels.
    norm_groups: int = 32

    @property
    def resamples(self) -> int:
        """Stride-2 layers in the encoder (and 2x upsamplers in the decoder) after the patcher."""
        return int(math.log2(self.spatial_compression)) - int(math.log2(self.patch_size))

    @property
    def codebook_size(self) -> int:
        return math.prod(self.levels)

    def as_dict(self) -> Dict[str, object]:
        return {
            'channels': self.channels,
            'channelsMult': list(self.channels_mult),
            'numResBlocks': self.num_res_blocks,
            'zChannels': self.z_channels,
            'embeddingDim': self.embedding_dim,
            'levels': list(self.levels),
            'patchSize': self.patch_size,
            'patchMethod': 'haar',
            'spatialCompression': self.spatial_compression,
            'encoderAttention': list(self.encoder_attention),
            'decoderAttention': list(self.decoder_attention),
            'normGroups': self.norm_groups,
        }


def _haar_filters() -> Tuple[torch.Tensor, torch.Tensor]:
    """(low, high) 2-tap filters as the reference derives them: `h.flip(0)` and `h * (-1) ** arange(2)`."""
    tap = torch.tensor([HAAR_TAP, HAAR_TAP], dtype=torch.float32)
    return tap.flip(0), tap * torch.tensor([1.0, -1.0])


def _register_wavelet_buffers(module: nn.Module) -> None:
    """The buffers Cosmos' (Un)Patcher registers (not persistent; TorchScript files keep them): the filter
    taps and `arange(2)`. The kernels below are plain attributes instead, so that tracing records them as
    constants rather than as operations on buffers."""
    module.register_buffer('wavelets', torch.tensor([HAAR_TAP, HAAR_TAP]), persistent=False)
    module.register_buffer('_arange', torch.arange(2), persistent=False)


def _kernels(groups: int) -> Dict[str, torch.Tensor]:
    """Row filters [g, 1, 1, 2] (along the width) and column filters [g, 1, 2, 1] (along the height)."""
    low, high = _haar_filters()
    return {'low_w': low.reshape(1, 1, 1, 2).repeat(groups, 1, 1, 1), 'high_w': high.reshape(1, 1, 1, 2).repeat(groups, 1, 1, 1),
            'low_h': low.reshape(1, 1, 2, 1).repeat(groups, 1, 1, 1), 'high_h': high.reshape(1, 1, 2, 1).repeat(groups, 1, 1, 1)}


class HaarPatcher(nn.Module):
    """Cosmos `Patcher(patch_size, 'haar')`: log2(patch_size) Haar levels, each 4x the channels, half the size."""

    def __init__(self, patch_size: int, in_channels: int = 3):
        super().__init__()
        _register_wavelet_buffers(self)
        self.kernels = [_kernels(in_channels * 4 ** step) for step in range(int(math.log2(patch_size)))]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for k in self.kernels:
            groups = k['low_w'].shape[0]
            # The reference pads (n - 2, n - 1) = (0, 1) on each spatial axis, reflecting.
            x = F.pad(x, (0, 1, 0, 1), mode='reflect')
            xl = F.conv2d(x, k['low_w'], groups=groups, stride=(1, 2))
            xh = F.conv2d(x, k['high_w'], groups=groups, stride=(1, 2))
            x = torch.cat([F.conv2d(xl, k['low_h'], groups=groups, stride=(2, 1)),
                           F.conv2d(xl, k['high_h'], groups=groups, stride=(2, 1)),
                           F.conv2d(xh, k['low_h'], groups=groups, stride=(2, 1)),
                           F.conv2d(xh, k['high_h'], groups=groups, stride=(2, 1))], dim=1)
            x = x / 2
        return x


class HaarUnpatcher(nn.Module):
    """Cosmos `UnPatcher(patch_size, 'haar')`: the inverse transform, transposed convolutions, doubled."""

    def __init__(self, patch_size: int, out_channels: int = 3):
        super().__init__()
        _register_wavelet_buffers(self)
        steps = int(math.log2(patch_size))
        # Undone from the most channels down: the first step works on out_channels * 4^(steps - 1) groups.
        self.kernels = [_kernels(out_channels * 4 ** (steps - 1 - step)) for step in range(steps)]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for k in self.kernels:
            groups = k['low_h'].shape[0]
            xll, xlh, xhl, xhh = torch.chunk(x, 4, dim=1)
            yl = F.conv_transpose2d(xll, k['low_h'], groups=groups, stride=(2, 1))
            yl = yl + F.conv_transpose2d(xlh, k['high_h'], groups=groups, stride=(2, 1))
            yh = F.conv_transpose2d(xhl, k['low_h'], groups=groups, stride=(2, 1))
            yh = yh + F.conv_transpose2d(xhh, k['high_h'], groups=groups, stride=(2, 1))
            y = F.conv_transpose2d(yl, k['low_w'], groups=groups, stride=(1, 2))
            y = y + F.conv_transpose2d(yh, k['high_w'], groups=groups, stride=(1, 2))
            x = y * 2
        return x


class Level(nn.Module):
    """One resolution: residual blocks (`block.i`), attention after each (`attn.i`) where the level has
    it, then `downsample` / `upsample` if present."""

    def __init__(self, widths: Sequence[Tuple[int, int]], attention: bool, groups: int,
                 resample: Optional[nn.Module], resample_name: str):
        super().__init__()
        self.block = nn.ModuleList([ResidualBlock(i, o, groups) for i, o in widths])
        self.attn = nn.ModuleList([SelfAttention(o, groups) for _, o in widths] if attention else [])
        self.resample_name = resample_name
        if resample is not None:
            setattr(self, resample_name, resample)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for index, block in enumerate(self.block):
            x = block(x)
            if len(self.attn) > 0:
                x = self.attn[index](x)
        resample = getattr(self, self.resample_name, None)
        return x if resample is None else resample(x)


class Middle(nn.Module):
    """`mid.block_1`, `mid.attn_1`, `mid.block_2`."""

    def __init__(self, channels: int, groups: int):
        super().__init__()
        self.block_1 = ResidualBlock(channels, channels, groups)
        self.attn_1 = SelfAttention(channels, groups)
        self.block_2 = ResidualBlock(channels, channels, groups)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.block_2(self.attn_1(self.block_1(x)))


class Encoder(nn.Module):
    def __init__(self, config: CosmosConfig):
        super().__init__()
        ch, groups = config.channels, config.norm_groups
        self.patcher = HaarPatcher(config.patch_size)
        self.conv_in = nn.Conv2d(3 * config.patch_size ** 2, ch, 3, padding=1)
        in_mult = (1,) + tuple(config.channels_mult)
        levels: List[nn.Module] = []
        width = ch
        for index, mult in enumerate(config.channels_mult):
            width, out = ch * in_mult[index], ch * mult
            widths = [(width if b == 0 else out, out) for b in range(config.num_res_blocks)]
            downsample = Downsample(out) if index < config.resamples else None
            levels.append(Level(widths, config.encoder_attention[index], groups, downsample, 'downsample'))
            width = out
        self.down = nn.ModuleList(levels)
        self.mid = Middle(width, groups)
        self.norm_out = group_norm(width, groups)
        self.conv_out = nn.Conv2d(width, config.z_channels, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv_in(self.patcher(x))
        for level in self.down:
            h = level(h)
        return self.conv_out(swish(self.norm_out(self.mid(h))))


class Decoder(nn.Module):
    def __init__(self, config: CosmosConfig):
        super().__init__()
        ch, groups, count = config.channels, config.norm_groups, len(config.channels_mult)
        width = ch * config.channels_mult[-1]
        self.conv_in = nn.Conv2d(config.z_channels, width, 3, padding=1)
        self.mid = Middle(width, groups)
        levels: List[Optional[nn.Module]] = [None] * count
        # Built (and run) from the deepest level up; `up.i` is the level of `channels_mult[i]`.
        for index in reversed(range(count)):
            out = ch * config.channels_mult[index]
            widths = [(width if b == 0 else out, out) for b in range(config.num_res_blocks + 1)]
            upsample = Upsample(out) if index >= count - config.resamples else None
            levels[index] = Level(widths, config.decoder_attention[index], groups, upsample, 'upsample')
            width = out
        self.up = nn.ModuleList(levels)
        self.norm_out = group_norm(width, groups)
        self.conv_out = nn.Conv2d(width, 3 * config.patch_size ** 2, 3, padding=1)
        self.unpatcher = HaarUnpatcher(config.patch_size)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        h = self.mid(self.conv_in(z))
        for index in reversed(range(len(self.up))):
            h = self.up[index](h)
        return self.unpatcher(self.conv_out(swish(self.norm_out(h))))


class FiniteScalarQuantizer(nn.Module):
    """Cosmos `FSQuantizer(levels)` at inference, the reference for codes: buffers `_levels`, `_basis`,
    `implicit_codebook` under the published names (not persistent, as in the reference; TorchScript keeps
    them in the files' state_dict)."""

    def __init__(self, levels: Sequence[int], output_dtype: torch.dtype = torch.bfloat16):
        super().__init__()
        self.output_dtype = output_dtype
        self.register_buffer('_levels', torch.tensor(list(levels), dtype=torch.int32), persistent=False)
        basis = torch.cumprod(torch.tensor([1] + list(levels[:-1])), dim=0, dtype=torch.int32)
        self.register_buffer('_basis', basis, persistent=False)
        size = math.prod(levels)
        self.register_buffer('implicit_codebook', self.codes_of(torch.arange(size)), persistent=False)

    def bound(self, z: torch.Tensor, eps: float = 1e-3) -> torch.Tensor:
        """(z + atanh(offset / half_l)).tanh() * half_l - offset, in float32 as the reference orders it."""
        half_l = (self._levels - 1) * (1 + eps) / 2
        offset = torch.where(self._levels % 2 == 0, torch.tensor(0.5), torch.tensor(0.0))
        shift = (offset / half_l).atanh()
        return (z + shift).tanh() * half_l - offset

    def quantize(self, z: torch.Tensor) -> torch.Tensor:
        """Channel-last z -> decoded values in [-1, 1] (round half to even; round_ste's z + (round(z) - z)
        equals round(z) exactly, by Sterbenz' lemma, since |round(z) - z| <= 0.5)."""
        return torch.round(self.bound(z)) / (self._levels // 2)

    def indices_of(self, zhat: torch.Tensor) -> torch.Tensor:
        half_width = self._levels // 2
        return ((zhat * half_width + half_width).float() * self._basis).sum(dim=-1).to(torch.int32)

    def codes_of(self, indices: torch.Tensor) -> torch.Tensor:
        """Channel-last decoded values (float32) of indices [..., ] -> [..., D]."""
        half_width = self._levels // 2
        levels = (indices.unsqueeze(-1) // self._basis) % self._levels
        return (levels - half_width) / half_width

    def forward(self, latents: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """Latents [B, D, H, W] -> (indices int32 [B, H, W], decoded [B, D, H, W] in the output dtype)."""
        zhat = self.quantize(latents.permute(0, 2, 3, 1))
        return self.indices_of(zhat), zhat.permute(0, 3, 1, 2).to(self.output_dtype)

    def decode(self, indices: torch.Tensor) -> torch.Tensor:
        """Indices [B, H, W] -> decoded [B, D, H, W] in the output dtype (`indices_to_codes`)."""
        return self.codes_of(indices).permute(0, 3, 1, 2).to(self.output_dtype)


class CosmosDiscreteImage(nn.Module):
    def __init__(self, config: CosmosConfig):
        super().__init__()
        self.config = config
        self.encoder = Encoder(config)
        self.decoder = Decoder(config)
        self.quant_conv = nn.Conv2d(config.z_channels, config.embedding_dim, 1)
        self.post_quant_conv = nn.Conv2d(config.embedding_dim, config.z_channels, 1)
        self.quantizer = FiniteScalarQuantizer(config.levels)

    def encode_latents(self, pixels: torch.Tensor) -> torch.Tensor:
        """Pixels in [-1, 1], [B, 3, H, W] (H, W multiples of 16) -> FSQ input [B, 6, H/f, W/f]."""
        return self.quant_conv(self.encoder(pixels))

    def decode_latents(self, quantized: torch.Tensor) -> torch.Tensor:
        """FSQ values [B, 6, h, w] (any float dtype; upcast) -> pixels in about [-1, 1], [B, 3, h*f, w*f]."""
        return self.decoder(self.post_quant_conv(quantized.float()))


class LatentEncoder(nn.Module):
    """What encoder.onnx computes: pixels -> pre-quantization latents (before FSQ's bound)."""

    def __init__(self, model: CosmosDiscreteImage):
        super().__init__()
        self.model = model

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.model.encode_latents(pixel_values)


class LatentDecoder(nn.Module):
    """What decoder.onnx computes: FSQ's decoded values -> pixels."""

    def __init__(self, model: CosmosDiscreteImage):
        super().__init__()
        self.model = model

    def forward(self, quantized_latents: torch.Tensor) -> torch.Tensor:
        return self.model.decode_latents(quantized_latents)


# ---------------------------------------------------------------------------------------------------
# TorchScript files as NVIDIA publishes them

# Module prefixes of the three published files, mapped to this module tree.
ENCODER_FILE_PREFIXES = {'encoder.': 'encoder.', 'quant_conv.': 'quant_conv.', 'quantizer.': 'quantizer.'}
DECODER_FILE_PREFIXES = {'inv_quant.quantizer.': 'quantizer.', 'post_quant_conv.': 'post_quant_conv.', 'decoder.': 'decoder.'}
# Buffers that the reference computes at construction (not weights): checked, not loaded.
DERIVED_BUFFERS = ('encoder.patcher.wavelets', 'encoder.patcher._arange', 'decoder.unpatcher.wavelets',
                   'decoder.unpatcher._arange', 'quantizer._levels', 'quantizer._basis', 'quantizer.implicit_codebook')


def rename(state: Mapping[str, torch.Tensor], prefixes: Mapping[str, str], label: str) -> Dict[str, torch.Tensor]:
    out: Dict[str, torch.Tensor] = {}
    for name, tensor in state.items():
        prefix = next((p for p in prefixes if name.startswith(p)), None)
        if prefix is None:
            raise CheckpointMismatch(f'{label}: unexpected tensor {name}; is this a Cosmos DI TorchScript file?')
        out[prefixes[prefix] + name[len(prefix):]] = tensor
    return out


def check_derived(state: Mapping[str, torch.Tensor], config: CosmosConfig, label: str) -> None:
    """The derived buffers a file holds must be those of a Haar patcher and of the variant's FSQ levels."""
    levels = state.get('quantizer._levels')
    if levels is not None and [int(v) for v in levels.reshape(-1).tolist()] != list(config.levels):
        raise CheckpointMismatch(f'{label}: quantizer._levels is {levels.tolist()}, expected {list(config.levels)} (FSQ levels)')
    for name in ('encoder.patcher.wavelets', 'decoder.unpatcher.wavelets'):
        if name in state and not torch.allclose(state[name].float(), torch.full((2,), HAAR_TAP)):
            raise CheckpointMismatch(f'{label}: {name} is {state[name].tolist()}, not the Haar filter (patch_method "haar")')


def load_model(state: Mapping[str, torch.Tensor], config: CosmosConfig, label: str) -> CosmosDiscreteImage:
    """Builds the model, checks every tensor's name and shape, loads the weights as float32."""
    check_derived(state, config, label)
    weights = {k: v for k, v in state.items() if k not in DERIVED_BUFFERS}
    model = CosmosDiscreteImage(config)
    expected = model.state_dict()
    for name, tensor in expected.items():
        if name not in weights:
            raise CheckpointMismatch(f'{label}: checkpoint lacks {name} (expected shape {list(tensor.shape)})')
        if tuple(weights[name].shape) != tuple(tensor.shape):
            raise CheckpointMismatch(f'{label}: {name} has shape {list(weights[name].shape)}, expected {list(tensor.shape)}')
    for name in weights:
        if name not in expected:
            raise CheckpointMismatch(f'{label}: unexpected tensor {name} (shape {list(weights[name].shape)})')
    model.load_state_dict({k: v.float() for k, v in weights.items()}, strict=True)
    return model.eval()


def infer_config(state: Mapping[str, torch.Tensor], norm_groups: int = 32) -> CosmosConfig:
    """Reads the hyper-parameters from tensor names and shapes (GroupNorm's group count is not in them)."""
    channels, patched = _shape(state, 'encoder.conv_in.weight')[:2]
    patch_size = int(round(math.sqrt(patched / 3)))
    if 3 * patch_size ** 2 != patched or patch_size & (patch_size - 1):
        raise CheckpointMismatch(f'encoder.conv_in.weight takes {patched} channels: not 3 x a power-of-two patch squared')
    count = _count(state, 'encoder.down.')
    res_blocks = _count(state, 'encoder.down.0.block.')
    mult = []
    for index in range(count):
        width = _shape(state, f'encoder.down.{index}.block.0.conv1.weight')[0]
        if width % channels:
            raise CheckpointMismatch(f'encoder.down.{index}.block.0.conv1.weight has {width} channels, not a multiple of {channels}')
        mult.append(width // channels)
    downsamples = sum(1 for i in range(count) if f'encoder.down.{i}.downsample.conv.weight' in state)
    levels = state.get('quantizer._levels')
    embedding_dim = _shape(state, 'quant_conv.weight')[0]
    return CosmosConfig(
        channels=channels, channels_mult=tuple(mult), num_res_blocks=res_blocks,
        z_channels=_shape(state, 'encoder.conv_out.weight')[0], embedding_dim=embedding_dim,
        levels=tuple(int(v) for v in levels.tolist()) if levels is not None else CosmosConfig.levels,
        patch_size=patch_size, spatial_compression=patch_size * 2 ** downsamples,
        encoder_attention=tuple(f'encoder.down.{i}.attn.0.q.weight' in state for i in range(count)),
        decoder_attention=tuple(f'decoder.up.{i}.attn.0.q.weight' in state for i in range(count)),
        norm_groups=norm_groups)
