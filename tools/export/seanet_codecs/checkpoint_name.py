"""torch.hub-style checkpoint names: `<name>-<hex>.<ext>`, where `<hex>` is the first hex digits of the
file's sha256 (EnCodec's `_check_checksum` compares them before loading)."""

from __future__ import annotations

import os
import re

from export_common import sha256_file

_NAME = re.compile(r'^(?P<name>.+)-(?P<digest>[0-9a-f]{8,64})$')


class ChecksumMismatchError(Exception):
    """The sha256 of a checkpoint does not start with the digits in its file name (or the name has none)."""

    def __init__(self, path: str, expected: str, actual: str):
        self.path = path
        self.expected = expected
        self.actual = actual
        if expected:
            message = f'{path}: its name promises a sha256 starting with {expected!r}, but the file\'s sha256 is {actual}'
        else:
            message = (f'{path}: the name carries no sha256 digits (published names look like <name>-<8 hex digits>.th, '
                       f'e.g. encodec_24khz-d7cc33bc.th; keep the published name). The file\'s sha256 is {actual}')
        super().__init__(message)


def check_name_digest(path: str) -> str:
    """Verifies the digest in the file name and returns the file's full sha256.

    Raises ChecksumMismatchError when the name carries no digest (published names always do:
    `encodec_24khz-d7cc33bc.th`) or when the digest differs, as EnCodec's own loader refuses such files.
    """
    stem = os.path.splitext(os.path.basename(path))[0]
    actual = sha256_file(path)
    match = _NAME.match(stem)
    if match is None:
        raise ChecksumMismatchError(path, '', actual)
    digest = match.group('digest')
    if not actual.startswith(digest):
        raise ChecksumMismatchError(path, digest, actual)
    return actual
