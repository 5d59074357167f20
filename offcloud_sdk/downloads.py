"""File downloads: `oc.files.download(url, dest)` and, through it, `oc.cloud.download`.

A download streams to `dest.part` in constant memory and renames it to `dest` only when it is
complete (its size matches what the server announced), so `dest` never holds a truncated file.
A transfer that breaks off resumes with `Range` from where it stopped: at once, as long as each
attempt brings bytes (`max_retries` counts attempts in a row that bring none), and on the next
call with `resume=True` when the call gave up. The API key is sent only to the API's own host
(as a header, never in the URL); Offcloud's storage links carry their own authorisation.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import cached_property
from pathlib import Path
from typing import IO, Any

import attrs
import httpx

from .answers import connection_failure, http_failure
from .exceptions import (
    APIConnectionError,
    InvalidArgumentError,
    LocalFileError,
    OffcloudError,
    UnexpectedResponseError,
)
from .logs import logger
from .redaction import masked_request, masked_url, redact
from .retries import RetryPolicy
from .safe_paths import safe_name
from .settings import Settings

DOWNLOAD_OPERATION = "files_download"
"""The name retries see: a download is safe to repeat."""
PART_SUFFIX = ".part"
_CONTENT_RANGE = re.compile(r"bytes\s+(?:(\d+)-\d+|\*)/(\d+|\*)")


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
    settings: Settings
    on_progress: OnDownloadProgress | None
    started: float = attrs.field(factory=time.monotonic)
    done: int = 0
    total: int | None = None
    failures: int = 0
    attempts: int = 0
    _file: IO[bytes] | None = None
    _attempt_start: int = 0
    _writing: bool = False
    _complete: bool = False

    @classmethod
    def start(
        cls,
        url: str,
        dest: str | os.PathLike[str],
        settings: Settings,
        *,
        resume: bool,
        on_progress: OnDownloadProgress | None,
    ) -> Transfer:
        """Check the arguments and prepare `dest` (a file path, or a folder to put it in)."""
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError):
            parsed = httpx.URL()
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise InvalidArgumentError(f"not a download link: {redact(str(url))!r}")
        target = Path(dest)
        if target.is_dir() or os.fspath(dest).endswith(("/", os.sep)):
            target = target / safe_name(parsed.path.rsplit("/", 1)[-1] or "download")
        transfer = cls(url, target, settings, on_progress)
        with transfer._local("prepare"):
            target.parent.mkdir(parents=True, exist_ok=True)
            if not resume:
                transfer.part.unlink(missing_ok=True)
        return transfer

    @cached_property
    def part(self) -> Path:
        return self.dest.with_name(self.dest.name + PART_SUFFIX)

    def next_attempt(self) -> dict[str, Any]:
        """The `stream()` arguments for the next attempt, resuming after what `part` holds."""
        with self._local("read"):
            self.done = self.part.stat().st_size if self.part.exists() else 0
        self._attempt_start = self.done
        headers = {"Accept-Encoding": "identity"}
        if self.done:
            headers["Range"] = f"bytes={self.done}-"
        key = self.settings.api_key
        if key and httpx.URL(self.url).host == httpx.URL(self.settings.base_url).host:
            headers["Authorization"] = f"Bearer {key}"
        return {
            "method": "GET",
            "url": self.url,
            "headers": headers,
            "timeout": self.settings.timeout,
        }

    def begin(self, response: httpx.Response) -> bool:
        """Read the answer's headers; True when its body is the file, to `write` to `part`."""
        self._writing = self._complete = False
        status = response.status_code
        if status == 416 and self.done:
            _, total = _content_range(response.headers.get("content-range"))
            self._complete = total == self.done
            if self._complete:
                self.total = total
            else:
                self._restart()  # the part file does not fit the file any more
            return False
        if status == 206:
            start, total = _content_range(response.headers.get("content-range"))
            if start != self.done:
                self._restart()
                return False
            self.total = total
        elif status == 200:
            self.done = 0  # the whole file: it is new, or the server ignored Range
            length = response.headers.get("content-length")
            encoded = response.headers.get("content-encoding", "identity") != "identity"
            self.total = int(length) if length and length.isdigit() and not encoded else None
        else:
            return False
        with self._local("open"):
            self._file = self.part.open("ab" if self.done else "wb")
        self._writing = True
        self._report()
        return True

    def write(self, chunk: bytes) -> None:
        assert self._file is not None
        try:  # not `with self._local(...)`: this runs for every chunk
            self._file.write(chunk)
        except OSError as exc:
            raise _local_error("write", self.part, exc) from exc
        self.done += len(chunk)
        if self.on_progress is not None:
            self._report()

    def close_file(self) -> None:
        if self._file is not None:
            with self._local("write"):
                self._file.close()
            self._file = None

    def complete(self, outcome: httpx.Response | Exception) -> bool:
        """Whether the attempt that ended with `outcome` left the whole file in `part`."""
        if isinstance(outcome, Exception):
            return False
        if self._complete:
            return True
        if self._writing and self.total is not None and self.done > self.total:
            error = UnexpectedResponseError(
                f"download {self._where()}: got {self.done} bytes, {self.total} announced"
            )
            self._restart()
            raise error
        return self._writing and (self.total is None or self.done == self.total)

    def retry_delay(self, outcome: httpx.Response | Exception, policy: RetryPolicy) -> float:
        """Seconds to wait before the next attempt; raises when the download gives up.

        `max_retries` counts attempts in a row that brought no bytes, so a link that breaks
        off every few megabytes still gets the whole file.
        """
        self.attempts += 1
        if isinstance(outcome, httpx.DecodingError):  # encoded despite `identity`: no resuming
            self._restart()
            raise self._gave_up(outcome)
        self.failures = 0 if self.done > self._attempt_start else self.failures + 1
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
            self._where(),
            self.attempts,
            self.done,
            type(outcome).__name__ if isinstance(outcome, Exception) else outcome.status_code,
            delay,
        )
        return delay

    def finish(self) -> Path:
        """Move the complete part file to `dest` and return `dest`."""
        with self._local("rename"):
            os.replace(self.part, self.dest)
        logger.info(
            "GET %s -> %s, %d bytes in %.0f ms, %d retries",
            self._where(),
            self.dest,
            self.done,
            (time.monotonic() - self.started) * 1000,
            self.attempts,
        )
        return self.dest

    def _gave_up(self, outcome: httpx.Response | Exception) -> OffcloudError:
        """The error to raise; a part file stays for a later `resume=True`."""
        secrets = [self.settings.api_key] if self.settings.api_key else []
        if isinstance(outcome, httpx.Response):  # the error keeps it: its request has the key
            outcome.request = masked_request(outcome.request)
        where = f"download {self._where()}"
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

    def _restart(self) -> None:
        with self._local("delete"):
            self.part.unlink(missing_ok=True)
        self.done = 0

    def _report(self) -> None:
        if self.on_progress is not None:
            self.on_progress(DownloadProgress(self.dest, self.done, self.total))

    def _where(self) -> str:
        return str(masked_url(httpx.URL(self.url)))

    def _local(self, action: str) -> AbstractContextManager[None]:
        return _on_disk(action, self.part)


@contextmanager
def _on_disk(action: str, path: Path) -> Iterator[None]:
    """Turn an `OSError` on the local disk into a `LocalFileError`."""
    try:
        yield
    except OSError as exc:
        if isinstance(exc, OffcloudError):
            raise
        raise _local_error(action, path, exc) from exc


def _local_error(action: str, path: Path, exc: OSError) -> LocalFileError:
    reason = exc.strerror or type(exc).__name__
    return LocalFileError(f"download: cannot {action} {path}: {reason}")


def _content_range(value: str | None) -> tuple[int | None, int | None]:
    """(first byte, total) from `bytes a-b/n` or `bytes */n`; None where absent."""
    match = _CONTENT_RANGE.match((value or "").strip())
    if match is None:
        return None, None
    first, total = match.groups()
    return (None if first is None else int(first)), (None if total == "*" else int(total))
