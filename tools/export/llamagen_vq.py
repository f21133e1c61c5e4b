"""LlamaGen's image VQ tokenizer (also Janus' `gen_vision_model`), written for jointok's exporter.

The module tree and parameter names follow the published checkpoints (`vq_ds16_c2i.pt`, `vq_ds8_c2i.pt`,
`vq_ds16_t2i.pt`: `torch.save({'model': state_dict})`), so that an official checkpoint loads with
`load_state_dict(strict=True)` without LlamaGen's code installed. The arithmetic follows the reference
operation by operation (swish as `x * sigmoid(x)`, GroupNorm eps 1e-6, attention scaled after the
product, right/bottom zero padding before each stride-2 convolution, nearest 2x upsampling), so that the
same weights give the same floats.

Architecture (VQ-16): encoder conv_in -> 5 levels of 2 residual blocks (the last level with self-attention
after each block), a stride-2 downsample after every level but the last -> mid (residual, attention,
residual) -> GroupNorm, swish, conv_out -> quant_conv (1x1, to the codebook dim). The decoder mirrors it
with 3 residual blocks per level and nearest upsampling. The quantizer l2-normalises latents and codebook
rows and picks the nearest row by the expanded squared distance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import torch
import torch.nn.functional as F
from torch import nn

# Training-only state in published checkpoints: the ring buffer of recently used codes.
TRAINING_ONLY_KEYS = ('quantize.codebook_used',)


@dataclass(frozen=True)
class VqConfig:
    """Hyper-parameters of one LlamaGen VQ model. The defaults are VQ-16 (`vq_ds16_c2i.pt`)."""

    codebook_size: int = 16384
    codebook_dim: int = 8
    l2_norm: bool = True
    channels: int = 128
    encoder_multipliers: Tuple[int, ...] = (1, 1, 2, 2, 4)
    decoder_multipliers: Tuple[int, ...] = (1, 1, 2, 2, 4)
    res_blocks: int = 2
    z_channels: int = 256
    # LlamaGen hard-codes 32 groups; smaller test models need fewer to keep few channels.
    norm_groups: int = 32

    @property
    def downsample(self) -> int:
        return 2 ** (len(self.encoder_multipliers) - 1)

    def as_dict(self) -> Dict[str, object]:
        return {
            'codebookSize': self.codebook_size,
            'codebookDim': self.codebook_dim,
            'l2Norm': self.l2_norm,
            'channels': self.channels,
            'encoderChannelMultipliers': list(self.encoder_multipliers),
            'decoderChannelMultipliers': list(self.decoder_multipliers),
            'resBlocks': self.res_blocks,
            'zChannels': self.z_channels,
            'normGroups': self.norm_groups,
        }


def swish(x: torch.Tensor) -> torch.Tensor:
    return x * torch.sigmoid(x)


def group_norm(channels: int, groups: int) -> nn.GroupNorm:
    return nn.GroupNorm(num_groups=groups, num_channels=channels, eps=1e-6, affine=True)


class ResidualBlock(nn.Module):
    """norm -> swish -> 3x3 conv, twice, plus the input (through a 1x1 conv when the width changes)."""

    def __init__(self, in_channels: int, out_channels: int, groups: int):
        super().__init__()
        self.norm1 = group_norm(in_channels, groups)
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, padding=1)
        self.norm2 = group_norm(out_channels, groups)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1)
        self.nin_shortcut = nn.Conv2d(in_channels, out_channels, 1) if in_channels != out_channels else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv1(swish(self.norm1(x)))
        h = self.conv2(swish(self.norm2(h)))
        shortcut = x if self.nin_shortcut is None else self.nin_shortcut(x)
        return shortcut + h


class SelfAttention(nn.Module):
    """Single-head attention over all positions of the feature map, with 1x1 convs as projections."""

    def __init__(self, channels: int, groups: int):
        super().__init__()
        self.norm = group_norm(channels, groups)
        self.q = nn.Conv2d(channels, channels, 1)
        self.k = nn.Conv2d(channels, channels, 1)
        self.v = nn.Conv2d(channels, channels, 1)
        self.proj_out = nn.Conv2d(channels, channels, 1)
        self.scale = channels ** -0.5

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        normed = self.norm(x)
        queries = self.q(normed).flatten(2).transpose(1, 2)  # [B, HW, C]
        keys = self.k(normed).flatten(2)  # [B, C, HW]
        values = self.v(normed).flatten(2)  # [B, C, HW]
        # The reference scales the product, not the queries; the order changes the float result.
        weights = torch.softmax(torch.bmm(queries, keys) * self.scale, dim=2)
        attended = torch.bmm(values, weights.transpose(1, 2)).reshape(x.shape)
        return x + self.proj_out(attended)


class Downsample(nn.Module):
    def __init__(self, channels: int):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, stride=2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # Zero padding on the right and bottom only, so that even sizes halve exactly.
        return self.conv(F.pad(x, (0, 1, 0, 1)))


class Upsample(nn.Module):
    def __init__(self, channels: int):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.conv(F.interpolate(x, scale_factor=2.0, mode='nearest'))


class Level(nn.Module):
    """One resolution of the encoder or decoder: residual blocks, attention after each block on the
    deepest level, then the resampling layer (absent on the last level walked)."""

    def __init__(self, widths: Sequence[Tuple[int, int]], attention: bool, groups: int,
                 resample: Optional[nn.Module], resample_name: str):
        super().__init__()
        self.res = nn.ModuleList([ResidualBlock(i, o, groups) for i, o in widths])
        self.attn = nn.ModuleList([SelfAttention(o, groups) for _, o in widths] if attention else [])
        self.resample_name = resample_name
        if resample is not None:
            setattr(self, resample_name, resample)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for index, block in enumerate(self.res):
            x = block(x)
            if len(self.attn) > 0:
                x = self.attn[index](x)
        resample = getattr(self, self.resample_name, None)
        return x if resample is None else resample(x)


def middle(channels: int, groups: int) -> nn.ModuleList:
    return nn.ModuleList([ResidualBlock(channels, channels, groups), SelfAttention(channels, groups),
                          ResidualBlock(channels, channels, groups)])


class Encoder(nn.Module):
    def __init__(self, config: VqConfig):
        super().__init__()
        ch, mult, groups = config.channels, config.encoder_multipliers, config.norm_groups
        self.conv_in = nn.Conv2d(3, ch, 3, padding=1)
        levels: List[nn.Module] = []
        width = ch
        for index, m in enumerate(mult):
            out = ch * m
            widths = [(width if b == 0 else out, out) for b in range(config.res_blocks)]
            last = index == len(mult) - 1
            levels.append(Level(widths, last, groups, None if last else Downsample(out), 'downsample'))
            width = out
        self.conv_blocks = nn.ModuleList(levels)
        self.mid = middle(width, groups)
        self.norm_out = group_norm(width, groups)
        self.conv_out = nn.Conv2d(width, config.z_channels, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv_in(x)
        for level in self.conv_blocks:
            h = level(h)
        for block in self.mid:
            h = block(h)
        return self.conv_out(swish(self.norm_out(h)))


class Decoder(nn.Module):
    def __init__(self, config: VqConfig):
        super().__init__()
        ch, mult, groups = config.channels, config.decoder_multipliers, config.norm_groups
        width = ch * mult[-1]
        self.conv_in = nn.Conv2d(config.z_channels, width, 3, padding=1)
        self.mid = middle(width, groups)
        levels: List[nn.Module] = []
        # Walked from the deepest level up; conv_blocks[0] is the deepest (it holds the attention).
        for depth, m in enumerate(reversed(mult)):
            out = ch * m
            widths = [(width if b == 0 else out, out) for b in range(config.res_blocks + 1)]
            last = depth == len(mult) - 1
            levels.append(Level(widths, depth == 0, groups, None if last else Upsample(out), 'upsample'))
            width = out
        self.conv_blocks = nn.ModuleList(levels)
        self.norm_out = group_norm(width, groups)
        self.conv_out = nn.Conv2d(width, 3, 3, padding=1)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        h = self.conv_in(z)
        for block in self.mid:
            h = block(h)
        for level in self.conv_blocks:
            h = level(h)
        return self.conv_out(swish(self.norm_out(h)))


class Codebook(nn.Module):
    """Holds `embedding.weight` under the reference's name (`quantize.embedding.weight`)."""

    def __init__(self, config: VqConfig):
        super().__init__()
        self.embedding = nn.Embedding(config.codebook_size, config.codebook_dim)
        self.l2_norm = config.l2_norm

    def rows(self) -> torch.Tensor:
        """The rows the search and the lookup use: l2-normalised when the model says so."""
        weight = self.embedding.weight
        return F.normalize(weight, p=2, dim=-1) if self.l2_norm else weight


class VqModel(nn.Module):
    def __init__(self, config: VqConfig):
        super().__init__()
        self.config = config
        self.encoder = Encoder(config)
        self.decoder = Decoder(config)
        self.quantize = Codebook(config)
        self.quant_conv = nn.Conv2d(config.z_channels, config.codebook_dim, 1)
        self.post_quant_conv = nn.Conv2d(config.codebook_dim, config.z_channels, 1)

    def encode_latents(self, pixels: torch.Tensor) -> torch.Tensor:
        """Pixels in [-1, 1], [B, 3, H, W] -> pre-quantization latents [B, D, H/f, W/f]."""
        return self.quant_conv(self.encoder(pixels))

    def decode_latents(self, quantized: torch.Tensor) -> torch.Tensor:
        """Quantized latents [B, D, h, w] -> pixels in (about) [-1, 1], [B, 3, h*f, w*f]."""
        return self.decoder(self.post_quant_conv(quantized))

    def quantize_latents(self, latents: torch.Tensor) -> torch.Tensor:
        """Codes [B, h, w] (int64) as LlamaGen's VectorQuantizer.forward picks them."""
        b, d, h, w = latents.shape
        flat = latents.permute(0, 2, 3, 1).reshape(-1, d)
        rows = self.quantize.rows()
        if self.config.l2_norm:
            flat = F.normalize(flat, p=2, dim=-1)
        # Expanded squared distance |z|^2 + |e|^2 - 2 z.e, with the product written as the reference
        # writes it (an einsum over the transposed rows), first index on ties (argmin).
        distances = (torch.sum(flat ** 2, dim=1, keepdim=True) + torch.sum(rows ** 2, dim=1)
                     - 2 * torch.einsum('bd,dn->bn', flat, rows.t()))
        return torch.argmin(distances, dim=1).reshape(b, h, w)

    def lookup(self, codes: torch.Tensor) -> torch.Tensor:
        """Codes [B, h, w] -> quantized latents [B, D, h, w] (the rows decode_code looks up)."""
        return self.quantize.rows()[codes].permute(0, 3, 1, 2).contiguous()


class LatentEncoder(nn.Module):
    """What encoder.onnx computes: pixels -> pre-quantization latents."""

    def __init__(self, model: VqModel):
        super().__init__()
        self.model = model

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.model.encode_latents(pixel_values)


class LatentDecoder(nn.Module):
    """What decoder.onnx computes: quantized latents -> pixels."""

    def __init__(self, model: VqModel):
        super().__init__()
        self.model = model

    def forward(self, quantized_latents: torch.Tensor) -> torch.Tensor:
        return self.model.decode_latents(quantized_latents)


class CodeDecoder(nn.Module):
    """Janus' image_decode graph: flat codes [B, h*w] -> pixels, for a fixed grid (Janus' decode_code
    reshapes the generated tokens to [B, D, h, w] with h, w from the image size)."""

    def __init__(self, model: VqModel, grid: Tuple[int, int]):
        super().__init__()
        self.model = model
        self.grid = grid

    def forward(self, generated_tokens: torch.Tensor) -> torch.Tensor:
        h, w = self.grid
        codes = generated_tokens.reshape(-1, h, w)
        return self.model.decode_latents(self.model.lookup(codes))


# ---------------------------------------------------------------------------------------------------
# Checkpoints


def state_dict_of(checkpoint: object) -> Mapping[str, torch.Tensor]:
    """The weights inside a published checkpoint. LlamaGen's own loaders prefer `ema`, then `model`
    (what the released files hold), then `state_dict`; a bare state dict is accepted too."""
    if isinstance(checkpoint, Mapping):
        for key in ('ema', 'model', 'state_dict'):
            if key in checkpoint and isinstance(checkpoint[key], Mapping):
                return checkpoint[key]
        if checkpoint and all(isinstance(v, torch.Tensor) for v in checkpoint.values()):
            return checkpoint
    raise ValueError("checkpoint holds no state dict under 'ema', 'model' or 'state_dict'")


class CheckpointMismatch(ValueError):
    """The checkpoint does not fit the expected architecture; the message names the tensor."""


def _shape(state: Mapping[str, torch.Tensor], name: str) -> Tuple[int, ...]:
    if name not in state:
        raise CheckpointMismatch(f'checkpoint has no tensor {name!r}; is this a LlamaGen VQ checkpoint?')
    return tuple(state[name].shape)


def _count(state: Mapping[str, torch.Tensor], prefix: str) -> int:
    indices = {int(k[len(prefix):].split('.', 1)[0]) for k in state if k.startswith(prefix) and k[len(prefix):].split('.', 1)[0].isdigit()}
    count = len(indices)
    if indices != set(range(count)):
        raise CheckpointMismatch(f'tensors under {prefix!r} are numbered {sorted(indices)}, expected 0..{count - 1}')
    return count


def infer_config(state: Mapping[str, torch.Tensor], norm_groups: int = 32) -> VqConfig:
    """Reads the hyper-parameters from tensor shapes (GroupNorm's group count is not in them)."""
    codebook_size, codebook_dim = _shape(state, 'quantize.embedding.weight')
    channels = _shape(state, 'encoder.conv_in.weight')[0]
    levels = _count(state, 'encoder.conv_blocks.')
    res_blocks = _count(state, 'encoder.conv_blocks.0.res.')

    def multiplier(name: str) -> int:
        width = _shape(state, name)[0]
        if width % channels:
            raise CheckpointMismatch(f'{name} has {width} output channels, not a multiple of {channels} (encoder.conv_in)')
        return width // channels

    encoder = tuple(multiplier(f'encoder.conv_blocks.{i}.res.0.conv1.weight') for i in range(levels))
    decoder_levels = _count(state, 'decoder.conv_blocks.')
    decoder = tuple(multiplier(f'decoder.conv_blocks.{decoder_levels - 1 - i}.res.0.conv1.weight') for i in range(decoder_levels))
    z_channels = _shape(state, 'encoder.conv_out.weight')[0]
    for width in sorted({channels * m for m in encoder + decoder}):
        if width % norm_groups:
            raise CheckpointMismatch(f'a level of {width} channels (encoder.conv_in has {channels}) cannot be split into '
                                     f'{norm_groups} GroupNorm groups')
    return VqConfig(codebook_size=codebook_size, codebook_dim=codebook_dim, channels=channels,
                    encoder_multipliers=encoder, decoder_multipliers=decoder, res_blocks=res_blocks,
                    z_channels=z_channels, norm_groups=norm_groups)


def check_state_dict(model: nn.Module, state: Mapping[str, torch.Tensor], label: str) -> None:
    """Raises CheckpointMismatch naming the first missing, unexpected or mis-shaped tensor."""
    expected = model.state_dict()
    given = {k: v for k, v in state.items() if k not in TRAINING_ONLY_KEYS}
    for name, tensor in expected.items():
        if name not in given:
            raise CheckpointMismatch(f'{label}: checkpoint lacks {name} (expected shape {list(tensor.shape)})')
        if tuple(given[name].shape) != tuple(tensor.shape):
            raise CheckpointMismatch(f'{label}: {name} has shape {list(given[name].shape)}, expected {list(tensor.shape)}')
    for name in given:
        if name not in expected:
            raise CheckpointMismatch(f'{label}: unexpected tensor {name} (shape {list(given[name].shape)})')


def load_model(state: Mapping[str, torch.Tensor], config: VqConfig, label: str) -> VqModel:
    """Builds the model for `config`, checks every tensor's name and shape, loads the weights (float32)."""
    model = VqModel(config)
    check_state_dict(model, state, label)
    weights = {k: v.float() for k, v in state.items() if k not in TRAINING_ONLY_KEYS}
    model.load_state_dict(weights, strict=True)
    return model.eval()


def published_state_dict(model: VqModel) -> Dict[str, torch.Tensor]:
    """The state dict as LlamaGen saves it (with the training-only usage buffer, zeros)."""
    state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    state['quantize.codebook_used'] = torch.zeros(65536)
    return state


def randomize(model: VqModel, seed: int) -> VqModel:
    """Seeded random weights for test models, drawn explicitly rather than by torch's initialisers
    (which change across versions): convolutions N(0, 1/fan_in), biases N(0, 0.05^2), GroupNorm scales
    1 + N(0, 0.1^2) and shifts N(0, 0.1^2), codebook rows N(0, 1) (not unit length: the quantizer
    normalises them). GroupNorm before every convolution keeps activations in range at any depth."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            noise = torch.randn(parameter.shape, generator=generator)
            if name == 'quantize.embedding.weight':
                parameter.copy_(noise)
            elif '.norm' in name:
                parameter.copy_((1.0 if name.endswith('weight') else 0.0) + 0.1 * noise)
            elif name.endswith('bias'):
                parameter.copy_(0.05 * noise)
            else:
                parameter.copy_(noise / parameter[0].numel() ** 0.5)
    return model.eval()
