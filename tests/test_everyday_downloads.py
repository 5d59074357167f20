"""Issue 13: downloads as people use them — long names, two downloads at once, redirects,
a folder in the way, a new folder as `dest`, and timeouts that cannot work."""

from __future__ import annotations

import math
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from sdk_support import BASE, KEY, Harness

from offcloud_sdk import AsyncOffcloud, Offcloud
from offcloud_sdk._downloads import part_files
from offcloud_sdk._downloads.downloads import DownloadProgress
from offcloud_sdk.exceptions import (
    DownloadInProgressError,
    InvalidArgumentError,
    LocalFileError,
    NotFoundError,
    OffcloudError,
    UnexpectedResponseError,
)
from offcloud_sdk.testing import DropConnection, FakeOffcloud
from offcloud_sdk.testing._answer import Answer

STORAGE = "https://storage.test"


def finished(harness: Harness, files: dict[str, int | bytes]) -> tuple[FakeOffcloud, Any, str]:
    """A fake with one finished request of `files`; (fake, client, request id)."""
    fake = harness.fake()
    oc = harness.fake_client(fake)
    request = harness.go(oc.cloud.add(url=fake.add_torrent("Show", files, cached=True)))
    return fake, oc, request.request_id


def first_link(harness: Harness, oc: Any, request_id: str) -> str:
    return str(harness.go(oc.cloud.files(request_id))[0].url)


def mock_http(harness: Harness, answer: Callable[[httpx.Request], httpx.Response]) -> Any:
    kind = httpx.AsyncClient if harness.is_async else httpx.Client
    return kind(transport=httpx.MockTransport(answer))


def answer_for(fake: FakeOffcloud, replace: Callable[[httpx.Request], Answer | None]) -> None:
    """Let `replace` answer a request first (None: the fake answers it)."""
    handle = fake.handle

    def answering(request: httpx.Request) -> Answer:
        return replace(request) or handle(request)

    fake.handle = answering  # type: ignore[method-assign]


# -- 1. long names --------------------------------------------------------------------------------


def test_a_legal_252_byte_name_downloads_under_that_name(harness: Harness, tmp_path: Path) -> None:
    fake, oc, request_id = finished(harness, {"e01.mkv": 5000})
    dest = tmp_path / ("n" * 248 + ".mkv")
    got = harness.go(oc.files.download(first_link(harness, oc, request_id), dest))
    assert got == dest
    assert got.read_bytes() == fake.file(request_id, "e01.mkv").read()
    assert list(tmp_path.iterdir()) == [dest]


def test_a_name_the_file_system_refuses_is_shortened_keeping_its_extension(
    harness: Harness, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake, oc, request_id = finished(harness, {"e01.mkv": 5000})
    dest = tmp_path / ("漢" * 90 + ".mkv")  # 274 bytes in UTF-8: more than 255
    caplog.set_level("WARNING", logger="offcloud_sdk")
    got = harness.go(oc.files.download(first_link(harness, oc, request_id), dest))
    assert got.parent == tmp_path
    assert got.name.startswith("漢" * 50)
    assert got.suffix == ".mkv"
    assert len(got.name.encode()) <= 255
    assert got.read_bytes() == fake.file(request_id, "e01.mkv").read()
    assert list(tmp_path.iterdir()) == [got]
    warnings = [r for r in caplog.records if r.name.startswith("offcloud_sdk")]
    assert any("shortened" in r.getMessage() and got.name in r.getMessage() for r in warnings)


def test_a_name_refused_at_every_length_says_it_cannot_be_created(
    harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake, oc, request_id = finished(harness, {"e01.mkv": b"episode"})
    link = first_link(harness, oc, request_id)
    monkeypatch.setattr(part_files, "_too_long", lambda path: True)  # a file system taking none
    with pytest.raises(LocalFileError, match=r"cannot create .*refuses the name"):
        harness.go(oc.files.download(link, tmp_path / "e01.mkv"))
    assert list(tmp_path.iterdir()) == []


def test_a_free_name_beside_a_252_byte_name_fits_too(harness: Harness, tmp_path: Path) -> None:
    _fake, oc, request_id = finished(harness, {"e01.mkv": b"episode"})
    dest = tmp_path / ("n" * 248 + ".mkv")
    dest.write_bytes(b"someone else's")
    got = harness.go(oc.files.download(first_link(harness, oc, request_id), dest))
    assert got.name.endswith(" (2).mkv")
    assert len(got.name.encode()) <= 252
    assert got.read_bytes() == b"episode"
    assert dest.read_bytes() == b"someone else's"


def test_one_failing_file_does_not_stop_the_others(harness: Harness, tmp_path: Path) -> None:
    files: dict[str, int | bytes] = {"a.txt": b"a", "b.txt": b"b", "c.txt": b"c"}
    fake, oc, request_id = finished(harness, files)
    answer_for(fake, lambda r: Answer(404) if r.url.path.endswith("/b.txt") else None)
    with pytest.raises(NotFoundError) as caught:
        harness.go(oc.cloud.download(request_id, tmp_path))
    assert str(tmp_path / "Show" / "b.txt") in str(caught.value)
    assert "1 of 3 files failed" in str(caught.value)
    assert (tmp_path / "Show" / "a.txt").read_bytes() == b"a"
    assert (tmp_path / "Show" / "c.txt").read_bytes() == b"c"
    assert not (tmp_path / "Show" / "b.txt").exists()


# -- 2. one download per destination at a time -------------------------------------------------


@pytest.mark.parametrize("where", ["same thread", "other thread"])
def test_a_second_download_to_the_same_dest_fails_fast_and_writes_nothing(
    harness: Harness, tmp_path: Path, where: str
) -> None:
    fake, oc, request_id = finished(harness, {"e01.mkv": 3 << 20})
    link = first_link(harness, oc, request_id)
    dest = tmp_path / "e01.mkv"
    part = tmp_path / "e01.mkv.part"
    second = Offcloud(fake.api_key, base_url=BASE, http_client=fake.client())
    outcomes: list[BaseException | Path] = []
    sizes: list[tuple[int, int]] = []

    def run_second() -> None:
        try:
            outcomes.append(second.files.download(link, dest, resume=False, overwrite=True))
        except BaseException as exc:
            outcomes.append(exc)

    def progress(report: DownloadProgress) -> None:
        if report.done and not outcomes:  # the first download is writing its part file
            before = part.stat().st_size
            if where == "same thread":
                run_second()
            else:
                thread = threading.Thread(target=run_second)
                thread.start()
                thread.join()
            sizes.append((before, part.stat().st_size))

    with second:
        got = harness.go(oc.files.download(link, dest, on_progress=progress))
        (error,) = outcomes
        assert isinstance(error, DownloadInProgressError)
        assert isinstance(error, LocalFileError)
        assert "another download" in str(error)
        assert str(dest) in str(error)
        assert sizes[0][0] == sizes[0][1] > 0  # it neither wrote nor dropped the part
        assert got == dest
        assert dest.read_bytes() == fake.file(request_id, "e01.mkv").read()
        # released on every way out: after a failure as after a success
        fake.inject(DropConnection(after_bytes=0), times=None, path="/cloud/download/")
        with pytest.raises(OffcloudError):
            second.with_options(max_retries=0).files.download(link, dest, overwrite=True)
        fake.clear_faults()
        assert second.files.download(link, dest, overwrite=True) == dest
    assert [p.name for p in tmp_path.iterdir()] == ["e01.mkv"]


HOLD_LOCK = """
import fcntl, sys
with open(sys.argv[1], "a+b") as file:
    fcntl.flock(file, fcntl.LOCK_EX)
    print("locked", flush=True)
    sys.stdin.readline()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX flock")
def test_another_process_downloading_blocks_until_it_ends_or_is_killed(tmp_path: Path) -> None:
    fake = FakeOffcloud()
    magnet = fake.add_torrent("Show", {"e01.mkv": b"episode"}, cached=True)
    with Offcloud(fake.api_key, base_url=BASE, http_client=fake.client()) as oc:
        request = oc.cloud.add(url=magnet)
        link = oc.cloud.files(request.request_id)[0].url
        with subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(tmp_path / "e01.mkv.part.lock")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        ) as holder:
            try:
                assert holder.stdout is not None
                assert holder.stdout.readline() == b"locked\n"
                with pytest.raises(DownloadInProgressError, match="another download"):
                    oc.files.download(link, tmp_path)
                assert not (tmp_path / "e01.mkv").exists()
                assert not (tmp_path / "e01.mkv.part").exists()
            finally:
                holder.kill()  # as a crash would: the lock file stays, its lock does not
        assert (tmp_path / "e01.mkv.part.lock").exists()
        assert oc.files.download(link, tmp_path).read_bytes() == b"episode"


def test_no_torrent_plants_a_lock_and_no_file_of_a_user_is_taken_for_one(
    harness: Harness, tmp_path: Path
) -> None:
    files: dict[str, int | bytes] = {"e01.mkv.part.lock": b"planted", "e01.mkv": b"episode"}
    _fake, oc, request_id = finished(harness, files)
    mine = tmp_path / "Show" / "e02.mkv.part.lock"
    mine.parent.mkdir()
    mine.write_bytes(b"a file of my own")
    paths = harness.go(oc.cloud.download(request_id, tmp_path))
    assert [p.name for p in paths] == ["e01.mkv.part.lock_", "e01.mkv"]
    assert [p.read_bytes() for p in paths] == [b"planted", b"episode"]
    link = harness.go(oc.cloud.files(request_id))[1].url
    harness.go(oc.files.download(link, tmp_path / "Show" / "e02.mkv"))
    assert mine.read_bytes() == b"a file of my own"


# -- 3. redirects -------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_downloads_follow_redirects_and_the_key_stays_home(
    harness: Harness, tmp_path: Path, status: int
) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "offcloud.test":
            return httpx.Response(status, headers={"location": f"{STORAGE}/f.bin?t=1&k={KEY}"})
        return httpx.Response(200, content=b"data")

    oc = harness.client(http_client=mock_http(harness, answer), key_in="both")
    got = harness.go(oc.files.download(f"{BASE}/cloud/download/x/f.bin", tmp_path))
    assert got.read_bytes() == b"data"
    assert [r.url.host for r in seen] == ["offcloud.test", "storage.test"]
    assert seen[0].headers["authorization"] == f"Bearer {KEY}"
    assert "authorization" not in seen[1].headers
    assert KEY not in str(seen[1].url)
    assert seen[1].url.params["t"] == "1"


@pytest.mark.parametrize(
    "hops",
    [
        ["https://offcloud.test/a", "http://offcloud.test/b"],  # down to plain http
        ["https://offcloud.test/a", "https://offcloud.test:8443/b"],
        ["https://offcloud.test/a", "https://storage.test/b", "https://offcloud.test/c"],
    ],
)
def test_the_key_never_crosses_to_another_origin_on_any_hop(
    harness: Harness, tmp_path: Path, hops: list[str]
) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) < len(hops):
            return httpx.Response(302, headers={"location": hops[len(seen)]})
        return httpx.Response(200, content=b"data")

    oc = harness.client(http_client=mock_http(harness, answer), key_in="both")
    harness.go(oc.files.download(hops[0], tmp_path / "f.bin"))
    assert [str(r.url) for r in seen] == hops
    assert seen[0].headers["authorization"] == f"Bearer {KEY}"
    assert all("authorization" not in r.headers for r in seen[1:])


def test_redirects_are_bounded(harness: Harness, tmp_path: Path) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(302, headers={"location": f"/hop/{len(seen)}"})

    oc = harness.client(http_client=mock_http(harness, answer))
    with pytest.raises(UnexpectedResponseError, match="more than 10 redirects"):
        harness.go(oc.files.download(f"{STORAGE}/f.bin", tmp_path))
    assert len(seen) == 11
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://storage.test/f.bin"])
def test_a_redirect_to_another_scheme_is_an_error(
    harness: Harness, tmp_path: Path, location: str
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": location})

    oc = harness.client(http_client=mock_http(harness, answer))
    with pytest.raises(UnexpectedResponseError, match="not http"):
        harness.go(oc.files.download(f"{BASE}/cloud/download/x/f.bin", tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_resume_goes_on_through_a_redirect(harness: Harness, tmp_path: Path) -> None:
    fake, oc, request_id = finished(harness, {"e01.mkv": 3 << 20})
    link = first_link(harness, oc, request_id)
    ranges: list[tuple[str | None, str | None]] = []

    def redirect(request: httpx.Request) -> Answer | None:
        if request.url.host == "offcloud.test" and request.url.path.startswith("/cloud/"):
            return Answer(302, {"Location": STORAGE + request.url.raw_path.decode()})
        ranges.append((request.headers.get("range"), request.headers.get("if-range")))
        assert "authorization" not in request.headers
        return None

    answer_for(fake, redirect)
    fake.inject(DropConnection(after_bytes=1 << 20), path="/cloud/download/")
    fake.inject(DropConnection(after_bytes=0), times=None, path="/cloud/download/")
    with pytest.raises(Exception, match="resume=True"):
        harness.go(oc.files.download(link, tmp_path))
    fake.clear_faults()
    got = harness.go(oc.files.download(link, tmp_path))
    assert got.read_bytes() == fake.file(request_id, "e01.mkv").read()
    assert ranges[0] == (None, None)
    assert ranges[-1] == (f"bytes={1 << 20}-", fake.file(request_id, "e01.mkv").etag)


# -- 4. a folder where the file goes --------------------------------------------------------------


def test_a_folder_where_a_file_goes_is_an_error_and_the_others_download(
    harness: Harness, tmp_path: Path
) -> None:
    _fake, oc, request_id = finished(harness, {"e01.mkv": b"one", "e02.mkv": b"two"})
    (tmp_path / "Show" / "e01.mkv").mkdir(parents=True)
    with pytest.raises(LocalFileError) as caught:
        harness.go(oc.cloud.download(request_id, tmp_path))
    assert str(tmp_path / "Show" / "e01.mkv") in str(caught.value)
    assert "folder" in str(caught.value)
    assert list((tmp_path / "Show" / "e01.mkv").iterdir()) == []
    assert (tmp_path / "Show" / "e02.mkv").read_bytes() == b"two"


def test_a_folder_in_place_of_a_single_file_is_an_error(harness: Harness, tmp_path: Path) -> None:
    fake = harness.fake()
    oc = harness.fake_client(fake)
    request = harness.go(oc.cloud.add(url="https://hoster.example/single.mkv"))
    harness.go(oc.cloud.wait(request.request_id))
    (tmp_path / "single.mkv").mkdir()
    with pytest.raises(LocalFileError, match=r"single\.mkv is a folder"):
        harness.go(oc.cloud.download(request.request_id, tmp_path))
    assert list((tmp_path / "single.mkv").iterdir()) == []


# -- 5. a new folder as dest ----------------------------------------------------------------------


def test_a_path_naming_a_new_folder_becomes_that_folder(harness: Harness, tmp_path: Path) -> None:
    _fake, oc, request_id = finished(harness, {"e01.mkv": b"one"})
    link = first_link(harness, oc, request_id)
    got = harness.go(oc.files.download(link, Path(f"{tmp_path}/newdir/")))
    assert got == tmp_path / "newdir" / "e01.mkv"
    assert got.read_bytes() == b"one"
    # a name with an extension, or a str without a trailing separator, is the file itself
    assert harness.go(oc.files.download(link, tmp_path / "a.mkv")) == tmp_path / "a.mkv"
    assert harness.go(oc.files.download(link, str(tmp_path / "plain"))) == tmp_path / "plain"
    assert (tmp_path / "plain").read_bytes() == b"one"


# -- timeouts -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "timeout",
    [
        math.inf,
        math.nan,
        httpx.Timeout(math.inf),
        httpx.Timeout(5.0, connect=math.nan),
        httpx.Timeout(5.0, pool=0.0),
        httpx.Timeout(5.0, write=-1.0),
        httpx.Timeout(5.0, read=True),  # type: ignore[arg-type]
        1e300,
        10**400,
    ],
    ids=lambda value: str(value)[:60],
)
@pytest.mark.parametrize("kind", [Offcloud, AsyncOffcloud])
def test_a_timeout_must_be_finite_and_positive(kind: type[Any], timeout: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="timeout"):
        kind(KEY, base_url=BASE, timeout=timeout)


@pytest.mark.parametrize("total", [math.inf, 1e300, 10**400], ids=["inf", "1e300", "10**400"])
def test_a_total_timeout_must_be_finite(total: float) -> None:
    with pytest.raises(InvalidArgumentError, match="total_timeout"):
        Offcloud(KEY, base_url=BASE, total_timeout=total)


def test_a_closed_client_is_not_a_network_error(harness: Harness, tmp_path: Path) -> None:
    from offcloud_sdk.exceptions import APIConnectionError, ClientClosedError

    oc = harness.client()
    harness.go(oc.aclose() if harness.is_async else oc.close())
    for call in (lambda: oc.account.info(), lambda: oc.files.download(f"{BASE}/x", tmp_path)):
        with pytest.raises(ClientClosedError, match="closed") as caught:
            harness.go(call())
        assert not isinstance(caught.value, APIConnectionError)


@pytest.mark.parametrize("location", ["javascript:alert(1)", "mailto:x@y.test", "data:,x"])
def test_a_location_that_is_no_link_is_an_offcloud_error(
    harness: Harness, tmp_path: Path, location: str
) -> None:
    from offcloud_sdk.exceptions import UnexpectedResponseError

    oc = harness.client(max_retries=0)
    with respx.mock() as mock:
        mock.get(f"{BASE}/dl/a.bin").respond(302, headers={"Location": location})
        with pytest.raises(UnexpectedResponseError, match="not a link"):
            harness.go(oc.files.download(f"{BASE}/dl/a.bin", tmp_path / "a.bin"))
    assert list(tmp_path.iterdir()) == []


def test_credentials_in_a_location_are_not_sent(harness: Harness, tmp_path: Path) -> None:
    oc = harness.client(max_retries=0)
    with respx.mock() as mock:
        mock.get(f"{BASE}/dl/a.bin").respond(
            302, headers={"Location": "https://user:pass@cdn.test/a.bin"}
        )
        cdn = mock.get("https://cdn.test/a.bin").respond(200, content=b"abc")
        harness.go(oc.files.download(f"{BASE}/dl/a.bin", tmp_path / "a.bin"))
    sent = cdn.calls.last.request
    assert "authorization" not in sent.headers
    assert sent.url.userinfo == b""


@pytest.mark.parametrize("timeout", [float("nan"), -1, 0, True, "5", 1e9])
def test_a_wait_timeout_must_be_finite_and_positive(harness: Harness, timeout: object) -> None:
    from offcloud_sdk.exceptions import InvalidArgumentError

    oc = harness.client()
    with pytest.raises(InvalidArgumentError, match="timeout must be a number of seconds"):
        harness.go(oc.cloud.wait("r1", timeout=timeout))
