"""Reads safetensors files without the `safetensors` package (not in Debian): 8-byte little-endian header
length, JSON header, raw little-endian data. Float16 and bfloat16 tensors are returned as stored."""

from __future__ import annotations

import json
import struct
from typing import Dict

import numpy as np
import torch

_NUMPY = {'F64': '<f8', 'F32': '<f4', 'F16': '<f2', 'I64': '<i8', 'I32': '<i4', 'I16': '<i2', 'I8': 'i1', 'U8': 'u1', 'BOOL': '?'}


def read_safetensors(path: str) -> Dict[str, torch.Tensor]:
    with open(path, 'rb') as handle:
        data = handle.read()
    if len(data) < 8:
        raise ValueError(f'{path}: too short for a safetensors file')
    (length,) = struct.unpack('<Q', data[:8])
    if 8 + length > len(data):
        raise ValueError(f'{path}: header length {length} exceeds the file')
    header = json.loads(data[8:8 + length].decode('utf-8'))
    start = 8 + length
    tensors: Dict[str, torch.Tensor] = {}
    for name, entry in header.items():
        if name == '__metadata__':
            continue
        begin, end = entry['data_offsets']
        raw = data[start + begin:start + end]
        dtype, shape = entry['dtype'], entry['shape']
        if dtype == 'BF16':
            bits = np.frombuffer(raw, dtype='<u2').astype(np.uint32) << 16
            tensors[name] = torch.from_numpy(bits.view(np.float32).reshape(shape).copy())
        elif dtype in _NUMPY:
            tensors[name] = torch.from_numpy(np.frombuffer(raw, dtype=_NUMPY[dtype]).reshape(shape).copy())
        else:
            raise ValueError(f'{path}: tensor {name} has unsupported dtype {dtype}')
    return tensors
