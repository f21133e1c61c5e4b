"""Vocos' "same"-padded inverse STFT, as an exportable graph.

WavTokenizer's `ISTFT(padding="same")` takes a half spectrum `[B, N/2 + 1, T]`, inverts each frame with
`torch.fft.irfft`, multiplies by a periodic Hann window, overlap-adds with hop H, trims (N - H) / 2 samples
at each end and divides by the overlap-added squared window. ONNX opset 17 has no inverse DFT that
torch 1.13 can export, and no fold, so:

* the inverse real DFT is a matrix product with cos/sin bases, `x[n] = Σ_k w_k (Re X_k cos(2πkn/N) −
  Im X_k sin(2πkn/N)) / N` with w_0 = w_{N/2} = 1 and 2 otherwise (the imaginary parts of the DC and
  Nyquist bins are ignored, as irfft does), the window folded into the bases. The bases are computed in
  the graph from integer `k·n mod N` (exact angles; a stored basis would be N²·4 bytes, 23 MB at
  N = 2400) and depend on the frame count, so constant folding leaves them out of the file;
* the overlap-add splits each frame into r = ceil(N / H) chunks of H samples and sums chunk i of frame t
  into output block t + i (r shifted pads), which needs no N×N kernel either.
"""

from __future__ import annotations

import math

import torch
from torch import nn
from torch.nn import functional as F


class SameInverseStft(nn.Module):
    def __init__(self, n_fft: int, hop_length: int):
        super().__init__()
        if (n_fft - hop_length) % 2:
            raise ValueError('"same" padding needs n_fft - hop_length to be even')
        self.n_fft = n_fft
        self.hop_length = hop_length
        self.register_buffer('window', torch.hann_window(n_fft), persistent=False)

    def reference(self, spec: torch.Tensor) -> torch.Tensor:
        """WavTokenizer's computation (irfft + fold), for checking: complex `[B, N/2 + 1, T]` → `[B, T·H]`."""
        frames = spec.shape[-1]
        pad = (self.n_fft - self.hop_length) // 2
        ifft = torch.fft.irfft(spec, self.n_fft, dim=1, norm='backward') * self.window[None, :, None]
        size = (frames - 1) * self.hop_length + self.n_fft
        y = F.fold(ifft, output_size=(1, size), kernel_size=(1, self.n_fft), stride=(1, self.hop_length))[:, 0, 0, pad:-pad]
        squares = self.window.square().expand(1, frames, -1).transpose(1, 2)
        envelope = F.fold(squares, output_size=(1, size), kernel_size=(1, self.n_fft), stride=(1, self.hop_length)).squeeze()[pad:-pad]
        return y / envelope

    def _bases(self, frames) -> tuple:
        n_fft = self.n_fft
        half = n_fft // 2 + 1
        # `frames * 0` ties the bases to the input's shape, so ONNX export computes them in the graph.
        k = torch.arange(half, dtype=torch.int64) + frames * 0
        n = torch.arange(n_fft, dtype=torch.int64)
        angle = ((k[:, None] * n[None, :]) % n_fft).to(torch.float32) * (2 * math.pi / n_fft)
        weights = torch.full((half,), 2.0 / n_fft)
        weights[0] = 1.0 / n_fft
        weights[-1] = 1.0 / n_fft if n_fft % 2 == 0 else 2.0 / n_fft
        sine_weights = weights.clone()
        sine_weights[0] = 0.0
        if n_fft % 2 == 0:
            sine_weights[-1] = 0.0
        cos = torch.cos(angle) * weights[:, None] * self.window[None, :]
        sin = torch.sin(angle) * (-sine_weights)[:, None] * self.window[None, :]
        return cos, sin

    def _overlap_add(self, frames: torch.Tensor) -> torch.Tensor:
        """`[B, N, T]` → `[B, (T + r - 1) · H]`."""
        batch, size, count = frames.shape
        hop = self.hop_length
        chunks = math.ceil(size / hop)
        if chunks * hop != size:
            frames = F.pad(frames, (0, 0, 0, chunks * hop - size))
        parts = frames.reshape(batch, chunks, hop, count)
        total = F.pad(parts[:, 0], (0, chunks - 1))
        for i in range(1, chunks):
            total = total + F.pad(parts[:, i], (i, chunks - 1 - i))
        return total.transpose(1, 2).reshape(batch, -1)

    def forward(self, real: torch.Tensor, imag: torch.Tensor) -> torch.Tensor:
        """Half spectrum as real and imaginary parts `[B, N/2 + 1, T]` → audio `[B, T·H]`."""
        count = real.shape[-1]
        cos, sin = self._bases(count)
        frames = torch.matmul(cos.t(), real) + torch.matmul(sin.t(), imag)
        pad = (self.n_fft - self.hop_length) // 2
        y = self._overlap_add(frames)
        ones = torch.ones_like(real[:1, :1, :]).expand(1, self.n_fft, count) * self.window.square()[None, :, None]
        envelope = self._overlap_add(ones)
        end = y.shape[-1] - pad
        return y[:, pad:end] / envelope[:, pad:end]
