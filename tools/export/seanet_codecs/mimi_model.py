"""Kyutai's Mimi (kyutai-labs/moshi `MimiModel` as `loaders.get_mimi` builds it) in jointok's PyTorch.

encode: zero-pad the audio on the right to a multiple of the frame size (1920 samples), causal SEANet
encoder (plain convolutions, constant padding, ratios 8·6·5·4 → 25 Hz), causal transformer, learnt
stride-2 downsampling convolution (replicate padding) → latent at 12.5 Hz → split residual VQ (one
semantic RVQ, one acoustic RVQ, both on the same latent through bias-free 1×1 projections; codebooks
`embedding_sum / max(cluster_usage, 1e-5)`, nearest row by `torch.cdist`).
decode: codes → both RVQs' rows summed and projected back, added → depthwise stride-2 transposed
convolution → transformer → SEANet decoder.

Checkpoints: moshi's safetensors (`tokenizer-e351c8d8-checkpoint125.safetensors`: `encoder.model.*`,
`encoder_transformer.transformer.layers.*.self_attn.in_proj_weight`, `quantizer.rvq_first.vq.layers.*`,
...) or transformers' `MimiModel` safetensors (`kyutai/mimi` `model.safetensors`: `encoder.layers.*`,
`q_proj`/`k_proj`/`v_proj` with the rotary halves permuted, `quantizer.semantic_residual_vector_quantizer.*`),
which `from_transformers_names` maps back.
"""

from __future__ import annotations

import math
import re
from typing import Dict, List, Optional

import torch
from torch import nn
from torch.nn import functional as F

from .layers import SeanetConv1d, SeanetConvTranspose1d, SeanetDecoder, SeanetEncoder
from .mimi_transformer import MimiTransformer, moshi_state_names

SAMPLE_RATE = 24000
FRAME_RATE = 12.5
RATIOS = [8, 6, 5, 4]
NUM_HEADS = 8          # moshi's _transformer_kwargs; not visible in the weights
CONTEXT = 250
MAX_PERIOD = 10000.0
DEFAULT_CODEBOOKS = 8  # loaders.get_mimi's num_codebooks without an LM config; 1.1 kbps on the model card
CLUSTER_USAGE_EPSILON = 1e-5


class _Codebook(nn.Module):
    def __init__(self, bins: int, dim: int):
        super().__init__()
        self.register_buffer('_initialized', torch.tensor([1.0]))
        self.register_buffer('cluster_usage', torch.ones(bins))
        self.register_buffer('embedding_sum', torch.zeros(bins, dim))

    def rows(self) -> torch.Tensor:
        return self.embedding_sum / self.cluster_usage.clamp(min=CLUSTER_USAGE_EPSILON)[:, None]


class _VQ(nn.Module):
    def __init__(self, bins: int, dim: int):
        super().__init__()
        self._codebook = _Codebook(bins, dim)


class _Stages(nn.Module):
    def __init__(self, stages: int, bins: int, dim: int):
        super().__init__()
        self.layers = nn.ModuleList([_VQ(bins, dim) for _ in range(stages)])


class MimiRVQ(nn.Module):
    """One half of the split quantizer: 1×1 projections without bias around a euclidean residual VQ."""

    def __init__(self, stages: int, bins: int, dim: int, codebook_dim: int):
        super().__init__()
        self.input_proj = nn.Conv1d(dim, codebook_dim, 1, bias=False)
        self.output_proj = nn.Conv1d(codebook_dim, dim, 1, bias=False)
        self.vq = _Stages(stages, bins, codebook_dim)

    def encode(self, x: torch.Tensor, stages: int) -> torch.Tensor:
        """`[B, D, T]` → `[B, stages, T]`."""
        residual = self.input_proj(x)
        codes = []
        for layer in self.vq.layers[:stages]:
            rows = layer._codebook.rows()
            vectors = residual.transpose(1, 2)
            index = torch.cdist(vectors.reshape(-1, vectors.shape[-1])[None], rows[None], p=2)[0].argmin(dim=-1)
            index = index.view(vectors.shape[:-1])
            residual = residual - F.embedding(index, rows).transpose(1, 2)
            codes.append(index)
        return torch.stack(codes).transpose(0, 1)

    def decode(self, codes: torch.Tensor) -> torch.Tensor:
        """`[B, K, T]` → `[B, D, T]`."""
        out = torch.zeros([1])[0]
        for layer, index in zip(self.vq.layers, codes.transpose(0, 1)):
            out = out + F.embedding(index, layer._codebook.rows()).transpose(1, 2)
        return self.output_proj(out)


class MimiSplitRVQ(nn.Module):
    def __init__(self, semantic: int, acoustic: int, bins: int, dim: int, codebook_dim: int):
        super().__init__()
        self.rvq_first = MimiRVQ(semantic, bins, dim, codebook_dim)
        self.rvq_rest = MimiRVQ(acoustic, bins, dim, codebook_dim)
        self.semantic = semantic
        self.total = semantic + acoustic

    def encode(self, x: torch.Tensor, codebooks: int) -> torch.Tensor:
        codes = self.rvq_first.encode(x, self.semantic)
        if codebooks > self.semantic:
            codes = torch.cat([codes, self.rvq_rest.encode(x, codebooks - self.semantic)], dim=1)
        return codes

    def decode(self, codes: torch.Tensor) -> torch.Tensor:
        quantized = self.rvq_first.decode(codes[:, :self.semantic])
        if codes.shape[1] > self.semantic:
            quantized = quantized + self.rvq_rest.decode(codes[:, self.semantic:])
        return quantized


class _Downsample(nn.Module):
    def __init__(self, dim: int, stride: int):
        super().__init__()
        self.conv = SeanetConv1d(dim, dim, 2 * stride, stride=stride, bias=False, causal=True, pad_mode='replicate')

    def forward(self, x):
        return self.conv(x)


class _Upsample(nn.Module):
    def __init__(self, dim: int, stride: int):
        super().__init__()
        # moshi keeps `upsample_channel_wise_bug=True`: one filter per channel.
        self.convtr = SeanetConvTranspose1d(dim, dim, 2 * stride, stride=stride, groups=dim, bias=False, causal=True)

    def forward(self, x):
        return self.convtr(x)


class Mimi(nn.Module):
    def __init__(self, n_filters: int, dimension: int, num_layers: int, feedforward: int, semantic: int, acoustic: int,
                 bins: int, codebook_dim: int, num_heads: int = NUM_HEADS):
        super().__init__()
        seanet = dict(channels=1, dimension=dimension, n_filters=n_filters, ratios=RATIOS, n_residual_layers=1, kernel_size=7,
                      last_kernel_size=3, residual_kernel_size=3, dilation_base=2, compress=2, true_skip=True, lstm=0,
                      causal=True, pad_mode='constant', norm='none')
        self.encoder = SeanetEncoder(**seanet)
        self.decoder = SeanetDecoder(**seanet)
        self.encoder_transformer = MimiTransformer(dimension, num_layers, num_heads, feedforward, CONTEXT, MAX_PERIOD)
        self.decoder_transformer = MimiTransformer(dimension, num_layers, num_heads, feedforward, CONTEXT, MAX_PERIOD)
        encoder_rate = SAMPLE_RATE / self.encoder.hop_length
        stride = int(encoder_rate / FRAME_RATE)
        self.downsample = _Downsample(dimension, stride)
        self.upsample = _Upsample(dimension, stride)
        self.quantizer = MimiSplitRVQ(semantic, acoustic, bins, dimension, codebook_dim)
        self.frame_size = int(SAMPLE_RATE / FRAME_RATE)
        self.dimension = dimension
        self.num_heads = num_heads

    def pad(self, audio: torch.Tensor) -> torch.Tensor:
        """Zeros on the right up to a multiple of the frame size (`pad_for_conv1d(x, frame, frame)`)."""
        extra = math.ceil(audio.shape[-1] / self.frame_size) * self.frame_size - audio.shape[-1]
        return F.pad(audio, (0, extra))

    def encode_latent(self, padded: torch.Tensor) -> torch.Tensor:
        """Padded audio `[B, 1, T]` → unquantized latent `[B, D, T / 1920]`."""
        return self.downsample(self.encoder_transformer(self.encoder(padded)))

    def decode_latent(self, quantized: torch.Tensor) -> torch.Tensor:
        """Quantized latent `[B, D, F]` → audio `[B, 1, F · 1920]`."""
        return self.decoder(self.decoder_transformer(self.upsample(quantized)))

    def encode(self, audio: torch.Tensor, codebooks: int = DEFAULT_CODEBOOKS) -> torch.Tensor:
        return self.quantizer.encode(self.encode_latent(self.pad(audio)), codebooks)

    def decode(self, codes: torch.Tensor) -> torch.Tensor:
        return self.decode_latent(self.quantizer.decode(codes))


_HF_RENAMES = [
    # transformers' convert_mimi_checkpoint_to_pytorch.py, applied in this order to moshi's names.
    ('conv.conv.conv', 'conv'), ('convtr.convtr.convtr', 'conv'), ('conv.conv', 'conv'), ('convtr.convtr', 'conv'),
    ('quantizer.rvq_first.vq', 'quantizer.semantic_residual_vector_quantizer'),
    ('quantizer.rvq_first', 'quantizer.semantic_residual_vector_quantizer'),
    ('quantizer.rvq_rest.vq', 'quantizer.acoustic_residual_vector_quantizer'),
    ('quantizer.rvq_rest', 'quantizer.acoustic_residual_vector_quantizer'),
    ('_codebook', 'codebook'), ('_initialized', 'initialized'), ('embedding_sum', 'embed_sum'),
    ('encoder.model', 'encoder.layers'), ('decoder.model', 'decoder.layers'),
    ('encoder_transformer.transformer', 'encoder_transformer'), ('decoder_transformer.transformer', 'decoder_transformer'),
    ('linear1', 'mlp.fc1'), ('linear2', 'mlp.fc2'), ('self_attn.out_proj', 'self_attn.o_proj'),
    ('norm1', 'input_layernorm'), ('norm2', 'post_attention_layernorm'),
    ('layer_scale_1', 'self_attn_layer_scale'), ('layer_scale_2', 'mlp_layer_scale'),
]


def transformers_name(moshi_name: str) -> str:
    for old, new in _HF_RENAMES:
        if old in moshi_name:
            moshi_name = moshi_name.replace(old, new)
    return moshi_name


def _rotary_halves(weight: torch.Tensor, heads: int, to_transformers: bool) -> torch.Tensor:
    """transformers' q/k layout puts each head's rotary pairs (2i, 2i + 1) as halves (i, i + D/2)."""
    rows, cols = weight.shape
    if to_transformers:
        return weight.view(heads, rows // heads // 2, 2, cols).transpose(1, 2).reshape(rows, cols)
    return weight.view(heads, 2, rows // heads // 2, cols).transpose(1, 2).reshape(rows, cols)


def to_transformers_names(state: Dict[str, torch.Tensor], heads: int) -> Dict[str, torch.Tensor]:
    """moshi names → transformers' `MimiModel` names (what its conversion script does)."""
    out = {}
    for key, value in state.items():
        if key.endswith('self_attn.in_proj_weight'):
            q, k, v = value.chunk(3, dim=0)
            base = transformers_name(key[: -len('in_proj_weight')])
            out[base + 'q_proj.weight'] = _rotary_halves(q, heads, True)
            out[base + 'k_proj.weight'] = _rotary_halves(k, heads, True)
            out[base + 'v_proj.weight'] = v.clone()
        else:
            out[transformers_name(key)] = value
    return out


def from_transformers_names(hf: Dict[str, torch.Tensor], expected: List[str], heads: int) -> Dict[str, torch.Tensor]:
    """transformers' names → the moshi names in `expected` (q/k/v concatenated, rotary halves undone)."""
    state = {}
    for key in expected:
        if key.endswith('self_attn.in_projs.0.weight'):
            base = transformers_name(key[: -len('in_projs.0.weight')])
            parts = [hf[base + 'q_proj.weight'], hf[base + 'k_proj.weight'], hf[base + 'v_proj.weight']]
            state[key] = torch.cat([_rotary_halves(parts[0], heads, False), _rotary_halves(parts[1], heads, False), parts[2]])
        elif key.endswith('self_attn.out_projs.0.weight'):
            state[key] = hf[transformers_name(key[: -len('out_projs.0.weight')] + 'out_proj.weight')]
        else:
            name = transformers_name(key)
            if name not in hf:
                raise ValueError(f'{name} (moshi: {key}) is missing')
            state[key] = hf[name]
    return state


def _count(state: Dict[str, torch.Tensor], pattern: str) -> int:
    return len({m.group(1) for key in state for m in [re.match(pattern, key)] if m})


def load_mimi(raw: Dict[str, torch.Tensor], num_heads: int = NUM_HEADS) -> Mimi:
    """Builds Mimi from either published naming; widths, depth and codebooks are read from the weights
    (the head count is not in them: moshi's Mimi has 8). Raises ValueError naming what is missing."""
    raw = {k: v.float() if v.is_floating_point() else v for k, v in raw.items()}
    transformers_format = 'encoder.layers.0.conv.weight' in raw
    probe = transformers_name('encoder.model.0.conv.conv.weight') if transformers_format else 'encoder.model.0.conv.conv.weight'
    if probe not in raw:
        raise ValueError('not a Mimi checkpoint: encoder.model.0.conv.conv.weight (moshi) or encoder.layers.0.conv.weight (transformers) is missing')
    names = (lambda k: transformers_name(k)) if transformers_format else (lambda k: k)
    n_filters = raw[names('encoder.model.0.conv.conv.weight')].shape[0]
    semantic_sum = raw[names('quantizer.rvq_first.vq.layers.0._codebook.embedding_sum')]
    bins, codebook_dim = semantic_sum.shape
    dimension = raw[names('quantizer.rvq_first.input_proj.weight')].shape[1]
    prefix = 'quantizer.semantic_residual_vector_quantizer.' if transformers_format else 'quantizer.rvq_first.vq.'
    semantic = _count(raw, re.escape(prefix) + r'layers\.(\d+)\.')
    prefix = 'quantizer.acoustic_residual_vector_quantizer.' if transformers_format else 'quantizer.rvq_rest.vq.'
    acoustic = _count(raw, re.escape(prefix) + r'layers\.(\d+)\.')
    layer_prefix = 'encoder_transformer.layers.' if transformers_format else 'encoder_transformer.transformer.layers.'
    num_layers = _count(raw, re.escape(layer_prefix) + r'(\d+)\.')
    feedforward = raw[names('encoder_transformer.transformer.layers.0.linear1.weight')].shape[0]
    model = Mimi(n_filters, dimension, num_layers, feedforward, semantic, acoustic, bins, codebook_dim, num_heads)
    expected = list(model.state_dict().keys())
    state = from_transformers_names(raw, expected, num_heads) if transformers_format else moshi_state_names(raw)
    missing = [k for k in expected if k not in state]
    unexpected = [k for k in state if k not in expected]
    if missing or unexpected:
        raise ValueError(f'checkpoint does not match Mimi: missing {missing[:5]}, unexpected {unexpected[:5]}')
    model.load_state_dict(state, strict=True)
    model.eval()
    return model


def quantizer_tensors(model: Mimi) -> Dict[str, torch.Tensor]:
    """The split quantizer's weights under the names core's `split-residual-vq` reads (Mimi's own, without
    the `quantizer.` prefix): projections and, per stage, `embedding_sum` + `cluster_usage`."""
    return {k: v.clone() for k, v in model.quantizer.state_dict().items() if not k.endswith('_initialized')}
