"""The jointok-image-base architecture: a compact convolutional FSQ autoencoder.

encoder: image [B, 3, H, W] in [-1, 1]  ->  pre-quantization latent [B, D, H/f, W/f]   (f = 2^len(widths))
FSQ:     latent -> codes [B, H/f, W/f] in [0, prod(levels)) -> quantized values [B, D, H/f, W/f] in [-1, 1]
decoder: quantized values -> image [B, 3, H, W] in [-1, 1]

FSQ is the `tanh` bound of lucidrains' `FSQ` (what @jointok/core's `fsq` quantizer computes): per
channel `bounded = tanh(z + atanh(offset / half_l)) * half_l - offset` with
`half_l = f32(f32(L - 1) * f32(1 + eps)) / 2` and `offset = 0.5` for even L, rounded half to even
(straight-through in training), `code = level / floor(L / 2)`; the index is
`sum((level_d + floor(L_d / 2)) * cumprod([1, L_0, ...])_d)`. The ONNX graphs stop before the bound
and start after the decoded values, so that core quantizes.
"""

from __future__ import annotations

from typing import List, Sequence

import torch
import torch.nn.functional as F
from torch import nn

FSQ_EPS = 1e-3


class FSQ(nn.Module):
    """Finite scalar quantization with float32 constants computed as core computes them.

    `exact=True` evaluates tanh in float64 and rounds once to float32 (what core's thresholds
    reproduce, as `Math.tanh` in double then `Math.fround`); training uses the float32 tanh."""

    def __init__(self, levels: Sequence[int]):
        super().__init__()
        levels_t = torch.tensor(list(levels), dtype=torch.int32)
        half_l = (levels_t.float() * 1 - 1) * torch.tensor(1 + FSQ_EPS, dtype=torch.float32) / 2
        offset = torch.where(levels_t % 2 == 0, torch.tensor(0.5), torch.tensor(0.0)).float()
        shift = torch.atanh((offset / half_l).double()).float()
        basis = torch.cumprod(torch.tensor([1] + list(levels[:-1]), dtype=torch.int64), 0)
        self.levels = list(levels)
        self.register_buffer('half_l', half_l.view(1, -1, 1, 1), persistent=False)
        self.register_buffer('offset', offset.view(1, -1, 1, 1), persistent=False)
        self.register_buffer('shift', shift.view(1, -1, 1, 1), persistent=False)
        self.register_buffer('half_width', (levels_t // 2).float().view(1, -1, 1, 1), persistent=False)
        self.register_buffer('basis', basis.view(1, -1, 1, 1), persistent=False)

    @property
    def codebook_size(self) -> int:
        size = 1
        for level in self.levels:
            size *= level
        return size

    def bound(self, z: torch.Tensor, exact: bool = False) -> torch.Tensor:
        shifted = z + self.shift
        squashed = torch.tanh(shifted.double()).float() if exact else torch.tanh(shifted)
        return squashed * self.half_l - self.offset

    def forward(self, z: torch.Tensor, exact: bool = False) -> torch.Tensor:
        """Quantized values (straight-through gradient), [B, D, h, w]."""
        bounded = self.bound(z, exact)
        rounded = bounded + (torch.round(bounded) - bounded).detach()
        return rounded / self.half_width

    def codes(self, z: torch.Tensor, exact: bool = True) -> torch.Tensor:
        """int64 codes [B, h, w]."""
        levels = torch.round(self.bound(z, exact)) + self.half_width
        return (levels.long() * self.basis).sum(1)

    def decode_codes(self, codes: torch.Tensor) -> torch.Tensor:
        digits = []
        for d, level in enumerate(self.levels):
            digit = (codes // int(self.basis[0, d, 0, 0])) % level
            digits.append(digit.float())
        levels = torch.stack(digits, 1)
        return (levels - self.half_width) / self.half_width


def norm(channels: int) -> nn.GroupNorm:
    return nn.GroupNorm(min(16, channels // 4), channels, eps=1e-6)


class ResBlock(nn.Module):
    def __init__(self, channels: int):
        super().__init__()
        self.norm1 = norm(channels)
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1)
        self.norm2 = norm(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv1(F.silu(self.norm1(x)))
        h = self.conv2(F.silu(self.norm2(h)))
        return x + h


class Encoder(nn.Module):
    """Space-to-depth stem (patch x patch pixels become channels: no full-resolution convolutions,
    which a CPU cannot afford), then per level ResBlocks and a stride-2 convolution; widths[i] is the
    width at 1/(patch * 2^i) resolution."""

    def __init__(self, widths: Sequence[int], blocks: int, latent_dim: int, patch: int):
        super().__init__()
        self.patch = patch
        self.stem = nn.Conv2d(3 * patch * patch, widths[0], 3, padding=1)
        layers: List[nn.Module] = []
        for i, width in enumerate(widths):
            layers += [ResBlock(width) for _ in range(blocks)]
            if i + 1 < len(widths):
                layers.append(nn.Conv2d(width, widths[i + 1], 4, stride=2, padding=1))
        layers += [ResBlock(widths[-1]), norm(widths[-1]), nn.SiLU(), nn.Conv2d(widths[-1], latent_dim, 1)]
        self.body = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.body(self.stem(F.pixel_unshuffle(x, self.patch)))


class Decoder(nn.Module):
    def __init__(self, widths: Sequence[int], blocks: int, latent_dim: int, patch: int):
        super().__init__()
        widths = list(reversed(widths))
        layers: List[nn.Module] = [nn.Conv2d(latent_dim, widths[0], 3, padding=1), ResBlock(widths[0])]
        for i, width in enumerate(widths):
            layers += [ResBlock(width) for _ in range(blocks)]
            if i + 1 < len(widths):
                layers += [nn.Upsample(scale_factor=2, mode='nearest'), nn.Conv2d(width, widths[i + 1], 3, padding=1)]
        layers += [norm(widths[-1]), nn.SiLU(), nn.Conv2d(widths[-1], 3 * patch * patch, 3, padding=1), nn.PixelShuffle(patch)]
        self.body = nn.Sequential(*layers)

    def forward(self, q: torch.Tensor) -> torch.Tensor:
        return self.body(q)


class ImageTokenizer(nn.Module):
    def __init__(self, levels: Sequence[int], widths: Sequence[int] = (32, 96, 128), blocks: int = 1, patch: int = 2):
        super().__init__()
        self.config = {'levels': list(levels), 'widths': list(widths), 'blocks': blocks, 'patch': patch}
        self.encoder = Encoder(widths, blocks, len(levels), patch)
        self.fsq = FSQ(levels)
        self.decoder = Decoder(widths, blocks, len(levels), patch)

    @property
    def downsample(self) -> int:
        return self.config['patch'] * 2 ** (len(self.config['widths']) - 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.decoder(self.fsq(self.encoder(x)))
