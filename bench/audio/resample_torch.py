"""Python side of bench/audio (spawned by resample.mjs; /usr/bin/python3 with torch and torchaudio).

  python3 resample_torch.py DIR THREADS RUNS    times the peers on THREADS CPU threads; prints JSON

DIR holds cases.json (name, input file, rates, method) and the raw little-endian float32 inputs that
resample.mjs wrote. Peers: torchaudio.functional.resample (builds its kernel on every call),
torchaudio.transforms.Resample (kernel built once, outside the timing), and julius.resample_frac's
formula as tools/fixtures/make_audio_goldens.py implements it in torch ops (julius is not packaged
for Debian; the re-implementation was checked bit for bit against julius's own code). Each output
of the first peer (functional / julius) is written to DIR/<name>.torch.f32 for resample.mjs to compare.
"""

import json
import os
import statistics
import sys
import time

import numpy as np
import torch
import torchaudio.functional as AF
import torchaudio.transforms as AT

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools", "fixtures"))
from make_audio_goldens import julius_resample_frac  # noqa: E402


def main():
    directory, threads, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    with open(os.path.join(directory, "cases.json")) as handle:
        cases = json.load(handle)
    results = {}
    for case in cases:
        x = torch.from_numpy(np.fromfile(os.path.join(directory, case["input"]), dtype="<f4"))[None]
        source, target = case["fromRate"], case["toRate"]
        peers = {}
        if case["method"] == "julius":
            peers["julius (torch ops)"] = lambda: julius_resample_frac(x, source, target)
        else:
            method = "sinc_interpolation" if case["method"] == "sinc-hann" else "kaiser_window"
            peers["torchaudio.functional.resample"] = lambda: AF.resample(x, source, target, resampling_method=method)
            transform = AT.Resample(source, target, resampling_method=method)
            peers["torchaudio.transforms.Resample"] = lambda: transform(x)
        timings = {}
        for peer, run in peers.items():
            with torch.no_grad():
                out = run()  # warm-up
                seconds = []
                for _ in range(runs):
                    start = time.perf_counter()
                    run()
                    seconds.append(time.perf_counter() - start)
            timings[peer] = {"median": statistics.median(seconds), "seconds": seconds}
            if len(timings) == 1:  # the functional call (or julius): what resample() matches
                out.numpy().astype("<f4").tofile(os.path.join(directory, f"{case['name']}.torch.f32"))
        results[case["name"]] = timings
    print(json.dumps(results))


if __name__ == "__main__":
    main()
