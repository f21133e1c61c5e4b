"""Short intermediate value names for exported ONNX graphs.

torch names a graph's intermediate tensors after the module path
(`/encoder/down.0/block.1/norm2/InstanceNormalization_output_0`), which is a large share of a small
model's bytes. `shorten_value_names` renames them `t0`, `t1`, ... and the nodes `n0`, `n1`, ... in node order; graph
inputs and outputs and weight names stay as exported. (tools/export/llamagen.py renames the values
the same way inline.)
"""

from __future__ import annotations

from typing import Dict


def shorten_value_names(path: str) -> None:
    import onnx  # imported late: only export scripts need it

    model = onnx.load(path)
    graph = model.graph
    kept = {v.name for v in graph.input} | {v.name for v in graph.output} | {t.name for t in graph.initializer}
    renamed: Dict[str, str] = {}
    for number, node in enumerate(graph.node):
        node.name = f'n{number}'
        for index, name in enumerate(node.input):
            node.input[index] = renamed.get(name, name)
        for index, name in enumerate(node.output):
            if name and name not in kept:
                renamed[name] = f't{len(renamed)}'
                node.output[index] = renamed[name]
    for info in graph.value_info:
        info.name = renamed.get(info.name, info.name)
    onnx.checker.check_model(model)
    onnx.save(model, path)
