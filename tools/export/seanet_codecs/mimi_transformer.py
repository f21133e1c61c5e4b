"""Mimi's causal transformer (kyutai-labs/moshi `ProjectedTransformer` as Mimi configures it): pre-norm
layers with LayerNorm (eps 1e-5), multi-head self-attention with interleaved RoPE (max period 10000) and a
causal window of `context` steps, a GELU feed-forward without biases, and LayerScale on both branches.
Mimi's d_model equals the SEANet dimension, so there are no input/output projections.

Parameter names are moshi's module names (`transformer.layers.<i>.self_attn.in_projs.0.weight`, ...);
the published checkpoint's `self_attn.in_proj_weight` / `self_attn.out_proj.weight` are renamed on load
(`moshi_state_names`).
"""

from __future__ import annotations

import math
from typing import Dict

import torch
from torch import nn
from torch.nn import functional as F


def apply_rope(q: torch.Tensor, k: torch.Tensor, max_period: float) -> tuple:
    """Rotates `[B, H, T, D]` queries and keys by position (0, 1, ...), channels paired as (2i, 2i + 1)."""
    _, _, length, dim = q.shape
    ds = torch.arange(dim // 2, dtype=torch.float32)
    freqs = torch.exp(ds * (-math.log(max_period) * 2 / dim))
    ts = torch.arange(length, dtype=torch.float32).view(1, 1, -1, 1)
    rotr = torch.cos(freqs * ts)
    roti = torch.sin(freqs * ts)

    def rotate(x: torch.Tensor) -> torch.Tensor:
        pairs = x.view(*x.shape[:-1], dim // 2, 2)
        real, imag = pairs[..., 0], pairs[..., 1]
        return torch.stack([real * rotr - imag * roti, real * roti + imag * rotr], dim=-1).view(*x.shape)

    return rotate(q), rotate(k)


def windowed_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, context: int) -> torch.Tensor:
    """softmax(q·kᵀ / √D) v where query t sees keys t - context < s ≤ t (what moshi's attention bias
    allows; it calls scaled_dot_product_attention with that boolean mask)."""
    length = q.shape[2]
    positions = torch.arange(length)
    delta = positions.view(-1, 1) - positions.view(1, -1)
    allowed = (delta >= 0) & (delta < context)
    scores = q @ k.transpose(-2, -1) * (1.0 / math.sqrt(q.shape[-1]))
    scores = scores.masked_fill(~allowed, float('-inf'))
    return torch.softmax(scores, dim=-1) @ v


class LayerScale(nn.Module):
    def __init__(self, channels: int):
        super().__init__()
        self.scale = nn.Parameter(torch.full((channels,), 0.01))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.scale * x


class SelfAttention(nn.Module):
    def __init__(self, dim: int, num_heads: int, context: int, max_period: float):
        super().__init__()
        self.num_heads = num_heads
        self.context = context
        self.max_period = max_period
        self.in_projs = nn.ModuleList([nn.Linear(dim, 3 * dim, bias=False)])
        self.out_projs = nn.ModuleList([nn.Linear(dim, dim, bias=False)])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        batch, length, dim = x.shape
        projected = self.in_projs[0](x)
        # 'b t (p h d) -> p b h t d'
        q, k, v = projected.view(batch, length, 3, self.num_heads, dim // self.num_heads).permute(2, 0, 3, 1, 4)
        q, k = apply_rope(q, k, self.max_period)
        out = windowed_attention(q, k, v, self.context)
        return self.out_projs[0](out.permute(0, 2, 1, 3).reshape(batch, length, dim))


class TransformerLayer(nn.Module):
    def __init__(self, dim: int, num_heads: int, feedforward: int, context: int, max_period: float):
        super().__init__()
        self.self_attn = SelfAttention(dim, num_heads, context, max_period)
        self.norm1 = nn.LayerNorm(dim, eps=1e-5)
        self.norm2 = nn.LayerNorm(dim, eps=1e-5)
        self.linear1 = nn.Linear(dim, feedforward, bias=False)
        self.linear2 = nn.Linear(feedforward, dim, bias=False)
        self.layer_scale_1 = LayerScale(dim)
        self.layer_scale_2 = LayerScale(dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.layer_scale_1(self.self_attn(self.norm1(x)))
        return x + self.layer_scale_2(self.linear2(F.gelu(self.linear1(self.norm2(x)))))


class _Layers(nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.layers = nn.ModuleList(layers)


class MimiTransformer(nn.Module):
    """`[B, C, T]` in and out (moshi's `conv_layout`)."""

    def __init__(self, dim: int, num_layers: int, num_heads: int, feedforward: int, context: int = 250, max_period: float = 10000.0):
        super().__init__()
        self.transformer = _Layers([TransformerLayer(dim, num_heads, feedforward, context, max_period) for _ in range(num_layers)])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = x.transpose(1, 2)
        for layer in self.transformer.layers:
            y = layer(y)
        return y.transpose(1, 2)


def moshi_state_names(state: Dict[str, torch.Tensor]) -> Dict[str, torch.Tensor]:
    """Renames the published attention weights to moshi's module names (moshi's own load hook does the
    same): `self_attn.in_proj_weight` / `self_attn.in_proj.weight` → `self_attn.in_projs.0.weight`,
    `self_attn.out_proj.weight` → `self_attn.out_projs.0.weight`."""
    renamed = {}
    for key, value in state.items():
        for old, new in (('.self_attn.in_proj_weight', '.self_attn.in_projs.0.weight'),
                         ('.self_attn.in_proj.weight', '.self_attn.in_projs.0.weight'),
                         ('.self_attn.out_proj.weight', '.self_attn.out_projs.0.weight')):
            if key.endswith(old):
                key = key[: -len(old)] + new
        renamed[key] = value
    return renamed
