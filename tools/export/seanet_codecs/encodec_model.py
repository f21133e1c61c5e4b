"""EnCodec 24 kHz (facebookresearch/encodec, `EncodecModel.encodec_model_24khz`) in jointok's PyTorch.

The published checkpoint `encodec_24khz-d7cc33bc.th` is a plain state dict: `encoder.model.*`,
`decoder.model.*` (causal SEANet, weight norm, reflect padding, 2-layer LSTMs, ratios 8·5·4·2) and
`quantizer.vq.layers.<i>._codebook.{embed, embed_avg, cluster_size, inited}` (32 codebooks of 1024 rows;
only `embed` is used at inference). The 24 kHz model does not normalise its input (`audio_normalize`
False) and encodes the whole input as one segment (`segment` None); its LM is only used by `compress`.
"""

from __future__ import annotations

import math
import re
from typing import Dict, List, Optional

import torch
from torch import nn
from torch.nn import functional as F

from .layers import SeanetDecoder, SeanetEncoder

SAMPLE_RATE = 24000
RATIOS = [8, 5, 4, 2]
TARGET_BANDWIDTHS = [1.5, 3.0, 6.0, 12.0, 24.0]

_CODEBOOK = re.compile(r'^quantizer\.vq\.layers\.(\d+)\._codebook\.embed$')


class EuclideanResidualVQ(nn.Module):
    """EnCodec's residual VQ at inference: per stage, the row with the largest
    `-(|x|² - 2 x·e + |e|²)` (float32, as `EuclideanCodebook.quantize` computes it) is chosen and
    subtracted from the residual; decoding sums the rows, starting from 0."""

    def __init__(self, codebooks: torch.Tensor):
        super().__init__()
        self.register_buffer('codebooks', codebooks.clone())

    @property
    def num_quantizers(self) -> int:
        return self.codebooks.shape[0]

    def encode(self, x: torch.Tensor, n_q: Optional[int] = None) -> torch.Tensor:
        """`[B, D, T]` → codes `[n_q, B, T]`."""
        residual = x
        codes = []
        for embed in self.codebooks[: n_q or self.num_quantizers]:
            flat = residual.transpose(1, 2).reshape(-1, residual.shape[1])
            scores = -(flat.pow(2).sum(1, keepdim=True) - 2 * flat @ embed.t() + embed.t().pow(2).sum(0, keepdim=True))
            index = scores.max(dim=-1).indices.view(residual.shape[0], residual.shape[2])
            residual = residual - F.embedding(index, embed).transpose(1, 2)
            codes.append(index)
        return torch.stack(codes)

    def decode(self, codes: torch.Tensor) -> torch.Tensor:
        """codes `[n_q, B, T]` → `[B, D, T]`."""
        out = torch.tensor(0.0)
        for embed, index in zip(self.codebooks, codes):
            out = out + F.embedding(index, embed).transpose(1, 2)
        return out


class Encodec(nn.Module):
    """Encoder, residual VQ and decoder of EnCodec 24 kHz (any widths; the published model has 32
    filters, 128 latent channels and 32 codebooks of 1024)."""

    def __init__(self, n_filters: int, dimension: int, codebooks: torch.Tensor, lstm_layers: int = 2):
        super().__init__()
        seanet = dict(channels=1, dimension=dimension, n_filters=n_filters, ratios=RATIOS, n_residual_layers=1,
                      kernel_size=7, last_kernel_size=7, residual_kernel_size=3, dilation_base=2, compress=2,
                      true_skip=False, lstm=lstm_layers, causal=True, pad_mode='reflect', norm='weight_norm')
        self.encoder = SeanetEncoder(**seanet)
        self.decoder = SeanetDecoder(**seanet)
        self.quantizer = EuclideanResidualVQ(codebooks)
        self.sample_rate = SAMPLE_RATE
        self.hop_length = self.encoder.hop_length
        self.frame_rate = math.ceil(SAMPLE_RATE / self.hop_length)

    @property
    def bins(self) -> int:
        return self.quantizer.codebooks.shape[1]

    def codebooks_for_bandwidth(self, bandwidth: Optional[float]) -> int:
        """EnCodec's `get_num_quantizers_for_bandwidth`: floor(bandwidth / (log2(bins) · frame rate)),
        at least 1; stages beyond the model's count do not exist, so the count is capped by them."""
        if not bandwidth:
            return self.quantizer.num_quantizers
        per_codebook = math.log2(self.bins) * self.frame_rate
        return min(self.quantizer.num_quantizers, int(max(1, math.floor(bandwidth * 1000 / per_codebook))))

    def encode_latent(self, audio: torch.Tensor) -> torch.Tensor:
        return self.encoder(audio)

    def encode(self, audio: torch.Tensor, bandwidth: Optional[float] = None) -> torch.Tensor:
        """audio `[B, 1, T]` → codes `[B, K, ceil(T / 320)]` (`EncodecModel.encode`'s single frame)."""
        latent = self.encode_latent(audio)
        return self.quantizer.encode(latent, self.codebooks_for_bandwidth(bandwidth)).transpose(0, 1)

    def decode_codes(self, codes: torch.Tensor) -> torch.Tensor:
        """codes `[B, K, F]` → audio `[B, 1, F · 320]`."""
        return self.decoder(self.quantizer.decode(codes.transpose(0, 1)))


def _strip(state: Dict[str, torch.Tensor], prefix: str) -> Dict[str, torch.Tensor]:
    return {k[len(prefix):]: v for k, v in state.items() if k.startswith(prefix)}


def load_encodec(state: Dict[str, torch.Tensor]) -> Encodec:
    """Builds the model from a published-format state dict; widths, LSTM depth and codebooks are read
    from it. Raises ValueError naming what is missing or inconsistent."""
    if not isinstance(state, dict) or 'encoder.model.0.conv.conv.weight_v' not in state:
        raise ValueError('not an EnCodec state dict: encoder.model.0.conv.conv.weight_v is missing')
    stages = sorted(int(m.group(1)) for key in state for m in [_CODEBOOK.match(key)] if m)
    if not stages or stages != list(range(len(stages))):
        raise ValueError('quantizer.vq.layers.<i>._codebook.embed must exist for i = 0, 1, ... without gaps')
    codebooks = torch.stack([state[f'quantizer.vq.layers.{i}._codebook.embed'].float() for i in stages])
    n_filters = state['encoder.model.0.conv.conv.weight_v'].shape[0]
    dimension = codebooks.shape[2]
    lstm_layers = len({key for key in state if re.match(r'^encoder\.model\.\d+\.lstm\.weight_ih_l\d+$', key)})
    model = Encodec(n_filters, dimension, codebooks, lstm_layers)
    model_state = {k: v for k, v in state.items() if not k.startswith('quantizer.')}
    model_state.update({f'quantizer.{k}': v for k, v in model.quantizer.state_dict().items()})
    missing, unexpected = model.load_state_dict(model_state, strict=False)
    if missing or unexpected:
        raise ValueError(f'checkpoint does not match EnCodec 24 kHz: missing {missing[:5]}, unexpected {unexpected[:5]}')
    model.eval()
    return model


def quantizer_tensors(model: Encodec) -> Dict[str, torch.Tensor]:
    """The codebooks under the names core's `residual-vq` reads: `layers.<i>._codebook.embed` `[K, D]`."""
    return {f'layers.{i}._codebook.embed': book.clone() for i, book in enumerate(model.quantizer.codebooks)}
