"""Shared plumbing of the export scripts in tools/export/.

Every export script has the same command line:

    /usr/bin/python3 tools/export/<family>.py --checkpoint <file> --out <folder> [--variant <name>]

and writes a jointok model folder: ONNX graphs, a safetensors file with the quantizer's weights (and any
other small tensors), and `jointok.json`, whose `files` list carries each file's sha256 and size.

This module holds what every script needs: the argument parser, a dependency-free safetensors writer,
a deterministic ONNX export, and the manifest writer. Nothing here knows a model family.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import struct
from typing import Any, Callable, Dict, Iterable, Mapping, Optional, Sequence

import torch

MANIFEST_VERSION = 1
MANIFEST_FILE = 'jointok.json'
DEFAULT_OPSET = 17

# safetensors dtype names, as the format's specification spells them.
_SAFETENSORS_DTYPES = {
    torch.float64: 'F64',
    torch.float32: 'F32',
    torch.float16: 'F16',
    torch.bfloat16: 'BF16',
    torch.int64: 'I64',
    torch.int32: 'I32',
    torch.int16: 'I16',
    torch.int8: 'I8',
    torch.uint8: 'U8',
    torch.bool: 'BOOL',
}


def parse_export_args(description: str, variants: Sequence[str], default_variant: Optional[str] = None,
                      configure: Optional[Callable[[argparse.ArgumentParser], None]] = None) -> argparse.Namespace:
    """The command line every export script shares: --checkpoint, --out, --variant, --opset; `configure`
    adds a family's own options (e.g. which weight copy of a checkpoint to export)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument('--checkpoint', required=True, help='checkpoint file as its authors publish it')
    parser.add_argument('--out', required=True, help='folder to write the jointok model repository into')
    parser.add_argument('--variant', choices=list(variants), default=default_variant or variants[0],
                        help='published model variant (default: %(default)s)')
    parser.add_argument('--opset', type=int, default=DEFAULT_OPSET, help='ONNX opset (default: %(default)s)')
    if configure is not None:
        configure(parser)
    return parser.parse_args()


def sha256_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, 'rb') as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b''):
            digest.update(chunk)
    return digest.hexdigest()


def write_safetensors(path: str, tensors: Mapping[str, torch.Tensor], metadata: Optional[Mapping[str, str]] = None) -> None:
    """Writes tensors in the safetensors format (8-byte little-endian header length, JSON header, raw
    little-endian data), names sorted, the header padded with spaces to a multiple of 8 bytes so that
    every tensor starts 8-byte aligned. Written without the `safetensors` package (not in Debian)."""
    header: Dict[str, Any] = {}
    if metadata:
        header['__metadata__'] = {str(k): str(v) for k, v in metadata.items()}
    blobs = []
    offset = 0
    for name in sorted(tensors):
        tensor = tensors[name].detach().contiguous().cpu()
        if tensor.dtype not in _SAFETENSORS_DTYPES:
            raise ValueError(f'{name}: dtype {tensor.dtype} has no safetensors name')
        raw = _tensor_bytes(tensor)
        header[name] = {'dtype': _SAFETENSORS_DTYPES[tensor.dtype], 'shape': list(tensor.shape),
                        'data_offsets': [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
        pad = (-offset) % 8
        if pad:
            blobs.append(b'\0' * pad)
            # The padding belongs to no tensor; the next one starts aligned.
            offset += pad
    encoded = json.dumps(header, separators=(',', ':'), sort_keys=False).encode('utf-8')
    encoded += b' ' * ((-len(encoded)) % 8)
    with open(path, 'wb') as handle:
        handle.write(struct.pack('<Q', len(encoded)))
        handle.write(encoded)
        for blob in blobs:
            handle.write(blob)


def _tensor_bytes(tensor: torch.Tensor) -> bytes:
    if tensor.dtype == torch.bfloat16:
        # numpy has no bfloat16: reinterpret the bits as int16.
        return tensor.view(torch.int16).numpy().astype('<i2').tobytes()
    array = tensor.numpy()
    return array.astype(array.dtype.newbyteorder('<')).tobytes()


def export_onnx(module: torch.nn.Module, example_inputs: tuple, path: str, input_names: Sequence[str],
                output_names: Sequence[str], dynamic_axes: Optional[Mapping[str, Mapping[int, str]]] = None,
                opset: int = DEFAULT_OPSET) -> None:
    """torch.onnx.export in eval mode with constant folding, then the doc strings (which hold local
    source paths) removed so that the bytes depend only on the weights and the code."""
    import onnx  # imported late: only export scripts need it

    module.eval()
    with torch.no_grad():
        torch.onnx.export(module, example_inputs, path, input_names=list(input_names), output_names=list(output_names),
                          dynamic_axes={k: dict(v) for k, v in (dynamic_axes or {}).items()}, opset_version=opset,
                          do_constant_folding=True)
    model = onnx.load(path)
    model.producer_name = 'jointok-export'
    model.producer_version = ''
    for node in model.graph.node:
        node.doc_string = ''
    model.graph.doc_string = ''
    onnx.checker.check_model(model)
    onnx.save(model, path)


def file_entry(folder: str, relative_path: str, role: Optional[str] = None) -> Dict[str, Any]:
    """A manifest `files[]` entry with the file's sha256 and size."""
    full = os.path.join(folder, relative_path)
    entry: Dict[str, Any] = {'path': relative_path.replace(os.sep, '/'), 'sha256': sha256_file(full), 'size': os.path.getsize(full)}
    if role is not None:
        entry['role'] = role
    return entry


def write_manifest(folder: str, manifest: Mapping[str, Any], files: Iterable[Mapping[str, Any]]) -> Dict[str, Any]:
    """Writes `jointok.json` (manifest version 1) with the given files, keys in a stable order."""
    document = {'manifestVersion': MANIFEST_VERSION, **{k: v for k, v in manifest.items() if k != 'files'}, 'files': list(files)}
    with open(os.path.join(folder, MANIFEST_FILE), 'w', encoding='utf-8') as handle:
        json.dump(document, handle, indent=2, ensure_ascii=False)
        handle.write('\n')
    return document


def load_checkpoint(path: str) -> Any:
    """torch.load on the CPU (the published checkpoints are plain pickles of state dicts)."""
    return torch.load(path, map_location='cpu')
