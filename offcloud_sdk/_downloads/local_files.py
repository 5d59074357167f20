"""Writing a small file so that nobody sees it half-written or can point it elsewhere."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def replace_atomically(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Write `data` to a new file beside `path` (mode 0600 from its creation) and rename it to
    `path`: readers see the old file or the whole new one, and whatever is at `path` (a file
    someone else planted, a symlink) is replaced, never written into or followed. `durable`
    also waits until the data is on the disk."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".offcloud-", suffix="~")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            if durable:
                file.flush()
                os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
