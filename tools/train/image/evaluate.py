"""Evaluates a trained jointok-image-base checkpoint on the held-out images, against JPEG at equal bytes.

    /usr/bin/python3 tools/train/image/evaluate.py --checkpoint <run>/last.pt --data /work/train-data/image \\
        --json packages/image/models/jointok-image-base/evaluation.json

Protocol (the canonical 256x256 input of the model card): each held-out image (data.py's held-out
packages, never seen in training or in choosing settings) is resized so that its short side is 256
(Pillow bicubic) and centre-cropped to 256x256. The tokenizer encodes it (FSQ in the reference float32
arithmetic with tanh evaluated in float64, what @jointok/core computes), decodes the codes, and the output
becomes uint8 as the model folder's postprocessing says.

- PSNR: RGB, peak 255, per image, then the mean over images.
- SSIM (Gaussian): Wang et al. 2004 - Gaussian window sigma 1.5 (truncated at 3.5 sigma, 11x11), K1 0.01,
  K2 0.03, population covariance; scikit-image with `gaussian_weights=True, sigma=1.5,
  use_sample_covariance=False`, per RGB channel, averaged.
- SSIM (scikit-image default): `structural_similarity(data_range=255, channel_axis=2)` (7x7 uniform
  window, sample covariance).
- Codebook usage: distinct codes over all held-out tokens / codebook size; also the code entropy.
- Bits per pixel: tokens x log2(codebook size) / pixels; the token stream's size in bytes is
  ceil(tokens x log2(codebook size) / 8) (no entropy coding).
- JPEG at equal bytes: Pillow's encoder (4:2:0, no optimisation), for each image the quality in 1..95
  whose file (headers included) is closest in bytes to the token stream. At 256x256 and 0.16 bpp even
  quality 1 is larger than the token stream (`jpegSmallestFileLargerThanTokens` counts those images).
- JPEG at equal PSNR: for each image the lowest quality whose PSNR reaches the tokenizer's, and its bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import os
import sys
from typing import Dict, List

import numpy as np
import torch
from PIL import Image
from skimage.metrics import structural_similarity

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import ImageTokenizer  # noqa: E402

SIZE = 256


def canonical(rgb: np.ndarray, size: int = SIZE) -> np.ndarray:
    """Short side to `size` (Pillow bicubic), then the centre size x size square."""
    h, w = rgb.shape[:2]
    scale = size / min(h, w)
    nw, nh = max(size, round(w * scale)), max(size, round(h * scale))
    resized = np.asarray(Image.fromarray(rgb).resize((nw, nh), Image.BICUBIC))
    y, x = (nh - size) // 2, (nw - size) // 2
    return np.ascontiguousarray(resized[y:y + size, x:x + size])


def to_tensor(rgb: np.ndarray) -> torch.Tensor:
    """The model folder's `to-tensor` step: (v / 255 - 0.5) / 0.5 in float32, [1, 3, H, W]."""
    t = torch.from_numpy(np.array(rgb)).permute(2, 0, 1)[None].float()
    return (t / 255 - 0.5) / 0.5


def to_uint8(x: torch.Tensor) -> np.ndarray:
    """The model folder's `to-uint8` step: round_half_even(clamp((x * 0.5 + 0.5) * 255, 0, 255))."""
    y = ((x * 0.5 + 0.5) * 255).clamp(0, 255)
    return torch.round(y)[0].permute(1, 2, 0).to(torch.uint8).numpy()


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return float('inf') if mse == 0 else 10 * math.log10(255 ** 2 / mse)


def ssim_gaussian(a: np.ndarray, b: np.ndarray) -> float:
    return float(structural_similarity(a, b, data_range=255, channel_axis=2, gaussian_weights=True, sigma=1.5,
                                       use_sample_covariance=False))


def ssim_default(a: np.ndarray, b: np.ndarray) -> float:
    return float(structural_similarity(a, b, data_range=255, channel_axis=2))


def jpeg(rgb: np.ndarray, quality: int) -> Dict:
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format='JPEG', quality=quality)
    decoded = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert('RGB'))
    return {'quality': quality, 'bytes': buffer.tell(), 'image': decoded}


def jpeg_at_bytes(rgb: np.ndarray, target: int) -> Dict:
    """The JPEG whose file size is closest to `target` bytes (ties: the smaller quality)."""
    best = None
    for quality in range(1, 96):
        candidate = jpeg(rgb, quality)
        if best is None or abs(candidate['bytes'] - target) < abs(best['bytes'] - target):
            best = candidate
        if candidate['bytes'] > 2 * target:
            break
    return best


def jpeg_at_psnr(rgb: np.ndarray, target: float) -> Dict:
    """The smallest-quality JPEG whose PSNR reaches `target` (quality 1 when even that one does)."""
    for quality in range(1, 96):
        candidate = jpeg(rgb, quality)
        if psnr(rgb, candidate['image']) >= target:
            return candidate
    return candidate


def load_model(path: str) -> ImageTokenizer:
    state = torch.load(path, map_location='cpu')
    config = state['config']
    model = ImageTokenizer(config['levels'], config['widths'], config['blocks'], config['patch'])
    model.load_state_dict(state['ema'])
    return model.eval()


def summarise(rows: List[Dict], key: str) -> float:
    return float(np.mean([r[key] for r in rows]))


def main() -> None:
    parser = argparse.ArgumentParser(description='evaluate jointok-image-base on the held-out images')
    parser.add_argument('--checkpoint', required=True)
    parser.add_argument('--data', default='/work/train-data/image')
    parser.add_argument('--json', help='write the report here')
    args = parser.parse_args()
    torch.set_num_threads(1)
    model = load_model(args.checkpoint)
    with open(os.path.join(args.data, 'images.json'), encoding='utf-8') as handle:
        records = [r for r in json.load(handle)['images'] if r['split'] == 'heldout']
    with np.load(os.path.join(args.data, 'heldout.npz')) as archive:
        arrays = [archive[k] for k in sorted(archive.files)]
    codebook = model.fsq.codebook_size
    bits_per_token = math.log2(codebook)
    rows, all_codes = [], []
    with torch.no_grad():
        for record, rgb in zip(records, arrays):
            image = canonical(rgb)
            z = model.encoder(to_tensor(image))
            codes = model.fsq.codes(z)
            recon = to_uint8(model.decoder(model.fsq.decode_codes(codes)))
            all_codes.append(codes.flatten())
            tokens = codes.numel()
            token_bytes = math.ceil(tokens * bits_per_token / 8)
            jpeg = jpeg_at_bytes(image, token_bytes)
            ours = psnr(image, recon)
            same_quality = jpeg_at_psnr(image, ours)
            rows.append({
                'package': record['package'], 'path': record['path'], 'license': record['license'],
                'tokens': tokens, 'bytes': token_bytes, 'bpp': tokens * bits_per_token / (SIZE * SIZE),
                'psnr': ours, 'ssimGaussian': ssim_gaussian(image, recon), 'ssimDefault': ssim_default(image, recon),
                'jpegQuality': jpeg['quality'], 'jpegBytes': jpeg['bytes'], 'jpegBpp': jpeg['bytes'] * 8 / (SIZE * SIZE),
                'jpegPsnr': psnr(image, jpeg['image']), 'jpegSsimGaussian': ssim_gaussian(image, jpeg['image']),
                'jpegSsimDefault': ssim_default(image, jpeg['image']),
                'jpegBytesAtEqualPsnr': same_quality['bytes'], 'jpegQualityAtEqualPsnr': same_quality['quality'],
            })
            print(f"{os.path.basename(record['path']):40s} psnr {rows[-1]['psnr']:.2f} jpeg q{jpeg['quality']} "
                  f"{jpeg['bytes']}B/{token_bytes}B psnr {rows[-1]['jpegPsnr']:.2f}", flush=True)
    codes = torch.cat(all_codes)
    counts = torch.unique(codes, return_counts=True)[1].double()
    p = counts / counts.sum()
    entropy = float(-(p * p.log2()).sum())
    photos = [r for r in rows if r['package'] == 'python3-skimage' or '/nature/' in r['path']]
    report = {
        'checkpoint': os.path.basename(args.checkpoint),
        'checkpointSha256': hashlib.sha256(open(args.checkpoint, 'rb').read()).hexdigest(),
        'protocol': f'held-out images, short side resized to {SIZE} (Pillow bicubic), centre crop {SIZE}x{SIZE}',
        'images': len(rows),
        'codebookSize': codebook,
        'downsample': model.downsample,
        'levels': model.config['levels'],
        'tokensPerImage': rows[0]['tokens'],
        'bytesPerImage': rows[0]['bytes'],
        'bitsPerPixel': rows[0]['bpp'],
        'codebookUsage': len(counts) / codebook,
        'distinctCodes': len(counts),
        'heldoutTokens': int(codes.numel()),
        'codeEntropyBits': entropy,
        'mean': {k: summarise(rows, k) for k in ['psnr', 'ssimGaussian', 'ssimDefault', 'jpegPsnr', 'jpegSsimGaussian',
                                                 'jpegSsimDefault', 'jpegBytes', 'jpegBpp', 'jpegQuality',
                                                 'jpegBytesAtEqualPsnr']},
        'meanPhotographs': {k: summarise(photos, k) for k in ['psnr', 'ssimGaussian', 'ssimDefault', 'jpegPsnr',
                                                              'jpegSsimGaussian', 'jpegSsimDefault', 'jpegBytes']},
        'photographs': len(photos),
        'jpegSmallestFileLargerThanTokens': sum(r['jpegQuality'] == 1 and r['jpegBytes'] > r['bytes'] for r in rows),
        'jointokWinsPsnr': sum(r['psnr'] > r['jpegPsnr'] for r in rows),
        'jointokWinsSsimGaussian': sum(r['ssimGaussian'] > r['jpegSsimGaussian'] for r in rows),
        'perImage': rows,
    }
    summary = {k: v for k, v in report.items() if k != 'perImage'}
    print(json.dumps(summary, indent=1))
    if args.json:
        with open(args.json, 'w', encoding='utf-8') as handle:
            json.dump(report, handle, indent=1, ensure_ascii=False)
            handle.write('\n')


if __name__ == '__main__':
    main()
