"""The ONNX graphs of a jointok audio codec folder, as torch modules to export.

jointok layout (the quantizer runs in TypeScript from core, between the two graphs):
* encoder: `audio` float32 `[B, 1, T]`, T already padded by the caller → `latent` float32 `[B, D, T / hop]`;
* decoder: `latent` float32 `[B, D, F]` (what the quantizer's `decode` returns) → `audio` float32 `[B, 1, T']`;
  SNAC's decoder also takes one input per noise block, `noise.<i>` float32 `[B, 1, F · Π_{j≤i} rates[j]]`.

Every weight-normed convolution and Snake is folded first (`fold_for_export`), so the graphs carry the
effective weights exactly as the reference computes them.
"""

from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

import torch
from torch import nn

from .layers import fold_for_export

AUDIO_IN = 'audio'
LATENT = 'latent'
AUDIO_OUT = 'audio'


def noise_input_name(index: int) -> str:
    return f'noise.{index}'


class EncoderGraph(nn.Module):
    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, audio: torch.Tensor) -> torch.Tensor:
        return self.model.encode_latent(audio)


class DecoderGraph(nn.Module):
    """Latent (and, for SNAC, the noise of every noise block) → audio."""

    def __init__(self, model: nn.Module, noise_blocks: int = 0):
        super().__init__()
        self.model = model
        self.noise_blocks = noise_blocks

    def forward(self, latent: torch.Tensor, *noises: torch.Tensor) -> torch.Tensor:
        if self.noise_blocks:
            return self.model.decode(latent, list(noises))
        return self.model.decode(latent)


def encoder_io(model: nn.Module) -> Tuple[List[str], List[str], Dict[str, Dict[int, str]]]:
    return [AUDIO_IN], [LATENT], {AUDIO_IN: {0: 'batch', 2: 'samples'}, LATENT: {0: 'batch', 2: 'frames'}}


def decoder_io(noise_blocks: int) -> Tuple[List[str], List[str], Dict[str, Dict[int, str]]]:
    inputs = [LATENT] + [noise_input_name(i) for i in range(noise_blocks)]
    axes: Dict[str, Dict[int, str]] = {LATENT: {0: 'batch', 2: 'frames'}, AUDIO_OUT: {0: 'batch', 2: 'samples'}}
    for i in range(noise_blocks):
        axes[noise_input_name(i)] = {0: 'batch', 2: f'noise_samples_{i}'}
    return inputs, [AUDIO_OUT], axes


def prepare_for_export(model: nn.Module) -> nn.Module:
    """Eval mode, weight norms folded, gradients off."""
    model.eval()
    fold_for_export(model)
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    return model


def example_audio(samples: int) -> torch.Tensor:
    """A deterministic non-trivial example input for tracing (values do not reach the graph)."""
    return torch.sin(torch.arange(samples, dtype=torch.float32) * 0.01)[None, None]


def noise_examples(lengths: Sequence[int]) -> List[torch.Tensor]:
    return [torch.zeros(1, 1, length) for length in lengths]
