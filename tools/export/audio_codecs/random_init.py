"""Seeded random weights of published shape, for fixtures and benchmarks (the real weights are not available).

`randomize` draws every parameter from a seeded generator; `calibrate` then rescales each weight-normed
convolution (its g and bias, so the change is part of the weights) so that, on a given input, its output
has a chosen standard deviation. A purely random deep codec saturates its final tanh and turns tiny float
differences into large ones; calibrated, every activation stays of order one, so decoded audio is a
meaningful thing to compare between PyTorch and ONNX Runtime.
"""

from __future__ import annotations

from typing import Callable, Optional

import torch
from torch import nn

from .layers import WeightNormConv


def randomize(module: nn.Module, generator: torch.Generator) -> None:
    """Fills every parameter from `generator`, in `named_parameters()` order (so a seed fixes every value).

    v and codebooks are standard normal; g is near 1 (each effective weight row has a norm near 1);
    biases are small; Snake's α lies in [0.5, 2]; LayerNorm stays near identity; linear layers have
    variance 1/fan_in.
    """
    with torch.no_grad():
        for name, parameter in module.named_parameters():
            leaf = name.rsplit('.', 1)[-1]
            if leaf in ('weight_g', 'original0'):
                parameter.copy_(0.8 + 0.4 * torch.rand(parameter.shape, generator=generator))
            elif leaf == 'alpha':
                parameter.copy_(0.5 + 1.5 * torch.rand(parameter.shape, generator=generator))
            elif leaf == 'bias':
                parameter.copy_(0.05 * torch.randn(parameter.shape, generator=generator))
            elif '.norm.' in f'.{name}':
                parameter.copy_((1.0 if leaf == 'weight' else 0.0) + 0.05 * torch.randn(parameter.shape, generator=generator))
            elif parameter.dim() == 2 and 'codebook' not in name:
                parameter.copy_(torch.randn(parameter.shape, generator=generator) / parameter.shape[1] ** 0.5)
            else:
                parameter.copy_(torch.randn(parameter.shape, generator=generator))


def calibrate(model: nn.Module, run: Callable[[], object], target_std: Callable[[str], Optional[float]]) -> None:
    """Runs `run()` once; each weight-normed convolution named `name` (in `model.named_modules()`) has its
    g and bias scaled by `target_std(name) / std(output)`, and its output scaled the same way on the fly, so
    the layers after it are calibrated on what they will see (a target of None leaves the layer alone).
    Deterministic for a fixed input."""
    handles = []

    def hook(name):
        def rescale(module: WeightNormConv, inputs, output):
            if target_std(name) is None:
                return output
            factor = target_std(name) / max(output.std().item(), 1e-12)
            with torch.no_grad():
                g, _ = module.norm_parameters()
                g.mul_(factor)
                if module.bias is not None:
                    module.bias.mul_(factor)
            return output * factor
        return rescale

    for name, child in model.named_modules():
        if isinstance(child, WeightNormConv):
            handles.append(child.register_forward_hook(hook(name)))
    try:
        with torch.no_grad():
            run()
    finally:
        for handle in handles:
            handle.remove()


def calibrate_codec(model: nn.Module, audio: torch.Tensor) -> None:
    """`calibrate` for a SNAC or DAC model on `audio` `[B, 1, T]` (zero decoder noise): every convolution's
    output gets standard deviation 1, except each residual branch's last convolution (0.5, so the residual
    stacks do not grow), the noise blocks' projections (0.1), the decoder's last convolution (0.4, well
    inside tanh's range) and the quantizer's projections (left as drawn)."""
    targets = {}
    convs = [(name, child) for name, child in model.named_modules() if isinstance(child, WeightNormConv)]
    for name, child in model.named_modules():
        kind = type(child).__name__
        if kind == 'ResidualUnit':
            targets[f'{name}.block.3'] = 0.5
        elif kind == 'NoiseBlock':
            targets[f'{name}.linear'] = 0.1
    last_decoder = [name for name, _ in convs if name.startswith('decoder.')][-1]
    targets[last_decoder] = 0.4

    def target(name: str) -> Optional[float]:
        if name.startswith('quantizer.'):
            return None
        return targets.get(name, 1.0)

    def run():
        latent = model.encode_latent(model.preprocess(audio))
        model.decode(model.quantizer(latent)[0])

    calibrate(model, run, target)
