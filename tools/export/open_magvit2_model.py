"""TencentARC's Open-MAGVIT2 image tokenizer (SEED-Voken `src/Open_MAGVIT2`, `lfqgan.VQModel`), written for
jointok's exporter.

The module tree and parameter names follow the published Lightning checkpoints (`imagenet_256_L.ckpt`,
`imagenet_128_L.ckpt`, `pretrain256_262144.ckpt`, `pretrain256_16384.ckpt`: `{'state_dict': ...}` with
`encoder.*`, `decoder.*`, the GAN loss' tensors and the EMA copy `model_ema.<name without dots>`), so that
their weights load with `load_state_dict(strict=True)` without SEED-Voken's code installed. The arithmetic
follows the reference operation by operation:

* encoder: conv_in (no bias), `len(ch_mult)` levels of `num_res_blocks` residual blocks (GroupNorm, swish,
  3x3 conv without bias, twice; 1x1 shortcut without bias when the width changes) with a stride-2 3x3
  conv after every level but the last, `num_res_blocks` mid blocks, GroupNorm, swish, 1x1 conv_out to the
  LFQ bits;
* LFQ: bit d = (z_d > 0), code `sum(bit_d * 2^d)` (channel 0 least significant), values +-1; with token
  factorization, one code per part of `factorized_bits` channels;
* decoder: conv_in, mid blocks, then from the deepest level up: adaptive GroupNorm conditioned on the
  quantized latent (per-channel `var` with torch's default unbiased estimator, + eps, sqrt, and mean of the
  latent over positions, through the `gamma` / `beta` linears), `num_res_blocks` residual blocks, and a 3x3
  conv to 4x channels + depth-to-space (DCR) upsampler on every level but the first; GroupNorm, swish,
  conv_out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import torch
import torch.nn.functional as F
from torch import nn

from llamagen_vq import CheckpointMismatch, _count, _shape  # noqa: F401

EMA_PREFIX = 'model_ema.'


@dataclass(frozen=True)
class Magvit2Config:
    """Hyper-parameters of one Open-MAGVIT2 image tokenizer. The defaults are `imagenet_256_L`."""

    ch: int = 128
    ch_mult: Tuple[int, ...] = (1, 1, 2, 2, 4)
    num_res_blocks: int = 4
    z_channels: int = 18
    in_channels: int = 3
    out_ch: int = 3
    # Open-MAGVIT2 hard-codes 32; smaller test models need fewer to keep few channels.
    norm_groups: int = 32

    @property
    def downsample(self) -> int:
        return 2 ** (len(self.ch_mult) - 1)

    @property
    def codebook_size(self) -> int:
        return 2 ** self.z_channels

    def as_dict(self) -> Dict[str, object]:
        return {'ch': self.ch, 'chMult': list(self.ch_mult), 'numResBlocks': self.num_res_blocks,
                'zChannels': self.z_channels, 'inChannels': self.in_channels, 'outChannels': self.out_ch,
                'normGroups': self.norm_groups}


def swish(x: torch.Tensor) -> torch.Tensor:
    return x * torch.sigmoid(x)


class ResBlock(nn.Module):
    """GroupNorm, swish, 3x3 conv (no bias), twice; the input through a 1x1 conv (no bias) when the width changes."""

    def __init__(self, in_filters: int, out_filters: int, groups: int):
        super().__init__()
        self.norm1 = nn.GroupNorm(groups, in_filters, eps=1e-6)
        self.norm2 = nn.GroupNorm(groups, out_filters, eps=1e-6)
        self.conv1 = nn.Conv2d(in_filters, out_filters, 3, padding=1, bias=False)
        self.conv2 = nn.Conv2d(out_filters, out_filters, 3, padding=1, bias=False)
        self.nin_shortcut = nn.Conv2d(in_filters, out_filters, 1, bias=False) if in_filters != out_filters else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv1(swish(self.norm1(x)))
        h = self.conv2(swish(self.norm2(h)))
        return h + (x if self.nin_shortcut is None else self.nin_shortcut(x))


class Encoder(nn.Module):
    def __init__(self, config: Magvit2Config):
        super().__init__()
        ch, groups = config.ch, config.norm_groups
        self.conv_in = nn.Conv2d(config.in_channels, ch, 3, padding=1, bias=False)
        in_mult = (1,) + tuple(config.ch_mult)
        levels: List[nn.Module] = []
        for index, mult in enumerate(config.ch_mult):
            width, out = ch * in_mult[index], ch * mult
            level = nn.Module()
            level.block = nn.ModuleList([ResBlock(width if b == 0 else out, out, groups) for b in range(config.num_res_blocks)])
            if index < len(config.ch_mult) - 1:
                level.downsample = nn.Conv2d(out, out, 3, stride=2, padding=1)
            levels.append(level)
        self.down = nn.ModuleList(levels)
        width = ch * config.ch_mult[-1]
        self.mid_block = nn.ModuleList([ResBlock(width, width, groups) for _ in range(config.num_res_blocks)])
        self.norm_out = nn.GroupNorm(groups, width, eps=1e-6)
        self.conv_out = nn.Conv2d(width, config.z_channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.conv_in(x)
        for level in self.down:
            for block in level.block:
                x = block(x)
            if hasattr(level, 'downsample'):
                x = level.downsample(x)
        for block in self.mid_block:
            x = block(x)
        return self.conv_out(swish(self.norm_out(x)))


class AdaptiveGroupNorm(nn.Module):
    """GroupNorm without affine, then scale and shift predicted from the quantized latent's per-channel
    standard deviation (unbiased variance + eps, sqrt) and mean over all positions."""

    def __init__(self, z_channels: int, channels: int, groups: int, eps: float = 1e-6):
        super().__init__()
        self.gn = nn.GroupNorm(groups, channels, eps=eps, affine=False)
        self.gamma = nn.Linear(z_channels, channels)
        self.beta = nn.Linear(z_channels, channels)
        self.eps = eps

    def forward(self, x: torch.Tensor, style: torch.Tensor) -> torch.Tensor:
        b, c = x.shape[0], x.shape[1]
        flat = style.reshape(style.shape[0], style.shape[1], -1)
        # torch's default: the unbiased estimator (n - 1); NaN for a 1x1 latent, as in the reference.
        scale = self.gamma((flat.var(dim=-1) + self.eps).sqrt()).view(b, c, 1, 1)
        bias = self.beta(flat.mean(dim=-1)).view(b, c, 1, 1)
        return scale * self.gn(x) + bias


def depth_to_space(x: torch.Tensor, block: int) -> torch.Tensor:
    """DCR depth-to-space: channel (i * block + j) * C' + c goes to position (h * block + i, w * block + j)."""
    b, c, h, w = x.shape
    x = x.reshape(b, block, block, c // block ** 2, h, w).permute(0, 3, 4, 1, 5, 2)
    return x.reshape(b, c // block ** 2, h * block, w * block)


class Upsampler(nn.Module):
    def __init__(self, channels: int):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels * 4, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return depth_to_space(self.conv1(x), 2)


class Decoder(nn.Module):
    def __init__(self, config: Magvit2Config):
        super().__init__()
        ch, groups, count = config.ch, config.norm_groups, len(config.ch_mult)
        width = ch * config.ch_mult[-1]
        self.conv_in = nn.Conv2d(config.z_channels, width, 3, padding=1)
        self.mid_block = nn.ModuleList([ResBlock(width, width, groups) for _ in range(config.num_res_blocks)])
        levels: List[Optional[nn.Module]] = [None] * count
        adaptive: List[Optional[nn.Module]] = [None] * count
        for index in reversed(range(count)):
            out = ch * config.ch_mult[index]
            adaptive[index] = AdaptiveGroupNorm(config.z_channels, width, groups)
            level = nn.Module()
            level.block = nn.ModuleList([ResBlock(width if b == 0 else out, out, groups) for b in range(config.num_res_blocks)])
            width = out
            if index > 0:
                level.upsample = Upsampler(width)
            levels[index] = level
        self.up = nn.ModuleList(levels)
        self.adaptive = nn.ModuleList(adaptive)
        self.norm_out = nn.GroupNorm(groups, width, eps=1e-6)
        self.conv_out = nn.Conv2d(width, config.out_ch, 3, padding=1)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        style = z
        x = self.conv_in(z)
        for block in self.mid_block:
            x = block(x)
        for index in reversed(range(len(self.up))):
            x = self.adaptive[index](x, style)
            level = self.up[index]
            for block in level.block:
                x = block(x)
            if hasattr(level, 'upsample'):
                x = level.upsample(x)
        return self.conv_out(swish(self.norm_out(x)))


class LookupFreeQuantizer:
    """Open-MAGVIT2 `LFQ` at inference, the reference for codes (no parameters, nothing in checkpoints)."""

    def __init__(self, bits: int, factorized_bits: Optional[Sequence[int]] = None):
        self.bits = bits
        self.parts = list(factorized_bits) if factorized_bits else [bits]
        if sum(self.parts) != bits:
            raise ValueError(f'factorized bits {self.parts} do not sum to {bits}')

    def encode(self, latents: torch.Tensor) -> torch.Tensor:
        """Latents [B, D, h, w] -> codes [B, h, w] (int64), or [B, parts, h, w] when factorized."""
        bits = (latents > 0).long()
        codes, start = [], 0
        for width in self.parts:
            weights = (2 ** torch.arange(width)).view(1, width, 1, 1)
            codes.append((bits[:, start:start + width] * weights).sum(dim=1))
            start += width
        return codes[0] if len(self.parts) == 1 else torch.stack(codes, dim=1)

    def decode(self, codes: torch.Tensor) -> torch.Tensor:
        """Codes as `encode` gives them -> the +-1 latent [B, D, h, w] (get_codebook_entry per part, concatenated)."""
        parts = [codes] if len(self.parts) == 1 else list(codes.unbind(dim=1))
        values = []
        for width, part in zip(self.parts, parts):
            bits = (part.unsqueeze(1) // (2 ** torch.arange(width)).view(1, width, 1, 1)) % 2
            values.append(bits.float() * 2.0 - 1.0)
        return torch.cat(values, dim=1)

    def straight_through(self, latents: torch.Tensor) -> torch.Tensor:
        """What the reference's forward returns in eval mode: x + (sign(x) - x), which is +-1 up to float32
        rounding (what reconstruct_image.py decodes)."""
        quantized = torch.where(latents > 0, torch.ones_like(latents), -torch.ones_like(latents))
        return latents + (quantized - latents)


class Magvit2Model(nn.Module):
    def __init__(self, config: Magvit2Config):
        super().__init__()
        self.config = config
        self.encoder = Encoder(config)
        self.decoder = Decoder(config)

    def encode_latents(self, pixels: torch.Tensor) -> torch.Tensor:
        """Pixels in [-1, 1], [B, 3, H, W] -> LFQ input [B, D, H/f, W/f]."""
        return self.encoder(pixels)

    def decode_latents(self, quantized: torch.Tensor) -> torch.Tensor:
        """+-1 latents [B, D, h, w] -> pixels in about [-1, 1], [B, 3, h*f, w*f]."""
        return self.decoder(quantized)


class LatentEncoder(nn.Module):
    """What encoder.onnx computes: pixels -> pre-quantization latents (before LFQ's sign)."""

    def __init__(self, model: Magvit2Model):
        super().__init__()
        self.model = model

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.model.encode_latents(pixel_values)


class LatentDecoder(nn.Module):
    """What decoder.onnx computes: the +-1 LFQ latent -> pixels."""

    def __init__(self, model: Magvit2Model):
        super().__init__()
        self.model = model

    def forward(self, quantized_latents: torch.Tensor) -> torch.Tensor:
        return self.model.decode_latents(quantized_latents)


# ---------------------------------------------------------------------------------------------------
# Lightning checkpoints


def state_dict_of(checkpoint: object) -> Mapping[str, torch.Tensor]:
    """The Lightning checkpoint's `state_dict` (a bare state dict is accepted too)."""
    if isinstance(checkpoint, Mapping):
        if isinstance(checkpoint.get('state_dict'), Mapping):
            return checkpoint['state_dict']
        if checkpoint and all(isinstance(v, torch.Tensor) for v in checkpoint.values()):
            return checkpoint
    raise ValueError("checkpoint holds no 'state_dict'; is this an Open-MAGVIT2 Lightning checkpoint?")


def ema_name(name: str) -> str:
    """LitEma's buffer for a parameter: `model_ema.` + the parameter's name without dots."""
    return EMA_PREFIX + name.replace('.', '')


def select_weights(state: Mapping[str, torch.Tensor], names: Sequence[str], weights: str) -> Tuple[Dict[str, torch.Tensor], str]:
    """The tensors for `names` (the model's parameter names) and which copy they came from.

    The EMA copy is present when the checkpoint holds `model_ema.<name without dots>` for every one of
    them (LitEma keeps one buffer per trainable parameter of the LightningModule); `weights` is `ema`
    (required), `raw` (the optimiser's weights under their own names) or `auto` (EMA when present, as the
    reference's evaluation and reconstruction scripts use it through `ema_scope()`)."""
    present = [n for n in names if ema_name(n) in state]
    if present and len(present) != len(names):
        missing = next(n for n in names if ema_name(n) not in state)
        if missing not in state:
            raise CheckpointMismatch(f'checkpoint lacks {missing} (and {ema_name(missing)}): another architecture?')
        raise CheckpointMismatch(f'the checkpoint has EMA weights for {len(present)} of {len(names)} parameters; '
                                 f'{ema_name(missing)} is missing')
    has_ema = len(present) == len(names) and len(names) > 0
    if weights == 'ema' and not has_ema:
        raise CheckpointMismatch(f'--weights ema: the checkpoint has no EMA copy ({ema_name(names[0])} is missing)')
    if weights == 'ema' or (weights == 'auto' and has_ema):
        return {n: state[ema_name(n)] for n in names}, 'ema'
    return {n: state[n] for n in names if n in state}, 'raw'


def load_model(state: Mapping[str, torch.Tensor], config: Magvit2Config, weights: str, label: str) -> Tuple[Magvit2Model, str]:
    """Builds the model, picks the EMA or raw copy, checks every tensor's name and shape, loads float32."""
    model = Magvit2Model(config)
    expected = model.state_dict()
    chosen, copy = select_weights(state, list(expected), weights)
    for name, tensor in expected.items():
        if name not in chosen:
            raise CheckpointMismatch(f'{label}: checkpoint lacks {name} (expected shape {list(tensor.shape)})')
        if tuple(chosen[name].shape) != tuple(tensor.shape):
            shown = ema_name(name) if copy == 'ema' else name
            raise CheckpointMismatch(f'{label}: {shown} has shape {list(chosen[name].shape)}, expected {list(tensor.shape)}')
    # The raw copy's other encoder/decoder tensors would mean another architecture.
    for name in state:
        if name.startswith(('encoder.', 'decoder.')) and name not in expected:
            raise CheckpointMismatch(f'{label}: unexpected tensor {name} (shape {list(state[name].shape)})')
    model.load_state_dict({k: v.float() for k, v in chosen.items()}, strict=True)
    return model.eval(), copy


def infer_config(state: Mapping[str, torch.Tensor], norm_groups: int = 32) -> Magvit2Config:
    """Reads the hyper-parameters from the raw copy's tensor shapes (GroupNorm's group count is not in them)."""
    ch = _shape(state, 'encoder.conv_in.weight')[0]
    count = _count(state, 'encoder.down.')
    blocks = _count(state, 'encoder.down.0.block.')
    mult = []
    for index in range(count):
        width = _shape(state, f'encoder.down.{index}.block.0.conv1.weight')[0]
        if width % ch:
            raise CheckpointMismatch(f'encoder.down.{index}.block.0.conv1.weight has {width} channels, not a multiple of {ch}')
        mult.append(width // ch)
    return Magvit2Config(ch=ch, ch_mult=tuple(mult), num_res_blocks=blocks,
                         z_channels=_shape(state, 'encoder.conv_out.weight')[0],
                         in_channels=_shape(state, 'encoder.conv_in.weight')[1],
                         out_ch=_shape(state, 'decoder.conv_out.weight')[0], norm_groups=norm_groups)


def log2_exact(value: int) -> int:
    bits = int(math.log2(value))
    if 2 ** bits != value:
        raise ValueError(f'{value} is not a power of two')
    return bits
