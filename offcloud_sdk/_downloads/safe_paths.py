"""File names from Offcloud made safe to write: nothing lands outside the folder asked for.

A file's path comes from the torrent, the hoster or the link, so it may hold `..`, absolute
paths, drive letters, backslashes, control characters or names Windows reserves. Each part is
cleaned by one function, `safe_name`, whether it came from a torrent or a link, and the result is
checked to resolve inside the destination folder.

A name that starts with a dot gets a `_` in front (`.bashrc` becomes `_.bashrc`): dot names are
hidden, and they are where shells, ssh, git and desktops read their settings, so nothing a server
names may hide or configure anything, whatever folder the user downloads into.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .._text import INVISIBLE
from ..exceptions import UnexpectedResponseError

_UNSAFE = re.compile(rf'[\x00-\x1f\x7f-\x9f{INVISIBLE}<>:"|?*/\\]')
"""Controls, bidi overrides (which make `exe.txt` look like `txt.exe`), invisible characters
and line separators, and what Windows refuses; separators too, since this cleans one part."""
_SEPARATORS = re.compile(r"[\\/]+")
_RESERVED = re.compile(
    r"(?i)^(con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9¹²³]|lpt[0-9¹²³])\s*(\..*)?$"
)
"""Names Windows takes for devices, whatever follows them after a dot."""
OWN_SUFFIXES = (".part", ".part.json", ".part.lock")
"""What a download keeps beside a file: a server may not name a file so (`x.part_` instead),
or it could plant a part file, its record or its lock for a later download."""
MAX_NAME = 235
"""Bytes in a name: 255, the most file systems allow, with room for a free name's ` (999)`
and `.part.json`."""


def safe_name(name: str) -> str:
    """One path part, usable as a file name on Linux, macOS and Windows."""
    cleaned = _UNSAFE.sub("_", name).strip().rstrip(". ")
    if cleaned in ("", ".", ".."):
        return "_"
    if _RESERVED.match(cleaned) or cleaned.startswith("."):
        cleaned = f"_{cleaned}"
    encoded = cleaned.encode("utf-8")
    if len(encoded) > MAX_NAME:  # keep the extension, cut the stem
        stem, dot, suffix = cleaned.rpartition(".")
        keep = suffix if dot and len(suffix) < 16 else ""
        room = MAX_NAME - len(keep.encode()) - (1 if keep else 0)
        cut = (stem if keep else cleaned).encode()[:room].decode("utf-8", "ignore")
        cleaned = f"{cut}.{keep}" if keep else cut
    # after the cut, which could otherwise make one; folded as case-insensitive file systems do
    if unicodedata.normalize("NFKC", cleaned).casefold().endswith(OWN_SUFFIXES):
        cleaned = f"{cleaned}_"
    return cleaned


def safe_parts(path: str) -> list[str]:
    """The parts of a server-given path (`/` or `\\` separated), each made safe; `.`, `..`
    and empty parts dropped."""
    return [safe_name(p) for p in _SEPARATORS.split(path) if p.strip() not in ("", ".", "..")]


def link_name(path: str) -> str:
    """The file name a link's (decoded) path ends in, made safe; `download` when it has none."""
    parts = safe_parts(path)
    return parts[-1] if parts else "download"


def safe_destination(folder: Path, path: str) -> Path:
    """Where the file at `path` (inside a download) goes under `folder`.

    Separators may be `/` or `\\`; empty parts, `.` and `..` are dropped. Raises
    `UnexpectedResponseError` if its folder would still resolve outside `folder` (through a
    symlink already in it); a symlink at the file's own name is not followed but kept, the
    file then takes a free name beside it (`part_files.claim`).
    """
    target = folder.joinpath(*(safe_parts(path) or ["download"]))
    try:
        inside = target.parent.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        inside = False
    if not inside:
        raise UnexpectedResponseError(f"file path {path!r} leads outside {folder}; not written")
    return target
