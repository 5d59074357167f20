"""`files.download` over several connections: ranges written in place, split, resumed, survived.

Every test runs on both clients against a storage host on a real loopback socket (`Storage`,
below): one file whose every 8-byte word holds its own offset, so a byte written in the wrong
place is caught. Orderings that would depend on timing are made deterministic by gates in the
server (a response waits until the requests the test expects have arrived), and the clients
wait their retry pauses on a `FakeClock`.
"""

from __future__ import annotations

import errno
import os
import random
import signal
import socket
import subprocess
import sys
import threading
from array import array
from collections.abc import AsyncIterator, Callable, Iterator
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from sdk_support import KEY, Harness

from offcloud_sdk import DownloadProgress
from offcloud_sdk._downloads import segmented
from offcloud_sdk._downloads.part_files import PartRecord, read_record, source_of, write_record
from offcloud_sdk._downloads.segments import ALIGN, covered
from offcloud_sdk.exceptions import (
    APIConnectionError,
    AuthError,
    InvalidArgumentError,
    LocalFileError,
    OffcloudError,
)

MIB = 1 << 20
CHUNK = 64 << 10
LAST_MODIFIED = "Sun, 01 Mar 2026 10:00:00 GMT"
GATE_TIMEOUT = 20.0  # seconds a gate waits at most: only reached when a test is failing


@cache
def content(size: int, version: int = 0) -> bytes:
    """`size` bytes whose 8-byte words each hold their own offset (plus `version`)."""
    assert size % 8 == 0
    return array("Q", range(version, version + size // 8)).tobytes()


@attrs.define
class Seen:
    """A request the storage host received."""

    range: str | None
    if_range: str | None
    authorization: str | None
    port: int
    status: int = 0
    sent: tuple[int, int] | None = None
    """The bytes its answer sent, `[start, end)`."""

    @property
    def span(self) -> tuple[int, int] | None:
        """The bytes asked for, `[start, end)`, when a `bytes=a-b` or `bytes=a-` range."""
        if not self.range:
            return None
        first, _, last = self.range.removeprefix("bytes=").partition("-")
        return int(first), int(last) + 1 if last else -1


class Storage:
    """A storage host on a loopback port serving one file (`/f/big.bin`) with ranges,
    `If-Range` and validators, and, as a test sets them: drops, refusals and gates."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.data = content(size)
        self.etag = '"v1"'
        self.accept_ranges = True
        self.lock = threading.Lock()
        self.requests: list[Seen] = []
        self.sent = 0
        """Body bytes written to sockets."""
        self.active = 0
        self.peak = 0
        self.max_active: int | None = None
        """Answer 503 to a request for the file when this many answers are being sent."""
        self.refuse: Callable[[int, Seen], int | None] = lambda index, seen: None
        """A status to answer instead of the file (request number, request)."""
        self.drops: list[int] = []
        """Drop the next answers after this many bytes each (given back when the client
        closes the answer before)."""
        self.dropped = 0
        self.gate_requests: int | None = None
        """Every answer waits after its first chunk until this many requests have come."""
        self.gate_open = threading.Event()
        self.hold_first_at: int | None = None
        """The first answer waits after this many bytes until `first_released`."""
        self.first_released = threading.Event()
        self.stall_after: int | None = None
        """Every answer waits once this many body bytes have been sent, until `unstalled`."""
        self.unstalled = threading.Event()
        self.stall_others = False
        """Every answer but the first waits after its first chunk, until `unstalled`."""
        self.on_request: Callable[[Seen], None] = lambda seen: None
        self.redirect_to: str | None = None
        """Answer every request with a redirect there (the API's origin, in front)."""
        self.honour_if_range = True
        self.etag_for: Callable[[int], str] | None = None
        """The ETag of the answer to request number n, when the host's servers disagree."""
        storage = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, CHUNK)

            def do_GET(self) -> None:
                storage.serve(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        # polled for `shutdown` every 20 ms, not 500: a test ends sooner
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)

    @property
    def link(self) -> str:
        return f"{self.url}/f/big.bin"

    def __enter__(self) -> Storage:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.open_gates()
        self.server.shutdown()
        self.server.server_close()

    def open_gates(self) -> None:
        for event in (self.gate_open, self.first_released, self.unstalled):
            event.set()

    @property
    def served(self) -> list[tuple[int, int]]:
        """The bytes each answer (to the requests still listed) sent."""
        return [seen.sent for seen in self.requests if seen.sent is not None]

    def serve(self, handler: BaseHTTPRequestHandler) -> None:
        headers = handler.headers
        seen = Seen(
            headers.get("Range"), headers.get("If-Range"), headers.get("Authorization"), self.port
        )
        with self.lock:
            index = len(self.requests)
            self.requests.append(seen)
            if self.gate_requests is not None and len(self.requests) >= self.gate_requests:
                self.gate_open.set()
        self.on_request(seen)
        if self.redirect_to is not None:
            seen.status = 302
            self._head(handler, 302, {"Location": self.redirect_to, "Content-Length": "0"})
            return
        data, etag = self.data, self.etag if self.etag_for is None else self.etag_for(index)
        wanted = seen.range
        if (
            self.honour_if_range
            and seen.if_range is not None
            and seen.if_range not in (etag, LAST_MODIFIED)
        ):
            wanted = None  # another version of the file: all of it
        status = self.refuse(index, seen)
        if wanted and int(wanted.removeprefix("bytes=").partition("-")[0]) >= self.size:
            status = 416
        if status is None and self.max_active is not None:
            with self.lock:
                if self.active >= self.max_active:
                    status = 503
        if status is not None:
            seen.status = status
            extra = {"Content-Range": f"bytes */{self.size}"} if status == 416 else {}
            self._head(handler, status, {"Content-Length": "0", "ETag": etag, **extra})
            return
        start, end, status = 0, self.size, 200
        if wanted:
            first, _, last = wanted.removeprefix("bytes=").partition("-")
            start, end, status = (
                int(first),
                min(int(last) + 1 if last else self.size, self.size),
                206,
            )
        seen.status = status
        extra = {"Content-Range": f"bytes {start}-{end - 1}/{self.size}"} if status == 206 else {}
        if self.accept_ranges:
            extra["Accept-Ranges"] = "bytes"
        with self.lock:
            self.active += 1
            self.peak = max(self.peak, self.active)
            drop = self.drops.pop(0) if self.drops else None
        try:
            self._head(
                handler,
                status,
                {
                    "Content-Length": str(end - start),
                    "ETag": etag,
                    "Last-Modified": LAST_MODIFIED,
                    **extra,
                },
            )
            self._body(handler, seen, data, index, start, end, drop)
        finally:
            with self.lock:
                self.active -= 1

    def _body(
        self,
        handler: BaseHTTPRequestHandler,
        seen: Seen,
        data: bytes,
        index: int,
        start: int,
        end: int,
        drop: int | None,
    ) -> None:
        at = start
        try:
            while at < end:
                if self.gate_requests is not None and at > start:
                    self.gate_open.wait(GATE_TIMEOUT)
                if (
                    self.hold_first_at is not None
                    and index == 0
                    and at - start >= self.hold_first_at
                ):
                    self.first_released.wait(GATE_TIMEOUT)
                if self.stall_after is not None and self.sent >= self.stall_after:
                    self.unstalled.wait(GATE_TIMEOUT * 3)
                if self.stall_others and index > 0 and at > start:
                    self.unstalled.wait(GATE_TIMEOUT * 3)
                stop = min(at + CHUNK, end)
                if drop is not None and stop - start >= drop:
                    stop = start + drop
                handler.wfile.write(memoryview(data)[at:stop])
                with self.lock:
                    self.sent += stop - at
                at = stop
                if drop is not None and at - start >= drop:
                    with self.lock:
                        self.dropped += 1
                    seen.sent = (start, at)
                    handler.close_connection = True
                    handler.connection.shutdown(socket.SHUT_RDWR)
                    return
        except OSError:  # the client closed it: a drop it did not reach goes back
            handler.close_connection = True
            if drop is not None:
                with self.lock:
                    self.drops.insert(0, drop)
        seen.sent = (start, at)

    @staticmethod
    def _head(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str]) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()


@pytest.fixture
def storage_factory() -> Iterator[Callable[[int], Storage]]:
    made: list[Storage] = []

    def make(size: int) -> Storage:
        storage = Storage(size).__enter__()
        made.append(storage)
        return storage

    yield make
    for storage in made:
        storage.__exit__()


def client(harness: Harness, storage: Storage, **options: Any) -> Any:
    options.setdefault("timeout", 10.0)
    return harness.client(KEY, base_url=storage.url, **options)


def only_the_file(folder: Path, name: str = "big.bin") -> bool:
    return sorted(p.name for p in folder.iterdir()) == [name]


def overlap(spans: Any, others: Any) -> int:
    return sum(max(0, min(b, d) - max(a, c)) for a, b in spans for c, d in others)


# -- the everyday case ----------------------------------------------------------------------------


def test_a_big_file_comes_over_eight_connections_in_place(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(24 * MIB)
    storage.gate_requests = 8  # no answer goes past its first chunk until all 8 have asked
    progress: list[DownloadProgress] = []
    oc = client(harness, storage)
    path = harness.go(oc.files.download(storage.link, tmp_path, on_progress=progress.append))
    assert path == tmp_path / "big.bin"
    assert path.read_bytes() == storage.data
    assert only_the_file(tmp_path)
    first, *ranges = storage.requests
    assert (first.range, first.status) == (None, 200)  # the first request, as ever
    assert len(ranges) >= 7
    assert all(seen.status == 206 and seen.if_range == '"v1"' for seen in ranges)
    assert storage.peak == 8  # all at once
    done = [p.done for p in progress]
    assert done == sorted(done)
    assert progress[-1] == DownloadProgress(path, storage.size, storage.size)
    assert harness.clock.sleeps == []


def test_one_connection_is_todays_single_stream(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(24 * MIB)
    oc = client(harness, storage)
    path = harness.go(oc.files.download(storage.link, tmp_path, connections=1))
    assert path.read_bytes() == storage.data
    assert [(seen.range, seen.status) for seen in storage.requests] == [(None, 200)]


def test_a_file_under_the_threshold_stays_one_stream(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(segmented.SPLIT_FROM - 8)
    oc = client(harness, storage)
    path = harness.go(oc.files.download(storage.link, tmp_path, connections=8))
    assert path.read_bytes() == storage.data
    assert len(storage.requests) == 1


def test_connections_is_checked_before_anything_is_asked(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(8)
    oc = client(harness, storage)
    for connections in [0, 33, -1, True, 2.0, "8"]:
        with pytest.raises(InvalidArgumentError, match="connections"):
            harness.go(oc.files.download(storage.link, tmp_path, connections=connections))
    assert storage.requests == []
    assert list(tmp_path.iterdir()) == []


def test_a_free_connection_takes_half_of_the_slowest_range(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(24 * MIB)
    storage.hold_first_at = MIB  # the first answer stalls after 1 MiB...

    def released_by_a_split(seen: Seen) -> None:  # ...until its range is split
        if len(storage.requests) == 3:
            storage.first_released.set()

    storage.on_request = released_by_a_split
    oc = client(harness, storage)
    path = harness.go(oc.files.download(storage.link, tmp_path, connections=2))
    assert path.read_bytes() == storage.data
    lead, second, third = storage.requests[:3]
    assert lead.range is None
    assert second.span is not None
    assert third.span is not None
    split = second.span[0]
    assert second.span[1] == storage.size
    # the second connection, done with its half, took the second half of what the first
    # one (stalled at 1 MiB at the most) had left: the bytes up to where its own began
    assert third.span[1] == split
    assert split // 2 <= third.span[0] <= (split + MIB + CHUNK) // 2 + ALIGN
    assert storage.first_released.is_set()


def test_an_old_part_without_ranges_resumes_then_goes_on_in_ranges(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(24 * MIB)
    part = tmp_path / "big.bin.part"
    part.write_bytes(storage.data[: 3 * MIB])
    write_record(part, PartRecord(storage.size, '"v1"', LAST_MODIFIED, source_of(storage.link)))
    oc = client(harness, storage)
    path = harness.go(oc.files.download(storage.link, tmp_path))
    assert path.read_bytes() == storage.data
    assert only_the_file(tmp_path)
    assert storage.requests[0].range == f"bytes={3 * MIB}-"
    assert len(storage.requests) > 1
    assert overlap(storage.served, [(0, 3 * MIB)]) == 0  # nothing the part held came again


def test_a_complete_part_in_ranges_is_just_renamed(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(24 * MIB)  # killed after its last write, before the rename
    part = tmp_path / "big.bin.part"
    part.write_bytes(storage.data)
    record = PartRecord(storage.size, '"v1"', LAST_MODIFIED, source_of(storage.link))
    write_record(part, record.with_ranges(((0, storage.size),)))
    oc = client(harness, storage)
    path = harness.go(oc.files.download(storage.link, tmp_path))
    assert path.read_bytes() == storage.data
    assert only_the_file(tmp_path)
    assert [(seen.range, seen.status) for seen in storage.requests] == [
        (f"bytes={storage.size}-", 416)
    ]


# -- faults ---------------------------------------------------------------------------------------


def test_64_mib_over_8_connections_dropped_30_times_is_byte_identical(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(64 * MIB)
    rng = random.Random(20260301)
    storage.drops = [rng.randrange(1, 2 * MIB) for _ in range(30)]
    oc = client(harness, storage, max_retries=2)
    path = harness.go(oc.files.download(storage.link, tmp_path, connections=8))
    assert path.read_bytes() == storage.data
    assert only_the_file(tmp_path)
    assert storage.dropped == 30
    assert len(harness.clock.sleeps) == 30  # one pause per drop, on the clock


def test_giving_up_keeps_the_ranges_and_resume_fetches_only_what_is_missing(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(32 * MIB)
    storage.drops = [MIB] * 8 + [1] * 64  # every connection gets 1 MiB at most, then nothing
    oc = client(harness, storage, max_retries=0)
    with pytest.raises(APIConnectionError, match="resume=True") as caught:
        harness.go(oc.files.download(storage.link, tmp_path))
    assert KEY not in str(caught.value)
    part = tmp_path / "big.bin.part"
    record = read_record(part)
    assert record is not None
    assert record.ranges
    assert part.stat().st_size == storage.size
    data = part.read_bytes()
    for start, end in record.ranges:  # what the record lists is on disk
        assert data[start:end] == storage.data[start:end]
    storage.drops.clear()
    storage.requests.clear()
    path = harness.go(oc.files.download(storage.link, tmp_path))
    assert path.read_bytes() == storage.data
    assert only_the_file(tmp_path)
    assert storage.requests[0].range is not None  # no request for the whole file again
    assert overlap(storage.served, record.ranges) == 0


def test_a_server_that_ignores_range_gets_one_stream(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(24 * MIB)
    storage.accept_ranges = False
    oc = client(harness, storage)
    path = harness.go(oc.files.download(storage.link, tmp_path))
    assert path.read_bytes() == storage.data
    assert len(storage.requests) == 1


@pytest.mark.parametrize("status", [200, 416])
def test_a_server_that_stops_sending_ranges_midway_gets_one_stream(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path, status: int
) -> None:
    storage = storage_factory(24 * MIB)
    storage.gate_requests = 4
    if status == 200:  # from the third request on, Range is ignored
        storage.refuse = lambda index, seen: None
        original = storage.serve

        def ignoring(handler: BaseHTTPRequestHandler) -> None:
            if len(storage.requests) >= 2:
                del handler.headers["Range"]
            original(handler)

        storage.serve = ignoring  # type: ignore[method-assign]
    else:
        storage.refuse = lambda index, seen: 416 if index >= 2 and seen.range else None
    oc = client(harness, storage, max_retries=1)
    path = harness.go(oc.files.download(storage.link, tmp_path, connections=4))
    assert path.read_bytes() == storage.data
    assert only_the_file(tmp_path)
    assert storage.requests[-1].range is None  # in the end, the whole file in one stream
    assert storage.requests[-1].status == 200


def test_a_changed_etag_between_runs_starts_over(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(24 * MIB)
    storage.drops = [MIB] * 8 + [1] * 64
    oc = client(harness, storage, max_retries=0)
    with pytest.raises(APIConnectionError):
        harness.go(oc.files.download(storage.link, tmp_path))
    assert (tmp_path / "big.bin.part").exists()
    storage.drops.clear()
    storage.requests.clear()
    storage.etag = '"v2"'
    storage.data = content(storage.size, version=7)
    path = harness.go(oc.files.download(storage.link, tmp_path))
    assert path.read_bytes() == storage.data
    assert only_the_file(tmp_path)
    first = storage.requests[0]
    assert (first.if_range, first.status) == ('"v1"', 200)  # the part's version: refused


@pytest.mark.parametrize("honour_if_range", [True, False])
def test_a_file_replaced_on_the_server_midway_arrives_as_its_new_version(
    harness: Harness,
    storage_factory: Callable[[int], Storage],
    tmp_path: Path,
    honour_if_range: bool,
) -> None:
    storage = storage_factory(24 * MIB)
    storage.gate_requests = 4
    storage.honour_if_range = honour_if_range  # else a range of the new version comes back
    new = content(storage.size, version=3)

    def replaced_at_the_fourth_request(seen: Seen) -> None:
        if len(storage.requests) == 4:
            storage.etag, storage.data = '"v2"', new

    storage.on_request = replaced_at_the_fourth_request
    oc = client(harness, storage)
    path = harness.go(oc.files.download(storage.link, tmp_path, connections=4))
    assert path.read_bytes() == new
    assert only_the_file(tmp_path)


def test_a_host_whose_servers_disagree_on_the_etag_gets_one_stream_in_the_end(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(24 * MIB)
    storage.honour_if_range = False
    storage.etag_for = lambda index: f'"node-{index % 2}"'
    oc = client(harness, storage)
    path = harness.go(oc.files.download(storage.link, tmp_path, connections=4))
    assert path.read_bytes() == storage.data
    assert only_the_file(tmp_path)
    assert (storage.requests[-1].range, storage.requests[-1].status) == (None, 200)
    # the first start, a start over after each of two ranges of "another" file, then one stream
    assert [seen.range for seen in storage.requests].count(None) == 3


def test_a_full_disk_mid_range_is_a_local_file_error_and_the_part_stays_consistent(
    harness: Harness,
    storage_factory: Callable[[int], Storage],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    storage = storage_factory(24 * MIB)
    real_pwrite = os.pwrite
    writes = [0]
    lock = threading.Lock()

    def full_after_a_while(fd: int, data: Any, offset: int) -> int:
        with lock:
            writes[0] += 1
            if writes[0] > 100:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_pwrite(fd, data, offset)

    monkeypatch.setattr(os, "pwrite", full_after_a_while)
    oc = client(harness, storage)
    with pytest.raises(LocalFileError, match="No space left") as caught:
        harness.go(oc.files.download(storage.link, tmp_path))
    assert isinstance(caught.value, OSError)
    part = tmp_path / "big.bin.part"
    record = read_record(part)
    assert record is not None
    assert record.ranges is not None
    assert covered(record.ranges) > 0
    data = part.read_bytes()
    for start, end in record.ranges:
        assert data[start:end] == storage.data[start:end]
    monkeypatch.setattr(os, "pwrite", real_pwrite)
    storage.requests.clear()
    path = harness.go(oc.files.download(storage.link, tmp_path))
    assert path.read_bytes() == storage.data
    assert overlap(storage.served, record.ranges) == 0


def test_eight_connections_against_a_host_allowing_four_settle_at_four(
    harness: Harness,
    storage_factory: Callable[[int], Storage],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("INFO", "offcloud_sdk")
    storage = storage_factory(32 * MIB)
    storage.max_active = 4
    storage.gate_requests = 8  # every answer stays open until all 8 have asked
    oc = client(harness, storage)
    path = harness.go(oc.files.download(storage.link, tmp_path, connections=8))
    assert path.read_bytes() == storage.data
    assert only_the_file(tmp_path)
    refused = [seen for seen in storage.requests if seen.status == 503]
    assert storage.peak == 4
    # the four beyond the limit were refused, paused once and retired when refused again
    # (their ranges went to the others): never more than one pause per refusal
    assert len(refused) >= 4
    assert len(harness.clock.sleeps) <= len(refused)
    assert "one stream" not in caplog.text  # nothing on disk thrown away to go on in one
    assert all(seen.range for seen in storage.requests[1:])


def test_a_connection_refused_once_by_a_host_counting_slowly_pauses_and_goes_on(
    harness: Harness,
    storage_factory: Callable[[int], Storage],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A host that counts a stream a little after it ended refuses the connection that asks
    # again at once: it pauses and asks again, and the download keeps its connections; the
    # first connection's refusal (request 4 is its next) ends none of the others.
    caplog.set_level("INFO", "offcloud_sdk")
    storage = storage_factory(32 * MIB)
    storage.gate_requests = 4
    storage.drops = [MIB, MIB]  # the first two answers break off: they ask again
    storage.refuse = lambda index, seen: 503 if index in (4, 5) else None
    oc = client(harness, storage)
    path = harness.go(oc.files.download(storage.link, tmp_path, connections=4))
    assert path.read_bytes() == storage.data
    assert only_the_file(tmp_path)
    assert [seen.status for seen in storage.requests[4:6]] == [503, 503]
    assert [seen.status for seen in storage.requests[6:]].count(206) >= 2  # asked again
    assert "one stream" not in caplog.text
    assert all(seen.range for seen in storage.requests[1:])
    assert len(harness.clock.sleeps) >= 2  # a pause after each refusal


def test_a_dead_host_is_given_up_on_after_max_retries_in_all_not_per_connection(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(32 * MIB)
    storage.drops = [CHUNK]  # the first answer breaks off; then every answer is a 500
    storage.refuse = lambda index, seen: 500 if index else None
    oc = client(harness, storage, max_retries=2)
    with pytest.raises(OffcloudError, match="resume=True"):
        harness.go(oc.files.download(storage.link, tmp_path, connections=8))
    refused = [seen for seen in storage.requests if seen.status == 500]
    # each connection's first refusal may have come while the first answer still brought
    # bytes; after that, the whole download gives up after max_retries + 1 in a row, not
    # each of 8 connections after its own (8 * 3 = 24)
    assert len(refused) <= 7 + 2 + 1 + 7
    record = read_record(tmp_path / "big.bin.part")
    assert record is not None
    assert covered(record.ranges or ()) == CHUNK


def test_on_progress_raising_at_once_leaves_no_descriptor_open(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(24 * MIB)
    oc = client(harness, storage)
    calls: list[int] = []

    def refuse(progress: DownloadProgress) -> None:
        calls.append(progress.done)
        if len(calls) > 1:  # the first report in ranges, from the first answer's chunk
            raise RuntimeError("the caller's own bug")

    before = _open_parts()
    with pytest.raises(RuntimeError):
        harness.go(oc.files.download(storage.link, tmp_path, on_progress=refuse))
    assert _open_parts() == before


def test_ctrl_c_in_sync_returns_without_waiting_for_stalled_connections(
    storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    from offcloud_sdk import Offcloud

    storage = storage_factory(24 * MIB)
    storage.stall_others = True  # the other connections stall after their first chunk
    oc = Offcloud(KEY, base_url=storage.url, timeout=60.0)

    def interrupt(progress: DownloadProgress) -> None:
        others_asked = len(storage.requests) >= 4
        if others_asked and threading.current_thread() is threading.main_thread():
            raise KeyboardInterrupt  # Ctrl-C, while the first connection reads

    try:
        with pytest.raises(KeyboardInterrupt):
            oc.files.download(storage.link, tmp_path, connections=4, on_progress=interrupt)
        # returned while the other connections still wait on their stalled reads (60 s)
        stalled = [t for t in threading.enumerate() if t.name.startswith("offcloud-download")]
        assert stalled
        assert _open_parts()  # the part stays open for them: none writes to a closed one
        record = read_record(tmp_path / "big.bin.part")
        assert record is not None
        assert record.ranges is not None
    finally:
        storage.unstalled.set()
        for thread in threading.enumerate():
            if thread.name.startswith("offcloud-download"):
                thread.join(GATE_TIMEOUT)
        oc.close()
    assert not _open_parts()  # the last connection out closed it


def _open_parts() -> list[str]:
    """The part files this process has open."""
    folder = Path("/proc/self/fd")
    if not folder.is_dir():
        pytest.skip("needs /proc")
    found = []
    for entry in folder.iterdir():
        try:
            target = os.readlink(entry)
        except OSError:
            continue
        if target.endswith(".part"):
            found.append(target)
    return sorted(found)


def test_a_refused_range_is_its_typed_error_and_the_part_is_kept(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(24 * MIB)
    storage.gate_requests = 2
    storage.refuse = lambda index, seen: 403 if index == 1 else None
    oc = client(harness, storage)
    with pytest.raises(AuthError) as caught:
        harness.go(oc.files.download(storage.link, tmp_path, connections=2))
    assert KEY not in str(caught.value)
    record = read_record(tmp_path / "big.bin.part")
    assert record is not None
    assert record.ranges is not None


def test_the_key_goes_only_to_the_api_origin(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(24 * MIB)
    api = storage_factory(8)  # the API's origin, redirecting to the storage host
    api.redirect_to = storage.link
    oc = harness.client(KEY, base_url=api.url, timeout=10.0)
    path = harness.go(oc.files.download(f"{api.url}/cloud/download/x/big.bin", tmp_path))
    assert path.read_bytes() == storage.data
    assert [seen.authorization for seen in api.requests] == [f"Bearer {KEY}"]
    assert len(storage.requests) > 1  # the ranges went straight to where the file is
    assert all(seen.authorization is None for seen in storage.requests)


# -- killed mid-transfer ---------------------------------------------------------------------------

KILLED = r"""
import asyncio, sys
from offcloud_sdk import AsyncOffcloud, Offcloud
flavour, base_url, link, dest, key = sys.argv[1:6]
printed = [0]

def progress(p):
    if p.done >= printed[0] + (1 << 20):
        printed[0] = p.done
        print(p.done, flush=True)

if flavour == "sync":
    with Offcloud(key, base_url=base_url) as oc:
        oc.files.download(link, dest, on_progress=progress)
else:
    async def main():
        async with AsyncOffcloud(key, base_url=base_url) as oc:
            await oc.files.download(link, dest, on_progress=progress)
    asyncio.run(main())
"""


class Counting(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A transport that counts the body bytes the client reads."""

    def __init__(self) -> None:
        self.read = 0
        self.answers = 0
        self._sync = httpx.HTTPTransport()
        self._async = httpx.AsyncHTTPTransport()

    def close(self) -> None:
        self._sync.close()

    async def aclose(self) -> None:
        await self._async.aclose()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._sync.handle_request(request)
        self.answers += 1
        inner = response.stream
        assert isinstance(inner, httpx.SyncByteStream)

        def counted() -> Iterator[bytes]:
            for chunk in inner:
                self.read += len(chunk)
                yield chunk

        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_Stream(counted(), inner.close),
            extensions=response.extensions,
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._async.handle_async_request(request)
        self.answers += 1
        inner = response.stream
        assert isinstance(inner, httpx.AsyncByteStream)

        async def counted() -> AsyncIterator[bytes]:
            async for chunk in inner:
                self.read += len(chunk)
                yield chunk

        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_AsyncStream(counted(), inner.aclose),
            extensions=response.extensions,
        )


class _Stream(httpx.SyncByteStream):
    def __init__(self, chunks: Iterator[bytes], close: Callable[[], None]) -> None:
        self._chunks, self._close = chunks, close

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks

    def close(self) -> None:
        self._close()


class _AsyncStream(httpx.AsyncByteStream):
    def __init__(self, chunks: AsyncIterator[bytes], close: Callable[[], Any]) -> None:
        self._chunks, self._close = chunks, close

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._chunks

    async def aclose(self) -> None:
        await self._close()


def test_a_download_killed_mid_transfer_resumes_with_only_what_is_missing(
    harness: Harness, storage_factory: Callable[[int], Storage], tmp_path: Path
) -> None:
    storage = storage_factory(48 * MIB)
    storage.stall_after = 24 * MIB  # the host stops sending halfway: the kill lands mid-file
    dest = tmp_path / "big.bin"
    killed = subprocess.Popen(
        [sys.executable, "-c", KILLED, harness.flavour, storage.url, storage.link, str(dest), KEY],
        stdout=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(60, killed.kill)  # only if the test is failing
    watchdog.start()
    try:
        assert killed.stdout is not None
        seen_done = 0
        for line in killed.stdout:
            seen_done = int(line)
            if seen_done >= 12 * MIB:
                break
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait()
    finally:
        watchdog.cancel()
        if killed.stdout is not None:
            killed.stdout.close()
    assert killed.returncode == -signal.SIGKILL
    assert seen_done >= 12 * MIB
    record = read_record(tmp_path / "big.bin.part")
    assert record is not None
    assert record.ranges is not None
    # the record lags what was written by one flush interval at the most
    assert covered(record.ranges) >= seen_done - segmented.FLUSH_BYTES
    missing = storage.size - covered(record.ranges)

    storage.stall_after = None
    storage.unstalled.set()
    storage.requests.clear()
    counting = Counting()
    http = (httpx.AsyncClient if harness.is_async else httpx.Client)(
        transport=counting, trust_env=False
    )  # closed by the harness
    oc = harness.client(KEY, base_url=storage.url, http_client=http, timeout=10.0)
    path = harness.go(oc.files.download(storage.link, dest))
    assert path.read_bytes() == storage.data
    assert only_the_file(tmp_path)
    asked = [seen.span for seen in storage.requests]
    assert all(span is not None for span in asked)
    assert overlap(storage.served, record.ranges) == 0  # nothing done was fetched again
    # what was missing, and at the most one chunk more per answer (the one crossing its end)
    assert missing <= counting.read <= missing + counting.answers * CHUNK


def test_a_file_larger_than_the_free_space_is_not_preallocated(
    harness: Harness,
    storage_factory: Callable[[int], Storage],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shutil

    storage = storage_factory(24 * MIB)
    real = shutil.disk_usage
    monkeypatch.setattr(
        shutil, "disk_usage", lambda path: real(path)._replace(free=storage.size - 1)
    )
    oc = client(harness, storage)
    path = harness.go(oc.files.download(storage.link, tmp_path, connections=8))
    assert path.read_bytes() == storage.data
    assert len(storage.requests) == 1  # one stream: nothing made longer than what came
