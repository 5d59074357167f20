"""What a download keeps on disk, written so that no server and no stray link picks the place.

A download streams to `name.part` and keeps `name.part.json` beside it: a `PartRecord` of the
file the bytes belong to (its size, `ETag`, `Last-Modified` and link). A part without a record
that matches the server's answer is never resumed, so bytes of two files never mix. A part
fetched over several connections at once is as long as the file from its start (its size says
nothing of what is done), so its record also lists the byte ranges done (`ranges`); a record
without them (one connection, or an older version of the SDK) means the part holds the file's
first bytes, as many as it is long. Parts are
opened without following symlinks and only inside the folder the download was given; the
finished file takes a free name (`name (2).ext`) instead of replacing one already there, unless
the caller asked to overwrite.

From before it first changes its part to its end, a download holds `PartLock`, an exclusive
lock on `name.part.lock`, so that two downloads to one file (threads, tasks or processes)
never write the same part: the second fails, having written nothing. The lock is `flock`
(POSIX) or `msvcrt.locking` (Windows) on a file of its own, not on the part, since the part
is deleted and made again when a download starts over, and renamed when it ends. The system
drops such a lock when its process dies, so a crashed download blocks nothing; the empty lock
file left behind is harmless, and taken by the next.

Names are measured in bytes: most file systems allow 255 a name. A name too long for its part
file's suffixes keeps its own length, its part and record taking a shortened name of their own
(`part_of`); a name the file system refuses is cut, its extension kept (`fit_name`).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
import sys
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO

import attrs
import httpx

from .._calls.logs import logger
from ..exceptions import LocalFileError
from .local_files import replace_atomically

PART_SUFFIX = ".part"
RECORD_SUFFIX = ".json"
"""The record of `x.part` is `x.part.json`."""
LOCK_SUFFIX = ".lock"
"""The lock of `x.part` is `x.part.lock`."""
NAME_BYTES = 255
"""The longest name most file systems take (ext4, XFS, Btrfs, APFS, NTFS in UTF-16 units)."""
OWN_ROOM = len(PART_SUFFIX + RECORD_SUFFIX)
"""The bytes the longest names a download keeps beside a file add (`.part.json`, `.part.lock`)."""
SHORTER = (NAME_BYTES, 143 - OWN_ROOM, 64)
"""The lengths `fit_name` tries for a name the file system refuses (143: eCryptfs)."""
MAX_RECORD_SIZE = 64 << 10
MAX_RANGES = 2048
"""The most ranges a record may list (a download keeps a few per connection; they fit in
`MAX_RECORD_SIZE`)."""
Span = tuple[int, int]
"""Bytes `[start, end)` of a file."""
MAX_FREE_NAMES = 999
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)


@attrs.frozen
class PartRecord:
    """Which file a part file holds the start of: enough to know it is still that file."""

    total: int
    etag: str | None = None
    last_modified: str | None = None
    source: str = ""
    """A digest of the link without its query (links may carry short-lived tokens)."""
    ranges: tuple[Span, ...] | None = None
    """For a part fetched in ranges: those done, sorted and apart. None: the part holds the
    file's first bytes, as many as it is long."""

    @classmethod
    def of(cls, response: httpx.Response, total: int, url: str) -> PartRecord:
        etag, modified = _validator(response, "etag"), _validator(response, "last-modified")
        return cls(total, etag, modified, source_of(url))

    def matches(self, response: httpx.Response, total: int | None, url: str) -> bool:
        """Whether `response` (a 206 or 416) is about the same file: size, validators, link."""
        if total != self.total or source_of(url) != self.source:
            return False
        etag, modified = _validator(response, "etag"), _validator(response, "last-modified")
        return (etag is None or etag == self.etag) and (
            modified is None or modified == self.last_modified
        )

    def with_ranges(self, ranges: tuple[Span, ...] | None) -> PartRecord:
        """This record, the part now holding `ranges` (None: its first bytes, as a single
        stream writes them)."""
        return attrs.evolve(self, ranges=ranges)

    @property
    def if_range(self) -> str | None:
        """The `If-Range` value: a strong ETag, else `Last-Modified` (a weak ETag may not be)."""
        if self.etag and not self.etag.startswith("W/"):
            return self.etag
        return self.last_modified


def source_of(url: str) -> str:
    parsed = httpx.URL(url)
    where = f"{parsed.scheme}://{parsed.netloc.decode('ascii')}{parsed.path}"
    return hashlib.sha256(where.encode()).hexdigest()


def record_path(part: Path) -> Path:
    return part.with_name(part.name + RECORD_SUFFIX)


def read_record(part: Path) -> PartRecord | None:
    """The record beside `part`, or None when there is none or it is not one of ours."""
    flags = os.O_RDONLY | _NOFOLLOW | _CLOEXEC | _BINARY | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(record_path(part), flags)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # a FIFO would block forever
            return None
        raw = file.read(MAX_RECORD_SIZE + 1)
    try:
        data = json.loads(raw) if len(raw) <= MAX_RECORD_SIZE else None
        return _record_from(data)
    except (ValueError, TypeError, RecursionError):
        return None


def _record_from(data: object) -> PartRecord | None:
    if not isinstance(data, dict):
        return None
    total, source = data.get("total"), data.get("source")
    etag, modified = data.get("etag"), data.get("last_modified")
    if type(total) is not int or total < 0 or not isinstance(source, str):
        return None
    for value in (etag, modified):
        if value is not None and not (isinstance(value, str) and value.isascii()):
            return None
    return PartRecord(total, etag, modified, source, _ranges_from(data.get("ranges"), total))


def _ranges_from(value: object, total: int) -> tuple[Span, ...] | None:
    """The ranges a record lists (None when absent); `ValueError` unless they are sorted,
    apart and inside the file (the record is then not one of ours)."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) > MAX_RANGES:
        raise ValueError("not a list of ranges")
    spans: list[Span] = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 2):
            raise ValueError("not a range")
        start, end = item
        if type(start) is not int or type(end) is not int or not 0 <= start < end <= total:
            raise ValueError("not a range of the file")
        if spans and start <= spans[-1][1]:
            raise ValueError("ranges out of order")
        spans.append((start, end))
    return tuple(spans)


def write_record(part: Path, record: PartRecord) -> None:
    """Write the record atomically (a temporary file renamed over it)."""
    data = attrs.asdict(record)
    if record.ranges is None:
        del data["ranges"]  # as a single stream has always written it
    replace_atomically(record_path(part), json.dumps(data).encode())


def drop(part: Path) -> None:
    """Delete a part file and its record."""
    for path in (part, record_path(part)):
        path.unlink(missing_ok=True)


def check_within(path: Path, root: Path) -> None:
    """Raise `LocalFileError` unless `path`'s folder resolves inside `root` (already resolved):
    a folder on the way may have become a symlink since the download was planned."""
    try:
        inside = path.parent.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        inside = False
    if not inside:
        raise LocalFileError(f"download: {path.parent} leads outside {root}; not written")


def make_folders(folder: Path, within: Path) -> Path:
    """Create `folder` inside `within`, one folder at a time, each checked to be inside
    `within` before anything is made in it (so no symlink leads the making outside); returns
    `within` resolved."""
    within.mkdir(parents=True, exist_ok=True)
    root = within.resolve()
    current = within
    for name in folder.relative_to(within).parts:
        current = current / name
        check_within(current, root)
        current.mkdir(exist_ok=True)
    check_within(folder / "_", root)
    return root


def open_part(part: Path, *, append_at: int) -> IO[bytes]:
    """Open `part` for writing: appending after `append_at` bytes, or from empty when 0.

    The final path component is never followed when it is a symlink, the file must be a regular
    file, and, when appending, still hold exactly `append_at` bytes. (The caller checks the
    folder with `check_within` first.)
    """
    descriptor = _open_regular(part, os.O_APPEND if append_at else os.O_TRUNC)
    try:
        if append_at and os.fstat(descriptor).st_size != append_at:
            raise OSError(errno.EAGAIN, "changed by someone else during the download", str(part))
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "ab" if append_at else "wb")


def open_in_place(part: Path) -> int:
    """Open `part` to write at any offset (`os.pwrite`), made when missing and kept as it is
    otherwise: a descriptor, never through a symlink, of a regular file. (The caller checks
    the folder with `check_within` first.)"""
    return _open_regular(part, 0)


def _open_regular(part: Path, mode: int) -> int:
    """`part` opened to write (`mode`: `O_APPEND`, `O_TRUNC` or 0), made when missing: never
    through a symlink at its name, and only when it is a regular file."""
    flags = os.O_WRONLY | os.O_CREAT | _NOFOLLOW | _CLOEXEC | _BINARY | mode
    if not _NOFOLLOW and part.is_symlink():  # no O_NOFOLLOW (Windows): check, then open
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(part))
    descriptor = os.open(part, flags, 0o666)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(part))
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def part_of(path: Path) -> Path:
    """Where the download of `path` is kept until it is complete: `name.part`, or, when that
    and its record would be longer than a name may be, a shortened name and a digest of the
    whole one (`nam…~1a2b3c4d.part`), the same for the same name on every call."""
    name = path.name
    if name_size(name) + OWN_ROOM <= NAME_BYTES:
        return path.with_name(name + PART_SUFFIX)
    digest = hashlib.sha256(os.fsencode(name)).hexdigest()[:8]
    cut = cut_name(name, NAME_BYTES - OWN_ROOM - len(digest) - 1)
    return path.with_name(f"{cut}~{digest}{PART_SUFFIX}")


def lock_path(part: Path) -> Path:
    return part.with_name(part.name + LOCK_SUFFIX)


def name_size(name: str) -> int:
    """How many bytes `name` takes on disk."""
    return len(os.fsencode(name))


def cut_name(text: str, limit: int) -> str:
    """`text` without as many characters at its end as it takes to fit in `limit` bytes."""
    size = name_size(text)
    while size > limit and text:
        size -= name_size(text[-1])
        text = text[:-1]
    return text


def fit_name(path: Path) -> Path:
    """`path`, or, when the file system refuses its name (or its part's, or their record's
    and lock's) as too long, the name cut to the first of `SHORTER` it takes, its extension
    kept. Raises `OSError(ENAMETOOLONG)` when it takes none."""
    if not _too_long(path):
        return path
    stem, suffix = _split_name(path.name)
    for limit in SHORTER:
        candidate = path.with_name(cut_name(stem, limit - name_size(suffix)) + suffix)
        if candidate != path and not _too_long(candidate):
            return candidate
    raise OSError(errno.ENAMETOOLONG, "the file system refuses the name, even cut", str(path))


def _too_long(path: Path) -> bool:
    """Whether the file system refuses `path`'s name, or its part's, record's or lock's."""
    part = part_of(path)
    for name in (path, part, record_path(part), lock_path(part)):
        try:
            os.lstat(name)
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                return True
    return False


def taken(path: Path) -> bool:
    """Whether something is at `path`, or a part file at its part's name that no download
    recorded (someone's own `x.part`: never deleted, never resumed)."""
    if os.path.lexists(path):
        return True
    part = part_of(path)
    return os.path.lexists(part) and not os.path.lexists(record_path(part))


def free_name(path: Path, room: int | None = None) -> Path:
    """`path`, or `name (2).ext`, `name (3).ext`… : the first one that is not `taken`, its
    stem cut when needed so that it takes no more than `room` bytes (by default as many as
    `path`'s name, or 245)."""
    if not taken(path):
        return path
    stem, suffix = _split_name(path.name)
    if room is None:
        room = max(name_size(path.name), NAME_BYTES - OWN_ROOM)
    for number in range(2, MAX_FREE_NAMES + 2):
        tail = f" ({number}){suffix}"
        candidate = path.with_name(cut_name(stem, room - name_size(tail)) + tail)
        if not taken(candidate):
            return candidate
    raise LocalFileError(f"download: no free name left beside {path}")


def claim(part: Path, dest: Path, *, overwrite: bool, room: int | None = None) -> Path:
    """Move the finished `part` to `dest` and return where it went.

    With `overwrite`, a file at `dest` is replaced; otherwise the file takes `free_name(dest,
    room)`, and the move never replaces anything, even when another program takes the name
    meanwhile. (The caller checks the folder with `check_within` first.)
    """
    if overwrite:
        os.replace(part, dest)
        return dest
    for _ in range(MAX_FREE_NAMES):
        dest = free_name(dest, room)
        try:
            os.link(part, dest, follow_symlinks=False)  # fails when dest exists: no replacing
        except FileExistsError:
            continue
        except (OSError, NotImplementedError):  # no hard links here: check, then rename
            if os.path.lexists(dest):
                continue
            os.replace(part, dest)
            return dest
        part.unlink()
        return dest
    raise LocalFileError(f"download: no free name left beside {dest}")


@attrs.define
class PartLock:
    """An exclusive lock on a part file's `x.part.lock`, held for a whole download."""

    path: Path
    _descriptor: int | None

    @classmethod
    def take(cls, part: Path) -> PartLock | None:
        """Lock `part`'s lock file, made when missing (never through a symlink); None when
        another download holds it. Raises `OSError` when it cannot be made or opened."""
        path = lock_path(part)
        flags = os.O_RDWR | os.O_CREAT | _NOFOLLOW | _CLOEXEC | _BINARY
        for _ in range(MAX_FREE_NAMES):
            descriptor = os.open(path, flags | getattr(os, "O_NONBLOCK", 0), 0o600)
            try:
                if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                    raise OSError(errno.EINVAL, "not a regular file", str(path))
                if not _lock(descriptor):
                    os.close(descriptor)
                    return None
                if _is_at(descriptor, path):  # else removed by a download that just ended
                    return cls(path, descriptor)
            except BaseException:
                os.close(descriptor)
                raise
            os.close(descriptor)
        raise OSError(errno.EAGAIN, "the lock file keeps changing", str(path))

    def release(self) -> None:
        """Remove the lock file (while still holding it, and only when empty: a file with
        bytes in it is someone's, not a lock) and unlock; again does nothing."""
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        try:
            if _is_at(descriptor, self.path) and not os.fstat(descriptor).st_size:
                self.path.unlink()
        except OSError:  # Windows cannot remove an open file: it stays, harmless
            pass
        finally:
            _unlock(descriptor)
            os.close(descriptor)


def _is_at(descriptor: int, path: Path) -> bool:
    """Whether the file open as `descriptor` is still the one at `path`."""
    try:
        at = path.lstat()
    except OSError:
        return False
    mine = os.fstat(descriptor)
    return (at.st_dev, at.st_ino) == (mine.st_dev, mine.st_ino)


if sys.platform == "win32":
    import msvcrt

    def _lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    _NO_LOCKS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL}
    """`flock` errors of file systems that have no locks (some network and FUSE ones)."""

    def _lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno not in _NO_LOCKS:
                raise
            logger.debug("download: this file system has no locks; going on without one")
        return True

    def _unlock(descriptor: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_UN)


def stamp_modified(path: Path, last_modified: str | None) -> None:
    """Give the finished file the server's `Last-Modified` time, as curl -R and wget do, so a
    later run can tell it is the same file."""
    when = http_date(last_modified)
    if when is not None:
        with contextlib.suppress(OSError):
            os.utime(path, (when, when))


def http_date(value: str | None) -> float | None:
    """Seconds since the epoch from an HTTP date, or None when absent or not a date."""
    if not value or len(value) > 64:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        return None
    try:
        return when.timestamp()
    except (OverflowError, ValueError, OSError):
        return None


def _validator(response: httpx.Response, name: str) -> str | None:
    """A validator header as sent, when it is short printable ASCII (it goes back in
    `If-Range`); None otherwise."""
    value: str | None = response.headers.get(name)
    if value is None or len(value) > 200 or not (value.isascii() and value.isprintable()):
        return None
    return value


def _split_name(name: str) -> tuple[str, str]:
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or len(suffix) > 16:
        return name, ""
    return stem, f".{suffix}"
