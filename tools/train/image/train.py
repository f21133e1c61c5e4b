"""Trains jointok-image-base (CPU, one thread, seeded, resumable).

    nice -n 15 /usr/bin/python3 tools/train/image/train.py --data /work/train-data/image \\
        --out /work/train-data/image/run-base --steps 6000 [--resume]

Images come from `data.py` (train.npz). Every step takes `--batch` random crops of `--crop` pixels from
random training images (both stored scales), flipped left-right at random; crops that are nearly flat
are mostly redrawn (wallpapers have large smooth areas that teach nothing). The loss is
L1 + 0.2·(1 − SSIM) on pixels in [0, 1] (Gaussian window 11, σ 1.5): no perceptual network (none can be
downloaded here) and no GAN (too slow to train on a CPU).

Adam (lr 1e-3, β 0.9/0.99), 200 warm-up steps, cosine decay to 5 % at `--steps`; an exponential moving
average of the weights (0.999) is what gets exported. A checkpoint is written atomically every
`--checkpoint-every` steps and at the end (`last.pt`); `--resume` continues from it with the same data
order (the generators' states are saved). `--time-limit` minutes stops early at a checkpoint.

A validation split (every 20th training image, never trained on) measures PSNR and code usage at each
checkpoint; the held-out split of data.py is only read by evaluate.py.

Retraining with more data: add packages to data.py's TRAIN_PACKAGES (or any folder of images) and rerun
data.py; on a GPU: `--device cuda --threads 0 --batch 64 --crop 128 --steps 100000` (the script is plain
PyTorch; nothing here is CPU-specific beyond the defaults).
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import os
import sys
import time
from typing import Dict, List

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import ImageTokenizer  # noqa: E402

VALIDATION_EVERY = 20
# Share of the crops drawn from each group of sources (uniform within a group): stellarium ships a
# thousand small sky-culture drawings and deep-sky photographs, the wallpapers a hundred large
# photographs and artworks, which matter most for the held-out photographs.
GROUP_WEIGHTS = {'wallpapers': 0.45, 'stellarium-photographs': 0.25, 'stellarium-deep-sky': 0.1,
                 'stellarium-sky-cultures': 0.05, 'textures': 0.15}


def source_group(record: Dict) -> str:
    path = record['path']
    if record['package'] == 'stellarium-data':
        if '/nebulae/' in path:
            return 'stellarium-deep-sky'
        if '/skycultures/' in path:
            return 'stellarium-sky-cultures'
        return 'stellarium-photographs'
    if record['package'].endswith('-textures'):
        return 'textures'
    return 'wallpapers'


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description='train the jointok-image-base FSQ tokenizer')
    parser.add_argument('--data', default='/work/train-data/image')
    parser.add_argument('--out', required=True, help='run folder (checkpoints, log)')
    parser.add_argument('--levels', default='8,5,5,5')
    parser.add_argument('--widths', default='32,96,128')
    parser.add_argument('--blocks', type=int, default=1)
    parser.add_argument('--patch', type=int, default=2)
    parser.add_argument('--steps', type=int, default=6000)
    parser.add_argument('--batch', type=int, default=16)
    parser.add_argument('--crop', type=int, default=64)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--ema', type=float, default=0.999)
    parser.add_argument('--seed', type=int, default=20240514)
    parser.add_argument('--threads', type=int, default=1)
    parser.add_argument('--device', default='cpu')
    parser.add_argument('--checkpoint-every', type=int, default=250)
    parser.add_argument('--time-limit', type=float, default=0, help='minutes; 0 = none')
    parser.add_argument('--resume', action='store_true')
    return parser.parse_args()


def load_images(path: str) -> List[np.ndarray]:
    with np.load(path) as archive:
        return [archive[k] for k in sorted(archive.files)]


def split_validation(images: List[np.ndarray], names: List[str]):
    """Every VALIDATION_EVERY-th source image (both of its scales) is validation."""
    train, validation = [], []
    for name, image in zip(names, images):
        index = int(name[1:5])
        (validation if index % VALIDATION_EVERY == VALIDATION_EVERY - 1 else train).append((name, image))
    return train, validation


def sample_batch(images: List[np.ndarray], weights: np.ndarray, rng: np.random.Generator, batch: int, crop: int) -> torch.Tensor:
    out = np.empty((batch, crop, crop, 3), dtype=np.uint8)
    for b in range(batch):
        for attempt in range(8):
            image = images[rng.choice(len(images), p=weights)]
            h, w = image.shape[:2]
            y = rng.integers(h - crop + 1)
            x = rng.integers(w - crop + 1)
            patch = image[y:y + crop, x:x + crop]
            # Nearly flat crops are redrawn (7 times at most); a few stay so that flat areas are learnt too.
            if patch.std() >= 6.0 or attempt == 7 or rng.random() < 0.1:
                break
        out[b] = patch[:, ::-1] if rng.random() < 0.5 else patch
    return torch.from_numpy(out).permute(0, 3, 1, 2).float().div(127.5).sub(1.0)


def gaussian_window(size: int = 11, sigma: float = 1.5) -> torch.Tensor:
    coords = torch.arange(size, dtype=torch.float32) - (size - 1) / 2
    g = torch.exp(-coords ** 2 / (2 * sigma ** 2))
    g = g / g.sum()
    return (g[:, None] * g[None, :]).expand(3, 1, size, size).contiguous()


def ssim(a: torch.Tensor, b: torch.Tensor, window: torch.Tensor) -> torch.Tensor:
    """Mean SSIM of images in [0, 1] (Wang et al. 2004: Gaussian window, K1 0.01, K2 0.03, valid)."""
    c1, c2 = 0.01 ** 2, 0.03 ** 2
    mu_a = F.conv2d(a, window, groups=3)
    mu_b = F.conv2d(b, window, groups=3)
    var_a = F.conv2d(a * a, window, groups=3) - mu_a ** 2
    var_b = F.conv2d(b * b, window, groups=3) - mu_b ** 2
    cov = F.conv2d(a * b, window, groups=3) - mu_a * mu_b
    s = ((2 * mu_a * mu_b + c1) * (2 * cov + c2)) / ((mu_a ** 2 + mu_b ** 2 + c1) * (var_a + var_b + c2))
    return s.mean()


def lr_at(step: int, total: int, base: float) -> float:
    if step < 200:
        return base * (step + 1) / 200
    progress = min(1.0, (step - 200) / max(1, total - 200))
    return base * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * progress)))


@torch.no_grad()
def validate(model: ImageTokenizer, validation: List[np.ndarray], device: str) -> Dict[str, float]:
    """PSNR and code usage on the centre 128x128 (or smaller, a multiple of the downsampling) of
    each validation image."""
    model.eval()
    mse_sum, count, codes = 0.0, 0, []
    f = model.downsample
    for image in validation:
        h, w = image.shape[:2]
        s = min(128, h // f * f, w // f * f)
        y, x = (h - s) // 2, (w - s) // 2
        t = torch.from_numpy(np.ascontiguousarray(image[y:y + s, x:x + s])).permute(2, 0, 1)[None].float().div(127.5).sub(1).to(device)
        z = model.encoder(t)
        codes.append(model.fsq.codes(z).flatten())
        recon = model.decoder(model.fsq(z)).clamp(-1, 1)
        mse_sum += float(((recon - t) / 2).pow(2).mean())
        count += 1
    all_codes = torch.cat(codes)
    counts = torch.unique(all_codes, return_counts=True)[1].double()
    p = counts / counts.sum()
    model.train()
    return {'psnr': 10 * math.log10(1 / (mse_sum / count)), 'usage': len(counts) / model.fsq.codebook_size,
            'distinct': len(counts), 'entropyBits': float(-(p * p.log2()).sum()), 'tokens': int(all_codes.numel())}


def save_checkpoint(path: str, state: Dict) -> None:
    tmp = path + '.tmp'
    torch.save(state, tmp)
    os.replace(tmp, path)


def main() -> None:
    args = parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    levels = [int(v) for v in args.levels.split(',')]
    widths = [int(v) for v in args.widths.split(',')]
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)

    with np.load(os.path.join(args.data, 'train.npz')) as archive:
        names = sorted(archive.files)
        images = [archive[k] for k in names]
    with open(os.path.join(args.data, 'images.json'), encoding='utf-8') as handle:
        records = [r for r in json.load(handle)['images'] if r['split'] == 'train']
    train_pairs, validation_pairs = split_validation(images, names)
    train_pairs = [(name, im) for name, im in train_pairs if min(im.shape[:2]) >= args.crop]
    train_images = [im for _, im in train_pairs]
    groups = [source_group(records[int(name[1:5])]) for name, _ in train_pairs]
    group_sizes = {g: groups.count(g) for g in set(groups)}
    weights = np.array([GROUP_WEIGHTS[g] / group_sizes[g] for g in groups])
    weights /= weights.sum()
    print('training crops per group', {g: f'{GROUP_WEIGHTS[g]:.2f} over {n} arrays' for g, n in sorted(group_sizes.items())}, flush=True)
    validation = [im for name, im in validation_pairs if name.endswith('_288')]

    model = ImageTokenizer(levels, widths, args.blocks, args.patch).to(args.device)
    ema = copy.deepcopy(model).eval()
    for p in ema.parameters():
        p.requires_grad_(False)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.99))
    window = gaussian_window().to(args.device)
    step, trained_seconds = 0, 0.0
    last = os.path.join(args.out, 'last.pt')
    if args.resume and os.path.exists(last):
        state = torch.load(last, map_location=args.device)
        model.load_state_dict(state['model'])
        ema.load_state_dict(state['ema'])
        optimizer.load_state_dict(state['optimizer'])
        rng.bit_generator.state = state['numpy_rng']
        torch.set_rng_state(state['torch_rng'])
        step, trained_seconds = state['step'], state['trained_seconds']
        print(f'resumed at step {step} ({trained_seconds / 60:.1f} min trained)', flush=True)
    params = sum(p.numel() for p in model.parameters())
    print(f'config {model.config} downsample {model.downsample} codebook {model.fsq.codebook_size} params {params} '
          f'train images {len(train_images)} validation images {len(validation)}', flush=True)
    log = open(os.path.join(args.out, 'log.jsonl'), 'a', encoding='utf-8')

    def checkpoint() -> None:
        metrics = validate(ema, validation, args.device)
        save_checkpoint(last, {'model': model.state_dict(), 'ema': ema.state_dict(), 'optimizer': optimizer.state_dict(),
                               'numpy_rng': rng.bit_generator.state, 'torch_rng': torch.get_rng_state(), 'step': step,
                               'trained_seconds': trained_seconds, 'config': model.config, 'args': vars(args),
                               'validation': metrics})
        record = {'step': step, 'minutes': round(trained_seconds / 60, 2), **metrics}
        log.write(json.dumps(record) + '\n')
        log.flush()
        print('checkpoint', record, flush=True)

    started = time.time()
    window_loss, window_psnr, window_n = 0.0, 0.0, 0
    while step < args.steps:
        t0 = time.time()
        x = sample_batch(train_images, weights, rng, args.batch, args.crop).to(args.device)
        for group in optimizer.param_groups:
            group['lr'] = lr_at(step, args.steps, args.lr)
        recon = model(x)
        a, b = (recon + 1) / 2, (x + 1) / 2
        l1 = (a - b).abs().mean()
        loss = l1 + 0.2 * (1 - ssim(a, b, window))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        with torch.no_grad():
            decay = min(args.ema, (1 + step) / (10 + step))
            for pe, pm in zip(ema.parameters(), model.parameters()):
                pe.mul_(decay).add_(pm.detach(), alpha=1 - decay)
            for be, bm in zip(ema.buffers(), model.buffers()):
                be.copy_(bm)
            window_psnr += float(10 * torch.log10(1 / (a.clamp(0, 1) - b).pow(2).mean()))
        window_loss += float(loss)
        window_n += 1
        step += 1
        trained_seconds += time.time() - t0
        if step % 50 == 0:
            print(f'step {step} loss {window_loss / window_n:.4f} psnr {window_psnr / window_n:.2f} '
                  f'lr {optimizer.param_groups[0]["lr"]:.2e} {trained_seconds / step:.2f}s/step', flush=True)
            window_loss, window_psnr, window_n = 0.0, 0.0, 0
        out_of_time = args.time_limit > 0 and time.time() - started > args.time_limit * 60
        if step % args.checkpoint_every == 0 or step == args.steps or out_of_time:
            checkpoint()
        if out_of_time:
            print(f'time limit reached at step {step}', flush=True)
            break
    log.close()


if __name__ == '__main__':
    main()
