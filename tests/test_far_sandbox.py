"""A sandbox that behaves like a far server: `FarServer` on `FakeOffcloud` and `offcloud sandbox`.

In process, every wait is on a `FakeClock`, so speeds and latencies are checked exactly as
bytes over clock time. Over a real socket the server waits for real: those tests check lower
bounds only (a wait cannot be shorter than asked), and that a client going away or the server
stopping frees a connection slot, waiting on the slot count itself (never on a sleep).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sdk_support import Harness
from typer.testing import CliRunner

from offcloud_sdk.cli import _app
from offcloud_sdk.exceptions import InvalidArgumentError
from offcloud_sdk.testing import DropConnection, FakeClock, FakeOffcloud, FarServer, Latency
from offcloud_sdk.testing._far import Streams, TokenBucket, burst_for

MiB = 1 << 20
KiB = 1 << 10
AUTH_HEADER = "Authorization"


def a_file(fake: FakeOffcloud, size: int, base: str = "https://offcloud.test") -> str:
    """The link of a cached one-file download of `size` bytes on `fake`, at `base`."""
    magnet = fake.add_torrent("far.bin", {"far.bin": size}, cached=True)
    with fake.client() as http:
        added = http.post(
            f"{base}/api/cloud",
            json={"url": magnet},
            headers={AUTH_HEADER: f"Bearer {fake.api_key}"},
        )
    return f"{added.json()['url']}/far.bin"


def arrivals(http: httpx.Client, url: str, clock: FakeClock) -> list[tuple[float, int]]:
    """(clock time since the request, bytes received so far) at each piece of the body."""
    started = clock.now()
    seen: list[tuple[float, int]] = []
    received = 0
    with http.stream("GET", url) as response:
        assert response.status_code == 200
        for piece in response.iter_raw():
            received += len(piece)
            seen.append((clock.now() - started, received))
    return seen


# -- the value ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "knobs",
    [
        {"speed": 0},
        {"speed": -1.0},
        {"speed": float("inf")},
        {"speed": "8MiB"},
        {"first_byte": -0.1},
        {"first_byte": float("nan")},
        {"api_latency": 3601},
        {"max_connections": 0},
        {"max_connections": 2.5},
        {"max_connections": True},
        {"refuse_with": 500},
        {"retry_after": -1},
    ],
)
def test_far_server_refuses_what_it_cannot_be(knobs: dict[str, Any]) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        FarServer(**knobs)
    assert next(iter(knobs)) in str(raised.value)


def test_the_far_server_is_a_value_set_on_the_fake_and_changed_later() -> None:
    far = FarServer(speed=8 * MiB, first_byte=0.02, max_connections=4, refuse_with=429)
    fake = FakeOffcloud(clock=FakeClock(), far=far)
    assert fake.far == far
    assert FakeOffcloud().far == FarServer()  # near by default: no cap, no latency, no limit
    fake.far = FarServer(api_latency=0.1)
    assert fake.far.api_latency == 0.1
    with pytest.raises(InvalidArgumentError, match="FarServer"):
        fake.far = {"speed": 1}  # type: ignore[assignment]
    assert far.burst == burst_for(8 * MiB) == int(8 * MiB * 0.02)
    assert FarServer(speed=1000).burst == 1024  # at least 1 KiB
    assert FarServer().burst == 0


def test_a_token_bucket_makes_up_for_a_late_sleep() -> None:
    bucket = TokenBucket(speed=1000, burst=100, now=0.0)
    assert bucket.wait_for(100, 0.0) == 0.0  # the burst goes at once
    assert bucket.wait_for(100, 0.0) == pytest.approx(0.1)
    # woken 0.05 s late: those 50 bytes of credit shorten the next wait
    assert bucket.wait_for(100, 0.15) == pytest.approx(0.05)
    # idle for long: the credit stops at the burst
    assert bucket.wait_for(300, 10.0) == pytest.approx(0.2)


def test_a_stream_slot_is_freed_once_however_often_it_is_released() -> None:
    streams = Streams()
    first = streams.open("file", 2)
    second = streams.open("file", 2)
    assert first is not None
    assert second is not None
    assert streams.open("file", 2) is None
    assert streams.open("another file", 2) is not None
    first()
    first()
    assert streams.count() == 2
    assert streams.open("file", 2) is not None
    assert streams.wait_for_count(3, timeout=0)


# -- speed and latency, in process, on the fake clock ---------------------------------------------


def test_each_connection_is_capped_at_the_speed_after_its_first_byte_latency() -> None:
    clock = FakeClock()
    speed, first_byte, size = 1 * MiB, 0.02, 4 * MiB
    fake = FakeOffcloud(clock=clock, far=FarServer(speed=speed, first_byte=first_byte))
    url = a_file(fake, size)
    burst = burst_for(speed)
    with fake.client() as http:
        seen = arrivals(http, url, clock)
    assert seen[-1][1] == size
    assert seen[0][0] == pytest.approx(first_byte)
    assert seen[0][1] == burst  # the burst comes with the first byte
    for elapsed, received in seen:  # then exactly `speed` bytes per second of clock time
        assert elapsed == pytest.approx(first_byte + (received - burst) / speed)
    assert len(seen) > size // (64 * KiB)  # paced in pieces no bigger than the burst


def test_the_cap_holds_on_the_async_client_too() -> None:
    clock = FakeClock()
    fake = FakeOffcloud(clock=clock, far=FarServer(speed=2 * MiB, first_byte=0.5))
    url = a_file(fake, 3 * MiB)

    async def fetch() -> int:
        async with fake.async_client() as http:
            response = await http.get(url)
        return len(response.content)

    started = clock.now()
    assert asyncio.run(fetch()) == 3 * MiB
    assert clock.now() - started == pytest.approx(0.5 + (3 * MiB - burst_for(2 * MiB)) / (2 * MiB))


def test_two_connections_side_by_side_carry_twice_the_bytes() -> None:
    clock = FakeClock()
    speed, size = 1 * MiB, 2 * MiB
    fake = FakeOffcloud(clock=clock, far=FarServer(speed=speed))
    url = a_file(fake, size)
    started = clock.now()
    with fake.client() as http, http.stream("GET", url) as one, http.stream("GET", url) as two:
        pieces = zip(one.iter_raw(), two.iter_raw(), strict=True)
        received = sum(len(a) + len(b) for a, b in pieces)
    # each has its own bucket: while one waits, the other's fills
    assert received == 2 * size
    assert clock.now() - started == pytest.approx((size - burst_for(speed)) / speed)


def test_the_sdk_downloads_at_the_cap(harness: Harness, tmp_path: Path) -> None:
    fake = harness.fake(far=FarServer(speed=4 * MiB, first_byte=0.25))
    url = a_file(fake, 8 * MiB)
    oc = harness.fake_client(fake)
    started = harness.clock.now()
    path = harness.go(oc.files.download(url, tmp_path / "far.bin", connections=1))
    assert path.stat().st_size == 8 * MiB
    # at least the first byte and the file at 4 MiB/s; an extra HEAD costs another first byte
    assert harness.clock.now() - started >= 0.25 + (8 * MiB - burst_for(4 * MiB)) / (4 * MiB)


def test_api_calls_wait_their_latency_and_files_their_own(harness: Harness) -> None:
    fake = harness.fake(far=FarServer(first_byte=0.02, api_latency=0.1))
    url = a_file(fake, 1 * MiB)
    oc = harness.fake_client(fake)
    before = harness.clock.now()
    harness.go(oc.account.info())
    assert harness.clock.now() - before == pytest.approx(0.1)
    fake.inject(Latency(2), path="/api/account/info")  # a fault adds to the latency
    before = harness.clock.now()
    harness.go(oc.account.info())
    assert harness.clock.now() - before == pytest.approx(2.1)
    clock = harness.clock
    with fake.client() as http:
        before = clock.now()
        assert http.head(url).status_code == 200
        assert clock.now() - before == pytest.approx(0.02)


def test_a_latency_past_the_read_timeout_is_a_timeout() -> None:
    clock = FakeClock()
    fake = FakeOffcloud(clock=clock, far=FarServer(first_byte=5))
    url = a_file(fake, 1 * MiB)
    with fake.client(timeout=1) as http, pytest.raises(httpx.ReadTimeout):
        http.get(url)
    assert fake.open_streams == 0  # the slot of an answer never sent is freed


# -- connections per file, in process -------------------------------------------------------------


@pytest.mark.parametrize("status", [503, 429])
def test_a_connection_past_the_limit_is_refused_with_retry_after(status: int) -> None:
    far = FarServer(max_connections=2, refuse_with=503 if status == 503 else 429, retry_after=3)
    fake = FakeOffcloud(clock=FakeClock(), far=far)
    url = a_file(fake, 1 * MiB)
    with fake.client() as http:
        with http.stream("GET", url) as one, http.stream("GET", url, headers={"Range": "bytes=9-"}):
            assert fake.open_streams == 2
            refused = http.get(url)
            assert (refused.status_code, refused.headers["retry-after"]) == (status, "3")
            assert "2 at a time" in refused.text
            assert http.head(url).status_code == 200  # a HEAD opens no stream
            one.close()  # a client that goes away frees its slot
            assert fake.open_streams == 1
            assert len(http.get(url).content) == 1 * MiB  # read to the end: freed too
        assert fake.open_streams == 0
        assert http.get(url).status_code == 200


def test_the_limit_is_per_file_and_changes_with_far() -> None:
    fake = FakeOffcloud(clock=FakeClock(), far=FarServer(max_connections=1))
    one, other = a_file(fake, 1000), a_file(fake, 1000)
    with fake.client() as http, http.stream("GET", one):
        assert http.get(other).status_code == 200
        assert http.get(one).status_code == 503
        fake.far = FarServer(max_connections=2)
        assert http.get(one).status_code == 200


def test_a_dropped_body_frees_its_slot(harness: Harness) -> None:
    fake = harness.fake(far=FarServer(max_connections=1))
    url = a_file(fake, 1 * MiB)
    fake.inject(DropConnection(after_bytes=1000), path="/cloud/download/")
    with fake.client() as http, pytest.raises(httpx.RemoteProtocolError):
        http.get(url)
    fake.inject(DropConnection(after_bytes=0), path="/cloud/download/")
    with fake.client() as http, pytest.raises(httpx.RemoteProtocolError):
        http.get(url)
    assert fake.open_streams == 0


# -- over a real socket ---------------------------------------------------------------------------


@pytest.fixture
def far_served() -> Iterator[tuple[FakeOffcloud, str]]:
    fake = FakeOffcloud(clock=FakeClock())
    with fake.serve() as base_url:
        yield fake, base_url


def test_the_server_waits_for_real(far_served: tuple[FakeOffcloud, str]) -> None:
    fake, base_url = far_served
    url = a_file(fake, 256 * KiB, base_url)
    fake.far = FarServer(speed=1 * MiB, first_byte=0.05, api_latency=0.05)
    started = time.monotonic()
    assert len(httpx.get(url).content) == 256 * KiB
    assert time.monotonic() - started >= 0.05 + (256 * KiB - burst_for(1 * MiB)) / MiB
    started = time.monotonic()
    answer = httpx.get(
        f"{base_url}/api/account/info", headers={AUTH_HEADER: f"Bearer {fake.api_key}"}
    )
    assert answer.status_code == 200
    assert time.monotonic() - started >= 0.05


def test_over_a_socket_a_client_that_leaves_frees_its_slot(
    far_served: tuple[FakeOffcloud, str],
) -> None:
    fake, base_url = far_served
    url = a_file(fake, 64 * MiB, base_url)  # at 64 KiB/s: no stream ends by itself here
    fake.far = FarServer(speed=64 * KiB, max_connections=2, refuse_with=429)
    with httpx.Client() as one, httpx.Client() as two, httpx.Client() as three:
        first = one.send(one.build_request("GET", url), stream=True)
        second = two.send(two.build_request("GET", url), stream=True)
        assert (first.status_code, second.status_code) == (200, 200)
        assert len(next(first.iter_raw())) > 0  # mid-body
        refused = three.get(url)
        assert (refused.status_code, refused.headers["retry-after"]) == (429, "1")
        first.close()  # the client goes away mid-body
        assert fake._streams.wait_for_count(1, timeout=10)
        third = three.send(three.build_request("GET", url), stream=True)
        assert third.status_code == 200
        third.close()
        second.close()
    assert fake._streams.wait_for_count(0, timeout=10)


def test_over_a_socket_a_client_that_leaves_during_the_latency_frees_its_slot(
    far_served: tuple[FakeOffcloud, str],
) -> None:
    fake, base_url = far_served
    url = a_file(fake, 1 * MiB, base_url)
    fake.far = FarServer(first_byte=600, max_connections=1)
    with httpx.Client(timeout=httpx.Timeout(5, read=0.2)) as http, pytest.raises(httpx.ReadTimeout):
        http.get(url)  # gives up long before the first byte, and closes the connection
    assert fake._streams.wait_for_count(0, timeout=10)


def test_a_stopping_server_ends_its_paced_streams() -> None:
    fake = FakeOffcloud(clock=FakeClock())
    with fake.serve() as base_url, httpx.Client() as http:
        url = a_file(fake, 64 * MiB, base_url)
        fake.far = FarServer(speed=64 * KiB)
        stream = http.send(http.build_request("GET", url), stream=True)
        assert len(next(stream.iter_raw())) > 0
        assert fake.open_streams == 1
        stopping = time.monotonic()
    assert fake._streams.wait_for_count(0, timeout=10)
    assert time.monotonic() - stopping < 10  # not the 17 minutes the body would take
    stream.close()


# -- offcloud sandbox ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("1048576", MiB),
        ("512K", 512 * KiB),
        ("512kib", 512 * KiB),
        ("8MiB", 8 * MiB),
        ("8M", 8 * MiB),
        ("1.5G", 3 * 512 * MiB),
        ("100B", 100),
        ("1TiB", 1 << 40),
        ("0.5T", 1 << 39),
    ],
)
def test_sizes_take_plain_bytes_and_binary_suffixes(text: str, size: int) -> None:
    assert _app._size("size")(text) == size
    assert _app._size("speed", per_second=True)(f"{text}/s") == size


@pytest.mark.parametrize(
    ("text", "seconds"), [("20ms", 0.02), ("0.5s", 0.5), ("2", 2.0), ("0", 0.0), ("100 ms", 0.1)]
)
def test_durations_take_ms_s_or_seconds(text: str, seconds: float) -> None:
    assert _app._duration(text) == pytest.approx(seconds)


def interrupted(seconds: float) -> None:
    raise KeyboardInterrupt  # ends the sandbox's wait for Ctrl-C at once


@pytest.mark.parametrize(
    "args",
    [
        ["--connection-speed", "0"],
        ["--connection-speed", "8MB"],
        ["--connection-speed", "-1"],
        ["--connection-speed", "2TiB"],
        ["--latency", "20min"],
        ["--latency", "3601"],
        ["--latency", "nan"],
        ["--api-latency", "-5ms"],
        ["--max-connections", "0"],
        ["--refuse-with", "500"],
        ["--file-size", "0"],
        ["--file-size", "lots"],
    ],
)
def test_the_sandbox_refuses_bad_far_options(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str]
) -> None:
    monkeypatch.setattr(time, "sleep", interrupted)
    done = CliRunner().invoke(_app.app, ["sandbox", *args], env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert done.exit_code == 2, done.output
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"offcloud: error: Invalid value for '{args[0]}'")


def test_the_sandbox_serves_as_a_far_server_with_a_big_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    served: list[FakeOffcloud] = []
    serve = FakeOffcloud.serve

    def keep(fake: FakeOffcloud, *args: Any, **kwargs: Any) -> Any:
        served.append(fake)
        return serve(fake, *args, **kwargs)

    monkeypatch.setattr(FakeOffcloud, "serve", keep)
    monkeypatch.setattr(time, "sleep", interrupted)
    args = [
        "--connection-speed", "8MiB", "--latency", "20ms", "--max-connections", "4",
        "--refuse-with", "429", "--api-latency", "100ms", "--file-size", "3MiB",
    ]  # fmt: skip
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    done = CliRunner().invoke(_app.app, ["--json", "sandbox", *args], env=env)
    assert done.exit_code == 0, done.output
    (fake,) = served
    assert fake.far == FarServer(
        speed=8 * MiB, first_byte=0.02, max_connections=4, refuse_with=429, api_latency=0.1
    )
    announced = json.loads(done.stdout)
    assert announced["file_url"].startswith(announced["base_url"] + "/cloud/download/")
    assert announced["file_url"].endswith("/big.bin")
    (request,) = fake.requests.values()
    assert fake.file(request.request_id).size == 3 * MiB

    words = CliRunner().invoke(_app.app, ["sandbox", *args], env=env)
    assert words.exit_code == 0, words.output
    assert (
        "A far server: files at 8 MiB/s per connection, 20 ms to the first byte, 4 connections "
        "per file (then 429), 100 ms per API call." in words.stderr
    )
    assert "offcloud get 'http://127.0.0.1:" in words.stderr


# -- the benchmark that uses it (benchmarks/far_download.py) ---------------------------------------


@pytest.fixture
def far_download(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import far_download

    return far_download


def test_the_benchmark_runs_its_contenders_against_the_far_sandbox(
    far_download: Any, tmp_path: Path
) -> None:
    with far_download.far_sandbox(1 * MiB) as sandbox:
        assert sandbox.file_url.startswith(f"{sandbox.base_url}/cloud/download/")
        sdk = far_download.in_child("sdk", sandbox, tmp_path / "sdk.bin", 1 * MiB, 2)
        bare = far_download.in_child("bare", sandbox, tmp_path / "bare.bin", 1 * MiB)
        wrong_size = far_download.in_child("bare", sandbox, tmp_path / "short.bin", 1 * MiB - 1)
    assert sdk.error is None
    assert bare.error is None
    assert sdk.seconds >= 0.02  # the first byte's latency, at the least
    assert sdk.peak > 0
    assert wrong_size.error == f"{MiB} bytes written, not {MiB - 1}"
    assert list(tmp_path.iterdir()) == []  # every download checked, then removed


def test_a_file_with_wrong_bytes_fails_its_check(far_download: Any, tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    path.write_bytes(b"\0" * 100_000)
    assert far_download.check_file(path, 100_000) == "wrong bytes at 0"
    assert not path.exists()


def run_of(far_download: Any, mib_s: float, size: int) -> Any:
    return far_download.Run(seconds=size / MiB / mib_s, peak=35.0)


def test_the_rows_judge_each_budget(far_download: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(far_download.shutil, "which", lambda name: f"/usr/bin/{name}")
    size = 256 * MiB
    runs = {
        "sdk1": [run_of(far_download, 7.9, size)],
        "bare": [run_of(far_download, 8.0, size)],
        "sdk8": [run_of(far_download, 60.0, size), run_of(far_download, 62.0, size)],
        "aria2c": [run_of(far_download, 61.0, size)],
        "curl": [run_of(far_download, 8.0, size)],
        "check": [far_download.Run(seconds=2.5)],
    }
    rows = far_download.rows(runs, size)
    assert [(row.ours, row.baseline, row.met) for row in rows] == [
        (pytest.approx(7.9), pytest.approx(8.0), True),
        (pytest.approx(61.0), None, True),  # the median of the two, over 57.6 MiB/s
        (pytest.approx(61.0), pytest.approx(61.0), True),
        (pytest.approx(61.0), None, True),  # aria2c: the reference
        (pytest.approx(8.0), None, True),  # curl: shown
        (35.0, None, True),
        (2.5, None, False),  # over the 2 s budget
    ]


def test_a_missing_keyword_or_tool_fails_its_rows_saying_why(
    far_download: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(far_download.shutil, "which", lambda name: None)
    size = 64 * MiB
    error = "TypeError: FilesResource.download() got an unexpected keyword argument 'connections'"
    runs = {
        "sdk1": [far_download.Run(error=error)],
        "bare": [run_of(far_download, 8.0, size)],
        "sdk8": [far_download.Run(error=error)],
        "aria2c": [],
        "curl": [],
        "check": [far_download.Run(seconds=1.5)],
    }
    rows = far_download.rows(runs, size)
    assert [row.met for row in rows] == [False, False, False, False, False, True]
    assert all(error in row.measure for row in (rows[0], rows[1], rows[2], rows[4]))
    assert rows[3].measure == "aria2c: missing: apt-get install aria2"
    assert "n/a" in far_download.render(rows)


def test_waits_are_described_as_people_write_them() -> None:
    from offcloud_sdk.testing._far import describe

    far = FarServer(first_byte=1.5, api_latency=0.02)
    assert describe(far) == "1.5 s to the first byte, 20 ms per API call"
