"""NVIDIA Cosmos-Tokenizer's causal discrete video tokenizer (Cosmos DV: `Cosmos-0.1-Tokenizer-DV4x8x8`,
`DV8x8x8`, `DV8x16x16`), written for jointok's exporter and fixtures.

The module tree and tensor names are those of the published TorchScript files (`autoencoder.jit`,
`encoder.jit`, `decoder.jit`): `encoder.*`, `quant_conv.conv3d.*`, `post_quant_conv.conv3d.*`, `decoder.*` and
the quantizer's buffers, so that their weights load with `load_state_dict(strict=True)` without Cosmos' code.
What the network computes, stage by stage (the factorized 3-D encoder and decoder, `num_groups` 1):

* a causal convolution pads time in front with copies of the first frame (`dilation·(k_t − 1) + 1 −
  stride_t` of them) and space with zeros, then runs `conv3d` (the child holding the weights);
* a norm is GroupNorm with one group applied to every frame on its own (a per-frame layer norm: causal);
* the 3-D Haar patcher (`patch_size` 4) repeats the first frame 4 times, then twice: reflect-pads the last
  frame, row and column, filters time, height and width with the 2-tap low/high Haar filters at stride 2
  (8 sub-bands, low before high, time outermost) and divides by 2·sqrt(2): 3 channels become 192 and the
  clip's 1 + 8k frames (or 1 + 4k) become 1 + 2k (1 + k), its size a quarter;
* the encoder: conv_in ((1,3,3) then (3,1,1)), levels of factorized residual blocks (each conv a spatial
  (1,3,3) then a temporal (3,1,1) causal conv) with, where the nominal resolution is in `attn_resolutions`,
  spatial self-attention per frame followed by causal temporal self-attention per position; between
  levels a hybrid downsample (a stride-2 (1,3,3) conv plus 2x2 average pooling in space, a stride-2 (3,1,1)
  conv plus 2-frame average pooling in time after repeating the first frame, then a 1x1x1 conv), which
  halves space on the first `log2(spatial / patch)` levels and time on the first `log2(temporal / patch)`;
  mid block (residual, both attentions, residual), norm, swish, conv_out to `z_channels`; `quant_conv`
  (1x1x1) to the 6 FSQ channels;
* FSQ with levels (8, 8, 8, 5, 5, 5) (tanh bound, round half to even, channel 0 least significant; decoded
  values k/4 or k/2, exact in bfloat16 to which the reference casts them);
* `post_quant_conv`, the decoder (conv_in, mid block, levels of `num_res_blocks + 1` residual blocks with
  attention where the encoder has it, hybrid upsamples: time doubled by repeating every frame and dropping
  the first copy, then a (3,1,1) conv added; space doubled by nearest repetition, then a (1,3,3) conv added;
  a 1x1x1 conv), norm, swish, conv_out, and the inverse Haar transform (transposed convolutions along width,
  height, time, times 2·sqrt(2), twice), whose first 3 frames are dropped: 1 + k latent frames give
  1 + 8k frames.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import torch
import torch.nn.functional as F
from torch import nn

HAAR_TAP = 0.7071067811865476


class CheckpointMismatch(ValueError):
    """The checkpoint's tensors do not fit the configuration (names the tensor)."""


@dataclass(frozen=True)
class DvConfig:
    """Hyper-parameters of one Cosmos DV model. The defaults are `Cosmos-0.1-Tokenizer-DV8x16x16`."""

    channels: int = 128
    channels_mult: Tuple[int, ...] = (2, 4, 4)
    num_res_blocks: int = 2
    z_channels: int = 16
    embedding_dim: int = 6
    levels: Tuple[int, ...] = (8, 8, 8, 5, 5, 5)
    patch_size: int = 4
    spatial_compression: int = 16
    temporal_compression: int = 8
    # Attention after each residual block of a level (Cosmos: where `resolution / patch / 2^level` is in
    # `attn_resolutions`; for the published models, at none of them). Indexed by level, deepest last.
    attention: Tuple[bool, ...] = (False, False, False)
    # Cosmos' `legacy_mode`: which decoder levels upsample in time.
    legacy_mode: bool = False

    @property
    def spatial_downs(self) -> int:
        return int(math.log2(self.spatial_compression)) - int(math.log2(self.patch_size))

    @property
    def temporal_downs(self) -> int:
        return int(math.log2(self.temporal_compression)) - int(math.log2(self.patch_size))

    @property
    def codebook_size(self) -> int:
        return math.prod(self.levels)

    def as_dict(self) -> Dict[str, object]:
        return {'channels': self.channels, 'channelsMult': list(self.channels_mult), 'numResBlocks': self.num_res_blocks,
                'zChannels': self.z_channels, 'embeddingDim': self.embedding_dim, 'levels': list(self.levels),
                'patchSize': self.patch_size, 'patchMethod': 'haar', 'spatialCompression': self.spatial_compression,
                'temporalCompression': self.temporal_compression, 'attention': list(self.attention),
                'legacyMode': self.legacy_mode}


# ---------------------------------------------------------------------------------------------------
# Building blocks


def swish(x: torch.Tensor) -> torch.Tensor:
    return x * torch.sigmoid(x)


def first_frames(x: torch.Tensor, count: int) -> torch.Tensor:
    """`count` copies of the first frame of [B, C, T, H, W], in front of the clip."""
    if count == 0:
        return x
    return torch.cat([x[:, :, :1].expand(-1, -1, count, -1, -1), x], dim=2)


def repeat_along(x: torch.Tensor, axis: int, times: int = 2) -> torch.Tensor:
    """`repeat_interleave(times, axis)` written as expand + reshape (dynamic sizes export to ONNX)."""
    shape = list(x.shape)
    y = x.unsqueeze(axis + 1)
    expanded = shape[:axis + 1] + [times] + shape[axis + 1:]
    y = y.expand(*expanded)
    return y.reshape(*(shape[:axis] + [shape[axis] * times] + shape[axis + 1:]))


class CausalConv(nn.Module):
    """Cosmos `CausalConv3d`: first-frame padding in time, zeros in space, `conv3d` holding the weights."""

    def __init__(self, cin: int, cout: int, kernel=3, stride: int = 1, time_stride: int = 1, padding: int = 1):
        super().__init__()
        kernel = kernel if isinstance(kernel, tuple) else (kernel,) * 3
        self.time_pad = (kernel[0] - 1) + (1 - time_stride)
        self.space_pad = padding
        self.conv3d = nn.Conv3d(cin, cout, kernel, stride=(time_stride, stride, stride))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = first_frames(x, self.time_pad)
        if self.space_pad:
            p = self.space_pad
            x = F.pad(x, (p, p, p, p, 0, 0))
        return self.conv3d(x)


def spatial_then_temporal(cin: int, cout: int, padding: int = 1) -> nn.Sequential:
    """A factorized 3x3x3: (1,3,3) in space, then (3,1,1) in time (children `0` and `1`)."""
    return nn.Sequential(CausalConv(cin, cout, (1, 3, 3), padding=padding), CausalConv(cout, cout, (3, 1, 1), padding=0))


def pointwise(cin: int, cout: int) -> CausalConv:
    return CausalConv(cin, cout, 1, padding=0)


def frames_to_batch(x: torch.Tensor) -> torch.Tensor:
    b, c, t, h, w = x.shape
    return x.permute(0, 2, 1, 3, 4).reshape(b * t, c, h, w)


def batch_to_frames(x: torch.Tensor, batch) -> torch.Tensor:
    bt, c, h, w = x.shape
    return x.reshape(batch, bt // batch, c, h, w).permute(0, 2, 1, 3, 4)


class FrameNorm(nn.Module):
    """Cosmos `CausalNormalize(num_groups=1)`: GroupNorm(1, eps 1e-6) of every frame on its own (child `norm`)."""

    def __init__(self, channels: int):
        super().__init__()
        self.norm = nn.GroupNorm(1, channels, eps=1e-6, affine=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return batch_to_frames(self.norm(frames_to_batch(x)), x.shape[0])


class ResidualBlock(nn.Module):
    """Cosmos `CausalResnetBlockFactorized3d`."""

    def __init__(self, cin: int, cout: int):
        super().__init__()
        self.norm1 = FrameNorm(cin)
        self.conv1 = spatial_then_temporal(cin, cout)
        self.norm2 = FrameNorm(cout)
        self.conv2 = spatial_then_temporal(cout, cout)
        self.nin_shortcut = pointwise(cin, cout) if cin != cout else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv1(swish(self.norm1(x)))
        h = self.conv2(swish(self.norm2(h)))
        return self.nin_shortcut(x) + h


class QkvAttention(nn.Module):
    """Shared parts of the two attentions: `norm`, 1x1x1 `q`, `k`, `v`, `proj_out`."""

    def __init__(self, channels: int):
        super().__init__()
        self.norm = FrameNorm(channels)
        self.q = pointwise(channels, channels)
        self.k = pointwise(channels, channels)
        self.v = pointwise(channels, channels)
        self.proj_out = pointwise(channels, channels)

    def qkv(self, x: torch.Tensor):
        h = self.norm(x)
        return self.q(h), self.k(h), self.v(h)


class SpatialAttention(QkvAttention):
    """Cosmos `CausalAttnBlock`: self-attention over the positions of each frame."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        q, k, v = (frames_to_batch(t) for t in self.qkv(x))
        n, c, h, w = q.shape
        q = q.reshape(n, c, h * w).permute(0, 2, 1)
        weights = torch.bmm(q, k.reshape(n, c, h * w)) * (int(c) ** (-0.5))
        weights = F.softmax(weights, dim=2)
        out = torch.bmm(v.reshape(n, c, h * w), weights.permute(0, 2, 1)).reshape(n, c, h, w)
        return x + self.proj_out(batch_to_frames(out, x.shape[0]))


class TemporalAttention(QkvAttention):
    """Cosmos `CausalTemporalAttnBlock`: causal self-attention over the frames of each position."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        q, k, v = self.qkv(x)
        b, c, t, h, w = q.shape

        def positions(y: torch.Tensor) -> torch.Tensor:  # [B, C, T, H, W] -> [B*H*W, T, C]
            return y.permute(0, 3, 4, 2, 1).reshape(b * h * w, t, c)

        q, k, v = positions(q), positions(k), positions(v)
        weights = torch.bmm(q, k.permute(0, 2, 1)) * (int(c) ** (-0.5))
        steps = torch.arange(t, device=x.device)
        future = steps.unsqueeze(0) > steps.unsqueeze(1)
        weights = F.softmax(weights.masked_fill(future, float('-inf')), dim=2)
        out = torch.bmm(weights, v).reshape(b, h, w, t, c).permute(0, 4, 3, 1, 2)
        return x + self.proj_out(out)


def attention_pair(channels: int) -> nn.Sequential:
    return nn.Sequential(SpatialAttention(channels), TemporalAttention(channels))


class HybridDownsample(nn.Module):
    """Cosmos `CausalHybridDownsample3d` (its three convs exist even where it does nothing)."""

    def __init__(self, channels: int, spatial: bool, temporal: bool):
        super().__init__()
        self.conv1 = CausalConv(channels, channels, (1, 3, 3), stride=2, padding=0)
        self.conv2 = CausalConv(channels, channels, (3, 1, 1), time_stride=2, padding=0)
        self.conv3 = pointwise(channels, channels)
        self.spatial, self.temporal = spatial, temporal

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not (self.spatial or self.temporal):
            return x
        if self.spatial:
            x = F.pad(x, (0, 1, 0, 1, 0, 0))
            x = self.conv1(x) + F.avg_pool3d(x, (1, 2, 2), (1, 2, 2))
        if self.temporal:
            x = first_frames(x, 1)
            x = self.conv2(x) + F.avg_pool3d(x, (2, 1, 1), (2, 1, 1))
        return self.conv3(x)


class HybridUpsample(nn.Module):
    """Cosmos `CausalHybridUpsample3d`: doubling time drops the first copy, so one frame stays one frame."""

    def __init__(self, channels: int, spatial: bool, temporal: bool):
        super().__init__()
        self.conv1 = CausalConv(channels, channels, (3, 1, 1), padding=0)
        self.conv2 = CausalConv(channels, channels, (1, 3, 3), padding=1)
        self.conv3 = pointwise(channels, channels)
        self.spatial, self.temporal = spatial, temporal

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not (self.spatial or self.temporal):
            return x
        if self.temporal:
            x = repeat_along(x, 2)[:, :, 1:]
            x = self.conv1(x) + x
        if self.spatial:
            x = repeat_along(repeat_along(x, 3), 4)
            x = self.conv2(x) + x
        return self.conv3(x)


def _haar_kernels(groups: int, axis: int) -> Tuple[torch.Tensor, torch.Tensor]:
    """Low and high 2-tap filters along one axis of a grouped conv3d kernel [g, 1, kt, kh, kw]."""
    tap = torch.tensor([HAAR_TAP, HAAR_TAP], dtype=torch.float32)
    low, high = tap.flip(0), tap * torch.tensor([1.0, -1.0])
    shape = [1, 1, 1, 1, 1]
    shape[2 + axis] = 2
    return low.reshape(shape).repeat(groups, 1, 1, 1, 1), high.reshape(shape).repeat(groups, 1, 1, 1, 1)


class HaarPatcher3d(nn.Module):
    """Cosmos `Patcher3D(patch_size, 'haar')`. The filters are constants (exported as initializers); the
    buffers the reference registers are kept under its names for strict loading."""

    def __init__(self, patch_size: int, channels: int = 3):
        super().__init__()
        self.patch_size = patch_size
        self.register_buffer('wavelets', torch.tensor([HAAR_TAP, HAAR_TAP]), persistent=False)
        self.register_buffer('_arange', torch.arange(2), persistent=False)
        self.register_buffer('patch_size_buffer', patch_size * torch.ones([1], dtype=torch.int32), persistent=False)
        steps = int(math.log2(patch_size))
        self.kernels = [[_haar_kernels(channels * 8 ** s, axis) for axis in range(3)] for s in range(steps)]
        self.scale = float(2 * torch.sqrt(torch.tensor(2.0)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # The first frame alone becomes a whole group of `patch_size` frames (causality).
        x = torch.cat([x[:, :, :1].expand(-1, -1, self.patch_size, -1, -1), x[:, :, 1:]], dim=2)
        for (time_k, height_k, width_k) in self.kernels:
            g = time_k[0].shape[0]
            x = F.pad(x, (0, 1, 0, 1, 0, 1), mode='reflect')
            bands = [F.conv3d(x, k, groups=g, stride=(2, 1, 1)) for k in time_k]
            bands = [F.conv3d(b, k, groups=g, stride=(1, 2, 1)) for b in bands for k in height_k]
            bands = [F.conv3d(b, k, groups=g, stride=(1, 1, 2)) for b in bands for k in width_k]
            x = torch.cat(bands, dim=1) / self.scale
        return x


class HaarUnpatcher3d(nn.Module):
    """Cosmos `UnPatcher3D(patch_size, 'haar')`: the inverse, then the first `patch_size - 1` frames dropped."""

    def __init__(self, patch_size: int, channels: int = 3):
        super().__init__()
        self.patch_size = patch_size
        self.register_buffer('wavelets', torch.tensor([HAAR_TAP, HAAR_TAP]), persistent=False)
        self.register_buffer('_arange', torch.arange(2), persistent=False)
        steps = int(math.log2(patch_size))
        self.kernels = [[_haar_kernels(channels * 8 ** (steps - 1 - s), axis) for axis in range(3)] for s in range(steps)]
        self.scale = float(2 * torch.sqrt(torch.tensor(2.0)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for (time_k, height_k, width_k) in self.kernels:
            g = time_k[0].shape[0]
            parts = torch.chunk(x, 8, dim=1)

            def merge(lo: torch.Tensor, hi: torch.Tensor, kernels, stride) -> torch.Tensor:
                y = F.conv_transpose3d(lo, kernels[0], groups=g, stride=stride)
                return y + F.conv_transpose3d(hi, kernels[1], groups=g, stride=stride)

            # Width first, then height, then time, each pair (low, high) of the forward's sub-band order.
            width = [merge(parts[2 * i], parts[2 * i + 1], width_k, (1, 1, 2)) for i in range(4)]
            height = [merge(width[2 * i], width[2 * i + 1], height_k, (1, 2, 1)) for i in range(2)]
            x = merge(height[0], height[1], time_k, (2, 1, 1)) * self.scale
        return x[:, :, self.patch_size - 1:]


class Level(nn.Module):
    """One resolution: `block.i`, `attn.i` (where the level has attention), then `downsample`/`upsample`."""

    def __init__(self, widths: Sequence[Tuple[int, int]], attention: bool, resample: Optional[nn.Module], name: str):
        super().__init__()
        self.block = nn.ModuleList([ResidualBlock(i, o) for i, o in widths])
        self.attn = nn.ModuleList([attention_pair(o) for _, o in widths] if attention else [])
        self.resample_name = name
        if resample is not None:
            setattr(self, name, resample)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for index, block in enumerate(self.block):
            x = block(x)
            if len(self.attn) > 0:
                x = self.attn[index](x)
        resample = getattr(self, self.resample_name, None)
        return x if resample is None else resample(x)


class Middle(nn.Module):
    def __init__(self, channels: int):
        super().__init__()
        self.block_1 = ResidualBlock(channels, channels)
        self.attn_1 = attention_pair(channels)
        self.block_2 = ResidualBlock(channels, channels)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.block_2(self.attn_1(self.block_1(x)))


class Encoder(nn.Module):
    def __init__(self, config: DvConfig):
        super().__init__()
        ch, count = config.channels, len(config.channels_mult)
        self.patcher3d = HaarPatcher3d(config.patch_size)
        self.conv_in = spatial_then_temporal(3 * config.patch_size ** 3, ch)
        in_mult = (1,) + tuple(config.channels_mult)
        levels: List[nn.Module] = []
        width = ch
        for index, mult in enumerate(config.channels_mult):
            out = ch * mult
            widths = [(ch * in_mult[index] if b == 0 else out, out) for b in range(config.num_res_blocks)]
            down = None if index == count - 1 else HybridDownsample(out, index < config.spatial_downs, index < config.temporal_downs)
            levels.append(Level(widths, config.attention[index], down, 'downsample'))
            width = out
        self.down = nn.ModuleList(levels)
        self.mid = Middle(width)
        self.norm_out = FrameNorm(width)
        self.conv_out = spatial_then_temporal(width, config.z_channels)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv_in(self.patcher3d(x))
        for level in self.down:
            h = level(h)
        return self.conv_out(swish(self.norm_out(self.mid(h))))


class Decoder(nn.Module):
    def __init__(self, config: DvConfig):
        super().__init__()
        ch, count = config.channels, len(config.channels_mult)
        width = ch * config.channels_mult[-1]
        self.conv_in = spatial_then_temporal(config.z_channels, width)
        self.mid = Middle(width)
        levels: List[Optional[nn.Module]] = [None] * count
        for index in reversed(range(count)):
            out = ch * config.channels_mult[index]
            widths = [(width if b == 0 else out, out) for b in range(config.num_res_blocks + 1)]
            up = None
            if index != 0:
                # Cosmos counts decoder levels from the deepest: level `count - 1 - index`.
                rev = count - index - 1
                temporal = rev < config.temporal_downs if config.legacy_mode else 0 < rev < config.temporal_downs + 1
                spatial = temporal or (rev < config.spatial_downs and config.spatial_downs > config.temporal_downs)
                up = HybridUpsample(out, spatial, temporal)
            levels[index] = Level(widths, config.attention[index], up, 'upsample')
            width = out
        self.up = nn.ModuleList(levels)
        self.norm_out = FrameNorm(width)
        self.conv_out = spatial_then_temporal(width, 3 * config.patch_size ** 3)
        self.unpatcher3d = HaarUnpatcher3d(config.patch_size)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        h = self.mid(self.conv_in(z))
        for index in reversed(range(len(self.up))):
            h = self.up[index](h)
        return self.unpatcher3d(self.conv_out(swish(self.norm_out(h))))


class Fsq(nn.Module):
    """Cosmos `FSQuantizer(levels)` at inference (buffers `_levels`, `_basis`, `implicit_codebook` under the
    published names). The reference for codes; jointok runs it in TypeScript (core's `fsq`)."""

    def __init__(self, levels: Sequence[int]):
        super().__init__()
        self.register_buffer('_levels', torch.tensor(list(levels), dtype=torch.int32), persistent=False)
        self.register_buffer('_basis', torch.cumprod(torch.tensor([1] + list(levels[:-1])), dim=0, dtype=torch.int32), persistent=False)
        self.register_buffer('implicit_codebook', self.values(torch.arange(math.prod(levels))), persistent=False)

    def values(self, indices: torch.Tensor) -> torch.Tensor:
        """Indices [...] -> channel-last decoded values [..., D] (float32)."""
        half = self._levels // 2
        return ((indices.unsqueeze(-1) // self._basis) % self._levels - half) / half

    def forward(self, latents: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """Channel-first latents [B, D, ...] -> (indices int32 [B, ...], values [B, D, ...] as bfloat16)."""
        z = latents.movedim(1, -1)
        half_l = (self._levels - 1) * (1 + 1e-3) / 2
        offset = torch.where(self._levels % 2 == 0, torch.tensor(0.5), torch.tensor(0.0))
        bounded = (z + (offset / half_l).atanh()).tanh() * half_l - offset
        half = self._levels // 2
        zhat = torch.round(bounded) / half
        indices = ((zhat * half + half).float() * self._basis).sum(dim=-1).to(torch.int32)
        return indices, zhat.movedim(-1, 1).to(torch.bfloat16)

    def decode(self, indices: torch.Tensor) -> torch.Tensor:
        return self.values(indices).movedim(-1, 1).to(torch.bfloat16)


class CosmosDiscreteVideo(nn.Module):
    def __init__(self, config: DvConfig):
        super().__init__()
        self.config = config
        self.encoder = Encoder(config)
        self.decoder = Decoder(config)
        self.quant_conv = pointwise(config.z_channels, config.embedding_dim)
        self.post_quant_conv = pointwise(config.embedding_dim, config.z_channels)
        self.quantizer = Fsq(config.levels)

    def encode_latents(self, pixels: torch.Tensor) -> torch.Tensor:
        """Pixels [B, 3, 1 + kT, H, W] in [-1, 1] (H, W multiples of the spatial compression) -> FSQ input."""
        return self.quant_conv(self.encoder(pixels))

    def decode_latents(self, quantized: torch.Tensor) -> torch.Tensor:
        """FSQ values [B, 6, t, h, w] (any float dtype) -> pixels [B, 3, 1 + (t - 1)T, hS, wS]."""
        return self.decoder(self.post_quant_conv(quantized.float()))


class LatentEncoder(nn.Module):
    """What encoder.onnx computes."""

    def __init__(self, model: CosmosDiscreteVideo):
        super().__init__()
        self.model = model

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.model.encode_latents(pixel_values)


class LatentDecoder(nn.Module):
    """What decoder.onnx computes."""

    def __init__(self, model: CosmosDiscreteVideo):
        super().__init__()
        self.model = model

    def forward(self, quantized_latents: torch.Tensor) -> torch.Tensor:
        return self.model.decode_latents(quantized_latents)


# ---------------------------------------------------------------------------------------------------
# Published TorchScript files

ENCODER_FILE_PREFIXES = {'encoder.': 'encoder.', 'quant_conv.': 'quant_conv.', 'quantizer.': 'quantizer.'}
DECODER_FILE_PREFIXES = {'inv_quant.quantizer.': 'quantizer.', 'post_quant_conv.': 'post_quant_conv.', 'decoder.': 'decoder.'}
# Buffers the reference computes at construction: checked when present, never loaded.
DERIVED_BUFFERS = ('encoder.patcher3d.wavelets', 'encoder.patcher3d._arange', 'encoder.patcher3d.patch_size_buffer',
                   'decoder.unpatcher3d.wavelets', 'decoder.unpatcher3d._arange',
                   'quantizer._levels', 'quantizer._basis', 'quantizer.implicit_codebook')


def rename(state: Mapping[str, torch.Tensor], prefixes: Mapping[str, str], label: str) -> Dict[str, torch.Tensor]:
    out: Dict[str, torch.Tensor] = {}
    for name, tensor in state.items():
        prefix = next((p for p in prefixes if name.startswith(p)), None)
        if prefix is None:
            raise CheckpointMismatch(f'{label}: unexpected tensor {name}; is this a Cosmos DV TorchScript file?')
        out[prefixes[prefix] + name[len(prefix):]] = tensor
    return out


def _shape(state: Mapping[str, torch.Tensor], name: str) -> Tuple[int, ...]:
    if name not in state:
        raise CheckpointMismatch(f'checkpoint has no tensor {name!r}; is this a Cosmos DV tokenizer?')
    return tuple(state[name].shape)


def _count(state: Mapping[str, torch.Tensor], prefix: str) -> int:
    found = {int(k[len(prefix):].split('.', 1)[0]) for k in state if k.startswith(prefix) and k[len(prefix):].split('.', 1)[0].isdigit()}
    if found != set(range(len(found))):
        raise CheckpointMismatch(f'tensors under {prefix!r} are numbered {sorted(found)}')
    return len(found)


def check_derived(state: Mapping[str, torch.Tensor], config: DvConfig, label: str) -> None:
    levels = state.get('quantizer._levels')
    if levels is not None and [int(v) for v in levels.reshape(-1).tolist()] != list(config.levels):
        raise CheckpointMismatch(f'{label}: quantizer._levels is {levels.tolist()}, expected {list(config.levels)}')
    for name in ('encoder.patcher3d.wavelets', 'decoder.unpatcher3d.wavelets'):
        if name in state and not torch.allclose(state[name].float(), torch.full((2,), HAAR_TAP)):
            raise CheckpointMismatch(f'{label}: {name} is {state[name].tolist()}, not the Haar filter')


def load_model(state: Mapping[str, torch.Tensor], config: DvConfig, label: str) -> CosmosDiscreteVideo:
    """Builds the model, checks every tensor's name and shape, loads the weights as float32."""
    check_derived(state, config, label)
    weights = {k: v for k, v in state.items() if k not in DERIVED_BUFFERS}
    model = CosmosDiscreteVideo(config)
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


def infer_config(state: Mapping[str, torch.Tensor], temporal_compression: Optional[int] = None,
                 spatial_compression: Optional[int] = None) -> DvConfig:
    """Reads the sizes from tensor names and shapes. Which levels resample (hence the compression factors)
    is not in the names (every level but the last has a downsample's convs); give them, or they are read
    from the decoder's upsample convs as far as names allow (defaults: 8x16x16 resampling pattern)."""
    channels, patched = _shape(state, 'encoder.conv_in.0.conv3d.weight')[:2]
    patch = round((patched / 3) ** (1 / 3))
    if 3 * patch ** 3 != patched:
        raise CheckpointMismatch(f'encoder.conv_in.0.conv3d.weight takes {patched} channels: not 3 x patch^3')
    count = _count(state, 'encoder.down.')
    mult = []
    for index in range(count):
        width = _shape(state, f'encoder.down.{index}.block.0.conv1.0.conv3d.weight')[0]
        if width % channels:
            raise CheckpointMismatch(f'encoder.down.{index}.block.0.conv1.0.conv3d.weight: {width} channels, not a multiple of {channels}')
        mult.append(width // channels)
    levels = state.get('quantizer._levels')
    return DvConfig(channels=channels, channels_mult=tuple(mult), num_res_blocks=_count(state, 'encoder.down.0.block.'),
                    z_channels=_shape(state, 'encoder.conv_out.1.conv3d.weight')[0],
                    embedding_dim=_shape(state, 'quant_conv.conv3d.weight')[0],
                    levels=tuple(int(v) for v in levels.tolist()) if levels is not None else DvConfig.levels,
                    patch_size=patch, spatial_compression=spatial_compression or 16,
                    temporal_compression=temporal_compression or 8,
                    attention=tuple(f'encoder.down.{i}.attn.0.0.q.conv3d.weight' in state for i in range(count)))
