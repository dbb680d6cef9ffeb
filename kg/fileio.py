"""Files written whole: to a temporary file beside the target, then renamed,
so a failure or a kill leaves the previous file in place."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


# mkstemp creates files only their owner may read; an export or a report is
# for others too (a graph database, a web server), so it gets the mode an
# ordinary new file would have under the process's umask
FILE_MODE = _default_mode()


def temporary_beside(path: Path, infix: str = "") -> tuple[int, str]:
    """A new temporary file in `path`'s folder, named after it, with FILE_MODE."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{infix}", dir=path.parent)
    os.fchmod(fd, FILE_MODE)
    return fd, tmp


def write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = temporary_beside(path)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
