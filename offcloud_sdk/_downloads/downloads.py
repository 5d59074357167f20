"""File downloads: `oc.files.download(url, dest)` and, through it, `oc.cloud.download`.

A download streams to `dest.part` in constant memory and renames it to `dest` only when it is
complete (its size matches what the server announced), so `dest` never holds a truncated file,
and never over a file already there (it takes a free name, `part_files.claim`) unless asked to.
A transfer that breaks off resumes with `Range` and `If-Range` from where it stopped: at once,
as long as attempts bring the file further (`max_retries` counts attempts in a row that do
not), and on the next call with `resume=True` when the call gave up, but only when the part's
record says it holds the start of this very file. A body larger than announced or encoded
despite `Accept-Encoding: identity` is refused as it arrives. The API key is sent only to the
API's own origin (as a header, never in the URL); Offcloud's storage links carry their own
authorisation.

Redirects (301, 302, 303, 307, 308) are followed here, not by httpx, at most `MAX_REDIRECTS`
in a row and only to http(s) links. The key goes only while every hop so far is on the API's
origin (scheme, host and port): once a redirect leaves it, for plain http or another host or
port, no later hop carries it, nor a query parameter holding it. `Range` and `If-Range` go on
every hop, and the part's record names the link asked for, so a redirecting link resumes.

A `Transfer` is the first request of every download and the whole of a single-stream one.
When its first answer shows that the server honours ranges and the file is large, the rest is
fetched over several connections by `segmented`; a part fetched so is as long as the file and
its record lists the ranges done, so `next_attempt` then asks for the first range missing
(`bytes=a-b`), and the part's size counts for nothing.

One download at a time writes a file: before it first changes the part (at its first answer),
a transfer takes the part's lock (`part_files.PartLock`) and holds it to the end; a second
download to the same file then raises `DownloadInProgressError` without writing anything.
The lock is taken no sooner so that a download that fails at once leaves nothing behind.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import cached_property
from pathlib import Path, PurePath
from typing import IO, Any

import attrs
import httpx

from .._calls.answer_bodies import Inflater, excerpt_inflater
from .._calls.answers import connection_failure, http_failure
from .._calls.logs import logger
from .._calls.redaction import mask_response, masked_url, redact
from .._calls.retries import RetryPolicy
from .._calls.settings import Settings
from ..exceptions import (
    APIConnectionError,
    DownloadInProgressError,
    InvalidArgumentError,
    LocalFileError,
    OffcloudError,
    UnexpectedResponseError,
)
from .part_files import (
    PartLock,
    PartRecord,
    check_within,
    claim,
    drop,
    fit_name,
    free_name,
    http_date,
    make_folders,
    name_size,
    open_part,
    part_of,
    read_record,
    record_path,
    stamp_modified,
    taken,
    write_record,
)
from .safe_paths import link_name
from .segments import first_gap

DOWNLOAD_OPERATION = "files_download"
"""The name retries see: a download is safe to repeat."""
_CONTENT_RANGE = re.compile(r"bytes\s+(?:([0-9]{1,18})-([0-9]{1,18})|\*)/([0-9]{1,18}|\*)")
_COUNT = re.compile(r"[0-9]{1,18}")
MAX_SIZE = 10**18
"""Numbers from a server are read only up to 18 digits: more is no size, and would cost."""
_PORTS = {"http": 80, "https": 443}
EXCERPT_SIZE = 64 << 10
"""How much of an answer that is not the file is read (for the error message), at the most."""
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 10
"""Redirects followed in a row (browsers and curl allow some 20; a file link needs one or two)."""


@attrs.frozen
class DownloadProgress:
    """How far one file's download is: `done` bytes of `total` (None when unknown)."""

    path: Path
    done: int
    total: int | None

    @property
    def fraction(self) -> float | None:
        """0.0 to 1.0, or None when the total is unknown."""
        return self.done / self.total if self.total else None


OnDownloadProgress = Callable[[DownloadProgress], object]


@attrs.define
class Transfer:
    """One file download's state and decisions; the sync and async drivers do the I/O."""

    url: str
    dest: Path
    """Where the file goes: the name asked for, or a free one beside it (`overwrite=False`)."""
    root: Path
    """The resolved folder nothing of this download may be written outside of."""
    settings: Settings
    on_progress: OnDownloadProgress | None
    overwrite: bool = False
    existing: Path | None = None
    """A file already at the name asked for: kept, and skipped when it is this very file."""
    resume: bool = True
    room: int | None = None
    """Bytes a free name may take, when the name had to be shortened to fit (`fit_name`)."""
    started: float = attrs.field(factory=time.monotonic)
    done: int = 0
    total: int | None = None
    failures: int = 0
    attempts: int = 0
    record: PartRecord | None = None
    _best: int = 0
    _limit: int | None = None
    _file: IO[bytes] | None = None
    _attempt_start: int = 0
    _writing: bool = False
    _complete: bool = False
    _skipped: bool = False
    _excerpt_until: float = 0.0
    _excerpt_size: int = 0
    _inflater: Inflater = attrs.field(factory=lambda: Inflater("identity"))
    _current: str = ""
    """The link of the current hop: `url`, or where a redirect led."""
    _next: str | None = None
    """Where the last answer redirected to, for the next attempt."""
    _hops: int = 0
    _away: bool = False
    """Whether a hop so far left the API's origin: the key goes no further then."""
    _lock: PartLock | None = None
    _seen_size: int = 0
    """The part's size when `next_attempt` looked: what `begin` expects it still to be."""
    _gap_end: int | None = None
    """For a part fetched in ranges: where the first range missing ends."""

    @classmethod
    def start(
        cls,
        url: str,
        dest: str | os.PathLike[str],
        settings: Settings,
        *,
        resume: bool,
        on_progress: OnDownloadProgress | None,
        overwrite: bool = False,
        within: Path | None = None,
        is_file: bool = False,
    ) -> Transfer:
        """Check the arguments and decide where the file goes; only missing folders are made
        (the part file is touched at the first answer, its lock taken then: `held`).

        `dest` is a folder to put the file in, named after the link, when `names_folder` says
        so, else the file's own path; with `is_file` it is always the file's path. A folder at
        the file's path is a `LocalFileError`. `within` is the folder the file must stay in
        (the one `cloud.download` was given); by default the folder the file goes in. A name
        the file system refuses as too long is shortened (`fit_name`), with a warning.
        """
        try:
            parsed = httpx.URL(url)
            usable = parsed.scheme in ("http", "https") and bool(parsed.host)
        except (httpx.InvalidURL, TypeError, ValueError):  # ValueError: IDNA, bad ports
            usable = False
        if not usable:
            raise InvalidArgumentError(f"not a download link: {redact(str(url))!r}")
        try:
            target = Path(dest)
            if "\0" in os.fspath(target):
                raise ValueError("embedded null byte")
            if not is_file and names_folder(dest):
                target = target / link_name(parsed.path)
        except (TypeError, ValueError) as exc:  # not a path, or one with a NUL in it
            raise InvalidArgumentError(f"dest is not a usable path: {exc}") from None
        with _on_disk("create the folder", target.parent):
            root = make_folders(target.parent, within or target.parent)
        with _on_disk("create", target, root):
            fitted, room = fit_name(target), None
            if fitted != target:
                room = name_size(fitted.name)
                logger.warning(
                    "download: the name %s (%d bytes) is too long for this file system; "
                    "shortened to %s",
                    target.name,
                    name_size(target.name),
                    fitted.name,
                )
            target = fitted
            if os.path.isdir(target) and not os.path.islink(target):
                raise LocalFileError(f"download: {target} is a folder; nothing written over it")
            existing = None
            if not overwrite and taken(target):
                existing, target = target, free_name(target, room)
        return cls(url, target, root, settings, on_progress, overwrite, existing, resume, room)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Run the transfer inside: the part's lock, which `_hold` takes before the part is
        first changed, is released on every way out."""
        try:
            yield
        finally:
            lock, self._lock = self._lock, None
            if lock is not None:
                lock.release()

    @cached_property
    def part(self) -> Path:
        return part_of(self.dest)

    @property
    def redirecting(self) -> bool:
        """Whether the last answer was a redirect to follow (its body is not worth reading)."""
        return self._next is not None

    def next_attempt(self) -> dict[str, Any]:
        """The `stream()` arguments for the next attempt, resuming after what `part` holds when
        its record says it is the start of this file: to the link, or where it redirected."""
        if self._next is None:  # from the link itself: the first attempt, or after a failure
            self._current, self._hops, self._away = self.url, 0, False
        else:
            self._current, self._next = self._next, None
        self._away = self._away or not same_origin(self._current, self.settings.base_url)
        with self.local("read"):
            self._gap_end = None
            if self._lock is None and not self.resume:
                self.record, self.done = None, 0  # not read: dropped once the lock is ours
            else:
                self.record = read_record(self.part)
                self.done = _regular_size(self.part)
            self._seen_size = self.done
            record = self.record
            if record is not None and record.ranges is not None:
                self._first_missing(record)
            elif self.done and (record is None or self.done > record.total):
                self.restart()  # not known to be this file's bytes: never mixed in
        self._attempt_start = self.done
        headers = {"Accept-Encoding": "identity"}
        record = self.record
        if record is not None and (self.done or self._gap_end is not None):
            last = "" if self._gap_end in (None, record.total) else self._gap_end - 1
            headers["Range"] = f"bytes={self.done}-{last}"
            if record.if_range:
                headers["If-Range"] = record.if_range
        return self._request(self._current, headers)

    def range_request(self, start: int, end: int) -> dict[str, Any]:
        """The `stream()` arguments for bytes `[start, end)` of the file, from where its first
        answer came (redirects resolved; the key only while on the API's origin), sent only
        if the file is still the one the part's record names."""
        assert self.record is not None
        headers = {"Accept-Encoding": "identity", "Range": f"bytes={start}-{end - 1}"}
        if self.record.if_range:
            headers["If-Range"] = self.record.if_range
        return self._request(self._current, headers)

    def _request(self, url: str, headers: dict[str, str]) -> dict[str, Any]:
        key = self.settings.api_key
        if key and not self._away:
            headers["Authorization"] = f"Bearer {key}"
        return {
            "method": "GET",
            "url": url,
            "headers": headers,
            "timeout": self.settings.timeout,
            "follow_redirects": False,  # followed by `begin`, which keeps the key home
        }

    def _first_missing(self, record: PartRecord) -> None:
        """For a part fetched in ranges, ask for the first range missing: `done` is where it
        starts, `_gap_end` where it ends. Its size says nothing of what is done, but may not
        be shorter than the ranges recorded nor longer than the file."""
        assert record.ranges is not None
        if self.done > record.total or any(end > self.done for _, end in record.ranges):
            self.restart()
            return
        gap = first_gap(record.ranges, record.total)
        self.done, self._gap_end = gap or (record.total, record.total)

    @property
    def in_ranges(self) -> bool:
        """Whether the part is one fetched in ranges (its record lists them)."""
        return self.record is not None and self.record.ranges is not None

    @property
    def gap_end(self) -> int | None:
        """For a part fetched in ranges: where the range the current answer fills ends."""
        return self._gap_end

    @property
    def limit(self) -> int | None:
        """Where the current answer's bytes end (exclusive), when known."""
        return self._limit

    def begin(self, response: httpx.Response) -> bool:
        """Read the answer's headers; True when its body is the file, to `write` to `part`."""
        self._writing = self._complete = False
        self._excerpt_until = 0.0
        self._excerpt_size = 0
        status = response.status_code
        if status in REDIRECTS and "location" in response.headers:
            self._follow(response)
            return False
        resuming = bool(self.done) or self.in_ranges
        changes_part = status in (200, 206) or (status == 416 and resuming)
        if changes_part and self._hold() and status != 200 and self._changed():
            self.restart()  # changed by another download since it was looked at
            return False
        if status == 416 and resuming:
            _, _, total = content_range(response.headers.get("content-range"))
            record = self.record
            if record is not None and record.matches(response, total, self.url):
                self._complete = self.done == record.total
            if self._complete:
                self.total = total
            else:
                self.restart()  # the part file does not fit the file any more
            return False
        if status in (200, 206):
            encoding = response.headers.get("content-encoding", "identity").strip().lower()
            if encoding not in ("", "identity"):
                raise UnexpectedResponseError(
                    f"download {self.where}: the server sent the file encoded "
                    f"({redact(encoding, self._secrets)[:40]}) although it was asked not to; "
                    "not written",
                    status_code=status,
                )
        if status == 206:
            start, end, total = content_range(response.headers.get("content-range"))
            record = self.record
            if (
                record is None
                or not record.matches(response, total, self.url)
                or start != self.done
                or end is None
                or not start <= end < record.total
            ):
                self.restart()
                return False
            self.total, self._limit = total, end + 1
        elif status == 200:
            self.done = 0  # the whole file: it is new, or the server ignored Range
            self.total = self._limit = count(response.headers.get("content-length"))
            self.record = (
                None if self.total is None else PartRecord.of(response, self.total, self.url)
            )
            with self.local("write"):
                drop(self.part)
                if self.record is not None:
                    write_record(self.part, self.record)
        else:
            return False
        if self._is_existing(response):
            self._complete = self._skipped = True
            with self.local("delete"):
                drop(self.part)
            return False
        if self.in_ranges:
            self._writing = True
            return True  # written in place by `segmented`, which reports the progress
        with self.local("open"):
            self._file = open_part(self.part, append_at=self.done)
        self._writing = True
        self._report()
        return True

    def keep_excerpt(
        self, response: httpx.Response, pieces: list[bytes], raw: bytes, now: float
    ) -> bool:
        """Add the decoded `raw` bytes of an answer that is not the file to `pieces`, kept for
        the error message; True once that is enough (64 KiB, or `total_timeout` spent on it,
        `now` being the client's clock). Decoded in bounded pieces: an error page cannot be a
        compression bomb."""
        if not self._excerpt_until:
            self._excerpt_until = now + self.settings.deadline
            self._inflater = excerpt_inflater(response)
        for piece in self._inflater.pieces(raw):
            pieces.append(piece)
            self._excerpt_size += len(piece)
            if self._excerpt_size >= EXCERPT_SIZE:
                return True
        return self._inflater.done or now > self._excerpt_until

    def write(self, chunk: bytes) -> None:
        """Append a chunk of the file to `part`; more than the answer announced is refused as
        it arrives (and the part dropped), so no server can fill the disk."""
        assert self._file is not None
        if self._limit is not None and self.done + len(chunk) > self._limit:
            error = UnexpectedResponseError(
                f"download {self.where}: more than the {self._limit} bytes announced; "
                "not written further"
            )
            self.close_file()
            self.restart()
            raise error
        try:  # not `with self.local(...)`: this runs for every chunk
            self._file.write(chunk)
        except OSError as exc:
            raise local_error("write", self.part, exc) from exc
        self.done += len(chunk)
        if self.on_progress is not None:
            self._report()

    def close_file(self) -> None:
        if self._file is not None:
            file, self._file = self._file, None
            with _on_disk("write", self.part):  # no check first: the file must be closed
                file.close()

    def complete(self, outcome: httpx.Response | Exception) -> bool:
        """Whether the attempt that ended with `outcome` left the whole file in `part` (or
        found it already at `existing`)."""
        if isinstance(outcome, Exception):
            return False
        if self._complete:
            return True
        return self._writing and (self.total is None or self.done == self.total)

    def retry_delay(self, outcome: httpx.Response | Exception, policy: RetryPolicy) -> float:
        """Seconds to wait before the next attempt; raises when the download gives up.

        `max_retries` counts attempts in a row that brought the file no further than it ever
        was, so a link that breaks off every few megabytes still gets the whole file, and a
        server that keeps sending the same start or refusing the part never gets it forever.
        """
        if self._next is not None:
            return 0.0  # a redirect: followed at once, and no attempt of its own
        self.attempts += 1
        if isinstance(outcome, httpx.DecodingError):  # an error page that cannot be decoded
            raise self._gave_up(outcome)
        if self.done > self._best:
            self._best, self.failures = self.done, 0
        else:
            self.failures += 1
        restarted = isinstance(outcome, httpx.Response) and outcome.status_code in (206, 416)
        if restarted and not self._writing:
            if self.failures > self.settings.max_retries:
                raise self._gave_up(outcome)
            return 0.0  # the part file was dropped: ask for the whole file at once
        transient = outcome if isinstance(outcome, Exception) else None
        if self._writing:  # a file answer that ended early
            transient = httpx.RemoteProtocolError("the file ended early")
        delay = policy.delay(
            DOWNLOAD_OPERATION,
            transient or outcome,
            attempt=max(self.failures - 1, 0),
            max_retries=self.settings.max_retries,
        )
        if delay is None:
            raise self._gave_up(outcome)
        logger.debug(
            "download %s: attempt %d ended at %d bytes (%s); again in %.2f s",
            self.where,
            self.attempts,
            self.done,
            type(outcome).__name__ if isinstance(outcome, Exception) else outcome.status_code,
            delay,
        )
        return delay

    def finish(self) -> Path:
        """Move the complete part file to `dest` (or a free name) and return where it is."""
        if self._skipped and self.existing is not None:
            logger.info("GET %s: %s is already this file", self.where, self.existing)
            return self.existing
        self._hold()
        with self.local("rename"):
            final = claim(self.part, self.dest, overwrite=self.overwrite, room=self.room)
            record_path(self.part).unlink(missing_ok=True)
        stamp_modified(final, self.record.last_modified if self.record is not None else None)
        if self.existing is not None:
            logger.info("download: %s holds another file; saved as %s", self.existing, final)
        logger.info(
            "GET %s -> %s, %d bytes in %.0f ms, %d retries",
            self.where,
            final,
            self.done,
            (time.monotonic() - self.started) * 1000,
            self.attempts,
        )
        return final

    def unfollowable(self) -> UnexpectedResponseError:
        """The error for a redirect whose `Location` httpx could not even make a URL of."""
        return UnexpectedResponseError(
            f"download {self.where}: redirected to something that is not a link; not followed"
        )

    def _follow(self, response: httpx.Response) -> None:
        """Take where the redirect `response` points as the next hop; raises when that is no
        http(s) link or more than `MAX_REDIRECTS` in a row. A query parameter holding the key
        does not go to another origin."""
        where = f"download {self.where}"
        self._hops += 1
        problem = None
        try:
            target = httpx.URL(self._current).join(response.headers["location"])
            if target.scheme not in ("http", "https") or not target.host:
                problem = "redirected to a link that is not http(s)"
        except (httpx.InvalidURL, TypeError, ValueError):
            problem = "redirected to something that is not a link"
        if problem is None and self._hops > MAX_REDIRECTS:
            problem = f"more than {MAX_REDIRECTS} redirects in a row"
        if problem is not None:
            mask_response(response)
            raise UnexpectedResponseError(
                f"{where}: {problem}; not followed",
                status_code=response.status_code,
                response=response,
            )
        target = target.copy_with(username=None, password=None)  # no credentials it names
        key = self.settings.api_key
        if key and not same_origin(str(target), self.settings.base_url):
            kept = [(k, v) for k, v in target.params.multi_items() if key not in v]
            if len(kept) < len(target.params.multi_items()):
                target = target.copy_with(params=kept)
        self._next = str(target)

    def _is_existing(self, response: httpx.Response) -> bool:
        """Whether the file already at the asked-for name is the one this answer is about:
        a regular file of the same size and, when the server says, the same modification time
        (downloads are given it, as `curl -R` does)."""
        existing = self.existing
        if existing is None or self.total is None:
            return False
        try:
            info = existing.lstat()
        except OSError:
            return False
        if not stat.S_ISREG(info.st_mode) or info.st_size != self.total:
            return False
        modified = http_date(response.headers.get("last-modified"))
        return modified is None or int(info.st_mtime) == int(modified)

    def _gave_up(self, outcome: httpx.Response | Exception) -> OffcloudError:
        """The error to raise; a part file stays for a later `resume=True`."""
        secrets = [self.settings.api_key] if self.settings.api_key else []
        if isinstance(outcome, httpx.Response):  # the error keeps it: its request has the key
            mask_response(outcome)
        where = f"download {self.where}"
        if isinstance(outcome, Exception):
            error: OffcloudError = connection_failure(outcome, where, secrets)
        elif self._writing:
            error = APIConnectionError(
                f"{where}: the connection ended at {self.done} of {self.total} bytes"
            )
        else:
            failure = http_failure(outcome, None, secrets)
            if failure is None:
                return UnexpectedResponseError(
                    f"{where}: HTTP {outcome.status_code} is not a file",
                    status_code=outcome.status_code,
                    response=outcome,
                )
            return failure
        if self.done:
            error.message += f"; {self.done} bytes kept in {self.part.name}: resume=True goes on"
            error.args = (error.message,)
        return error

    def _hold(self) -> bool:
        """Take the part's lock, unless held already (then False). Raises
        `DownloadInProgressError`, nothing written, when another download holds it."""
        if self._lock is not None:
            return False
        with self.local("lock"):
            lock = PartLock.take(self.part)
        if lock is None:
            raise DownloadInProgressError(
                f"download: another download is writing {self.dest} right now; wait for it "
                "to end, or pick another destination"
            )
        self._lock = lock
        return True

    def _changed(self) -> bool:
        """Whether the part is no longer what `next_attempt` found."""
        with self.local("read"):
            size = _regular_size(self.part)
            return size != self._seen_size or read_record(self.part) != self.record

    def restart(self) -> None:
        """Drop the part and its record: the next attempt starts from the first byte."""
        self._hold()
        with self.local("delete"):
            drop(self.part)
        self.done = self._seen_size = 0
        self.record = None
        self._gap_end = None

    def _report(self) -> None:
        if self.on_progress is not None:
            self.on_progress(DownloadProgress(self.dest, self.done, self.total))

    @property
    def _secrets(self) -> list[str]:
        return [self.settings.api_key] if self.settings.api_key else []

    @property
    def where(self) -> str:
        """The link, masked, for messages."""
        return str(masked_url(httpx.URL(self.url)))

    def local(self, action: str) -> AbstractContextManager[None]:
        """Where the part file is touched: errors become `LocalFileError`, and its folder is
        checked again first (it may have become a symlink out since the last look)."""
        return _on_disk(action, self.part, self.root)


def names_folder(dest: str | os.PathLike[str]) -> bool:
    """Whether `dest` names a folder to download into rather than the file's own path.

    It does when it is a folder already (or a link to one), or when its text ends in a path
    separator (`"new/"`: the folder is made). A `pathlib` path cannot end in one
    (`Path("new/")` is `Path("new")`), so a `PurePath` that does not exist and whose name has
    no extension is a folder too. Anything else is the file's path: a name with an extension,
    an existing file, or a `str` without a trailing separator (`"notes"` is a file).
    """
    text = os.fspath(dest)
    if os.path.isdir(text) or text.endswith(("/", os.sep, os.altsep or os.sep)):
        return True
    return isinstance(dest, PurePath) and not dest.suffix and not os.path.lexists(text)


def same_origin(url: str, base_url: str) -> bool:
    """Whether `url` has the scheme, host and port of `base_url`: where the key may go."""
    a, b = httpx.URL(url), httpx.URL(base_url)
    return (a.scheme, a.host, a.port or _PORTS.get(a.scheme)) == (
        b.scheme,
        b.host,
        b.port or _PORTS.get(b.scheme),
    )


def count(value: str | None) -> int | None:
    """A byte count from a header, or None when absent or not a plain number that fits."""
    if value is None or _COUNT.fullmatch(value.strip()) is None:
        return None
    return int(value.strip())


def _regular_size(path: Path) -> int:
    """The size of `path` when it is a regular file (not followed when a symlink), else 0."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return 0
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    return info.st_size


@contextmanager
def _on_disk(action: str, path: Path, root: Path | None = None) -> Iterator[None]:
    """Turn an `OSError` on the local disk into a `LocalFileError`; with `root`, refuse first
    unless `path`'s folder is inside it."""
    try:
        if root is not None:
            check_within(path, root)
        yield
    except OSError as exc:
        if isinstance(exc, OffcloudError):
            raise
        raise local_error(action, path, exc) from exc


def local_error(action: str, path: Path, exc: OSError) -> LocalFileError:
    reason = exc.strerror or type(exc).__name__
    return LocalFileError(f"download: cannot {action} {path}: {reason}")


def content_range(value: str | None) -> tuple[int | None, int | None, int | None]:
    """(first byte, last byte, total) from `bytes a-b/n` or `bytes */n`; None where absent or
    not a number that fits."""
    match = _CONTENT_RANGE.fullmatch((value or "").strip())
    if match is None:
        return None, None, None
    first, last, total = (None if part in (None, "*") else int(part) for part in match.groups())
    return first, last, total
