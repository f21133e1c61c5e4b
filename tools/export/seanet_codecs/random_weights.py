"""Seeded random weights of a published architecture, for fixtures and benchmarks (the real weights
cannot be downloaded here).

`randomize` draws every parameter from a seeded generator (definition order, so a seed fixes all values).
A random deep codec left like that drifts to huge or vanishing activations, which turns float rounding
into large differences; `calibrate_convolutions` therefore rescales each convolution, on a given input,
so that its output has a chosen standard deviation (the scale goes into the weights, so the model stays
a plain model of the published format), and `fit_codebooks` draws each residual stage's codebook at the
scale of the residual it will see.
"""

from __future__ import annotations

from typing import Callable, Dict, Optional

import torch
from torch import nn


def randomize(module: nn.Module, generator: torch.Generator) -> None:
    """Conv/linear weights ~ N(0, 1/fan_in), weight-norm g = 1, biases ~ N(0, 0.02²), LSTM weights
    ~ U(±1/√hidden), norms ~ 1 ± 0.1, layer scales ~ U(0.2, 1)."""
    with torch.no_grad():
        for name, parameter in module.named_parameters():
            leaf = name.rsplit('.', 1)[-1]
            shape = parameter.shape
            if leaf == 'weight_g':
                parameter.fill_(1.0)
            elif '.lstm.' in f'.{name}':
                bound = 1.0 / shape[-1] ** 0.5 if leaf.startswith('weight_hh') else 1.0 / shape[0] ** 0.5 * 2
                parameter.copy_((torch.rand(shape, generator=generator) * 2 - 1) * bound)
            elif leaf == 'bias':
                parameter.copy_(0.02 * torch.randn(shape, generator=generator))
            elif leaf == 'scale' or leaf == 'gamma':
                parameter.copy_(0.2 + 0.8 * torch.rand(shape, generator=generator))
            elif parameter.dim() == 1:
                parameter.copy_(1.0 + 0.1 * torch.randn(shape, generator=generator))
            else:
                fan_in = parameter[0].numel() if parameter.dim() > 1 else shape[0]
                parameter.copy_(torch.randn(shape, generator=generator) / fan_in ** 0.5)


def calibrate_convolutions(model: nn.Module, run: Callable[[], object], target: Callable[[str], Optional[float]]) -> None:
    """Runs `run()` once with a hook on every Conv1d / ConvTranspose1d (named as in `named_modules`):
    when `target(name)` is a number, the layer's weight (g under weight norm) and bias are scaled so that
    its output has that standard deviation, and the output is scaled on the fly so that later layers are
    calibrated on what they will see."""
    handles = []

    def hook(name: str):
        def rescale(module, inputs, output):
            wanted = target(name)
            if wanted is None:
                return output
            factor = wanted / max(output.std().item(), 1e-12)
            with torch.no_grad():
                scaled = module.weight_g if hasattr(module, 'weight_g') else module.weight
                scaled.mul_(factor)
                if module.bias is not None:
                    module.bias.mul_(factor)
            return output * factor
        return rescale

    for name, child in model.named_modules():
        if isinstance(child, (nn.Conv1d, nn.ConvTranspose1d)):
            handles.append(child.register_forward_hook(hook(name)))
    try:
        with torch.no_grad():
            run()
    finally:
        for handle in handles:
            handle.remove()


def fit_codebooks(latent: torch.Tensor, stages: int, bins: int, generator: torch.Generator) -> torch.Tensor:
    """`[stages, bins, D]` codebooks for a euclidean residual VQ of the `[B, D, T]` latent: stage q's rows
    are Gaussian with the per-channel mean and spread of the residual the stages before it leave, so each
    stage removes a part of the residual (as trained codebooks do) without fitting it so closely that late
    stages only see float rounding."""
    vectors = latent.transpose(1, 2).reshape(-1, latent.shape[1])
    residual = vectors.clone()
    books = []
    for _ in range(stages):
        mean = residual.mean(dim=0, keepdim=True)
        spread = residual.std(dim=0, keepdim=True)
        book = mean + spread * torch.randn(bins, residual.shape[1], generator=generator)
        residual = residual - book[torch.cdist(residual, book).argmin(dim=1)]
        books.append(book)
    return torch.stack(books)


def state_with(model: nn.Module, extra: Dict[str, torch.Tensor]) -> Dict[str, torch.Tensor]:
    """The model's state dict (tensors cloned) plus `extra` entries."""
    state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    state.update(extra)
    return state
