"""`offcloud get -x N -j K`: several files at once, a live bar each with its speed and time
left on a terminal, nothing animated elsewhere; and the bars' own checks (speed, time left,
one bar per file whichever thread reports).

In process (`CliRunner`) against a `FakeOffcloud` on 127.0.0.1, and `Bars` on a rich console
that writes to a string. The bars read time through `_progress._now`, which the tests stand
in for: nothing sleeps."""

from __future__ import annotations

import io
import itertools
import json
import re
import threading
from pathlib import Path

import pytest
from cli_support import Served, one_line, run
from rich.console import Console

from offcloud_sdk import Offcloud, _resources
from offcloud_sdk._downloads import segmented
from offcloud_sdk._downloads.downloads import DownloadProgress
from offcloud_sdk._flows import cloud_files
from offcloud_sdk.cli import _app, _progress
from offcloud_sdk.cli._output import Output

FILES: dict[str, int | bytes] = {
    "S1/e01.mkv": 300_000,
    "S1/e02.mkv": 200_000,
    "e03.mkv": 150_000,
    "\x1b]0;owned\x07e04.mkv": b"four",  # a name that would retitle the terminal
}
SPEED = re.compile(r"\d+(\.\d)? (B|KiB|MiB)/s")
TIME_LEFT = re.compile(r"\d+:\d\d:\d\d")


def request_of(served: Served, name: str) -> str:
    fake, base_url = served
    magnet = fake.add_torrent(name, FILES, cached=True)
    with Offcloud(fake.api_key, base_url=base_url) as oc:
        return oc.cloud.add(url=magnet).request_id


@pytest.fixture
def ticking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bars whose clock moves 10 ms each time it is read."""
    ticks = itertools.count()
    monkeypatch.setattr(_progress, "_now", lambda: next(ticks) / 100)


def test_get_x_8_j_2_downloads_a_request_with_a_bar_per_file(
    served: Served, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ticking: None
) -> None:
    fake, _ = served
    request_id = request_of(served, "Parallel")
    monkeypatch.setattr(Output, "live", property(lambda self: True))  # as on a terminal
    out = tmp_path / "out"
    done = run(
        served, tmp_path, "get", request_id, "-x", "8", "-j", "2", "-o", str(out), FORCE_COLOR="1"
    )
    assert done.exit_code == 0, done.output
    for path in FILES:
        landed = out / "Parallel" / path
        if "\x1b" in path:  # its control characters are cleaned on disk too
            landed = next((out / "Parallel").glob("*e04.mkv"))
        assert landed.read_bytes() == fake.file(request_id, path).read()
    screen = done.stderr
    assert "\x1b]0;owned" not in screen  # the name made inert
    assert "\x07" not in screen
    rows = [line for line in screen.splitlines() if ".mkv" in line]
    for name in ("e01.mkv", "e02.mkv", "e03.mkv"):  # e04, one chunk, has no speed to show
        row = next(line for line in reversed(rows) if name in line)  # its last frame
        assert SPEED.search(row), row
        assert TIME_LEFT.search(row), row
    assert any("e04.mkv" in row and "4/4 bytes" in row for row in rows)
    assert "293.0/293.0 KiB" in screen  # e01, whole


def test_the_cli_passes_k_and_n_to_the_library(
    served: Served, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    request_id = request_of(served, "Passed")
    asked: list[dict[str, object]] = []
    real = _resources.CloudResource.download

    def spy(self: object, *args: object, **options: object) -> object:
        asked.append({k: options[k] for k in ("parallel", "connections")})
        return real(self, *args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(_resources.CloudResource, "download", spy)
    out = ["-o", str(tmp_path / "out")]  # not the working folder
    assert (
        run(served, tmp_path, "--json", "get", request_id, "-x", "8", "-j", "2", *out).exit_code
        == 0
    )
    assert (
        run(served, tmp_path, "--json", "get", request_id, "--parallel", "5", *out).exit_code == 0
    )
    assert run(served, tmp_path, "--json", "get", request_id, *out).exit_code == 0
    assert asked == [
        {"parallel": 2, "connections": 8},
        {"parallel": 5, "connections": None},
        {"parallel": cloud_files.DEFAULT_PARALLEL, "connections": None},  # the library's
    ]


def test_the_cli_defaults_are_the_library_s() -> None:
    assert _app.DEFAULT_PARALLEL == cloud_files.DEFAULT_PARALLEL
    assert _app.MAX_PARALLEL == cloud_files.MAX_PARALLEL
    assert _app.MAX_CONNECTIONS == segmented.MAX_CONNECTIONS


def test_nothing_animated_on_a_pipe(served: Served, tmp_path: Path) -> None:
    request_id = request_of(served, "Piped")
    done = run(served, tmp_path, "get", request_id, "-j", "3", "-o", str(tmp_path / "o"))
    assert done.exit_code == 0, done.output
    assert done.stderr == ""
    as_json = run(served, tmp_path, "--json", "get", request_id, "-j", "3", "-o", str(tmp_path))
    assert as_json.exit_code == 0
    assert as_json.stderr == ""
    assert len(json.loads(as_json.stdout)) == len(FILES)


@pytest.mark.parametrize(
    "args",
    [
        ["-j", "0"],
        ["-j", "-1"],
        ["-j", "17"],
        ["-j", "two"],
        ["-x", "0"],
        ["-x", "33"],
        ["--connections", "x"],
    ],
)
def test_bad_counts_are_usage_errors(served: Served, tmp_path: Path, args: list[str]) -> None:
    done = run(served, tmp_path, "get", "5f2b6c3e9d1a4b7c8e0f1a2b", *args)
    assert done.exit_code == 2, done.output
    line = one_line(done.stderr)
    assert line.startswith("offcloud: error: ")
    assert args[0] in line


# -- the bars themselves ------------------------------------------------------------------------


def drawn(run_bars: object) -> str:
    screen = io.StringIO()
    output = Output(stderr=Console(file=screen, force_terminal=True, width=150))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Output, "live", property(lambda self: True))
        with _progress.Bars(output, bytes_mode=True) as bars:
            run_bars(bars)  # type: ignore[operator]
    return screen.getvalue()


def last_row(screen: str, name: str) -> str:
    """The last frame's row of `name`."""
    return [line for line in screen.splitlines() if name in line][-1]


def test_a_bar_shows_the_speed_and_the_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [0.0]
    monkeypatch.setattr(_progress, "_now", lambda: now[0])
    kib = 1024
    path = Path("big.bin")

    def feed(bars: _progress.Bars) -> None:
        for second, done in ((0, 0), (1, 100 * kib), (2, 200 * kib)):
            now[0] = float(second)
            bars.download(DownloadProgress(path, done, 1000 * kib))

    last = last_row(drawn(feed), "big.bin")
    assert "200.0/1,000.0 KiB" in last
    assert "100.0 KiB/s" in last  # 100 KiB in the last second
    assert "0:00:08" in last  # 800 KiB left at that speed


def test_a_resumed_file_s_first_bytes_are_no_speed(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [0.0]
    monkeypatch.setattr(_progress, "_now", lambda: now[0])
    path = Path("resumed.bin")

    def feed(bars: _progress.Bars) -> None:
        for second, done in ((0, 900_000), (1, 910_240), (2, 920_480)):
            now[0] = float(second)
            bars.download(DownloadProgress(path, done, 1_000_000))

    last = last_row(drawn(feed), "resumed.bin")
    assert "10.0 KiB/s" in last  # not 900 KB in the first second


def test_threads_reporting_at_once_get_one_bar_per_file(ticking: None) -> None:
    names = [Path(f"f{n}.bin") for n in range(4)]
    start = threading.Barrier(8)
    bars_seen: list[int] = []

    def feed(bars: _progress.Bars) -> None:
        def report(offset: int) -> None:
            start.wait(timeout=30)
            for done in range(1, 201):
                bars.download(DownloadProgress(names[(offset + done) % 4], done, 200))

        threads = [threading.Thread(target=report, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        bars_seen.append(len(bars._progress.tasks))

    screen = drawn(feed)
    assert bars_seen == [4]
    assert all(name.name in screen for name in names)
