"""WavTokenizer's decoder: the Vocos backbone with its attention "pos_net" and the iSTFT head
(jishengpeng/WavTokenizer `decoder/models.py` `VocosBackbone`, `decoder/heads.py` `ISTFTHead`).

backbone: conv(k7) → pos_net (2 ResNet blocks with GroupNorm(32) + swish, one single-head attention block,
2 ResNet blocks, GroupNorm) → AdaLayerNorm (one scale/shift embedding per bandwidth id) → ConvNeXt blocks
(depthwise conv k7, AdaLayerNorm, Linear, GELU, Linear, per-channel gamma) → LayerNorm.
head: Linear to N + 2 → magnitude exp(·) clipped at 100 and phase → "same" iSTFT.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F

from .istft import SameInverseStft


def _group_norm(channels: int) -> nn.GroupNorm:
    return nn.GroupNorm(num_groups=32, num_channels=channels, eps=1e-6, affine=True)


def _swish(x: torch.Tensor) -> torch.Tensor:
    return x * torch.sigmoid(x)


class ResnetBlock(nn.Module):
    def __init__(self, channels: int):
        super().__init__()
        self.norm1 = _group_norm(channels)
        self.conv1 = nn.Conv1d(channels, channels, 3, padding=1)
        self.norm2 = _group_norm(channels)
        self.conv2 = nn.Conv1d(channels, channels, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv1(_swish(self.norm1(x)))
        h = self.conv2(_swish(self.norm2(h)))
        return x + h


class AttentionBlock(nn.Module):
    """Single-head self-attention over time with 1×1 convolutions, scaled by channels^-0.5."""

    def __init__(self, channels: int):
        super().__init__()
        self.norm = _group_norm(channels)
        self.q = nn.Conv1d(channels, channels, 1)
        self.k = nn.Conv1d(channels, channels, 1)
        self.v = nn.Conv1d(channels, channels, 1)
        self.proj_out = nn.Conv1d(channels, channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.norm(x)
        q, k, v = self.q(h), self.k(h), self.v(h)
        weights = torch.bmm(q.permute(0, 2, 1), k) * (int(q.shape[1]) ** (-0.5))
        weights = torch.softmax(weights, dim=2)
        return x + self.proj_out(torch.bmm(v, weights.permute(0, 2, 1)))


class AdaLayerNorm(nn.Module):
    """LayerNorm without affine parameters, then the scale and shift of one bandwidth id."""

    def __init__(self, embeddings: int, dim: int):
        super().__init__()
        self.dim = dim
        self.scale = nn.Embedding(embeddings, dim)
        self.shift = nn.Embedding(embeddings, dim)

    def forward(self, x: torch.Tensor, bandwidth_id: torch.Tensor) -> torch.Tensor:
        if torch.onnx.is_in_onnx_export():
            # ONNX's LayerNormalization needs a scale input; multiplying by ones changes nothing.
            x = F.layer_norm(x, (self.dim,), torch.ones(self.dim), torch.zeros(self.dim), eps=1e-6)
        else:
            x = F.layer_norm(x, (self.dim,), eps=1e-6)
        return x * self.scale(bandwidth_id) + self.shift(bandwidth_id)


class ConvNeXtBlock(nn.Module):
    def __init__(self, dim: int, intermediate: int, embeddings: int):
        super().__init__()
        self.dwconv = nn.Conv1d(dim, dim, 7, padding=3, groups=dim)
        self.norm = AdaLayerNorm(embeddings, dim)
        self.pwconv1 = nn.Linear(dim, intermediate)
        self.pwconv2 = nn.Linear(intermediate, dim)
        self.gamma = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor, bandwidth_id: torch.Tensor) -> torch.Tensor:
        y = self.dwconv(x).transpose(1, 2)
        y = self.pwconv2(F.gelu(self.pwconv1(self.norm(y, bandwidth_id))))
        return x + (self.gamma * y).transpose(1, 2)


class VocosBackbone(nn.Module):
    def __init__(self, input_channels: int, dim: int, intermediate: int, num_layers: int, embeddings: int):
        super().__init__()
        self.embed = nn.Conv1d(input_channels, dim, 7, padding=3)
        self.pos_net = nn.Sequential(ResnetBlock(dim), ResnetBlock(dim), AttentionBlock(dim), ResnetBlock(dim), ResnetBlock(dim), _group_norm(dim))
        self.norm = AdaLayerNorm(embeddings, dim)
        self.convnext = nn.ModuleList([ConvNeXtBlock(dim, intermediate, embeddings) for _ in range(num_layers)])
        self.final_layer_norm = nn.LayerNorm(dim, eps=1e-6)

    def forward(self, x: torch.Tensor, bandwidth_id: torch.Tensor) -> torch.Tensor:
        """`[B, C, T]` → `[B, T, dim]`."""
        x = self.pos_net(self.embed(x))
        x = self.norm(x.transpose(1, 2), bandwidth_id).transpose(1, 2)
        for block in self.convnext:
            x = block(x, bandwidth_id)
        return self.final_layer_norm(x.transpose(1, 2))


class ISTFTHead(nn.Module):
    def __init__(self, dim: int, n_fft: int, hop_length: int):
        super().__init__()
        self.out = nn.Linear(dim, n_fft + 2)
        self.istft = SameInverseStft(n_fft, hop_length)

    def spectrum(self, x: torch.Tensor):
        """`[B, T, dim]` → magnitude and phase `[B, N/2 + 1, T]`."""
        magnitude, phase = self.out(x).transpose(1, 2).chunk(2, dim=1)
        return torch.clip(torch.exp(magnitude), max=1e2), phase

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """`[B, T, dim]` → audio `[B, T·H]` (matrix inverse DFT: exportable)."""
        magnitude, phase = self.spectrum(x)
        return self.istft(magnitude * torch.cos(phase), magnitude * torch.sin(phase))

    def reference(self, x: torch.Tensor) -> torch.Tensor:
        """The same with WavTokenizer's complex spectrum and irfft (what the goldens use)."""
        magnitude, phase = self.spectrum(x)
        return self.istft.reference(magnitude * (torch.cos(phase) + 1j * torch.sin(phase)))
