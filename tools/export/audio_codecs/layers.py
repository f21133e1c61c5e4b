"""Building blocks shared by the SNAC and DAC implementations: weight-normed convolutions and Snake.

Both codecs wrap every convolution in weight normalisation, but they store it under different names:

* DAC uses the old `torch.nn.utils.weight_norm`: `<conv>.weight_g` (g) and `<conv>.weight_v` (v);
* SNAC uses the parametrizations API (torch >= 2.1): `<conv>.parametrizations.weight.original0` (g) and
  `<conv>.parametrizations.weight.original1` (v).

`WeightNormConv` keeps either naming (`naming='legacy'` or `'parametrized'`) so that `state_dict()` has the
published checkpoint's keys, and computes the effective weight with `torch._weight_norm(v, g, 0)`, the
function both of torch's weight-norm implementations call, so the effective weights are bit-identical.
`fold()` freezes that weight for ONNX export: the graph then holds the very float32 values the reference
computes at every forward, and no norm arithmetic of the exporter or runtime can change them. Snake's
`1 / (α + 1e-9)` is frozen the same way.
"""

from __future__ import annotations

from typing import Dict, Optional

import torch
from torch import nn
from torch.nn import functional as F

LEGACY = 'legacy'
PARAMETRIZED = 'parametrized'


class _NormPair(nn.Module):
    """Holds g and v under the parametrizations API's names (`original0`, `original1`)."""

    def __init__(self, g_shape, v_shape):
        super().__init__()
        self.original0 = nn.Parameter(torch.ones(g_shape))
        self.original1 = nn.Parameter(torch.zeros(v_shape))


class WeightNormConv(nn.Module):
    """A 1-D convolution (or transposed convolution) whose weight is `g · v / ‖v‖`, norm over all axes but 0."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, stride: int = 1, padding: int = 0,
                 dilation: int = 1, groups: int = 1, bias: bool = True, transposed: bool = False,
                 output_padding: int = 0, naming: str = LEGACY):
        super().__init__()
        if naming not in (LEGACY, PARAMETRIZED):
            raise ValueError(f'unknown weight-norm naming {naming!r}')
        self.transposed = transposed
        self.stride, self.padding, self.dilation, self.groups = stride, padding, dilation, groups
        self.output_padding = output_padding
        self.naming = naming
        self.in_channels, self.out_channels, self.kernel_size = in_channels, out_channels, kernel_size
        # torch's layouts: Conv1d [out, in/groups, k], ConvTranspose1d [in, out/groups, k]; g has v's first axis.
        v_shape = (in_channels, out_channels // groups, kernel_size) if transposed else (out_channels, in_channels // groups, kernel_size)
        g_shape = (v_shape[0], 1, 1)
        if naming == LEGACY:
            self.weight_g = nn.Parameter(torch.ones(g_shape))
            self.weight_v = nn.Parameter(torch.zeros(v_shape))
        else:
            self.parametrizations = nn.ModuleDict({'weight': _NormPair(g_shape, v_shape)})
        self.bias = nn.Parameter(torch.zeros(out_channels)) if bias else None
        self.register_buffer('folded_weight', None, persistent=False)

    def norm_parameters(self):
        """(g, v) whatever the naming."""
        if self.naming == LEGACY:
            return self.weight_g, self.weight_v
        pair = self.parametrizations['weight']
        return pair.original0, pair.original1

    def effective_weight(self) -> torch.Tensor:
        if self.folded_weight is not None:
            return self.folded_weight
        g, v = self.norm_parameters()
        return torch._weight_norm(v, g, 0)

    def fold(self) -> None:
        """Freezes the effective weight (for export) in a non-persistent buffer, which ONNX export turns into
        an initializer; later changes of g and v are ignored."""
        with torch.no_grad():
            g, v = self.norm_parameters()
            self.folded_weight = torch._weight_norm(v, g, 0).detach().clone()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        weight = self.effective_weight()
        if self.transposed:
            return F.conv_transpose1d(x, weight, self.bias, self.stride, self.padding, self.output_padding, self.groups, self.dilation)
        return F.conv1d(x, weight, self.bias, self.stride, self.padding, self.dilation, self.groups)


class Snake(nn.Module):
    """Snake activation `x + sin²(αx) / (α + 1e-9)` with one α per channel (`alpha` `[1, C, 1]`)."""

    def __init__(self, channels: int):
        super().__init__()
        self.alpha = nn.Parameter(torch.ones(1, channels, 1))
        self.register_buffer('folded_inverse', None, persistent=False)

    def inverse(self) -> torch.Tensor:
        return self.folded_inverse if self.folded_inverse is not None else (self.alpha + 1e-9).reciprocal()

    def fold(self) -> None:
        """Freezes 1 / (α + 1e-9), computed by torch as the reference computes it, for export."""
        with torch.no_grad():
            self.folded_inverse = (self.alpha + 1e-9).reciprocal().detach().clone()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # Same operation order as the references: reciprocal of (α + 1e-9), times sin(αx)².
        return x + self.inverse() * torch.sin(self.alpha * x).pow(2)


def fold_for_export(module: nn.Module) -> None:
    """Folds every weight-normed convolution and every Snake of `module` (see their `fold`)."""
    for child in module.modules():
        if isinstance(child, (WeightNormConv, Snake)):
            child.fold()


def rename_weight_norm(state_dict: Dict[str, torch.Tensor], naming: str) -> Dict[str, torch.Tensor]:
    """Returns the state dict with its weight-norm parameters under `naming`'s names.

    Checkpoints saved before or after a codebase moved to the parametrizations API differ only in these
    names (torch's own loader converts them the same way), so both forms load.
    """
    renamed: Dict[str, torch.Tensor] = {}
    for key, value in state_dict.items():
        if naming == PARAMETRIZED:
            if key.endswith('.weight_g'):
                key = key[: -len('.weight_g')] + '.parametrizations.weight.original0'
            elif key.endswith('.weight_v'):
                key = key[: -len('.weight_v')] + '.parametrizations.weight.original1'
        else:
            if key.endswith('.parametrizations.weight.original0'):
                key = key[: -len('.parametrizations.weight.original0')] + '.weight_g'
            elif key.endswith('.parametrizations.weight.original1'):
                key = key[: -len('.parametrizations.weight.original1')] + '.weight_v'
        renamed[key] = value
    return renamed
