"""File names from Offcloud made safe to write: nothing lands outside the folder asked for.

A file's path comes from the torrent or the hoster, so it may hold `..`, absolute paths, drive
letters, backslashes, control characters or names Windows reserves. Each part is cleaned, and
the result is checked to resolve inside the destination folder.
"""

from __future__ import annotations

import re
from pathlib import Path

from .exceptions import UnexpectedResponseError

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')
_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$")
MAX_NAME = 255


def safe_name(name: str) -> str:
    """One path part, usable as a file name on Linux, macOS and Windows."""
    cleaned = _UNSAFE.sub("_", name).strip().rstrip(". ")
    if cleaned in ("", ".", ".."):
        return "_"
    if _RESERVED.match(cleaned):
        cleaned = f"_{cleaned}"
    encoded = cleaned.encode("utf-8")
    if len(encoded) > MAX_NAME:  # keep the extension, cut the stem
        stem, dot, suffix = cleaned.rpartition(".")
        keep = suffix if dot and len(suffix) < 16 else ""
        room = MAX_NAME - len(keep.encode()) - (1 if keep else 0)
        cut = (stem if keep else cleaned).encode()[:room].decode("utf-8", "ignore")
        cleaned = f"{cut}.{keep}" if keep else cut
    return cleaned


def safe_destination(folder: Path, path: str) -> Path:
    """Where the file at `path` (inside a download) goes under `folder`.

    Separators may be `/` or `\\`; empty parts, `.` and `..` are dropped. Raises
    `UnexpectedResponseError` if the result would still resolve outside `folder` (through a
    symlink already in it).
    """
    parts = [p for p in re.split(r"[\\/]+", path) if p.strip() not in ("", ".", "..")]
    names = [safe_name(p) for p in parts] or ["download"]
    target = folder.joinpath(*names)
    root = folder.resolve()
    if not target.resolve().is_relative_to(root):
        raise UnexpectedResponseError(f"file path {path!r} leads outside {folder}; not written")
    return target
