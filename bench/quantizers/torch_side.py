"""Python side of bench/quantizers (spawned by run.mjs; /usr/bin/python3 with torch, numpy and onnx).

  python3 torch_side.py graphs DIR           writes the float32 ONNX graphs of the four operations
  python3 torch_side.py serve DIR THREADS    times torch on THREADS CPU threads, one call per request

run.mjs starts `serve` with OMP_NUM_THREADS / OPENBLAS_NUM_THREADS / MKL_NUM_THREADS set to THREADS:
torch.set_num_threads does not reach Debian's OpenBLAS, which otherwise runs its GEMMs on every core.

DIR holds the inputs run.mjs wrote (raw little-endian float32, shapes in DIR/shapes.json). Each
operation is written as its reference computes it in eval mode:

* vq-l2      lucidrains VectorQuantize (euclidean): argmax(-sqrt(clamp(|x|^2 + |e|^2 - 2 x.e, 1e-8)))
* vq-cosine  lucidrains VectorQuantize (use_cosine_sim): argmax(normalize(x, eps=1e-6) . e)
* fsq        lucidrains FSQ: round(tanh(z + shift) * half_l - offset), mixed-radix index
* rvq        EnCodec ResidualVectorQuantization: per stage argmax(-(|r|^2 - 2 r.e + |e|^2)), r -= e[idx]
"""

import json
import os
import sys
import time

import numpy as np

CHUNK = 1024  # rows per distance matrix, so that [CHUNK, K] stays in memory


def load(directory):
    with open(os.path.join(directory, "shapes.json")) as f:
        shapes = json.load(f)
    return {name: np.fromfile(os.path.join(directory, f"{name}.f32"), dtype="<f4").reshape(shape) for name, shape in shapes.items()}


def fsq_constants(levels):
    import torch

    levels_t = torch.tensor(levels, dtype=torch.int32)
    eps = 1e-3
    half_l = (levels_t - 1) * (1 + eps) / 2
    offset = torch.where(levels_t % 2 == 0, 0.5, 0.0)
    shift = (offset / half_l).atanh()
    half_width = levels_t // 2
    basis = torch.cumprod(torch.tensor([1] + levels[:-1]), dim=0, dtype=torch.int32)
    return half_l, offset, shift, half_width, basis


def torch_ops():
    import torch
    import torch.nn.functional as F

    def vq_l2(x, codebook):
        out = []
        e2 = codebook.pow(2).sum(-1)
        for start in range(0, x.shape[0], CHUNK):
            chunk = x[start : start + CHUNK]
            d = chunk.pow(2).sum(-1, keepdim=True) + e2 - 2 * chunk @ codebook.T
            out.append((-d.clamp(min=1e-8).sqrt()).argmax(-1))
        return torch.cat(out)

    def vq_cosine(x, codebook):
        out = []
        for start in range(0, x.shape[0], CHUNK):
            chunk = F.normalize(x[start : start + CHUNK], dim=-1, eps=1e-6)
            out.append((chunk @ codebook.T).argmax(-1))
        return torch.cat(out)

    half_l, offset, shift, half_width, basis = fsq_constants([8, 8, 8, 5, 5, 5])

    def fsq(z):
        bounded = (z + shift).tanh() * half_l - offset
        codes = bounded.round() / half_width
        return ((codes * half_width + half_width) * basis).sum(-1).round().to(torch.int32)

    def rvq(x, codebooks):
        residual = x
        indices = []
        for q in range(codebooks.shape[0]):
            embed = codebooks[q]
            e2 = embed.pow(2).sum(-1)
            idx = []
            for start in range(0, residual.shape[0], CHUNK):
                chunk = residual[start : start + CHUNK]
                dist = -(chunk.pow(2).sum(1, keepdim=True) - 2 * chunk @ embed.T + e2)
                idx.append(dist.argmax(-1))
            idx = torch.cat(idx)
            residual = residual - embed[idx]
            indices.append(idx)
        return torch.stack(indices, dim=1)

    return {"vq-l2": (vq_l2, ["vq_l2_x", "vq_l2_codebook"]), "vq-cosine": (vq_cosine, ["vq_cos_x", "vq_cos_codebook"]), "fsq": (fsq, ["fsq_x"]), "rvq": (rvq, ["rvq_x", "rvq_codebooks"])}


def blas_info(torch):
    """BLAS as torch was built (BLAS_INFO) and, where it is OpenBLAS, what the loaded library says."""
    config = torch.__config__.show()
    built = next((part.split("=", 1)[1] for part in config.replace(",", " ").split() if part.startswith("BLAS_INFO=")), "unknown")
    info = {"built": built}
    try:
        import ctypes

        openblas = ctypes.CDLL("libopenblas.so.0")
        openblas.openblas_get_config.restype = ctypes.c_char_p
        openblas.openblas_get_corename.restype = ctypes.c_char_p
        info["openblas"] = openblas.openblas_get_config().decode()
        info["core"] = openblas.openblas_get_corename().decode()
        info["threads"] = openblas.openblas_get_num_threads()
    except (OSError, AttributeError):
        pass
    return info


def serve(directory, threads):
    """Times one operation per request, so that run.mjs can interleave torch with the other sides.

    Prints one JSON line when ready (versions, threads, BLAS), then answers each line on stdin that
    names an operation with {"seconds", "cpuSeconds"} of one call; the first call of each operation
    (run.mjs's warm-up) also writes its codes to DIR/torch_NAME.i32. "quit" ends it.
    """
    import torch

    torch.set_num_threads(threads)
    data = load(directory)
    ops = torch_ops()
    args = {name: [torch.from_numpy(data[i]) for i in inputs] for name, (_, inputs) in ops.items()}
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "interopThreads": torch.get_num_interop_threads(), "blas": blas_info(torch)}), flush=True)
    written = set()
    with torch.no_grad():
        for line in sys.stdin:
            name = line.strip()
            if name == "quit":
                break
            fn, _ = ops[name]
            start, cpu = time.perf_counter(), time.process_time()
            result = fn(*args[name])
            seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
            if name not in written:
                result.numpy().astype("<i4").tofile(os.path.join(directory, f"torch_{name}.i32"))
                written.add(name)
            print(json.dumps({"seconds": seconds, "cpuSeconds": cpu_seconds}), flush=True)


def graphs(directory):
    import onnx
    from onnx import TensorProto as T
    from onnx import helper

    def save(name, nodes, inputs, outputs, initializers=()):
        graph = helper.make_graph(nodes, name, inputs, outputs, initializer=list(initializers))
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
        model.ir_version = 8
        onnx.checker.check_model(model)
        onnx.save(model, os.path.join(directory, f"{name}.onnx"))

    def value(name, kind, shape):
        return helper.make_tensor_value_info(name, kind, shape)

    def const(name, kind, dims, values):
        return helper.make_tensor(name, kind, dims, values)

    def distance_nodes(prefix, x, codebook, out):
        # |x|^2 + |e|^2 - 2 x.e as [N, K]
        return [
            helper.make_node("ReduceSumSquare", [x], [f"{prefix}xn"], axes=[1], keepdims=1),
            helper.make_node("ReduceSumSquare", [codebook], [f"{prefix}en"], axes=[1], keepdims=0),
            helper.make_node("Gemm", [x, codebook, f"{prefix}en"], [f"{prefix}partial"], alpha=-2.0, beta=1.0, transB=1),
            helper.make_node("Add", [f"{prefix}partial", f"{prefix}xn"], [out]),
        ]

    x = value("x", T.FLOAT, ["N", "D"])
    codebook = value("codebook", T.FLOAT, ["K", "D"])
    indices = value("indices", T.INT64, ["N"])
    save(
        "vq-l2",
        distance_nodes("", "x", "codebook", "d2")
        + [
            helper.make_node("Max", ["d2", "eps"], ["clamped"]),
            helper.make_node("Sqrt", ["clamped"], ["dist"]),
            helper.make_node("ArgMin", ["dist"], ["indices"], axis=1, keepdims=0, select_last_index=0),
        ],
        [x, codebook],
        [indices],
        [const("eps", T.FLOAT, [], [1e-8])],
    )
    save(
        "vq-cosine",
        [
            helper.make_node("ReduceL2", ["x"], ["norm"], axes=[1], keepdims=1),
            helper.make_node("Max", ["norm", "eps"], ["safe_norm"]),
            helper.make_node("Div", ["x", "safe_norm"], ["unit"]),
            helper.make_node("Gemm", ["unit", "codebook"], ["sim"], transB=1),
            helper.make_node("ArgMax", ["sim"], ["indices"], axis=1, keepdims=0, select_last_index=0),
        ],
        [x, codebook],
        [indices],
        [const("eps", T.FLOAT, [], [1e-6])],
    )
    half_l, offset, shift, half_width, basis = fsq_constants([8, 8, 8, 5, 5, 5])
    save(
        "fsq",
        [
            helper.make_node("Add", ["x", "shift"], ["shifted"]),
            helper.make_node("Tanh", ["shifted"], ["t"]),
            helper.make_node("Mul", ["t", "half_l"], ["scaled"]),
            helper.make_node("Sub", ["scaled", "offset"], ["bounded"]),
            helper.make_node("Round", ["bounded"], ["q"]),
            helper.make_node("Add", ["q", "half_width"], ["level"]),
            helper.make_node("Mul", ["level", "basis"], ["weighted"]),
            helper.make_node("ReduceSum", ["weighted", "axis1"], ["index_f"], keepdims=0),
            helper.make_node("Cast", ["index_f"], ["indices"], to=T.INT32),
        ],
        [x],
        [value("indices", T.INT32, ["N"])],
        [
            const("shift", T.FLOAT, [6], shift.tolist()),
            const("half_l", T.FLOAT, [6], half_l.tolist()),
            const("offset", T.FLOAT, [6], offset.tolist()),
            const("half_width", T.FLOAT, [6], half_width.float().tolist()),
            const("basis", T.FLOAT, [6], basis.float().tolist()),
            const("axis1", T.INT64, [1], [1]),
        ],
    )
    stages = 8
    nodes = []
    residual = "x"
    stage_indices = []
    for q in range(stages):
        nodes += [
            helper.make_node("Gather", ["codebooks", f"q{q}"], [f"e{q}"], axis=0),
            *distance_nodes(f"s{q}_", residual, f"e{q}", f"d{q}"),
            helper.make_node("ArgMin", [f"d{q}"], [f"i{q}"], axis=1, keepdims=1, select_last_index=0),
            helper.make_node("Squeeze", [f"i{q}", "axis1"], [f"flat{q}"]),
            helper.make_node("Gather", [f"e{q}", f"flat{q}"], [f"quant{q}"], axis=0),
            helper.make_node("Sub", [residual, f"quant{q}"], [f"r{q}"]),
        ]
        residual = f"r{q}"
        stage_indices.append(f"i{q}")
    nodes.append(helper.make_node("Concat", stage_indices, ["indices"], axis=1))
    save(
        "rvq",
        nodes,
        [x, value("codebooks", T.FLOAT, [stages, "K", "D"])],
        [value("indices", T.INT64, ["N", stages])],
        [const(f"q{q}", T.INT64, [], [q]) for q in range(stages)] + [const("axis1", T.INT64, [1], [1])],
    )


if __name__ == "__main__":
    command, directory = sys.argv[1], sys.argv[2]
    if command == "graphs":
        graphs(directory)
    elif command == "serve":
        serve(directory, int(sys.argv[3]))
    else:
        raise SystemExit(f"unknown command {command}; expected graphs or serve")
