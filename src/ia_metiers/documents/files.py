"""The thin layer under the reader: the bytes of a path or of standard input, at most a cap,
whatever the file is (a regular file, a pipe, a FIFO, a device such as /dev/zero)."""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from ia_metiers.documents.model import DocumentError


class InputError(OSError):
    """A path that cannot be read (missing, a folder, no permission): ``strerror`` says why."""


def read_path(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most ``limit`` bytes of ``path`` (more is refused as too large); a folder is refused."""
    try:
        with open(path, "rb") as stream:
            info = os.fstat(stream.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise InputError(21, os.strerror(21))
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise DocumentError("too_large", "input", amount=limit)
            return read_capped(stream, limit)
    except IsADirectoryError as exc:
        raise InputError(exc.errno, exc.strerror) from None
    except InputError:
        raise
    except OSError as exc:
        raise InputError(exc.errno, exc.strerror or str(exc)) from None


def read_capped(stream: BinaryIO, limit: int) -> bytes:
    """Everything ``stream`` holds, read in chunks; past ``limit`` bytes, refused as too large."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise DocumentError("too_large", "input", amount=limit)
        chunks.append(chunk)
