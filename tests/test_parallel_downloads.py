"""`cloud.download(..., parallel=K)`: several files at once on both clients (threads sharing
the pool, tasks), with `download_flow`'s promises kept: the planned order, files already there
skipped, a file failing on its own not stopping the others, a failure every file would meet
ending the batch at once."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sdk_support import Harness

from offcloud_sdk import Offcloud
from offcloud_sdk._flows import flows
from offcloud_sdk._flows.cloud_files import DEFAULT_PARALLEL, MAX_PARALLEL
from offcloud_sdk.exceptions import (
    InvalidArgumentError,
    LocalFileError,
    NotFoundError,
    RateLimitError,
)
from offcloud_sdk.testing import FakeOffcloud
from offcloud_sdk.testing._answer import Answer
from offcloud_sdk.testing._transport import FakeTransport

STORAGE_PATH = "/cloud/download/"
WAIT = 30.0
"""Seconds a test waits for something that must happen at once: only reached when it fails."""


class Gate(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The fake's transport, watching its file downloads (storage links).

    A download is in flight from its request until its body is closed; `most` is the largest
    number seen at once. With `meet=K` each download waits at its first chunk until K are
    there (a barrier: it proves K ran at once, and fails after `WAIT` if they never do).
    `hold(name)` makes the named file's body wait after its first chunk; `answer_after` makes a
    download wait for an event before it is answered.
    """

    def __init__(self, fake: FakeOffcloud, *, meet: int = 0, is_async: bool = False) -> None:
        self.inner = FakeTransport(fake)
        self.is_async = is_async
        self.requested: list[str] = []
        self.in_flight = 0
        self.most = 0
        self._lock = threading.Lock()
        self._barrier: Any = None
        if meet:
            self._barrier = (
                asyncio.Barrier(meet) if is_async else threading.Barrier(meet, timeout=WAIT)
            )
        self.holds: dict[str, Any] = {}
        self.reached: dict[str, Any] = {}
        self.waits: dict[str, Any] = {}

    def hold(self, name: str) -> Any:
        """(reached, release): set when `name`'s first chunk is out; what lets it go on."""
        make = asyncio.Event if self.is_async else threading.Event
        self.reached[name], self.holds[name] = make(), make()
        return self.reached[name], self.holds[name]

    def answer_after(self, name: str, event: Any) -> None:
        """Answer the download of `name` only once `event` is set."""
        self.waits[name] = event

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        event = self.waits.get(request.url.path.rsplit("/", 1)[-1])
        if event is not None:
            assert event.wait(WAIT), "never set"
        return self._watched(request, self.inner.handle_request(request))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        event = self.waits.get(request.url.path.rsplit("/", 1)[-1])
        if event is not None:
            async with asyncio.timeout(WAIT):
                await event.wait()
        return self._watched(request, await self.inner.handle_async_request(request))

    def _watched(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if not request.url.path.startswith(STORAGE_PATH):
            return response
        name = request.url.path.rsplit("/", 1)[-1]
        with self._lock:
            self.requested.append(name)
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
        body = _Watched(self, name, response.stream)
        return httpx.Response(
            response.status_code, headers=response.headers, stream=body, request=request
        )

    def left(self) -> None:
        with self._lock:
            self.in_flight -= 1


class _Watched(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __init__(self, gate: Gate, name: str, inner: Any) -> None:
        self.gate, self.name, self.inner = gate, name, inner
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        for number, chunk in enumerate(self.inner):
            if number == 0 and self.gate._barrier is not None:
                self.gate._barrier.wait()
            yield chunk
            if number == 0 and self.name in self.gate.holds:
                self.gate.reached[self.name].set()
                assert self.gate.holds[self.name].wait(WAIT), "never released"

    async def __aiter__(self) -> AsyncIterator[bytes]:
        number = 0
        async for chunk in self.inner:
            if number == 0 and self.gate._barrier is not None:
                async with asyncio.timeout(WAIT):
                    await self.gate._barrier.wait()
            yield chunk
            if number == 0 and self.name in self.gate.holds:
                self.gate.reached[self.name].set()
                async with asyncio.timeout(WAIT):
                    await self.gate.holds[self.name].wait()
            number += 1

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.gate.left()
        self.inner.close()

    async def aclose(self) -> None:
        if not self.closed:
            self.closed = True
            self.gate.left()
        await self.inner.aclose()


def gated(harness: Harness, fake: FakeOffcloud, **gate_options: Any) -> tuple[Any, Gate]:
    """A client of the harness's flavour on `fake` through a `Gate`."""
    gate = Gate(fake, is_async=harness.is_async, **gate_options)
    http = (httpx.AsyncClient if harness.is_async else httpx.Client)(transport=gate)
    return harness.client(fake.api_key, http_client=http, max_retries=0), gate


def finished(harness: Harness, fake: FakeOffcloud, files: dict[str, int | bytes]) -> str:
    """The id of a finished request of `files` on `fake`."""
    with fake.client() as http, Offcloud(fake.api_key, http_client=http) as oc:
        return oc.cloud.add(url=fake.add_torrent("Show", files, cached=True)).request_id


def answer_with(fake: FakeOffcloud, ending: str, answer: Answer) -> None:
    """Make `fake` answer the requests whose path ends with `ending` with `answer`."""
    handle = fake.handle

    def answering(request: httpx.Request) -> Answer:
        return answer if request.url.path.endswith(ending) else handle(request)

    fake.handle = answering  # type: ignore[method-assign]


SIX = {f"e0{n}.mkv": 150_000 + n * 70_000 for n in range(1, 7)}
"""Six files of three chunks or more (the fake sends 64 KiB chunks)."""


@pytest.mark.parametrize("parallel", [2, 3])
def test_k_files_are_in_flight_at_once_and_arrive_whole_in_order(
    harness: Harness, tmp_path: Path, parallel: int
) -> None:
    fake = harness.fake()
    request_id = finished(harness, fake, SIX)
    oc, gate = gated(harness, fake, meet=parallel)
    seen: list[Path] = []
    paths = harness.go(
        oc.cloud.download(
            request_id, tmp_path, parallel=parallel, connections=1, on_progress=seen_in(seen)
        )
    )
    assert paths == [tmp_path / "Show" / name for name in SIX]
    for name in SIX:
        expected = fake.file(request_id, name).read()
        assert (tmp_path / "Show" / name).read_bytes() == expected
    assert sorted(gate.requested) == sorted(SIX)
    assert gate.most == parallel  # the barrier proved `parallel` at once; never more
    assert gate.in_flight == 0
    assert set(seen) == set(paths)


def seen_in(seen: list[Path]) -> Callable[[Any], None]:
    lock = threading.Lock()

    def note(progress: Any) -> None:
        with lock:
            seen.append(progress.path)

    return note


def test_the_default_fetches_three_at_once(harness: Harness, tmp_path: Path) -> None:
    fake = harness.fake()
    request_id = finished(harness, fake, SIX)
    oc, gate = gated(harness, fake, meet=3)
    harness.go(oc.cloud.download(request_id, tmp_path, connections=1))
    assert DEFAULT_PARALLEL == 3
    assert gate.most == 3


def test_parallel_1_fetches_one_after_another(harness: Harness, tmp_path: Path) -> None:
    fake = harness.fake()
    request_id = finished(harness, fake, SIX)
    oc, gate = gated(harness, fake)
    paths = harness.go(oc.cloud.download(request_id, tmp_path, parallel=1, connections=1))
    assert gate.requested == list(SIX)
    assert gate.most == 1
    assert [p.name for p in paths] == list(SIX)


def test_files_already_there_are_skipped_and_keep_their_place(
    harness: Harness, tmp_path: Path
) -> None:
    fake = harness.fake()
    request_id = finished(harness, fake, SIX)
    for name in ("e02.mkv", "e05.mkv"):
        there = tmp_path / "Show" / name
        there.parent.mkdir(parents=True, exist_ok=True)
        there.write_bytes(fake.file(request_id, name).read())
    oc, gate = gated(harness, fake, meet=2)
    seen: list[Path] = []
    paths = harness.go(
        oc.cloud.download(
            request_id, tmp_path, parallel=2, connections=1, on_progress=seen_in(seen)
        )
    )
    assert paths == [tmp_path / "Show" / name for name in SIX]
    assert sorted(gate.requested) == ["e01.mkv", "e03.mkv", "e04.mkv", "e06.mkv"]
    assert tmp_path / "Show" / "e05.mkv" in seen  # reported whole, as before


def test_files_failing_on_their_own_do_not_stop_the_others(
    harness: Harness, tmp_path: Path
) -> None:
    fake = harness.fake()
    request_id = finished(harness, fake, SIX)
    (tmp_path / "Show" / "e02.mkv").mkdir(parents=True)  # a folder in the way
    answer_with(fake, "/e04.mkv", Answer(404))
    oc, _gate = gated(harness, fake)
    with pytest.raises(LocalFileError) as caught:  # the first in the request's order
        harness.go(oc.cloud.download(request_id, tmp_path, parallel=3))
    message = str(caught.value)
    assert message.startswith("2 of 6 files failed (4 downloaded): ")
    assert message.index("e02.mkv") < message.index("e04.mkv")
    for name in ("e01.mkv", "e03.mkv", "e05.mkv", "e06.mkv"):
        assert (tmp_path / "Show" / name).read_bytes() == fake.file(request_id, name).read()
    assert not (tmp_path / "Show" / "e04.mkv").exists()


def test_a_404_alone_is_its_own_error_type(harness: Harness, tmp_path: Path) -> None:
    fake = harness.fake()
    request_id = finished(harness, fake, SIX)
    answer_with(fake, "/e06.mkv", Answer(404))
    oc, _gate = gated(harness, fake)
    with pytest.raises(NotFoundError, match=r"^1 of 6 files failed \(5 downloaded\)"):
        harness.go(oc.cloud.download(request_id, tmp_path, parallel=4))


def test_a_failure_every_file_would_meet_ends_the_batch_at_once(
    harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """e01 is refused (429) while e02 is under way: e02 stops with its part kept, and no other
    file is started."""
    fake = harness.fake()
    request_id = finished(harness, fake, SIX)
    oc, gate = gated(harness, fake)
    e02_started, e02_release = gate.hold("e02.mkv")
    gate.answer_after("e01.mkv", e02_started)
    answer_with(fake, "/e01.mkv", Answer(429))
    gave_up = flows.Stop.set

    def set_and_release(stop: flows.Stop) -> None:
        gave_up(stop)
        e02_release.set()  # let e02 go on: it finds the batch given up on at its next chunk

    monkeypatch.setattr(flows.Stop, "set", set_and_release)
    with pytest.raises(RateLimitError):
        harness.go(oc.cloud.download(request_id, tmp_path, parallel=2, connections=1))
    assert sorted(gate.requested) == ["e01.mkv", "e02.mkv"]  # nothing started after
    assert gate.in_flight == 0
    assert not (tmp_path / "Show" / "e02.mkv").exists()
    assert list((tmp_path / "Show").glob("e02.mkv.part*"))  # kept for a later resume


@pytest.mark.parametrize("parallel", [0, -1, MAX_PARALLEL + 1, True, 2.0, "3", None])
def test_parallel_must_be_a_whole_number_in_range(
    harness: Harness, tmp_path: Path, parallel: Any
) -> None:
    fake = harness.fake()
    oc = harness.fake_client(fake)
    with pytest.raises(InvalidArgumentError, match="parallel must be"):
        harness.go(oc.cloud.download("5f2b6c3e9d1a4b7c8e0f1a2b", tmp_path, parallel=parallel))
    assert fake.calls == []  # refused before anything was sent


@pytest.mark.parametrize("connections", [0, 33, 2.5])
def test_connections_are_checked_before_anything_is_sent(
    harness: Harness, tmp_path: Path, connections: Any
) -> None:
    fake = harness.fake()
    oc = harness.fake_client(fake)
    with pytest.raises(InvalidArgumentError, match="connections must be"):
        harness.go(oc.cloud.download("5f2b6c3e9d1a4b7c8e0f1a2b", tmp_path, connections=connections))
    assert fake.calls == []


def test_the_largest_parallel_is_taken(harness: Harness, tmp_path: Path) -> None:
    fake = harness.fake()
    request_id = finished(harness, fake, {"a.bin": b"a", "b.bin": b"b"})
    oc = harness.fake_client(fake)
    paths = harness.go(oc.cloud.download(request_id, tmp_path, parallel=MAX_PARALLEL))
    assert [p.read_bytes() for p in paths] == [b"a", b"b"]
