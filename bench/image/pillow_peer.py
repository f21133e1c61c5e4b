"""Pillow / torchvision side of bench/image: times the same operations on the same files as run.mjs
and prints one JSON line {case: {"ms": median, "sha256": output hash}}.

Usage: /usr/bin/python3 bench/image/pillow_peer.py DIR RUNS
"""
import hashlib
import io
import json
import os
import statistics
import sys
import time

import numpy as np
from PIL import Image
from torchvision import transforms

folder, runs = sys.argv[1], int(sys.argv[2])
files = {name: open(os.path.join(folder, name), 'rb').read() for name in ('photo.png', 'photo.jpg')}
HALF = [0.5, 0.5, 0.5]
to_tensor = transforms.Compose([transforms.ToTensor(), transforms.Normalize(HALF, HALF)])


def decode(name):
    return Image.open(io.BytesIO(files[name])).convert('RGB')


def center_crop_arr(pil_image, image_size):
    # ADM / LlamaGen center_crop_arr, as in tools/fixtures/image/make_image_goldens.py.
    while min(*pil_image.size) >= 2 * image_size:
        pil_image = pil_image.resize(tuple(x // 2 for x in pil_image.size), resample=Image.BOX)
    scale = image_size / min(*pil_image.size)
    pil_image = pil_image.resize(tuple(round(x * scale) for x in pil_image.size), resample=Image.BICUBIC)
    arr = np.array(pil_image)
    crop_y = (arr.shape[0] - image_size) // 2
    crop_x = (arr.shape[1] - image_size) // 2
    return Image.fromarray(arr[crop_y:crop_y + image_size, crop_x:crop_x + image_size])


def chameleon(img, target=512):
    s = min(img.size)
    scale = target / s
    img = img.resize((round(scale * img.size[0]), round(scale * img.size[1])), Image.LANCZOS)
    x0, y0 = (img.width - target) // 2, (img.height - target) // 2
    img = img.crop((x0, y0, x0 + target, y0 + target))
    return (np.array(img) / 255.0 * 2 - 1).transpose(2, 0, 1).astype(np.float32)


def digest(value):
    array = value.numpy() if hasattr(value, 'numpy') else np.asarray(value)
    return hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()


CASES = {
    'decode png': lambda: decode('photo.png'),
    'decode jpeg': lambda: decode('photo.jpg'),
    'jpeg + llamagen 256': lambda: to_tensor(center_crop_arr(decode('photo.jpg'), 256)),
    'jpeg + chameleon 512': lambda: chameleon(decode('photo.jpg')),
    'resize bicubic 1/4': lambda image=decode('photo.png'): image.resize((image.width // 4, image.height // 4), Image.BICUBIC),
    'resize lanczos x1.5': lambda image=decode('photo.png'): image.resize((image.width * 3 // 2, image.height * 3 // 2), Image.LANCZOS),
}

results = {}
for name, run in CASES.items():
    for _ in range(2):
        output = run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        output = run()
        times.append((time.perf_counter() - start) * 1000)
    results[name] = {'ms': statistics.median(times), 'sha256': digest(output)}
print(json.dumps(results))
