"""Shortens an exported ONNX file without changing what it computes: torch.onnx names every node and
intermediate value after its module path (a third of a small codec's file). Nodes become `<op>_<i>` and
intermediate values `t<i>`; graph inputs, outputs and initializers keep their names. Graphs with
subgraphs (If/Loop bodies refer to outer names) are left alone."""

from __future__ import annotations


def compact_onnx(path: str) -> None:
    import onnx

    model = onnx.load(path)
    graph = model.graph
    if any(a.type in (onnx.AttributeProto.GRAPH, onnx.AttributeProto.GRAPHS) for node in graph.node for a in node.attribute):
        return
    keep = {v.name for v in graph.input} | {v.name for v in graph.output} | {t.name for t in graph.initializer}
    renamed = {}
    for index, node in enumerate(graph.node):
        node.name = f'{node.op_type}_{index}'
        for i, name in enumerate(node.input):
            node.input[i] = renamed.get(name, name)
        for i, name in enumerate(node.output):
            if name and name not in keep:
                renamed[name] = f't{len(renamed)}'
                node.output[i] = renamed[name]
    del graph.value_info[:]
    onnx.checker.check_model(model)
    onnx.save(model, path)
