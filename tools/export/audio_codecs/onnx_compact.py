"""Makes an exported ONNX file smaller without changing what it computes.

torch.onnx.export turns tensors that are not parameters (here the folded weights) into `Constant` nodes
and names every node and intermediate value after its module path, which for a small codec is half the
file. `compact_onnx` moves constants into initializers (named after their first consumer) and renames
nodes and intermediate values to short sequential names; graph inputs, outputs and parameter names stay.
"""

from __future__ import annotations

from typing import Dict


def compact_onnx(path: str) -> None:
    import onnx

    model = onnx.load(path)
    graph = model.graph
    if any(attribute.type in (onnx.AttributeProto.GRAPH, onnx.AttributeProto.GRAPHS) for node in graph.node for attribute in node.attribute):
        return  # subgraphs refer to outer names: leave such a graph as exported
    keep = {value.name for value in graph.input} | {value.name for value in graph.output}
    keep |= {initializer.name for initializer in graph.initializer}
    renamed: Dict[str, str] = {}
    nodes = []
    for node in graph.node:
        is_tensor_constant = node.op_type == 'Constant' and len(node.attribute) == 1 and node.attribute[0].name == 'value'
        if is_tensor_constant and node.output[0] not in keep:
            tensor = onnx.TensorProto()
            tensor.CopyFrom(node.attribute[0].t)
            tensor.name = f'c{len(renamed)}'
            renamed[node.output[0]] = tensor.name
            graph.initializer.append(tensor)
            continue
        nodes.append(node)
    for index, node in enumerate(nodes):
        node.name = f'{node.op_type}_{index}'
        for i, name in enumerate(node.input):
            if name in renamed:
                node.input[i] = renamed[name]
        for i, name in enumerate(node.output):
            if name and name not in keep:
                renamed[name] = f't{index}_{i}'
                node.output[i] = renamed[name]
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.value_info[:]
    onnx.checker.check_model(model)
    onnx.save(model, path)
