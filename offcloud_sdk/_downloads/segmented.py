"""A download over several connections at once, its ranges written in place into the part.

`files.download` asks for the file as it always has, in one request. When the answer shows
that the server honours ranges (a 206 with the file's size, or a 200 with `Accept-Ranges:
bytes` and a length) and at least `SPLIT_FROM` bytes are left, the download goes on in
ranges: the part's record is marked as one fetched in ranges, the part is made as long as the
file (sparse: nothing written twice, nothing slow on file systems without `fallocate`), the
first answer goes on for the first range, and up to `connections - 1` more connections ask for
others (`Range: bytes=a-b`, with `If-Range`, to where the first answer came from, the key only
on the API's origin), each writing its bytes where they go (`os.pwrite` on one descriptor).
Memory stays constant: a connection holds one chunk at a time. A free connection takes the
first bytes nobody fetches, else half of the largest range left (`segments.Board`).

The part's record (`x.part.json`) lists the ranges on disk; it is written atomically every
`FLUSH_BYTES` or `FLUSH_SECONDS`, whenever a connection gives its range back, and when the
download ends; so after a crash, a kill or a give-up, `resume=True` asks for the missing
ranges only, and re-fetches at most what came since the last write of the record.

Each connection follows the single stream's policy: an attempt that brought bytes does not
count against `max_retries`; connection errors, 429 and 5xx are retried after the policy's
pause; 401/403/404/410 and other refusals end the download with their typed error. A 429 or
503 while another connection is receiving the file says the host limits connections: that
connection retires and its range is taken by the others, so 8 connections against a host
allowing 4 settle at 4. A range answered with the whole file (200), a 416 or a redirect
retires the connection too; when no connection is left and bytes are missing, the download
goes on in one stream from the first byte missing (`Ending.FALLBACK`). A range of another
version of the file (its size or validator changed) starts the download over
(`Ending.RESTART`). A disk error raises `LocalFileError`, the record listing what is on disk.

Sync runs the connections in threads, on the client's one connection pool; async in tasks.
`on_progress` is called one call at a time (from the threads, in sync), with the bytes done
across all connections.
"""

from __future__ import annotations

import enum
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import httpx

from .._calls.answer_bodies import excerpt_inflater
from .._calls.answers import connection_failure, http_failure
from .._calls.clock import Clock
from .._calls.logs import logger
from .._calls.redaction import mask_response, masked_url, redact
from .._calls.retries import REFUSED_STATUSES, RETRY_STATUSES
from .._calls.runners import AsyncRunner, SyncRunner, keep_body
from ..exceptions import (
    APIConnectionError,
    ClientClosedError,
    InvalidArgumentError,
    OffcloudError,
    UnexpectedResponseError,
)
from .downloads import (
    DOWNLOAD_OPERATION,
    EXCERPT_SIZE,
    REDIRECTS,
    DownloadProgress,
    Transfer,
    content_range,
    local_error,
)
from .part_files import PartRecord, Span, open_in_place, write_record
from .segments import WAIT, Board, Claim, merged

if TYPE_CHECKING:
    import asyncio  # imported when an async download runs: sync users do not pay for it

DEFAULT_CONNECTIONS = 8
"""Connections per file unless asked otherwise. Measured against a sandbox capping each
connection at 8 MiB/s with 20 ms to the first byte: 8 connections fetch 32 MiB 7x faster than
one (0.56 s against 4.0 s) and 64 MiB at 60 MiB/s, ahead of `aria2c -x8 -s8`. On an uncapped
loopback, where one connection already fills the CPU, they cost about a quarter (256 MiB, 2
CPUs). 8 is also what hosts that count connections tend to allow."""
MAX_CONNECTIONS = 32
SPLIT_FROM = 20 << 20
"""Bytes a download must have left to go on in ranges; less goes on in one stream. On a capped
link splitting gains at every size (4 MiB: 0.51 s against 0.17 s); on an uncapped one it costs
tens of milliseconds below 32 MiB (about 40 % at 8 to 16 MiB, even from 32 to 64 MiB). At
20 MiB (aria2's `--min-split-size`) a file that splits gains seconds where a connection is
capped and loses little where it is not, and one that does not costs the host one request."""
FLUSH_BYTES = 4 << 20
"""Bytes written between two writes of the record: at most this is fetched again after a crash."""
FLUSH_SECONDS = 1.0
CLOSED = "download: this client is closed; download inside its `with` block, or make a new one"


def connection_count(connections: object) -> int:
    """`connections` checked (a whole number from 1 to `MAX_CONNECTIONS`), or the default."""
    if connections is None:
        return DEFAULT_CONNECTIONS
    return checked_count("connections", connections, MAX_CONNECTIONS, "per file")


def checked_count(name: str, value: object, most: int, meaning: str) -> int:
    """`value` when it is a whole number from 1 to `most`; else `InvalidArgumentError` naming
    the argument `name` and what it counts (`meaning`)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgumentError(f"{name} must be a whole number, not {value!r:.40}")
    if not 1 <= value <= most:
        raise InvalidArgumentError(f"{name} must be from 1 to {most} ({meaning}), not {value}")
    return value


class Ending(enum.Enum):
    """How a download in ranges ended, when it did not raise."""

    DONE = "every byte is in the part"
    FALLBACK = "no connection gets ranges any more: go on in one stream"
    RESTART = "the file changed on the server: start over"


class _Verdict(enum.Enum):
    FILE = "the range asked for: read it"
    RETIRE = "this connection stops; its range goes to the others"
    LIMITED = "the host limits connections: pause once, then retire"
    RESTART = "another version of the file"
    RETRY = "a refusal worth another try"
    FATAL = "a refusal that ends the download"
    FAILED = "no answer"


@attrs.frozen
class Plan:
    """A download going on in ranges: how many connections, the first answer's range, and
    the ranges on disk already."""

    connections: int
    lead: Span
    done: tuple[Span, ...]


def plan(transfer: Transfer, response: httpx.Response, connections: int) -> Plan | None:
    """How the download whose first answer `transfer.begin` just took goes on in ranges, or
    None when it goes on in one stream. A part fetched in ranges always goes on so (with one
    connection when `connections` is 1: nothing it holds is fetched again)."""
    record, total, limit = transfer.record, transfer.total, transfer.limit
    if record is None or total is None or limit is None or total != record.total:
        return None
    start = transfer.done
    if record.ranges is not None:
        end = min(limit, transfer.gap_end or total)
        return Plan(connections, (start, end), record.ranges)
    if connections == 1 or total - start < SPLIT_FROM:
        return None
    accepts = response.headers.get("accept-ranges", "").lower().replace(" ", "").split(",")
    if response.status_code != 206 and "bytes" not in accepts:
        return None
    if not _room_for(transfer.part, total - start):
        logger.info(
            "download: the disk has less room than the %d bytes announced; one stream", total
        )
        return None
    return Plan(connections, (start, limit), ((0, start),) if start else ())


def _room_for(part: Path, size: int) -> bool:
    """Whether the disk of `part` has `size` bytes free: a part in ranges is made as long as
    the file at once, and no server's say-so may make a file the disk cannot hold (a file
    system without sparse files would fill up). When it cannot tell, it does not stand in the
    way."""
    try:
        return shutil.disk_usage(part.parent).free >= size
    except OSError:
        return True


class _EndedEarly(httpx.RemoteProtocolError):
    """A range answer that ended before its last byte, without an error of its own."""


class _Connection:
    """One connection of a download (what its pauses and retirements are about)."""

    __slots__ = ("refused",)

    def __init__(self) -> None:
        self.refused = False
        """Whether its last answer said the host limits connections (a second: it retires)."""


class _Excerpt:
    """The decoded start of an answer that is not the file: 64 KiB at the most, read for no
    longer than `total_timeout` on the client's clock, decoded in bounded pieces."""

    def __init__(self, response: httpx.Response, clock: Clock, until: float) -> None:
        self.pieces: list[bytes] = []
        self._size = 0
        self._inflater = excerpt_inflater(response)
        self._clock = clock
        self._until = until

    def enough(self, raw: bytes) -> bool:
        """Add `raw`; True once nothing more is worth reading."""
        for piece in self._inflater.pieces(raw):
            self.pieces.append(piece)
            self._size += len(piece)
        return self._size >= EXCERPT_SIZE or self._inflater.done or self._clock.now() > self._until


@attrs.define(eq=False)
class _Attempt:
    verdict: _Verdict
    outcome: httpx.Response | Exception | None = None
    brought: int = 0
    stop_at: int = 0


class Job:
    """One download in ranges: the part, its record, the board, and every decision the sync
    and async drivers share."""

    def __init__(self, transfer: Transfer, plan: Plan, runner: SyncRunner | AsyncRunner) -> None:
        record = transfer.record
        assert record is not None
        assert transfer.total is not None
        self.transfer = transfer
        self.plan = plan
        self.settings = runner.settings
        self.policy = runner.policy
        self.clock = runner.clock
        self.total = transfer.total
        self.part = transfer.part
        self.error: BaseException | None = None
        """What ends the download: the first refusal, disk error or interruption."""
        self.failure: OffcloudError | None = None
        """The last connection's reason to give up (retries spent)."""
        self.restarting = False
        self.attempts = 0
        self._count_lock = threading.Lock()
        self._failures = 0
        """Attempts in a row, across connections, after which no byte more was on disk."""
        self._done_at_failure = -1
        self._holders = 1
        """Who still uses `descriptor`: the caller and each connection's thread or task. The
        last one out closes it, so no write ever goes to a closed (or reused) descriptor."""
        transfer.close_file()
        self.record: PartRecord = record.with_ranges(tuple(merged(plan.done)))
        with transfer.local("write"):
            # marked as fetched in ranges before the part is longer than the bytes it holds
            write_record(self.part, self.record)
            self.descriptor = open_in_place(self.part)
        try:
            with transfer.local("write"):
                if os.fstat(self.descriptor).st_size < self.total:
                    os.ftruncate(self.descriptor, self.total)
        except BaseException:
            os.close(self.descriptor)
            raise
        self._write_lock = threading.Lock()  # only where there is no `os.pwrite` (Windows)
        self.board = Board(
            self.total,
            plan.done,
            save=self._save,
            now=self.clock.now,
            flush_bytes=FLUSH_BYTES,
            flush_seconds=FLUSH_SECONDS,
            report=self._report if transfer.on_progress is not None else None,
        )
        self.lead = self.board.claim(*plan.lead)
        logger.debug(
            "download %s: %d connections, %d of %d bytes done",
            self.where,
            plan.connections,
            self.board.done_bytes,
            self.total,
        )

    @property
    def where(self) -> str:
        return f"download {masked_url(httpx.URL(self.transfer.url))}"

    def check(self, response: httpx.Response, claim: Claim) -> _Attempt:
        """What to do with the answer to a range request for `claim`."""
        status = response.status_code
        if status == 206:
            encoding = response.headers.get("content-encoding", "identity").strip().lower()
            if encoding not in ("", "identity"):
                secrets = self._secrets
                return self._fatal(
                    UnexpectedResponseError(
                        f"{self.where}: the server sent a range encoded "
                        f"({redact(encoding, secrets)[:40]}) although it was asked not to; "
                        "not written",
                        status_code=status,
                    )
                )
            start, end, total = content_range(response.headers.get("content-range"))
            if not self.record.matches(response, total, self.transfer.url):
                return _Attempt(_Verdict.RESTART, response)
            if start != claim.position or end is None or not start <= end < self.total:
                return self._retire(response, "a range other than the one asked for")
            with self.board.lock:
                claim.streaming = True
            return _Attempt(_Verdict.FILE, response, stop_at=end + 1)
        if status == 200:
            return self._retire(response, "the whole file, not the range asked for")
        if status == 416 or status in REDIRECTS:
            return self._retire(response, f"HTTP {status}")
        if status in RETRY_STATUSES:
            if status in REFUSED_STATUSES and self.board.others_streaming(claim):
                logger.debug("%s: HTTP %d: the host limits connections", self.where, status)
                return _Attempt(_Verdict.LIMITED, response)
            return _Attempt(_Verdict.RETRY, response)
        return _Attempt(_Verdict.FATAL, response)

    def write(self, claim: Claim, chunk: bytes, stop_at: int) -> tuple[int, bool]:
        """Write what of `chunk` is still `claim`'s (and before `stop_at`) where it goes:
        (bytes written, whether to read on)."""
        if not chunk:
            return 0, True
        count = self.board.reserve(claim, min(len(chunk), stop_at - claim.position))
        if not count:
            return 0, False
        try:
            self._write_at(memoryview(chunk)[:count], claim.position)
        except OSError as exc:
            raise local_error("write", self.part, exc) from exc
        self.board.advance(claim, count)
        return count, count == len(chunk) and claim.position < min(claim.end, stop_at)

    def after(self, connection: _Connection, claim: Claim, attempt: _Attempt) -> float | None:
        """The claim's range given back after `attempt`: the pause before the connection takes
        another, or None when it stops (done, retired, given up, or the download ended)."""
        self.board.release(claim)
        verdict, outcome = attempt.verdict, attempt.outcome
        if self.board.stopped:
            return None
        if verdict is _Verdict.RESTART:
            logger.info("%s: the file changed on the server; starting over", self.where)
            self.restarting = True
            self.board.stop()
            return None
        if verdict is _Verdict.RETIRE:
            return None
        if verdict is _Verdict.LIMITED:
            return self._pause_or_retire(connection, attempt)
        connection.refused = False
        if verdict is _Verdict.FATAL:
            assert isinstance(outcome, httpx.Response)
            self.fail(self._refusal(outcome))
            return None
        if verdict is _Verdict.FILE and claim.position >= min(claim.end, attempt.stop_at):
            return 0.0
        if isinstance(outcome, httpx.DecodingError):
            self.fail(connection_failure(outcome, self.where, self._secrets))
            return None
        failures = self._count_failure(attempt.brought)
        with self._count_lock:
            self.attempts += 1  # a range that ended short or failed: a retry, for the log
        reason: httpx.Response | Exception
        if verdict is _Verdict.FILE and not isinstance(outcome, Exception):
            reason = _EndedEarly("the range ended early")
        else:
            assert outcome is not None
            reason = outcome
        delay = self.policy.delay(
            DOWNLOAD_OPERATION,
            reason,
            attempt=max(failures - 1, 0),
            max_retries=self.settings.max_retries,
        )
        if delay is None:
            self.failure = self._gave_up(reason)
            logger.debug("%s: a connection gives up (%s)", self.where, self.failure)
        return delay

    def _pause_or_retire(self, connection: _Connection, attempt: _Attempt) -> float | None:
        """After a 429/503 while others stream: the first time, a pause (`Retry-After`, or
        the policy's) and another try, since a host often counts a stream that just ended a
        little longer than it lasts; the second time in a row, the connection retires and the
        others take its range (8 against a host that allows 4 settle at 4)."""
        if connection.refused:
            logger.debug("%s: a connection retires: the host limits connections", self.where)
            return None
        connection.refused = True
        assert attempt.outcome is not None
        return self.policy.delay(
            DOWNLOAD_OPERATION,
            attempt.outcome,
            attempt=0,
            max_retries=max(self.settings.max_retries, 1),
        )

    def _count_failure(self, brought: int) -> int:
        """The attempts in a row that brought the download no further, this one included: as
        for one stream, `max_retries` counts those, but across all connections (a dead range
        is not tried again by each connection in turn), and any byte on disk meanwhile, from
        any connection, starts the count again."""
        with self._count_lock:
            done = self.board.done_bytes
            if brought:
                self._failures = 0
            elif done != self._done_at_failure:
                self._failures = 1
            else:
                self._failures += 1
            self._done_at_failure = done
            return self._failures

    def hold(self) -> None:
        """One more user of the part's descriptor (a connection about to start)."""
        with self._count_lock:
            self._holders += 1

    def let_go(self) -> OSError | None:
        """One user fewer; the last closes the descriptor (and gets its error, if any)."""
        with self._count_lock:
            self._holders -= 1
            if self._holders:
                return None
        try:
            os.close(self.descriptor)
        except OSError as exc:
            return exc
        return None

    def fail(self, error: BaseException) -> None:
        """End the download with `error` (the first one wins)."""
        if self.error is None:
            self.error = error
        self.board.stop()

    def close(self) -> None:
        """Save the ranges on disk (unless complete or starting over) and close the part."""
        try:
            if not self.restarting and not self.board.complete:
                self.board.flush()
        except (OSError, OffcloudError) as exc:
            if self.error is None:
                self.error = exc
        finally:
            problem = self.let_go()
            if problem is not None and self.error is None:
                self.error = local_error("write", self.part, problem)

    def ending(self) -> Ending:
        """How the download ended; raises what ended it when that was an error."""
        transfer = self.transfer
        transfer.attempts += self.attempts
        transfer.done = self.board.done_bytes
        if self.error is not None:
            raise self._kept(self.error)
        if self.restarting:
            return Ending.RESTART
        if self.board.complete:
            self.board.report_now()
            return Ending.DONE
        if self.failure is not None:
            raise self._kept(self.failure)
        logger.info("%s: no connection gets ranges any more; going on in one stream", self.where)
        self._fall_back()
        return Ending.FALLBACK

    def excerpt(self, response: httpx.Response) -> _Excerpt:
        """Where the start of an answer that is not the file goes, for its error message."""
        return _Excerpt(response, self.clock, self.clock.now() + self.settings.deadline)

    @property
    def _secrets(self) -> list[str]:
        return [self.settings.api_key] if self.settings.api_key else []

    def _retire(self, response: httpx.Response, why: str) -> _Attempt:
        logger.debug("%s: a connection retires: %s", self.where, why)
        return _Attempt(_Verdict.RETIRE, response)

    def _fatal(self, error: OffcloudError) -> _Attempt:
        self.fail(error)
        return _Attempt(_Verdict.RETIRE)

    def _refusal(self, response: httpx.Response) -> OffcloudError:
        mask_response(response)  # the error keeps it: its request may have the key
        failure = http_failure(response, None, self._secrets)
        if failure is None:
            return UnexpectedResponseError(
                f"{self.where}: HTTP {response.status_code} is not a range of the file",
                status_code=response.status_code,
                response=response,
            )
        return failure

    def _gave_up(self, reason: httpx.Response | Exception) -> OffcloudError:
        if isinstance(reason, httpx.Response):
            return self._refusal(reason)
        if isinstance(reason, _EndedEarly):
            return APIConnectionError(f"{self.where}: the connection ended early, again")
        return connection_failure(reason, self.where, self._secrets)

    def _kept(self, error: BaseException) -> BaseException:
        """`error`, its message saying what the part keeps for `resume=True`."""
        if isinstance(error, OffcloudError) and self.board.done_bytes:
            error.message += (
                f"; {self.board.done_bytes} of {self.total} bytes kept in {self.part.name}: "
                "resume=True goes on"
            )
            error.args = (error.message,)
        return error

    def _fall_back(self) -> None:
        """Make the part one a single stream goes on with: its first bytes only. The record
        is written before and after the part is cut, so a crash in between leaves them
        agreeing."""
        spans = self.board.spans()
        prefix = spans[0][1] if spans and spans[0][0] == 0 else 0
        transfer = self.transfer
        with transfer.local("write"):
            write_record(self.part, self.record.with_ranges(((0, prefix),) if prefix else ()))
            descriptor = open_in_place(self.part)
            try:
                os.ftruncate(descriptor, prefix)
            finally:
                os.close(descriptor)
            write_record(self.part, self.record.with_ranges(None))

    def _save(self, spans: tuple[Span, ...]) -> None:
        try:
            write_record(self.part, self.record.with_ranges(spans))
        except OSError as exc:
            raise local_error("write", self.part, exc) from exc

    def report_start(self) -> None:
        """The first progress report in ranges: what is on disk already."""
        self._report(self.board.done_bytes)

    def _report(self, done: int) -> None:
        on_progress = self.transfer.on_progress
        if on_progress is not None:
            on_progress(DownloadProgress(self.transfer.dest, done, self.total))

    if hasattr(os, "pwrite"):

        def _write_at(self, data: memoryview, offset: int) -> None:
            while data:
                written = os.pwrite(self.descriptor, data, offset)
                data, offset = data[written:], offset + written

    else:  # pragma: no cover (Windows)

        def _write_at(self, data: memoryview, offset: int) -> None:
            with self._write_lock:
                os.lseek(self.descriptor, offset, os.SEEK_SET)
                while data:
                    data = data[os.write(self.descriptor, data) :]


# -- sync: threads --------------------------------------------------------------------------------


def fetch_sync(
    runner: SyncRunner, transfer: Transfer, plan: Plan, response: httpx.Response
) -> Ending:
    """Go on in ranges from the first answer `response` (already begun), to the end."""
    job = Job(transfer, plan, runner)
    threads: list[threading.Thread] = []
    try:
        job.report_start()
        for number in range(plan.connections - 1):
            job.hold()
            thread = threading.Thread(
                target=_guarded, args=(job, _work, runner, job, _Connection()), daemon=True
            )
            thread.name = f"offcloud-download-{number + 2}"
            try:
                thread.start()
            except BaseException:
                job.let_go()
                raise
            threads.append(thread)
        lead = _Connection()
        attempt = _read(job, job.lead, response, _Attempt(_Verdict.FILE, response, 0, plan.lead[1]))
        response.close()
        delay = job.after(lead, job.lead, attempt)
        if delay is not None:
            _work(runner, job, lead, delay)
        for thread in threads:  # this connection is done: the others finish the download
            thread.join()
    except BaseException as exc:
        job.fail(exc)
    finally:
        job.board.stop()
        _join(job, threads)
        job.close()
    return job.ending()


def _join(job: Job, threads: list[threading.Thread]) -> None:
    """Wait for the connections' threads once the download stopped, unless it was
    interrupted (Ctrl-C): a thread blocked on a stalled read ends only with its timeout, and a
    stopped board lets it write nothing more. A second interrupt while waiting stops the wait.
    Each thread closes the part's descriptor if it is the last to use it."""
    if isinstance(job.error, KeyboardInterrupt | SystemExit):
        return
    try:
        for thread in threads:
            thread.join()
    except BaseException as exc:
        job.fail(exc)


def _guarded(job: Job, work: Callable[..., None], *args: Any) -> None:
    try:
        work(*args)
    except BaseException as exc:
        job.fail(exc)
    finally:
        job.let_go()


def _work(runner: SyncRunner, job: Job, connection: _Connection, delay: float = 0.0) -> None:
    while True:
        if delay:
            runner.clock.sleep(delay)
        claim = job.board.take_waiting()
        if claim is None:
            return
        if runner.http.is_closed:
            job.board.release(claim)
            raise ClientClosedError(CLOSED)
        attempt = _Attempt(_Verdict.FAILED)
        try:
            request = job.transfer.range_request(claim.position, claim.end)
            with runner.http.stream(**request) as response:
                attempt = job.check(response, claim)
                if attempt.verdict is _Verdict.FILE:
                    _read(job, claim, response, attempt)
                elif attempt.verdict in (_Verdict.RETRY, _Verdict.FATAL):
                    excerpt = job.excerpt(response)
                    for raw in response.iter_raw():
                        if excerpt.enough(raw):
                            break
                    keep_body(response, excerpt.pieces)
        except httpx.HTTPError as exc:
            if attempt.verdict is _Verdict.FAILED:
                attempt.outcome = exc
            elif attempt.verdict in (_Verdict.RETRY, _Verdict.FATAL):
                attempt = _Attempt(_Verdict.FAILED, exc)  # its error page did not arrive
        except BaseException:
            job.board.release(claim)
            raise
        delay_or_stop = job.after(connection, claim, attempt)
        if delay_or_stop is None:
            return
        delay = delay_or_stop


def _read(job: Job, claim: Claim, response: httpx.Response, attempt: _Attempt) -> _Attempt:
    """Read a range answer into the part, up to the claim's end; `attempt` says how far."""
    try:
        for chunk in response.iter_bytes():
            written, more = job.write(claim, chunk, attempt.stop_at)
            attempt.brought += written
            if not more:
                break
    except httpx.HTTPError as exc:
        attempt.outcome = exc
    return attempt


# -- async: tasks ---------------------------------------------------------------------------------


async def fetch_async(
    runner: AsyncRunner, transfer: Transfer, plan: Plan, response: httpx.Response
) -> Ending:
    """Async `fetch_sync`."""
    import asyncio

    job = Job(transfer, plan, runner)
    changed = asyncio.Event()
    job.board.wake = changed.set
    tasks: list[asyncio.Task[None]] = []
    try:
        job.report_start()
        for _ in range(plan.connections - 1):
            job.hold()
            work = _guarded_async(job, runner, changed, _Connection())
            tasks.append(asyncio.ensure_future(work))
        lead = _Connection()
        attempt = _Attempt(_Verdict.FILE, response, 0, plan.lead[1])
        attempt = await _aread(job, job.lead, response, attempt)
        await response.aclose()
        delay = job.after(lead, job.lead, attempt)
        if delay is not None:
            await _awork(runner, job, changed, lead, delay)
        await asyncio.gather(*tasks)  # this connection is done: the others finish the download
    except BaseException as exc:
        job.fail(exc)
    finally:
        job.board.stop()
        for task in tasks:
            task.cancel()  # a task reading a stalled answer would wait for its timeout
        try:
            await asyncio.gather(*tasks, return_exceptions=True)
        finally:  # even when cancelled again while waiting: each task lets go as it ends
            job.close()
    return job.ending()


async def _guarded_async(
    job: Job, runner: AsyncRunner, changed: asyncio.Event, connection: _Connection
) -> None:
    import asyncio

    try:
        await _awork(runner, job, changed, connection)
    except asyncio.CancelledError:
        raise
    except BaseException as exc:
        job.fail(exc)
    finally:
        job.let_go()


async def _awork(
    runner: AsyncRunner,
    job: Job,
    changed: asyncio.Event,
    connection: _Connection,
    delay: float = 0.0,
) -> None:
    while True:
        if delay:
            await runner.clock.asleep(delay)
        changed.clear()
        claim = job.board.take()
        if claim is WAIT:
            await changed.wait()
            delay = 0.0
            continue
        if claim is None:
            return
        assert isinstance(claim, Claim)
        if runner.http.is_closed:
            job.board.release(claim)
            raise ClientClosedError(CLOSED)
        attempt = _Attempt(_Verdict.FAILED)
        try:
            request = job.transfer.range_request(claim.position, claim.end)
            async with runner.http.stream(**request) as response:
                attempt = job.check(response, claim)
                if attempt.verdict is _Verdict.FILE:
                    await _aread(job, claim, response, attempt)
                elif attempt.verdict in (_Verdict.RETRY, _Verdict.FATAL):
                    excerpt = job.excerpt(response)
                    async for raw in response.aiter_raw():
                        if excerpt.enough(raw):
                            break
                    keep_body(response, excerpt.pieces)
        except httpx.HTTPError as exc:
            if attempt.verdict is _Verdict.FAILED:
                attempt.outcome = exc
            elif attempt.verdict in (_Verdict.RETRY, _Verdict.FATAL):
                attempt = _Attempt(_Verdict.FAILED, exc)
        except BaseException:
            job.board.release(claim)
            raise
        delay_or_stop = job.after(connection, claim, attempt)
        if delay_or_stop is None:
            return
        delay = delay_or_stop


async def _aread(job: Job, claim: Claim, response: httpx.Response, attempt: _Attempt) -> _Attempt:
    """Async `_read`."""
    try:
        async for chunk in response.aiter_bytes():
            written, more = job.write(claim, chunk, attempt.stop_at)
            attempt.brought += written
            if not more:
                break
    except httpx.HTTPError as exc:
        attempt.outcome = exc
    return attempt
