"""WavTokenizer (jishengpeng/WavTokenizer) in jointok's PyTorch: EnCodec's non-causal SEANet encoder
(weight norm, reflect padding, 2-layer LSTM) → one euclidean codebook (`quantizer.infer` uses only the
first) → Vocos backbone + iSTFT head (see vocos.py), at bandwidth id 0 (what its README's inference uses).

Published checkpoints are PyTorch Lightning `.ckpt` files: `{'state_dict': {...}, 'epoch': ..., ...}`
whose state dict also holds the discriminators and EnCodec's unused SEANet decoder; like
`WavTokenizer.from_pretrained0802`, only `feature_extractor.*`, `backbone.*` and `head.*` are read.
The architecture comes from the variant's published yaml (`configs/wavtokenizer_smalldata_frame{40,75}_*.yaml`),
and every width is read from the weights and checked against it.
"""

from __future__ import annotations

import re
from typing import Dict

import torch
from torch import nn

from .encodec_model import EuclideanResidualVQ
from .layers import SeanetEncoder
from .vocos import ISTFTHead, VocosBackbone

SAMPLE_RATE = 24000
# variant → (encoder `dowmsamples`, head hop_length, head n_fft) as in the published yaml files.
VARIANTS = {
    '40': ([6, 5, 5, 4], 600, 2400),
    '75': ([8, 5, 4, 2], 320, 1280),
}
BANDWIDTH_ID = 0


class WavTokenizer(nn.Module):
    def __init__(self, ratios, n_filters: int, dimension: int, lstm_layers: int, codebook: torch.Tensor, backbone: Dict[str, int],
                 n_fft: int, hop_length: int):
        super().__init__()
        self.encoder = SeanetEncoder(channels=1, dimension=dimension, n_filters=n_filters, ratios=ratios, n_residual_layers=1,
                                     kernel_size=7, last_kernel_size=7, residual_kernel_size=3, dilation_base=2, compress=2,
                                     true_skip=False, lstm=lstm_layers, causal=False, pad_mode='reflect', norm='weight_norm')
        self.quantizer = EuclideanResidualVQ(codebook[None])
        self.backbone = VocosBackbone(**backbone)
        self.head = ISTFTHead(backbone['dim'], n_fft, hop_length)
        self.register_buffer('bandwidth_id', torch.tensor([BANDWIDTH_ID]), persistent=False)
        self.hop_length = hop_length
        self.dimension = dimension

    def encode(self, audio: torch.Tensor):
        """`encode_infer(wav, bandwidth_id=0)`: audio `[B, 1, T]` → (features `[B, D, F]`, codes `[1, B, F]`)."""
        latent = self.encoder(audio)
        codes = self.quantizer.encode(latent, 1)
        return self.quantizer.decode(codes), codes

    def decode(self, features: torch.Tensor) -> torch.Tensor:
        """`decode(features, bandwidth_id=0)` with the matrix iSTFT: `[B, D, F]` → audio `[B, 1, F·H]`."""
        return self.head(self.backbone(features, self.bandwidth_id))[:, None]

    def decode_reference(self, features: torch.Tensor) -> torch.Tensor:
        """The same with WavTokenizer's irfft iSTFT."""
        return self.head.reference(self.backbone(features, self.bandwidth_id))[:, None]


class Decoder(nn.Module):
    def __init__(self, model: WavTokenizer):
        super().__init__()
        self.model = model

    def forward(self, latent: torch.Tensor) -> torch.Tensor:
        return self.model.decode(latent)


def _strip(state: Dict[str, torch.Tensor], prefix: str) -> Dict[str, torch.Tensor]:
    return {k[len(prefix):]: v for k, v in state.items() if k.startswith(prefix)}


def load_wavtokenizer(checkpoint, variant: str) -> WavTokenizer:
    """Builds the model from a Lightning checkpoint (or a bare state dict). Raises ValueError naming the
    weight that is missing or does not fit the variant's published architecture."""
    state = checkpoint.get('state_dict', checkpoint) if isinstance(checkpoint, dict) else None
    if not isinstance(state, dict) or 'feature_extractor.encodec.encoder.model.0.conv.conv.weight_v' not in state:
        raise ValueError('not a WavTokenizer checkpoint: state_dict.feature_extractor.encodec.encoder.model.0.conv.conv.weight_v is missing')
    ratios, hop, n_fft = VARIANTS[variant]
    encoder_state = _strip(state, 'feature_extractor.encodec.encoder.')
    n_filters = encoder_state['model.0.conv.conv.weight_v'].shape[0]
    downsampling = sorted((int(m.group(1)), v.shape[-1]) for k, v in encoder_state.items()
                          for m in [re.match(r'^model\.(\d+)\.conv\.conv\.weight_v$', k)] if m and v.shape[-1] % 2 == 0)
    kernels = [kernel for _, kernel in downsampling]
    if kernels != [2 * r for r in reversed(ratios)]:
        raise ValueError(f'encoder strides {[k // 2 for k in kernels]} do not match variant {variant} (published dowmsamples {ratios})')
    lstm_layers = len({k for k in encoder_state if re.match(r'^model\.\d+\.lstm\.weight_ih_l\d+$', k)})
    codebook = state.get('feature_extractor.encodec.quantizer.vq.layers.0._codebook.embed')
    if codebook is None:
        raise ValueError('feature_extractor.encodec.quantizer.vq.layers.0._codebook.embed is missing')
    backbone_state = _strip(state, 'backbone.')
    if 'norm.scale.weight' not in backbone_state:
        raise ValueError('backbone.norm.scale.weight is missing (the published models use AdaLayerNorm)')
    backbone = {
        'input_channels': backbone_state['embed.weight'].shape[1],
        'dim': backbone_state['embed.weight'].shape[0],
        'intermediate': backbone_state['convnext.0.pwconv1.weight'].shape[0],
        'num_layers': len({m.group(1) for k in backbone_state for m in [re.match(r'^convnext\.(\d+)\.', k)] if m}),
        'embeddings': backbone_state['norm.scale.weight'].shape[0],
    }
    out_weight = state['head.out.weight']
    if out_weight.shape[0] != n_fft + 2:
        raise ValueError(f'head.out.weight has {out_weight.shape[0]} rows; variant {variant} has n_fft {n_fft} (n_fft + 2 rows)')
    model = WavTokenizer(ratios, n_filters, codebook.shape[1], lstm_layers, codebook.float(), backbone, n_fft, hop)
    model.encoder.load_state_dict(encoder_state, strict=True)
    model.backbone.load_state_dict(backbone_state, strict=True)
    model.head.out.load_state_dict(_strip(state, 'head.out.'), strict=True)
    window = state.get('head.istft.window')
    if window is not None and not torch.equal(window.float(), model.head.istft.window):
        raise ValueError('head.istft.window is not the periodic Hann window of length n_fft')
    model.eval()
    return model


def quantizer_tensors(model: WavTokenizer) -> Dict[str, torch.Tensor]:
    """The codebook under the name core's `residual-vq` reads: `layers.0._codebook.embed` `[K, D]`."""
    return {'layers.0._codebook.embed': model.quantizer.codebooks[0].clone()}
