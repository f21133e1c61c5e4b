"""SEANet building blocks shared by EnCodec, Mimi and WavTokenizer's encoder.

The three codebases nest their convolutions the same way, so one set of modules gives all three
checkpoints' parameter names: `<block>.conv.conv.weight` (Mimi: plain convolutions) or
`<block>.conv.conv.weight_g` / `.weight_v` (EnCodec, WavTokenizer: weight norm), and
`<block>.convtr.convtr.*` for transposed convolutions.

Padding. A convolution of effective kernel k and stride s is padded by k - s in total: all on the left
when causal, otherwise split (right = total // 2). Then EnCodec pads the right end further by
`extra = ceil(L / s) · s - L` so that the last window is full; Mimi's inputs are multiples of s, so its
extra padding is always 0. Eager mode computes `extra` from the length, as the references do. For ONNX
export (`set_export_mode`), the right end is padded by a fixed s - 1 more instead: a convolution then
still yields ceil(L / s) outputs, and since every window it computes lies within the first
`extra` padded values, its outputs are those of the reference for every length (the padded values of
`reflect` and `replicate` do not depend on how many are added). Reflect padding of an input no longer
than the padding is special-cased by the references (zeros first); exported graphs need longer inputs
(`min_input_length`).
"""

from __future__ import annotations

import math
from typing import List, Optional

import torch
from torch import nn
from torch.nn import functional as F
from torch.nn.utils import weight_norm, remove_weight_norm


def _pad(x: torch.Tensor, left: int, right: int, mode: str) -> torch.Tensor:
    """F.pad on the time axis; `reflect` on an input not longer than the padding first appends zeros
    (and drops them again afterwards), as EnCodec's `pad1d` does."""
    if left == 0 and right == 0:
        return x
    if mode == 'reflect':
        length = x.shape[-1]
        widest = max(left, right)
        if not torch.jit.is_tracing() and length <= widest:
            added = widest - length + 1
            padded = F.pad(F.pad(x, (0, added)), (left, right), mode='reflect')
            return padded[..., :padded.shape[-1] - added]
        return F.pad(x, (left, right), mode='reflect')
    if mode == 'replicate':
        return F.pad(x, (left, right), mode='replicate')
    if mode in ('constant', 'zero'):
        return F.pad(x, (left, right))
    raise ValueError(f'unknown pad mode {mode!r}')


class _Wrapped(nn.Module):
    """The middle level of the published nesting (`NormConv1d`): holds `conv` or `convtr`."""

    def __init__(self, name: str, module: nn.Module):
        super().__init__()
        self.add_module(name, module)


class SeanetConv1d(nn.Module):
    """A 1-D convolution with SEANet's causal or centred padding (see the module docstring)."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, stride: int = 1, dilation: int = 1,
                 groups: int = 1, bias: bool = True, causal: bool = False, pad_mode: str = 'reflect',
                 norm: str = 'none'):
        super().__init__()
        conv = nn.Conv1d(in_channels, out_channels, kernel_size, stride, dilation=dilation, groups=groups, bias=bias)
        if norm == 'weight_norm':
            conv = weight_norm(conv)
        elif norm != 'none':
            raise ValueError(f'unsupported norm {norm!r}')
        self.conv = _Wrapped('conv', conv)
        self.causal = causal
        self.pad_mode = pad_mode
        self.export_mode = False

    @property
    def inner(self) -> nn.Conv1d:
        return self.conv.conv

    def paddings(self):
        """(stride, left, right before the extra padding)."""
        conv = self.inner
        stride = conv.stride[0]
        total = (conv.kernel_size[0] - 1) * conv.dilation[0] + 1 - stride
        right = 0 if self.causal else total // 2
        return stride, total - right, right

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        stride, left, right = self.paddings()
        if self.export_mode:
            extra = stride - 1
        else:
            length = x.shape[-1]
            extra = math.ceil(length / stride) * stride - length
        return self.conv.conv(_pad(x, left, right + extra, self.pad_mode))

    def output_length(self, length: int) -> int:
        return math.ceil(length / self.paddings()[0])

    def accepts(self, length: int) -> bool:
        """Whether the exported graph computes the reference's values for an input of this length."""
        if self.pad_mode != 'reflect':
            return length >= 1
        stride, left, right = self.paddings()
        return length > max(left, right + stride - 1)


class SeanetConvTranspose1d(nn.Module):
    """A transposed convolution whose k - s surplus samples are trimmed: all on the right when causal,
    otherwise split (right = total // 2)."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, stride: int = 1, groups: int = 1,
                 bias: bool = True, causal: bool = False, norm: str = 'none'):
        super().__init__()
        convtr = nn.ConvTranspose1d(in_channels, out_channels, kernel_size, stride, groups=groups, bias=bias)
        if norm == 'weight_norm':
            convtr = weight_norm(convtr)
        elif norm != 'none':
            raise ValueError(f'unsupported norm {norm!r}')
        self.convtr = _Wrapped('convtr', convtr)
        self.causal = causal

    @property
    def inner(self) -> nn.ConvTranspose1d:
        return self.convtr.convtr

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        convtr = self.inner
        total = convtr.kernel_size[0] - convtr.stride[0]
        right = total if self.causal else total // 2
        y = convtr(x)
        return y[..., total - right: y.shape[-1] - right]

    def output_length(self, length: int) -> int:
        return length * self.inner.stride[0]


class SeanetLSTM(nn.Module):
    """A stacked LSTM over time with a skip connection, on `[B, C, T]` tensors."""

    def __init__(self, dimension: int, num_layers: int):
        super().__init__()
        self.lstm = nn.LSTM(dimension, dimension, num_layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        sequence = x.permute(2, 0, 1)
        y, _ = self.lstm(sequence)
        return (y + sequence).permute(1, 2, 0)


class SeanetResBlock(nn.Module):
    """ELU → conv k (dilated, to dim / compress) → ELU → conv 1 (back to dim), plus a skip that is the
    identity (`true_skip`) or a 1×1 convolution."""

    def __init__(self, dim: int, kernel_size: int, dilation: int, compress: int, true_skip: bool, **conv):
        super().__init__()
        hidden = dim // compress
        self.block = nn.Sequential(
            nn.ELU(alpha=1.0), SeanetConv1d(dim, hidden, kernel_size, dilation=dilation, **conv),
            nn.ELU(alpha=1.0), SeanetConv1d(hidden, dim, 1, **conv))
        self.shortcut = nn.Identity() if true_skip else SeanetConv1d(dim, dim, 1, **conv)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.shortcut(x) + self.block(x)


class SeanetEncoder(nn.Module):
    """conv(k) → per ratio (in reverse order): residual blocks, ELU, strided conv (kernel 2r, doubling the
    channels) → [LSTM] → ELU → conv(last_kernel) to `dimension` channels."""

    def __init__(self, channels: int, dimension: int, n_filters: int, ratios: List[int], *, n_residual_layers: int = 1,
                 kernel_size: int = 7, last_kernel_size: int = 7, residual_kernel_size: int = 3, dilation_base: int = 2,
                 compress: int = 2, true_skip: bool = False, lstm: int = 0, causal: bool = False,
                 pad_mode: str = 'reflect', norm: str = 'none'):
        super().__init__()
        conv = dict(causal=causal, pad_mode=pad_mode, norm=norm)
        self.ratios = list(reversed(ratios))
        self.hop_length = int(math.prod(ratios))
        self.dimension = dimension
        mult = 1
        layers: List[nn.Module] = [SeanetConv1d(channels, n_filters, kernel_size, **conv)]
        for ratio in self.ratios:
            for j in range(n_residual_layers):
                layers.append(SeanetResBlock(mult * n_filters, residual_kernel_size, dilation_base ** j, compress, true_skip, **conv))
            layers += [nn.ELU(alpha=1.0), SeanetConv1d(mult * n_filters, mult * n_filters * 2, 2 * ratio, stride=ratio, **conv)]
            mult *= 2
        if lstm:
            layers.append(SeanetLSTM(mult * n_filters, lstm))
        layers += [nn.ELU(alpha=1.0), SeanetConv1d(mult * n_filters, dimension, last_kernel_size, **conv)]
        self.model = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.model(x)


class SeanetDecoder(nn.Module):
    """conv(k) from `dimension` → [LSTM] → per ratio: ELU, transposed conv (kernel 2r, halving the
    channels), residual blocks → ELU → conv(last_kernel) to the audio channels."""

    def __init__(self, channels: int, dimension: int, n_filters: int, ratios: List[int], *, n_residual_layers: int = 1,
                 kernel_size: int = 7, last_kernel_size: int = 7, residual_kernel_size: int = 3, dilation_base: int = 2,
                 compress: int = 2, true_skip: bool = False, lstm: int = 0, causal: bool = False,
                 pad_mode: str = 'reflect', norm: str = 'none'):
        super().__init__()
        conv = dict(causal=causal, pad_mode=pad_mode, norm=norm)
        self.ratios = list(ratios)
        self.hop_length = int(math.prod(ratios))
        mult = 2 ** len(ratios)
        layers: List[nn.Module] = [SeanetConv1d(dimension, mult * n_filters, kernel_size, **conv)]
        if lstm:
            layers.append(SeanetLSTM(mult * n_filters, lstm))
        for ratio in self.ratios:
            layers += [nn.ELU(alpha=1.0), SeanetConvTranspose1d(mult * n_filters, mult * n_filters // 2, 2 * ratio, stride=ratio,
                                                                causal=causal, norm=norm)]
            for j in range(n_residual_layers):
                layers.append(SeanetResBlock(mult * n_filters // 2, residual_kernel_size, dilation_base ** j, compress, true_skip, **conv))
            mult //= 2
        layers += [nn.ELU(alpha=1.0), SeanetConv1d(n_filters, channels, last_kernel_size, **conv)]
        self.model = nn.Sequential(*layers)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.model(z)


def set_export_mode(module: nn.Module) -> nn.Module:
    """Prepares `module` for ONNX export: eval mode, weight norms folded into plain weights (torch
    computes them as every forward does), fixed right padding (see the module docstring)."""
    module.eval()
    for child in module.modules():
        if isinstance(child, SeanetConv1d):
            child.export_mode = True
        if isinstance(child, (nn.Conv1d, nn.ConvTranspose1d)) and hasattr(child, 'weight_g'):
            remove_weight_norm(child)
    for parameter in module.parameters():
        parameter.requires_grad_(False)
    return module


def min_input_length(module: nn.Module, length_limit: int = 1 << 20, scale: Optional[int] = None) -> int:
    """The shortest input (samples for an encoder, frames for a decoder) for which every reflect-padded
    convolution of `module` (walked in definition order, which is SEANet's execution order) sees an
    input longer than its padding: from there on the exported graph equals the reference."""
    for length in range(1, length_limit):
        current = length
        ok = True
        for child in module.modules():
            if isinstance(child, SeanetConv1d):
                if not child.accepts(current):
                    ok = False
                    break
                current = child.output_length(current)
            elif isinstance(child, SeanetConvTranspose1d):
                current = child.output_length(current)
        if ok:
            return length
    raise ValueError('no input length up to the limit satisfies every convolution')
