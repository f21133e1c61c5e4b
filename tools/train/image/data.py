"""Training and held-out images for jointok-image-base, from Debian packages.

    /usr/bin/python3 tools/train/image/data.py [--install] [--data /work/train-data/image]

Every image comes from a Debian package listed below, installed with apt-get (`--install`). The script
collects the raster images each package ships, drops near-duplicates (the same wallpaper in several
resolutions), records each image's package and licence (from the package's machine-readable
`/usr/share/doc/<pkg>/copyright`, or the per-image metadata where a package has it), and writes:

    <data>/images.json     every image: split, package, path, size, licence, where the licence was read
    <data>/train.npz       training images as uint8 HWC arrays, short side at most 512 and also 288
    <data>/heldout.npz     held-out images at their original size (uint8 HWC)

Nothing here goes into the repository: only this script. The packages of the held-out split are never
read by training. The packages reserved for an independent evaluation (RESERVED) are refused outright.
"""

from __future__ import annotations

import argparse
import fnmatch
import glob
import json
import os
import re
import subprocess
import sys
from typing import Dict, List, Optional, Tuple

import numpy as np
from PIL import Image

# Photographs, artwork, panoramas and textures. Split by package: no package feeds both splits.
TRAIN_PACKAGES = [
    'plasma-workspace-wallpapers',   # KDE wallpapers: photographs and artwork
    'desktop-base',                  # Debian desktop themes
    'gnome-backgrounds',             # GNOME wallpapers
    'debian-edu-artwork-buster',
    'debian-edu-artwork-emerald',
    'debian-edu-artwork-homeworld',
    'debian-edu-artwork-softwaves',
    'debian-edu-artwork-spacefun',
    'stellarium-data',               # landscape panoramas (photographs), planet maps, deep-sky photographs
    'colobot-common-textures',       # game textures
]
HELDOUT_PACKAGES = [
    'python3-skimage',               # scikit-image's sample photographs (public domain / CC0)
    'mate-backgrounds',              # MATE wallpapers: nature photographs and artwork
]
# Kept for an independent evaluation: never trained, tuned or evaluated on here.
RESERVED = ['ukui-wallpapers', 'lomiri-wallpapers*', 'visp-images-data']

EXTENSIONS = ('.png', '.jpg', '.jpeg', '.webp', '.tga')
MIN_SIDE = 128          # smaller files are icons and logos
TRAIN_SIDES = (512, 288)

# scikit-image's data folder holds test fixtures too: only these are photographs (or photographic
# textures), each with the licence its `skimage.data` docstring states.
SKIMAGE_IMAGES = {
    'astronaut.png': 'public domain (NASA)',
    'chelsea.png': 'CC0-1.0 (Stefan van der Walt)',
    'coffee.png': 'CC0-1.0 (Rachel Michetti)',
    'rocket.jpg': 'public domain (SpaceX)',
    'hubble_deep_field.jpg': 'public domain (NASA)',
    'retina.jpg': 'CC0-1.0',
    'ihc.png': 'no known copyright restrictions (scikit-image)',
    'camera.png': 'CC0-1.0 (Lav Varshney)',
    'coins.png': 'no known copyright restrictions (scikit-image)',
    'grass.png': 'CC0-1.0 (CC0Textures)',
    'gravel.png': 'CC0-1.0 (CC0Textures)',
    'brick.png': 'CC0-1.0 (CC0Textures)',
}


# Packages whose copyright file is not machine-readable: the licence it states for the images shipped.
PACKAGE_LICENCES = {
    # "Image Authors: adwaita* ... Licensed under Creative Commons Attribution-ShareAlike 3.0 License."
    'gnome-backgrounds': 'CC-BY-SA-3.0',
}


def check_not_reserved(packages: List[str]) -> None:
    for package in packages:
        if any(fnmatch.fnmatch(package, pattern) for pattern in RESERVED):
            raise SystemExit(f'{package} is reserved for an independent evaluation')


def install(packages: List[str]) -> None:
    env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
    subprocess.run(['apt-get', 'install', '-y', '--no-install-recommends', *packages], check=True, env=env)


def package_files(package: str) -> List[str]:
    out = subprocess.run(['dpkg', '-L', package], check=True, capture_output=True, text=True).stdout
    return sorted(p for p in out.splitlines() if p.lower().endswith(EXTENSIONS) and os.path.isfile(p))


def read_copyright(package: str) -> List[Tuple[List[str], str]]:
    """(patterns, licence) of each `Files:` stanza of a DEP-5 copyright file, in file order."""
    path = f'/usr/share/doc/{package}/copyright'
    if not os.path.exists(path):
        return []
    stanzas = []
    with open(path, encoding='utf-8', errors='replace') as handle:
        for block in re.split(r'\n\s*\n', handle.read()):
            files = re.search(r'^Files:\s*((?:.*\n?)(?:[ \t].*\n?)*)', block, re.M)
            licence = re.search(r'^License:\s*(.*)$', block, re.M)
            if files and licence:
                stanzas.append((files.group(1).split(), licence.group(1).strip()))
    return stanzas


def licence_of(package: str, path: str, stanzas: List[Tuple[List[str], str]]) -> Tuple[str, str]:
    """The licence of an installed file and where it was read. Per-image metadata first (KDE
    wallpapers carry one), then the last copyright stanza whose pattern matches a tail of the path
    (DEP-5: later stanzas override earlier ones), then the `Files: *` stanza."""
    if package == 'python3-skimage':
        return SKIMAGE_IMAGES[os.path.basename(path)], 'skimage.data docstring'
    match = re.match(r'(/usr/share/wallpapers/[^/]+)/', path)
    if match and os.path.exists(os.path.join(match.group(1), 'metadata.json')):
        with open(os.path.join(match.group(1), 'metadata.json'), encoding='utf-8') as handle:
            meta = json.load(handle).get('KPlugin', {})
        if meta.get('License'):
            return meta['License'], os.path.join(match.group(1), 'metadata.json')
    parts = path.strip('/').split('/')
    tails = ['/'.join(parts[i:]) for i in range(len(parts))]
    found = None
    for patterns, licence in stanzas:
        if patterns == ['*']:
            found = found or licence
            continue
        if any(fnmatch.fnmatch(tail, pattern) for pattern in patterns for tail in tails):
            found = licence
    if found is None and package in PACKAGE_LICENCES:
        return PACKAGE_LICENCES[package], f'/usr/share/doc/{package}/copyright (free-form text)'
    if found is None:
        raise SystemExit(f'{path}: no licence found in /usr/share/doc/{package}/copyright')
    return found, f'/usr/share/doc/{package}/copyright'


def load_rgb(path: str) -> Optional[np.ndarray]:
    """The image as uint8 RGB; transparent pixels composited on black; None when unreadable,
    too small, or mostly transparent (landscape skies, sprites)."""
    try:
        with Image.open(path) as image:
            image.load()
            if min(image.size) < MIN_SIDE:
                return None
            if image.mode in ('RGBA', 'LA', 'PA') or (image.mode == 'P' and 'transparency' in image.info):
                rgba = image.convert('RGBA')
                alpha = np.asarray(rgba)[..., 3]
                if (alpha > 127).mean() < 0.5:
                    return None
                background = Image.new('RGBA', rgba.size, (0, 0, 0, 255))
                return np.asarray(Image.alpha_composite(background, rgba).convert('RGB'))
            return np.asarray(image.convert('RGB'))
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


def thumbnail_hash(rgb: np.ndarray) -> np.ndarray:
    """16x16 grey thumbnail of the centre square: near-equal for one picture in several sizes."""
    h, w = rgb.shape[:2]
    s = min(h, w)
    square = Image.fromarray(rgb[(h - s) // 2:(h - s) // 2 + s, (w - s) // 2:(w - s) // 2 + s])
    return np.asarray(square.convert('L').resize((16, 16), Image.BOX), dtype=np.float32)


def is_flat(rgb: np.ndarray) -> bool:
    """A solid colour or nearly so (masks, gradients of a few levels): nothing to learn."""
    return float(rgb[::4, ::4].std()) < 4.0


def resize_short_side(rgb: np.ndarray, side: int) -> np.ndarray:
    h, w = rgb.shape[:2]
    if min(h, w) <= side:
        return rgb
    scale = side / min(h, w)
    size = (max(side, round(w * scale)), max(side, round(h * scale)))
    return np.asarray(Image.fromarray(rgb).resize(size, Image.BICUBIC, reducing_gap=3.0))


def collect(packages: List[str], split: str, seen: List[np.ndarray]) -> Tuple[List[Dict], List[np.ndarray]]:
    records, arrays = [], []
    for package in packages:
        stanzas = read_copyright(package)
        files = package_files(package)
        if package == 'python3-skimage':
            files = [p for p in files if '/skimage/data/' in p and os.path.basename(p) in SKIMAGE_IMAGES]
        # Largest first, so that the kept copy of a wallpaper is its largest size.
        sized = []
        for path in files:
            try:
                with Image.open(path) as image:
                    sized.append((image.size[0] * image.size[1], path))
            except (OSError, ValueError, Image.DecompressionBombError):
                continue
        kept = 0
        for _, path in sorted(sized, key=lambda t: (-t[0], t[1])):
            rgb = load_rgb(path)
            if rgb is None or is_flat(rgb):
                continue
            thumb = thumbnail_hash(rgb)
            if any(np.abs(thumb - other).mean() < 6.0 for other in seen):
                continue
            seen.append(thumb)
            licence, licence_source = licence_of(package, path, stanzas)
            records.append({'split': split, 'package': package, 'path': path, 'width': int(rgb.shape[1]),
                            'height': int(rgb.shape[0]), 'license': licence, 'licenseSource': licence_source})
            # Training images are kept only at the scales training reads (memory: wallpapers are 5K).
            arrays.append(rgb if split == 'heldout' else [resize_short_side(rgb, side) for side in TRAIN_SIDES])
            kept += 1
        print(f'{split:8s} {package:32s} {kept:4d} of {len(files)} files', flush=True)
    return records, arrays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--data', default='/work/train-data/image', help='output folder (outside the repository)')
    parser.add_argument('--install', action='store_true', help='apt-get install the packages first')
    args = parser.parse_args()
    check_not_reserved(TRAIN_PACKAGES + HELDOUT_PACKAGES)
    if args.install:
        install(TRAIN_PACKAGES + HELDOUT_PACKAGES)
    os.makedirs(args.data, exist_ok=True)
    seen: List[np.ndarray] = []
    # Held-out first: a training image that looks like a held-out one is dropped from training.
    held_records, held_arrays = collect(HELDOUT_PACKAGES, 'heldout', seen)
    train_records, train_arrays = collect(TRAIN_PACKAGES, 'train', seen)
    np.savez(os.path.join(args.data, 'heldout.npz'), **{f'i{i:04d}': a for i, a in enumerate(held_arrays)})
    train_scaled = {}
    for i, scaled in enumerate(train_arrays):
        for side, rgb in zip(TRAIN_SIDES, scaled):
            train_scaled[f'i{i:04d}_{side}'] = rgb
    np.savez(os.path.join(args.data, 'train.npz'), **train_scaled)
    summary = {'packages': {'train': TRAIN_PACKAGES, 'heldout': HELDOUT_PACKAGES, 'reserved': RESERVED},
               'images': held_records + train_records}
    with open(os.path.join(args.data, 'images.json'), 'w', encoding='utf-8') as handle:
        json.dump(summary, handle, indent=1, ensure_ascii=False)
    print(f'{len(train_records)} training images, {len(held_records)} held-out images -> {args.data}')


if __name__ == '__main__':
    sys.exit(main())
