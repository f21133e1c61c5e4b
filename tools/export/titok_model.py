"""TiTok, ByteDance's 1-D image tokenizer (`tokenizer_titok_l32_imagenet`, `_b64_`, `_s128_`), written for
jointok's exporter.

The published checkpoints are Hugging Face `PyTorchModelHubMixin` folders: `model.safetensors` (the
state dict of TiTok) and `config.json` (the training configuration: `model.vq_model` and
`dataset.preprocessing.crop_size`). The module tree below uses TiTok's parameter names
(`latent_tokens`, `encoder.transformer.3.attn.in_proj_weight`, `decoder.ffn.2.bias`,
`quantize.embedding.weight`, `pixel_quantize.embedding.weight`, `pixel_decoder.up.4.block.1.conv2.weight`)
so that a published file loads with `load_state_dict(strict=True)`.

Encode: a ViT over the 16x16 patches followed by `num_latent_tokens` learned latent tokens; only the latent
tokens are kept, layer-normed, and (the "legacy" layout every published VQ TiTok has) reshaped from
[B, N, width] straight to [B, width, N, 1] - a reinterpretation of memory, not a transpose - before the
1x1 `conv_out` to `token_size` channels. Quantize: nearest row of the l2-normalised codebook to the
l2-normalised token (F.normalize, eps 1e-12), by the expanded squared distance in float32; the quantized
latent is the normalised row. Decode: the tokens, embedded, follow `grid^2` mask tokens (and a class
token) through a second ViT; the mask tokens' outputs become per-patch logits over the 1024 codes of
MaskGIT's VQGAN (`ffn`: 1x1 conv, tanh, 1x1 conv), whose softmax weighs `pixel_quantize`'s codebook;
MaskGIT's VQGAN decoder (`pixel_decoder`) turns that into pixels in [0, 1].

Fewer tokens: the decoder adds `latent_token_positional_embedding[:k]` to however many tokens it gets,
so it runs on the first k tokens (One-D-Piece's "tail token drop", which relaxes TiTok's assertion that
k equals num_latent_tokens; TiTok's own decoder asserts). `TokenDecoder` keeps that: its input is
[B, token_size, k] for any 1 <= k <= num_latent_tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple

import torch
import torch.nn.functional as F
from torch import nn

# width, layers, heads of TiTok's ViT sizes.
VIT_SIZES: Dict[str, Tuple[int, int, int]] = {'small': (512, 8, 8), 'base': (768, 12, 12), 'large': (1024, 24, 16)}


class CheckpointMismatch(ValueError):
    """The checkpoint or its config does not fit the architecture; the message names the tensor or key."""


@dataclass(frozen=True)
class PixelDecoderConfig:
    """MaskGIT's VQGAN decoder. TiTok hard-codes hidden 128, channel_mult (1, 1, 2, 2, 4), 2 residual
    blocks, z_channels 256, 1024 codes, GroupNorm with 32 groups."""

    hidden_channels: int = 128
    channel_multipliers: Tuple[int, ...] = (1, 1, 2, 2, 4)
    res_blocks: int = 2
    z_channels: int = 256
    codebook_size: int = 1024
    out_channels: int = 3
    norm_groups: int = 32

    def as_dict(self) -> Dict[str, Any]:
        return {'hiddenChannels': self.hidden_channels, 'channelMultipliers': list(self.channel_multipliers),
                'resBlocks': self.res_blocks, 'zChannels': self.z_channels, 'codebookSize': self.codebook_size,
                'normGroups': self.norm_groups}


@dataclass(frozen=True)
class TitokConfig:
    """TiTok's `model.vq_model` and `dataset.preprocessing.crop_size`. Defaults: TiTok-L-32."""

    image_size: int = 256                # crop_size
    encoder_patch_size: int = 16         # vit_enc_patch_size
    decoder_patch_size: int = 16         # vit_dec_patch_size
    encoder_vit: Tuple[int, int, int] = VIT_SIZES['large']  # width, layers, heads
    decoder_vit: Tuple[int, int, int] = VIT_SIZES['large']
    num_latent_tokens: int = 32
    token_size: int = 12
    codebook_size: int = 4096
    use_l2_norm: bool = True
    pixel: PixelDecoderConfig = PixelDecoderConfig()

    @property
    def encoder_grid(self) -> int:
        return self.image_size // self.encoder_patch_size

    @property
    def decoder_grid(self) -> int:
        return self.image_size // self.decoder_patch_size

    def as_dict(self) -> Dict[str, Any]:
        def vit(size: Tuple[int, int, int]) -> Dict[str, int]:
            return {'width': size[0], 'layers': size[1], 'heads': size[2]}
        return {'imageSize': self.image_size, 'encoderPatchSize': self.encoder_patch_size,
                'decoderPatchSize': self.decoder_patch_size, 'encoder': vit(self.encoder_vit), 'decoder': vit(self.decoder_vit),
                'numLatentTokens': self.num_latent_tokens, 'tokenSize': self.token_size, 'codebookSize': self.codebook_size,
                'useL2Norm': self.use_l2_norm, 'pixelDecoder': self.pixel.as_dict()}


def config_from_json(document: Mapping[str, Any], sizes: Optional[Mapping[str, Tuple[int, int, int]]] = None) -> TitokConfig:
    """Reads TiTok's config.json (the OmegaConf tree PyTorchModelHubMixin saves). `sizes` resolves the
    ViT size names (TiTok's table by default). Settings whose graph this exporter does not build are
    refused by name."""
    try:
        vq = document['model']['vq_model']
        crop = int(document['dataset']['preprocessing']['crop_size'])
    except (KeyError, TypeError):
        raise CheckpointMismatch('config.json has no model.vq_model or dataset.preprocessing.crop_size') from None
    if vq.get('quantize_mode', 'vq') != 'vq':
        raise CheckpointMismatch(f"model.vq_model.quantize_mode {vq.get('quantize_mode')!r}: only 'vq' tokenizers give discrete codes")
    if not vq.get('is_legacy', True) or not vq.get('finetune_decoder', True):
        raise CheckpointMismatch('model.vq_model: only the two-stage TiTok (is_legacy, finetune_decoder: MaskGIT pixel decoder) is supported')
    table = dict(VIT_SIZES if sizes is None else sizes)
    for key in ('vit_enc_model_size', 'vit_dec_model_size'):
        if vq.get(key) not in table:
            raise CheckpointMismatch(f'model.vq_model.{key} {vq.get(key)!r} is not one of {sorted(table)}')
    return TitokConfig(image_size=crop, encoder_patch_size=int(vq['vit_enc_patch_size']),
                       decoder_patch_size=int(vq['vit_dec_patch_size']), encoder_vit=table[vq['vit_enc_model_size']],
                       decoder_vit=table[vq['vit_dec_model_size']], num_latent_tokens=int(vq['num_latent_tokens']),
                       token_size=int(vq['token_size']), codebook_size=int(vq['codebook_size']),
                       use_l2_norm=bool(vq.get('use_l2_norm', False)))


# ---------------------------------------------------------------------------------------------------
# The ViT halves


class ResidualAttentionBlock(nn.Module):
    """Pre-norm transformer block (open_clip's): x + attn(ln_1(x)), then x + mlp(ln_2(x)); sequence-first
    input [L, B, D] as nn.MultiheadAttention takes it by default."""

    def __init__(self, width: int, heads: int):
        super().__init__()
        self.ln_1 = nn.LayerNorm(width)
        self.attn = nn.MultiheadAttention(width, heads)
        self.ln_2 = nn.LayerNorm(width)
        self.mlp = nn.Sequential()
        self.mlp.add_module('c_fc', nn.Linear(width, 4 * width))
        self.mlp.add_module('gelu', nn.GELU())
        self.mlp.add_module('c_proj', nn.Linear(4 * width, width))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        normed = self.ln_1(x)
        x = x + self.attn(normed, normed, normed, need_weights=False)[0]
        return x + self.mlp(self.ln_2(x))


def _transformer(width: int, layers: int, heads: int) -> nn.ModuleList:
    return nn.ModuleList([ResidualAttentionBlock(width, heads) for _ in range(layers)])


def _run_transformer(blocks: nn.ModuleList, x: torch.Tensor) -> torch.Tensor:
    x = x.permute(1, 0, 2)  # [B, L, D] -> [L, B, D]
    for block in blocks:
        x = block(x)
    return x.permute(1, 0, 2)


class TitokEncoder(nn.Module):
    def __init__(self, config: TitokConfig):
        super().__init__()
        width, layers, heads = config.encoder_vit
        grid = config.encoder_grid
        self.grid = grid
        self.width = width
        self.num_latent_tokens = config.num_latent_tokens
        self.token_size = config.token_size
        self.patch_embed = nn.Conv2d(3, width, config.encoder_patch_size, stride=config.encoder_patch_size)
        self.class_embedding = nn.Parameter(torch.zeros(1, width))
        self.positional_embedding = nn.Parameter(torch.zeros(grid * grid + 1, width))
        self.latent_token_positional_embedding = nn.Parameter(torch.zeros(config.num_latent_tokens, width))
        self.ln_pre = nn.LayerNorm(width)
        self.transformer = _transformer(width, layers, heads)
        self.ln_post = nn.LayerNorm(width)
        self.conv_out = nn.Conv2d(width, config.token_size, 1)

    def forward(self, pixels: torch.Tensor, latent_tokens: torch.Tensor) -> torch.Tensor:
        """Pixels [B, 3, S, S] in [0, 1] -> pre-quantization tokens [B, token_size, 1, N] (TiTok's layout)."""
        batch = pixels.shape[0]
        patches = self.patch_embed(pixels)
        patches = patches.reshape(patches.shape[0], patches.shape[1], -1).permute(0, 2, 1)
        x = torch.cat([self.class_embedding.unsqueeze(0).expand(batch, -1, -1), patches], dim=1)
        x = x + self.positional_embedding
        latents = latent_tokens.unsqueeze(0).expand(batch, -1, -1) + self.latent_token_positional_embedding
        x = _run_transformer(self.transformer, self.ln_pre(torch.cat([x, latents], dim=1)))
        tokens = self.ln_post(x[:, 1 + self.grid * self.grid:])
        # The published models' layout: [B, N, width] read as [B, width, N, 1] (no transpose).
        tokens = self.conv_out(tokens.reshape(batch, self.width, self.num_latent_tokens, 1))
        return tokens.reshape(batch, self.token_size, 1, self.num_latent_tokens)


class TitokDecoder(nn.Module):
    def __init__(self, config: TitokConfig):
        super().__init__()
        width, layers, heads = config.decoder_vit
        self.grid = config.decoder_grid
        self.width = width
        self.decoder_embed = nn.Linear(config.token_size, width)
        self.class_embedding = nn.Parameter(torch.zeros(1, width))
        self.positional_embedding = nn.Parameter(torch.zeros(self.grid * self.grid + 1, width))
        self.mask_token = nn.Parameter(torch.zeros(1, 1, width))
        self.latent_token_positional_embedding = nn.Parameter(torch.zeros(config.num_latent_tokens, width))
        self.ln_pre = nn.LayerNorm(width)
        self.transformer = _transformer(width, layers, heads)
        self.ln_post = nn.LayerNorm(width)
        self.ffn = nn.Sequential(nn.Conv2d(width, 2 * width, 1), nn.Tanh(), nn.Conv2d(2 * width, config.pixel.codebook_size, 1))

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        """Quantized tokens [B, token_size, k] -> logits over MaskGIT's codes per patch [B, 1024, g, g]."""
        x = self.decoder_embed(tokens.permute(0, 2, 1))
        batch, count = x.shape[0], x.shape[1]
        masks = self.mask_token.repeat(batch, self.grid * self.grid, 1)
        masks = torch.cat([self.class_embedding.unsqueeze(0).expand(batch, -1, -1), masks], dim=1) + self.positional_embedding
        x = x + self.latent_token_positional_embedding[:count]
        x = _run_transformer(self.transformer, self.ln_pre(torch.cat([masks, x], dim=1)))
        x = self.ln_post(x[:, 1:1 + self.grid * self.grid])
        x = x.permute(0, 2, 1).reshape(batch, self.width, self.grid, self.grid)
        return self.ffn(x.contiguous())


# ---------------------------------------------------------------------------------------------------
# MaskGIT's VQGAN decoder


class SamePadConv2d(nn.Conv2d):
    """A stride-1 convolution with TensorFlow's "same" padding, applied as an explicit zero pad before
    an unpadded convolution (as MaskGIT's Conv2dSame does; for odd kernels the pad is symmetric)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        pad = self.kernel_size[0] - 1
        if pad > 0:
            x = F.pad(x, [pad // 2, pad - pad // 2, pad // 2, pad - pad // 2])
        return super().forward(x)


class PixelResnetBlock(nn.Module):
    """MaskGIT's residual block. Its shortcut, where the width changes, is a 1x1 conv of the block's own
    output (not of its input) - published weights were trained that way, so it is kept."""

    def __init__(self, in_channels: int, out_channels: int, groups: int):
        super().__init__()
        self.norm1 = nn.GroupNorm(groups, in_channels, eps=1e-6)
        self.conv1 = SamePadConv2d(in_channels, out_channels, 3, bias=False)
        self.norm2 = nn.GroupNorm(groups, out_channels, eps=1e-6)
        self.conv2 = SamePadConv2d(out_channels, out_channels, 3, bias=False)
        if in_channels != out_channels:
            self.nin_shortcut = SamePadConv2d(out_channels, out_channels, 1, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv1(F.silu(self.norm1(x)))
        h = self.conv2(F.silu(self.norm2(h)))
        residual = self.nin_shortcut(h) if hasattr(self, 'nin_shortcut') else x
        return h + residual


class PixelDecoder(nn.Module):
    def __init__(self, config: PixelDecoderConfig):
        super().__init__()
        hidden, mult, groups = config.hidden_channels, config.channel_multipliers, config.norm_groups
        width = hidden * mult[-1]
        self.conv_in = SamePadConv2d(config.z_channels, width, 3)
        self.mid = nn.ModuleList([PixelResnetBlock(width, width, groups) for _ in range(config.res_blocks)])
        levels: List[nn.Module] = []
        for index in range(len(mult)):
            inner = hidden * (mult[-1] if index == len(mult) - 1 else mult[index + 1])
            out = hidden * mult[index]
            level = nn.Module()
            level.block = nn.ModuleList([PixelResnetBlock(inner if b == 0 else out, out, groups) for b in range(config.res_blocks)])
            if index != 0:
                level.upsample_conv = SamePadConv2d(out, out, 3)
            levels.append(level)
        # `up[0]` is the full-resolution level; the decoder walks them from the last.
        self.up = nn.ModuleList(levels)
        self.norm_out = nn.GroupNorm(groups, hidden * mult[0], eps=1e-6)
        self.conv_out = SamePadConv2d(hidden * mult[0], config.out_channels, 3)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        h = self.conv_in(z)
        for block in self.mid:
            h = block(h)
        for level in reversed(self.up):
            for block in level.block:
                h = block(h)
            if hasattr(level, 'upsample_conv'):
                h = level.upsample_conv(F.interpolate(h, scale_factor=2.0, mode='nearest'))
        return self.conv_out(F.silu(self.norm_out(h)))


class Codebook(nn.Module):
    def __init__(self, size: int, dim: int):
        super().__init__()
        self.embedding = nn.Embedding(size, dim)


class TitokModel(nn.Module):
    def __init__(self, config: TitokConfig):
        super().__init__()
        self.config = config
        self.latent_tokens = nn.Parameter(torch.zeros(config.num_latent_tokens, config.encoder_vit[0]))
        self.encoder = TitokEncoder(config)
        self.decoder = TitokDecoder(config)
        self.quantize = Codebook(config.codebook_size, config.token_size)
        self.pixel_quantize = Codebook(config.pixel.codebook_size, config.pixel.z_channels)
        self.pixel_decoder = PixelDecoder(config.pixel)

    def encode_latents(self, pixels: torch.Tensor) -> torch.Tensor:
        """Pixels in [0, 1], [B, 3, S, S] -> pre-quantization tokens [B, token_size, N]."""
        latents = self.encoder(pixels, self.latent_tokens)
        return latents.reshape(latents.shape[0], latents.shape[1], latents.shape[3])

    def rows(self) -> torch.Tensor:
        weight = self.quantize.embedding.weight
        return F.normalize(weight, dim=-1) if self.config.use_l2_norm else weight

    def quantize_latents(self, latents: torch.Tensor) -> torch.Tensor:
        """Codes [B, N] (int64) as TiTok's VectorQuantizer picks them: F.normalize both sides (when
        use_l2_norm), argmin over |z|^2 + |e|^2 - 2 z.e in float32 (an einsum with the transposed rows),
        first index on ties."""
        batch, dim, count = latents.shape
        flat = latents.permute(0, 2, 1).reshape(-1, dim).float()
        if self.config.use_l2_norm:
            flat = F.normalize(flat, dim=-1)
        rows = self.rows()
        distances = (torch.sum(flat ** 2, dim=1, keepdim=True) + torch.sum(rows ** 2, dim=1)
                     - 2 * torch.einsum('bd,dn->bn', flat, rows.T))
        return torch.argmin(distances, dim=1).reshape(batch, count)

    def lookup(self, codes: torch.Tensor) -> torch.Tensor:
        """Codes [B, k] -> quantized tokens [B, token_size, k]: the rows get_codebook_entry returns
        (looked up, then normalised when use_l2_norm)."""
        rows = self.quantize.embedding(codes)
        if self.config.use_l2_norm:
            rows = F.normalize(rows, dim=-1)
        return rows.permute(0, 2, 1).contiguous()

    def decode_latents(self, quantized: torch.Tensor) -> torch.Tensor:
        """Quantized tokens [B, token_size, k] (k <= N) -> pixels in about [0, 1], [B, 3, S, S]."""
        logits = self.decoder(quantized)
        features = torch.einsum('nchw,cd->ndhw', logits.softmax(1), self.pixel_quantize.embedding.weight)
        return self.pixel_decoder(features)


class LatentEncoder(nn.Module):
    """What encoder.onnx computes: pixels -> pre-quantization tokens [B, token_size, N]."""

    def __init__(self, model: TitokModel):
        super().__init__()
        self.model = model

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.model.encode_latents(pixel_values)


class TokenDecoder(nn.Module):
    """What decoder.onnx computes: quantized tokens [B, token_size, k], 1 <= k <= N -> pixels."""

    def __init__(self, model: TitokModel):
        super().__init__()
        self.model = model

    def forward(self, quantized_latents: torch.Tensor) -> torch.Tensor:
        return self.model.decode_latents(quantized_latents)


# ---------------------------------------------------------------------------------------------------
# Checkpoints


def _shape(state: Mapping[str, torch.Tensor], name: str) -> Tuple[int, ...]:
    if name not in state:
        raise CheckpointMismatch(f'checkpoint has no tensor {name!r}; is this a TiTok VQ tokenizer?')
    return tuple(state[name].shape)


def _count(state: Mapping[str, torch.Tensor], prefix: str) -> int:
    indices = {int(k[len(prefix):].split('.', 1)[0]) for k in state if k.startswith(prefix) and k[len(prefix):].split('.', 1)[0].isdigit()}
    if indices != set(range(len(indices))):
        raise CheckpointMismatch(f'tensors under {prefix!r} are numbered {sorted(indices)}, expected 0..{len(indices) - 1}')
    return len(indices)


def infer_sizes(state: Mapping[str, torch.Tensor], heads: int) -> Dict[str, Tuple[int, int, int]]:
    """ViT sizes read from the tensors, for models whose size names TiTok's table does not have (jointok's
    test model); the head count is not in the tensors and is given."""
    return {part: (_shape(state, f'{part}.ln_pre.weight')[0], _count(state, f'{part}.transformer.'), heads)
            for part in ('encoder', 'decoder')}


def infer_pixel_config(state: Mapping[str, torch.Tensor], norm_groups: int) -> PixelDecoderConfig:
    """MaskGIT decoder sizes read from the tensors (GroupNorm's group count is given)."""
    levels = _count(state, 'pixel_decoder.up.')
    widths = [_shape(state, f'pixel_decoder.up.{i}.block.0.conv1.weight')[0] for i in range(levels)]
    hidden = widths[0]
    if any(w % hidden for w in widths):
        raise CheckpointMismatch(f'pixel_decoder level widths {widths} are not multiples of the first')
    return PixelDecoderConfig(hidden_channels=hidden, channel_multipliers=tuple(w // hidden for w in widths),
                              res_blocks=_count(state, 'pixel_decoder.up.0.block.'),
                              z_channels=_shape(state, 'pixel_decoder.conv_in.weight')[1],
                              codebook_size=_shape(state, 'pixel_quantize.embedding.weight')[0],
                              out_channels=_shape(state, 'pixel_decoder.conv_out.weight')[0], norm_groups=norm_groups)


def check_state_dict(model: nn.Module, state: Mapping[str, torch.Tensor], label: str) -> None:
    """Raises CheckpointMismatch naming the first missing, unexpected or mis-shaped tensor."""
    expected = model.state_dict()
    for name, tensor in expected.items():
        if name not in state:
            raise CheckpointMismatch(f'{label}: checkpoint lacks {name} (expected shape {list(tensor.shape)})')
        if tuple(state[name].shape) != tuple(tensor.shape):
            raise CheckpointMismatch(f'{label}: {name} has shape {list(state[name].shape)}, expected {list(tensor.shape)}')
    for name in state:
        if name not in expected:
            raise CheckpointMismatch(f'{label}: unexpected tensor {name} (shape {list(state[name].shape)})')


def load_model(state: Mapping[str, torch.Tensor], config: TitokConfig, label: str) -> TitokModel:
    try:
        model = TitokModel(config)
    except (ValueError, AssertionError) as error:  # widths GroupNorm or the attention heads cannot split
        raise CheckpointMismatch(f'{label}: {error}') from None
    check_state_dict(model, state, label)
    model.load_state_dict({k: v.float() for k, v in state.items()}, strict=True)
    return model.eval()


def randomize(model: TitokModel, seed: int) -> TitokModel:
    """Seeded random weights for test models, drawn explicitly: matrices and convolutions N(0, 1/fan_in),
    biases N(0, 0.05^2), norm scales 1 + N(0, 0.1^2) and shifts N(0, 0.1^2), embeddings, latent tokens
    and codebooks N(0, 1) scaled by width^-0.5 as TiTok initialises them (codebooks unscaled)."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            noise = torch.randn(parameter.shape, generator=generator)
            if name.endswith('embedding.weight') and ('quantize' in name):
                parameter.copy_(noise)
            elif name.endswith(('_embedding', 'mask_token', 'latent_tokens')):
                parameter.copy_(noise * parameter.shape[-1] ** -0.5)
            elif '.norm' in name or '.ln_' in name:
                parameter.copy_((1.0 if name.endswith('weight') else 0.0) + 0.1 * noise)
            elif name.endswith('bias'):
                parameter.copy_(0.05 * noise)
            else:
                parameter.copy_(noise / parameter[0].numel() ** 0.5)
    return model.eval()
