"""The factorized, l2-normalised residual vector quantizer of DAC, and SNAC's multi-scale form of it.

One stage: project the residual with a weight-normed 1x1 convolution (`in_proj`) to `codebook_dim`
channels, pick the codebook row nearest to it after l2-normalising both (the reference computes
`|e|² - 2 e·c + |c|²` and takes the first maximum of its negation), take the RAW row, and project it back
with `out_proj`. SNAC's stages first average-pool the residual over time by their stride and repeat the
result back. Parameter names follow the checkpoints: `quantizers.<i>.in_proj`, `.out_proj`,
`.codebook.weight`.
"""

from __future__ import annotations

from typing import List, Sequence, Tuple

import torch
from torch import nn
from torch.nn import functional as F

from .layers import LEGACY, WeightNormConv


class FactorizedStage(nn.Module):
    """One stage (`VectorQuantize`), with an optional time stride (SNAC)."""

    def __init__(self, input_dim: int, codebook_size: int, codebook_dim: int, stride: int = 1, naming: str = LEGACY):
        super().__init__()
        self.codebook_size, self.codebook_dim, self.stride = codebook_size, codebook_dim, stride
        self.in_proj = WeightNormConv(input_dim, codebook_dim, 1, naming=naming)
        self.out_proj = WeightNormConv(codebook_dim, input_dim, 1, naming=naming)
        self.codebook = nn.Embedding(codebook_size, codebook_dim)

    def nearest(self, projected: torch.Tensor) -> torch.Tensor:
        """Codes `[B, T]` of projected latents `[B, codebook_dim, T]`."""
        batch = projected.shape[0]
        vectors = projected.transpose(1, 2).reshape(-1, self.codebook_dim)
        vectors = F.normalize(vectors)
        rows = F.normalize(self.codebook.weight)
        distance = vectors.pow(2).sum(1, keepdim=True) - 2 * vectors @ rows.t() + rows.pow(2).sum(1, keepdim=True).t()
        return (-distance).max(1)[1].reshape(batch, -1)

    def rows(self, codes: torch.Tensor) -> torch.Tensor:
        """Raw codebook rows of `codes` `[B, T]` as `[B, codebook_dim, T]`."""
        return F.embedding(codes, self.codebook.weight).transpose(1, 2)

    def forward(self, residual: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """(this stage's output `[B, D, T]`, codes `[B, T/stride]`, projected latent `[B, codebook_dim, T/stride]`)."""
        if self.stride > 1:
            residual = F.avg_pool1d(residual, self.stride, self.stride)
        projected = self.in_proj(residual)
        codes = self.nearest(projected)
        chosen = self.rows(codes)
        # The references' straight-through form: a no-op in value except for float32 rounding, kept because
        # later stages see the residual it leaves.
        output = self.out_proj(projected + (chosen - projected))
        return self.repeat(output), codes, projected

    def decode(self, codes: torch.Tensor) -> torch.Tensor:
        return self.repeat(self.out_proj(self.rows(codes)))

    def repeat(self, x: torch.Tensor) -> torch.Tensor:
        """`x.repeat_interleave(stride, dim=-1)` (the same copies), written as expand + reshape, which ONNX
        export turns into two plain ops instead of a Loop."""
        if self.stride == 1:
            return x
        batch, channels, length = x.shape
        return x.unsqueeze(-1).expand(batch, channels, length, self.stride).reshape(batch, channels, length * self.stride)


class FactorizedResidualVQ(nn.Module):
    """DAC's `ResidualVectorQuantize` (all strides 1) and SNAC's (strides per stage)."""

    def __init__(self, input_dim: int, codebook_size: int, codebook_dims: Sequence[int], strides: Sequence[int], naming: str = LEGACY):
        super().__init__()
        if len(codebook_dims) != len(strides):
            raise ValueError('one codebook dim and one stride per stage')
        self.strides = list(strides)
        self.quantizers = nn.ModuleList(
            FactorizedStage(input_dim, codebook_size, dim, stride, naming) for dim, stride in zip(codebook_dims, strides))

    def forward(self, latent: torch.Tensor, stages: int = None) -> Tuple[torch.Tensor, List[torch.Tensor], List[torch.Tensor]]:
        """(quantized latent, codes per stage, projected latents per stage) of the first `stages` stages."""
        used = len(self.quantizers) if stages is None else stages
        quantized = torch.zeros_like(latent)
        residual = latent
        codes, projected = [], []
        for stage in list(self.quantizers)[:used]:
            output, stage_codes, stage_projected = stage(residual)
            quantized = quantized + output
            residual = residual - output
            codes.append(stage_codes)
            projected.append(stage_projected)
        return quantized, codes, projected

    def decode(self, codes: Sequence[torch.Tensor]) -> torch.Tensor:
        """Quantized latent of the codes of the first `len(codes)` stages."""
        total = None
        for stage, stage_codes in zip(self.quantizers, codes):
            output = stage.decode(stage_codes)
            total = output if total is None else total + output
        return total
