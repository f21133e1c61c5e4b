"""The VQGAN image tokenizer of Meta's Chameleon (and GAIR's Anole, which ships the same file), written
for jointok's exporter.

Chameleon publishes `tokenizer/vqgan.ckpt` (a Lightning checkpoint: the weights under `state_dict`) and
`tokenizer/vqgan.yaml` (taming-transformers' `model.params`: `embed_dim`, `n_embed`, `ddconfig`). The
network is taming-transformers' VQModel, so the module tree below uses taming's parameter names
(`encoder.down.0.block.1.norm2.weight`, `decoder.up.3.upsample.conv.bias`, `quantize.embedding.weight`,
`quant_conv`, `post_quant_conv`) and a published checkpoint loads with `load_state_dict(strict=True)`
once its training-only `loss.*` tensors (LPIPS, discriminator) are set aside. The arithmetic follows the
reference operation by operation: swish as `x * sigmoid(x)`, GroupNorm eps 1e-6, single-head attention
scaled after the product, right/bottom zero padding before each stride-2 convolution, nearest 2x
upsampling, and the nearest codebook row by the expanded squared distance in float32.

Chameleon's configuration: ch 128, ch_mult (1, 1, 2, 2, 4), 2 residual blocks per level, no attention
on the levels (`attn_resolutions: []`) but attention in the middle of encoder and decoder, z_channels
256, 8192 codes of dim 256, 512 px -> 32 x 32 codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple

import torch
import torch.nn.functional as F
from torch import nn

# Lightning checkpoints of taming's VQModel also hold the training loss' modules (LPIPS network,
# discriminator) under `loss.`; the reference loads with strict=False and never uses them.
TRAINING_ONLY_PREFIXES = ('loss.',)


class CheckpointMismatch(ValueError):
    """The checkpoint or its yaml does not fit the architecture; the message names the tensor or key."""


@dataclass(frozen=True)
class VqganConfig:
    """taming's `ddconfig` plus the quantizer sizes. Defaults: Chameleon's published vqgan.yaml."""

    channels: int = 128                                   # ch
    channel_multipliers: Tuple[int, ...] = (1, 1, 2, 2, 4)  # ch_mult
    res_blocks: int = 2                                   # num_res_blocks
    attention_resolutions: Tuple[int, ...] = ()           # attn_resolutions
    resolution: int = 512
    in_channels: int = 3
    out_channels: int = 3                                 # out_ch
    z_channels: int = 256
    embed_dim: int = 256
    n_embed: int = 8192
    resample_with_conv: bool = True                       # resamp_with_conv
    middle_attention: bool = True                         # attn_type 'vanilla' (True) or 'none'
    tanh_out: bool = False
    # taming hard-codes 32 groups; jointok's tiny test model needs fewer to keep few channels.
    norm_groups: int = 32

    @property
    def downsample(self) -> int:
        return 2 ** (len(self.channel_multipliers) - 1)

    def as_dict(self) -> Dict[str, Any]:
        return {
            'channels': self.channels, 'channelMultipliers': list(self.channel_multipliers), 'resBlocks': self.res_blocks,
            'attentionResolutions': list(self.attention_resolutions), 'resolution': self.resolution,
            'zChannels': self.z_channels, 'embedDim': self.embed_dim, 'codebookSize': self.n_embed,
            'resampleWithConv': self.resample_with_conv, 'middleAttention': self.middle_attention,
            'tanhOut': self.tanh_out, 'normGroups': self.norm_groups,
        }


def config_from_yaml(document: Mapping[str, Any], norm_groups: int = 32) -> VqganConfig:
    """Reads taming's `model.params` (as vqgan.yaml holds it). Settings that change the inference graph
    in ways this implementation does not reproduce are refused by name."""
    params = document.get('model', {}).get('params') if isinstance(document.get('model'), Mapping) else None
    if not isinstance(params, Mapping):
        raise CheckpointMismatch('the yaml has no model.params (expected taming-transformers VQModel settings)')
    dd = params.get('ddconfig')
    if not isinstance(dd, Mapping):
        raise CheckpointMismatch('the yaml has no model.params.ddconfig')
    for key in ('ch', 'ch_mult', 'num_res_blocks', 'z_channels', 'resolution'):
        if key not in dd:
            raise CheckpointMismatch(f'the yaml has no model.params.ddconfig.{key}')
    for key in ('embed_dim', 'n_embed'):
        if key not in params:
            raise CheckpointMismatch(f'the yaml has no model.params.{key}')
    if dd.get('double_z', True):
        # taming's default is double_z=True, which VQModel's quant_conv cannot take; Chameleon sets False.
        raise CheckpointMismatch('model.params.ddconfig.double_z must be false for a VQModel')
    if dd.get('give_pre_end', False):
        raise CheckpointMismatch('model.params.ddconfig.give_pre_end: the decoder would stop before its output layer')
    if dd.get('use_linear_attn', False) or dd.get('attn_type', 'vanilla') not in ('vanilla', 'none'):
        raise CheckpointMismatch(f"model.params.ddconfig.attn_type {dd.get('attn_type')!r}: only 'vanilla' and 'none' are supported")
    if params.get('remap') is not None:
        raise CheckpointMismatch('model.params.remap: remapped code indices are not supported')
    return VqganConfig(
        channels=int(dd['ch']), channel_multipliers=tuple(int(m) for m in dd['ch_mult']),
        res_blocks=int(dd['num_res_blocks']), attention_resolutions=tuple(int(r) for r in dd.get('attn_resolutions') or ()),
        resolution=int(dd['resolution']), in_channels=int(dd.get('in_channels', 3)), out_channels=int(dd.get('out_ch', 3)),
        z_channels=int(dd['z_channels']), embed_dim=int(params['embed_dim']), n_embed=int(params['n_embed']),
        resample_with_conv=bool(dd.get('resamp_with_conv', True)), middle_attention=dd.get('attn_type', 'vanilla') == 'vanilla',
        tanh_out=bool(dd.get('tanh_out', False)), norm_groups=norm_groups)


def yaml_document(config: VqganConfig, extra: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """The vqgan.yaml document for a configuration, in the shape Meta ships (taming's model/params with
    the training loss' settings; the exporter ignores those)."""
    ddconfig = {
        'double_z': False, 'z_channels': config.z_channels, 'resolution': config.resolution,
        'in_channels': config.in_channels, 'out_ch': config.out_channels, 'ch': config.channels,
        'ch_mult': list(config.channel_multipliers), 'num_res_blocks': config.res_blocks,
        'attn_resolutions': list(config.attention_resolutions), 'dropout': 0.0,
    }
    params: Dict[str, Any] = {'embed_dim': config.embed_dim, 'n_embed': config.n_embed, 'ddconfig': ddconfig,
                              'lossconfig': {'target': 'taming.modules.losses.vqperceptual.VQLPIPSWithDiscriminator',
                                             'params': {'disc_conditional': False, 'disc_in_channels': 3, 'disc_start': 0,
                                                        'disc_weight': 0.8, 'codebook_weight': 1.0}}}
    params.update(extra or {})
    return {'model': {'base_learning_rate': 4.5e-06, 'target': 'taming.models.vqgan.VQModel', 'params': params}}


# ---------------------------------------------------------------------------------------------------
# Layers


def swish(x: torch.Tensor) -> torch.Tensor:
    return x * torch.sigmoid(x)


def group_norm(channels: int, groups: int) -> nn.GroupNorm:
    return nn.GroupNorm(num_groups=groups, num_channels=channels, eps=1e-6, affine=True)


class ResnetBlock(nn.Module):
    """norm, swish, 3x3 conv, twice; the input joins through a 1x1 conv (`nin_shortcut`) when the width
    changes. taming's timestep projection is absent (temb_channels is 0 in VQModel)."""

    def __init__(self, in_channels: int, out_channels: int, groups: int):
        super().__init__()
        self.norm1 = group_norm(in_channels, groups)
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, padding=1)
        self.norm2 = group_norm(out_channels, groups)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1)
        if in_channels != out_channels:
            self.nin_shortcut = nn.Conv2d(in_channels, out_channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv1(swish(self.norm1(x)))
        h = self.conv2(swish(self.norm2(h)))
        shortcut = self.nin_shortcut(x) if hasattr(self, 'nin_shortcut') else x
        return shortcut + h


class AttnBlock(nn.Module):
    """Single-head self-attention over the positions of a feature map, 1x1 convs as projections."""

    def __init__(self, channels: int, groups: int):
        super().__init__()
        self.norm = group_norm(channels, groups)
        self.q = nn.Conv2d(channels, channels, 1)
        self.k = nn.Conv2d(channels, channels, 1)
        self.v = nn.Conv2d(channels, channels, 1)
        self.proj_out = nn.Conv2d(channels, channels, 1)
        self.scale = int(channels) ** -0.5

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        normed = self.norm(x)
        b, c, h, w = x.shape
        queries = self.q(normed).reshape(b, c, h * w).permute(0, 2, 1)
        keys = self.k(normed).reshape(b, c, h * w)
        values = self.v(normed).reshape(b, c, h * w)
        # The product is scaled, not the queries: the order decides the float result.
        weights = F.softmax(torch.bmm(queries, keys) * self.scale, dim=2)
        attended = torch.bmm(values, weights.permute(0, 2, 1)).reshape(b, c, h, w)
        return x + self.proj_out(attended)


class Downsample(nn.Module):
    def __init__(self, channels: int, with_conv: bool):
        super().__init__()
        if with_conv:
            self.conv = nn.Conv2d(channels, channels, 3, stride=2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not hasattr(self, 'conv'):
            return F.avg_pool2d(x, kernel_size=2, stride=2)
        # Zero padding on the right and bottom only (torch convolutions pad symmetrically).
        return self.conv(F.pad(x, (0, 1, 0, 1), mode='constant', value=0.0))


class Upsample(nn.Module):
    def __init__(self, channels: int, with_conv: bool):
        super().__init__()
        if with_conv:
            self.conv = nn.Conv2d(channels, channels, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.interpolate(x, scale_factor=2.0, mode='nearest')
        return self.conv(x) if hasattr(self, 'conv') else x


def _level(blocks: List[nn.Module], attentions: List[nn.Module]) -> nn.Module:
    """A resolution level with taming's attribute names: `block`, `attn` (and `downsample`/`upsample`)."""
    level = nn.Module()
    level.block = nn.ModuleList(blocks)
    level.attn = nn.ModuleList(attentions)
    return level


def _middle(channels: int, config: VqganConfig) -> nn.Module:
    middle = nn.Module()
    middle.block_1 = ResnetBlock(channels, channels, config.norm_groups)
    middle.attn_1 = AttnBlock(channels, config.norm_groups) if config.middle_attention else nn.Identity()
    middle.block_2 = ResnetBlock(channels, channels, config.norm_groups)
    return middle


def _run_middle(middle: nn.Module, h: torch.Tensor) -> torch.Tensor:
    return middle.block_2(middle.attn_1(middle.block_1(h)))


def _run_level(level: nn.Module, h: torch.Tensor) -> torch.Tensor:
    for index, block in enumerate(level.block):
        h = block(h)
        if len(level.attn) > 0:
            h = level.attn[index](h)
    return h


class Encoder(nn.Module):
    def __init__(self, config: VqganConfig):
        super().__init__()
        ch, mult, groups = config.channels, config.channel_multipliers, config.norm_groups
        self.conv_in = nn.Conv2d(config.in_channels, ch, 3, padding=1)
        self.down = nn.ModuleList()
        width, size = ch, config.resolution
        for index, m in enumerate(mult):
            blocks, attentions = [], []
            for _ in range(config.res_blocks):
                blocks.append(ResnetBlock(width, ch * m, groups))
                width = ch * m
                if size in config.attention_resolutions:
                    attentions.append(AttnBlock(width, groups))
            level = _level(blocks, attentions)
            if index != len(mult) - 1:
                level.downsample = Downsample(width, config.resample_with_conv)
                size //= 2
            self.down.append(level)
        self.mid = _middle(width, config)
        self.norm_out = group_norm(width, groups)
        self.conv_out = nn.Conv2d(width, config.z_channels, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv_in(x)
        for level in self.down:
            h = _run_level(level, h)
            if hasattr(level, 'downsample'):
                h = level.downsample(h)
        h = _run_middle(self.mid, h)
        return self.conv_out(swish(self.norm_out(h)))


class Decoder(nn.Module):
    def __init__(self, config: VqganConfig):
        super().__init__()
        ch, mult, groups = config.channels, config.channel_multipliers, config.norm_groups
        self.tanh_out = config.tanh_out
        width = ch * mult[-1]
        size = config.resolution // 2 ** (len(mult) - 1)
        self.conv_in = nn.Conv2d(config.z_channels, width, 3, padding=1)
        self.mid = _middle(width, config)
        levels: List[nn.Module] = [nn.Module()] * len(mult)
        # Built from the deepest level up; `up[0]` is the full-resolution level, as in taming.
        for index in reversed(range(len(mult))):
            blocks, attentions = [], []
            for _ in range(config.res_blocks + 1):
                blocks.append(ResnetBlock(width, ch * mult[index], groups))
                width = ch * mult[index]
                if size in config.attention_resolutions:
                    attentions.append(AttnBlock(width, groups))
            level = _level(blocks, attentions)
            if index != 0:
                level.upsample = Upsample(width, config.resample_with_conv)
                size *= 2
            levels[index] = level
        self.up = nn.ModuleList(levels)
        self.norm_out = group_norm(width, groups)
        self.conv_out = nn.Conv2d(width, config.out_channels, 3, padding=1)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        h = _run_middle(self.mid, self.conv_in(z))
        for index in reversed(range(len(self.up))):
            level = self.up[index]
            h = _run_level(level, h)
            if hasattr(level, 'upsample'):
                h = level.upsample(h)
        h = self.conv_out(swish(self.norm_out(h)))
        return torch.tanh(h) if self.tanh_out else h


class Codebook(nn.Module):
    """Holds the codebook under taming's name (`quantize.embedding.weight`)."""

    def __init__(self, config: VqganConfig):
        super().__init__()
        self.embedding = nn.Embedding(config.n_embed, config.embed_dim)


class VqganModel(nn.Module):
    def __init__(self, config: VqganConfig):
        super().__init__()
        self.config = config
        self.encoder = Encoder(config)
        self.decoder = Decoder(config)
        self.quantize = Codebook(config)
        self.quant_conv = nn.Conv2d(config.z_channels, config.embed_dim, 1)
        self.post_quant_conv = nn.Conv2d(config.embed_dim, config.z_channels, 1)

    def encode_latents(self, pixels: torch.Tensor) -> torch.Tensor:
        """Pixels in [-1, 1], [B, 3, H, W] -> pre-quantization latents [B, embed_dim, H/16, W/16]."""
        return self.quant_conv(self.encoder(pixels))

    def decode_latents(self, quantized: torch.Tensor) -> torch.Tensor:
        """Quantized latents [B, embed_dim, h, w] -> pixels in about [-1, 1], [B, 3, 16h, 16w]."""
        return self.decoder(self.post_quant_conv(quantized))

    def quantize_latents(self, latents: torch.Tensor) -> torch.Tensor:
        """Codes [B, h, w] (int64) as taming's VectorQuantizer2.forward picks them: argmin over
        |z|^2 + |e|^2 - 2 z.e in float32, the product as an einsum with the transposed rows, first
        index on ties. (`beta` and `legacy` only weigh the training loss.)"""
        b, d, h, w = latents.shape
        flat = latents.permute(0, 2, 3, 1).contiguous().view(-1, d)
        rows = self.quantize.embedding.weight
        distances = (torch.sum(flat ** 2, dim=1, keepdim=True) + torch.sum(rows ** 2, dim=1)
                     - 2 * torch.einsum('bd,dn->bn', flat, rows.transpose(0, 1)))
        return torch.argmin(distances, dim=1).reshape(b, h, w)

    def lookup(self, codes: torch.Tensor) -> torch.Tensor:
        """Codes [B, h, w] -> the stored rows as latents [B, embed_dim, h, w] (get_codebook_entry)."""
        return self.quantize.embedding(codes).permute(0, 3, 1, 2).contiguous()


class LatentEncoder(nn.Module):
    """What encoder.onnx computes: pixels -> pre-quantization latents (after quant_conv)."""

    def __init__(self, model: VqganModel):
        super().__init__()
        self.model = model

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.model.encode_latents(pixel_values)


class LatentDecoder(nn.Module):
    """What decoder.onnx computes: quantized latents (codebook rows) -> pixels."""

    def __init__(self, model: VqganModel):
        super().__init__()
        self.model = model

    def forward(self, quantized_latents: torch.Tensor) -> torch.Tensor:
        return self.model.decode_latents(quantized_latents)


# ---------------------------------------------------------------------------------------------------
# Checkpoints


def state_dict_of(checkpoint: object) -> Mapping[str, torch.Tensor]:
    """The weights of a Lightning checkpoint (`state_dict`, what taming's init_from_ckpt reads)."""
    if isinstance(checkpoint, Mapping) and isinstance(checkpoint.get('state_dict'), Mapping):
        return checkpoint['state_dict']
    raise CheckpointMismatch("checkpoint has no 'state_dict' (expected a taming-transformers Lightning .ckpt)")


def model_weights(state: Mapping[str, torch.Tensor]) -> Dict[str, torch.Tensor]:
    return {k: v for k, v in state.items() if not k.startswith(TRAINING_ONLY_PREFIXES)}


def check_state_dict(model: nn.Module, state: Mapping[str, torch.Tensor], label: str) -> None:
    """Raises CheckpointMismatch naming the first missing, unexpected or mis-shaped tensor. (taming
    loads with strict=False, which would leave a missing tensor at its random initial value.)"""
    expected = model.state_dict()
    given = model_weights(state)
    for name, tensor in expected.items():
        if name not in given:
            raise CheckpointMismatch(f'{label}: checkpoint lacks {name} (expected shape {list(tensor.shape)})')
        if tuple(given[name].shape) != tuple(tensor.shape):
            raise CheckpointMismatch(f'{label}: {name} has shape {list(given[name].shape)}, expected {list(tensor.shape)}')
    for name in given:
        if name not in expected:
            raise CheckpointMismatch(f'{label}: unexpected tensor {name} (shape {list(given[name].shape)})')


def load_model(state: Mapping[str, torch.Tensor], config: VqganConfig, label: str) -> VqganModel:
    """Builds the model for `config`, checks every tensor's name and shape, loads the weights as float32
    (the reference's parameters are float32: load_state_dict copies into them)."""
    try:
        model = VqganModel(config)
    except ValueError as error:  # e.g. a width GroupNorm cannot split into the groups
        raise CheckpointMismatch(f'{label}: {error}') from None
    check_state_dict(model, state, label)
    model.load_state_dict({k: v.float() for k, v in model_weights(state).items()}, strict=True)
    return model.eval()


def lightning_checkpoint(model: VqganModel, extra_state: Optional[Mapping[str, torch.Tensor]] = None) -> Dict[str, Any]:
    """A checkpoint in the container Meta ships (Lightning: `state_dict` plus bookkeeping)."""
    state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    state.update(extra_state or {})
    return {'epoch': 0, 'global_step': 0, 'pytorch-lightning_version': '1.0.8', 'state_dict': state}


def randomize(model: VqganModel, seed: int) -> VqganModel:
    """Seeded random weights for test models, drawn explicitly (torch's initialisers change across
    versions): convolutions N(0, 1/fan_in), biases N(0, 0.05^2), GroupNorm scales 1 + N(0, 0.1^2) and
    shifts N(0, 0.1^2), codebook rows N(0, 1)."""
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
