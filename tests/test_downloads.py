"""`files.download` and `cloud.download`: complete, resumable, safe files, on both clients."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import httpx
import pytest
from sdk_support import KEY, Harness

from offcloud_sdk import Offcloud
from offcloud_sdk._downloads.downloads import DownloadProgress
from offcloud_sdk._downloads.part_files import PartRecord, source_of, write_record
from offcloud_sdk._downloads.safe_paths import safe_destination, safe_name
from offcloud_sdk.exceptions import (
    APIConnectionError,
    AuthError,
    ClientClosedError,
    InvalidArgumentError,
    LocalFileError,
    NotFoundError,
    OffcloudError,
    UnexpectedResponseError,
)
from offcloud_sdk.testing import DropConnection, FakeClock, FakeOffcloud, RateLimit, ServerErrors
from offcloud_sdk.testing._content import FakeFile
from offcloud_sdk.testing._storage import LAST_MODIFIED

SIZE = 3 * (1 << 20) + 12345


def finished(harness: Harness, files: dict[str, int | bytes] | None = None) -> tuple[Any, Any, str]:
    """A fake with one finished request; (fake, client, request id)."""
    fake = harness.fake()
    oc = harness.fake_client(fake)
    magnet = fake.add_torrent("Show", files or {"e01.mkv": SIZE, "e02.mkv": b"two"}, cached=True)
    request = harness.go(oc.cloud.add(url=magnet))
    return fake, oc, request.request_id


def first_link(harness: Harness, oc: Any, request_id: str) -> str:
    return str(harness.go(oc.cloud.files(request_id))[0].url)


def test_a_file_downloads_whole_and_the_part_file_is_gone(harness: Harness, tmp_path: Path) -> None:
    fake, oc, request_id = finished(harness)
    progress: list[DownloadProgress] = []
    dest = tmp_path / "out" / "e01.mkv"
    got = harness.go(
        oc.files.download(first_link(harness, oc, request_id), dest, on_progress=progress.append)
    )
    assert got == dest
    assert dest.read_bytes() == fake.file(request_id, "e01.mkv").read()
    assert list(dest.parent.iterdir()) == [dest]
    assert progress[0].done == 0
    assert progress[-1] == DownloadProgress(dest, SIZE, SIZE)
    assert [p.done for p in progress] == sorted(p.done for p in progress)
    assert progress[-1].fraction == 1.0


def test_a_folder_as_dest_takes_the_name_from_the_link(harness: Harness, tmp_path: Path) -> None:
    _fake, oc, request_id = finished(harness)
    got = harness.go(oc.files.download(first_link(harness, oc, request_id), tmp_path))
    assert got == tmp_path / "e01.mkv"


@pytest.mark.parametrize("drops", [1, 5, 20])
def test_a_dropped_transfer_resumes_at_once(harness: Harness, tmp_path: Path, drops: int) -> None:
    fake, oc, request_id = finished(harness)
    step = SIZE // (drops + 1)
    for n in range(drops):
        fake.inject(DropConnection(after_bytes=step - n), path="/cloud/download/")
    dest = harness.go(oc.files.download(first_link(harness, oc, request_id), tmp_path / "f"))
    assert dest.read_bytes() == fake.file(request_id, "e01.mkv").read()
    assert not (tmp_path / "f.part").exists()
    downloads = [path for method, path in fake.calls if path.startswith("/cloud/download/")]
    assert len(downloads) == drops + 1


def test_giving_up_keeps_the_part_and_a_later_call_resumes(
    harness: Harness, tmp_path: Path
) -> None:
    fake, oc, request_id = finished(harness)
    link = first_link(harness, oc, request_id)
    dest = tmp_path / "e01.mkv"
    fake.inject(DropConnection(after_bytes=1 << 20), path="/cloud/download/")
    fake.inject(DropConnection(after_bytes=0), times=None, path="/cloud/download/")
    with pytest.raises(APIConnectionError, match="resume=True") as caught:
        harness.go(oc.files.download(link, dest))
    assert KEY not in str(caught.value)
    assert not dest.exists()
    assert (tmp_path / "e01.mkv.part").stat().st_size == 1 << 20
    fake.clear_faults()
    seen: list[str | None] = []
    record_ranges(fake, seen)
    harness.go(oc.files.download(link, dest))
    assert seen == [f"bytes={1 << 20}-"]
    assert dest.read_bytes() == fake.file(request_id, "e01.mkv").read()


def record_ranges(fake: FakeOffcloud, seen: list[str | None]) -> None:
    handle = fake.handle

    def recording(request: httpx.Request) -> Any:
        if request.url.path.startswith("/cloud/download/"):
            seen.append(request.headers.get("range"))
        return handle(request)

    fake.handle = recording  # type: ignore[method-assign]


def test_resume_false_starts_over(harness: Harness, tmp_path: Path) -> None:
    fake, oc, request_id = finished(harness)
    (tmp_path / "e01.mkv.part").write_bytes(b"garbage")
    seen: list[str | None] = []
    record_ranges(fake, seen)
    dest = harness.go(
        oc.files.download(first_link(harness, oc, request_id), tmp_path / "e01.mkv", resume=False)
    )
    assert seen == [None]
    assert dest.read_bytes() == fake.file(request_id, "e01.mkv").read()


def test_a_part_file_that_no_longer_fits_is_replaced(harness: Harness, tmp_path: Path) -> None:
    fake, oc, request_id = finished(harness)
    (tmp_path / "e01.mkv.part").write_bytes(b"x" * (SIZE + 10))  # longer than the file: 416
    dest = harness.go(oc.files.download(first_link(harness, oc, request_id), tmp_path / "e01.mkv"))
    assert dest.read_bytes() == fake.file(request_id, "e01.mkv").read()


def left_part(part: Path, file: FakeFile, link: str, length: int) -> None:
    """A part file as an interrupted download leaves it: the first bytes, and its record."""
    part.write_bytes(file.read(0, length))
    record = PartRecord(file.size, file.etag, LAST_MODIFIED, source_of(link))
    write_record(part, record)


def test_a_complete_part_file_is_just_renamed(harness: Harness, tmp_path: Path) -> None:
    fake, oc, request_id = finished(harness)
    link = first_link(harness, oc, request_id)
    left_part(tmp_path / "e01.mkv.part", fake.file(request_id, "e01.mkv"), link, SIZE)
    seen: list[str | None] = []
    record_ranges(fake, seen)
    dest = harness.go(oc.files.download(link, tmp_path / "e01.mkv"))
    assert seen == [f"bytes={SIZE}-"]
    assert dest.stat().st_size == SIZE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e01.mkv"]


def test_a_server_that_ignores_range_gets_the_whole_file_again(
    harness: Harness, tmp_path: Path
) -> None:
    fake, oc, request_id = finished(harness)
    data = fake.file(request_id, "e01.mkv").read()
    link = first_link(harness, oc, request_id)
    left_part(tmp_path / "e01.mkv.part", fake.file(request_id, "e01.mkv"), link, 1000)
    handle = fake.handle
    asked: list[str | None] = []

    def no_ranges(request: httpx.Request) -> Any:
        asked.append(request.headers.get("range"))
        if "range" in request.headers:
            del request.headers["range"]
        return handle(request)

    fake.handle = no_ranges  # type: ignore[method-assign]
    dest = harness.go(oc.files.download(link, tmp_path / "e01.mkv"))
    assert asked == ["bytes=1000-"]
    assert dest.read_bytes() == data


def test_busy_storage_is_retried(harness: Harness, tmp_path: Path) -> None:
    fake, oc, request_id = finished(harness)
    fake.inject(RateLimit(retry_after=2), path="/cloud/download/")
    fake.inject(ServerErrors(503), path="/cloud/download/")
    harness.go(oc.files.download(first_link(harness, oc, request_id), tmp_path))
    assert 2.0 in harness.clock.sleeps


@pytest.mark.parametrize(
    ("status", "error"), [(404, NotFoundError), (403, AuthError), (410, OffcloudError)]
)
def test_failed_answers_raise_the_typed_error(
    harness: Harness, tmp_path: Path, status: int, error: type[Exception]
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, text="Page not found.")

    http = (httpx.AsyncClient if harness.is_async else httpx.Client)(
        transport=httpx.MockTransport(answer)
    )
    oc = harness.client(http_client=http)
    with pytest.raises(error) as caught:
        harness.go(oc.files.download("https://fr-1.offcloud.com/cloud/download/x/f.bin", tmp_path))
    assert caught.value.__class__ is not OffcloudError or status == 410
    assert list(tmp_path.iterdir()) == []


def test_the_key_goes_only_to_the_api_host_and_never_in_the_url(
    harness: Harness, tmp_path: Path
) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=b"data")

    http = (httpx.AsyncClient if harness.is_async else httpx.Client)(
        transport=httpx.MockTransport(answer)
    )
    oc = harness.client(http_client=http, key_in="both")
    harness.go(oc.files.download("https://fr-1.offcloud.com/cloud/download/x/a.bin", tmp_path))
    harness.go(oc.files.download("https://offcloud.test/cloud/download/x/b.bin", tmp_path))
    assert "authorization" not in seen[0].headers
    assert seen[1].headers["authorization"] == f"Bearer {KEY}"
    assert all(KEY not in str(request.url) for request in seen)


def test_the_key_never_reaches_the_log(
    harness: Harness, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake, oc, request_id = finished(harness)
    caplog.set_level("DEBUG")
    fake.inject(DropConnection(after_bytes=1000), path="/cloud/download/")
    harness.go(oc.files.download(first_link(harness, oc, request_id) + f"?key={KEY}", tmp_path))
    assert "again in" in caplog.text
    assert "bytes in" in caplog.text
    assert fake.api_key not in caplog.text
    assert KEY not in caplog.text


@pytest.mark.parametrize("link", ["ftp://example.com/x", "https://", "http://[::1", "/local/path"])
def test_not_a_link(harness: Harness, tmp_path: Path, link: str) -> None:
    oc = harness.client()
    with pytest.raises(InvalidArgumentError, match="not a download link"):
        harness.go(oc.files.download(link, tmp_path))


def test_a_dest_ending_in_a_separator_is_a_folder(harness: Harness, tmp_path: Path) -> None:
    _fake, oc, request_id = finished(harness)
    link = first_link(harness, oc, request_id)
    got = harness.go(oc.files.download(link, f"{tmp_path}/new/"))
    assert got == tmp_path / "new" / "e01.mkv"


def test_more_bytes_than_announced_is_refused(harness: Harness, tmp_path: Path) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": "3"}, content=b"12345")

    http = (httpx.AsyncClient if harness.is_async else httpx.Client)(
        transport=httpx.MockTransport(answer)
    )
    oc = harness.client(http_client=http)
    with pytest.raises(UnexpectedResponseError, match="more than the 3 bytes announced"):
        harness.go(oc.files.download("https://fr-1.offcloud.com/x/f.bin", tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_destination_is_a_local_file_error(harness: Harness, tmp_path: Path) -> None:
    _fake, oc, request_id = finished(harness)
    (tmp_path / "blocker").write_text("a file, not a folder")
    with pytest.raises(LocalFileError) as caught:
        harness.go(
            oc.files.download(first_link(harness, oc, request_id), tmp_path / "blocker" / "f")
        )
    assert isinstance(caught.value, OSError)


def test_a_closed_client_cannot_download(harness: Harness, tmp_path: Path) -> None:
    _fake, oc, request_id = finished(harness)
    link = first_link(harness, oc, request_id)
    harness.go(oc.aclose() if harness.is_async else oc.close())
    harness.go(oc._runner.http.aclose() if harness.is_async else oc._runner.http.close())
    with pytest.raises(ClientClosedError, match="closed"):
        harness.go(oc.files.download(link, tmp_path))


# -- cloud.download ------------------------------------------------------------------------------


def test_cloud_download_keeps_the_folders(harness: Harness, tmp_path: Path) -> None:
    files: dict[str, int | bytes] = {
        "Season 1/e01.mkv": 5000,
        "Season 1/e02.mkv": 7000,
        "nfo.txt": b"hi",
    }
    fake, oc, request_id = finished(harness, files)
    paths = harness.go(oc.cloud.download(request_id, tmp_path))
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        "Show/Season 1/e01.mkv",
        "Show/Season 1/e02.mkv",
        "Show/nfo.txt",
    ]
    for path, name in zip(paths, files, strict=True):
        assert path.read_bytes() == fake.file(request_id, name).read()


def test_cloud_download_of_a_single_file_request(harness: Harness, tmp_path: Path) -> None:
    fake = harness.fake()
    oc = harness.fake_client(fake)
    request = harness.go(oc.cloud.add(url="https://hoster.example/movie.mkv"))
    harness.go(oc.cloud.wait(request.request_id))
    assert harness.go(oc.cloud.download(request.request_id, tmp_path)) == [tmp_path / "movie.mkv"]


def test_cloud_download_skips_what_is_already_there(harness: Harness, tmp_path: Path) -> None:
    fake, oc, request_id = finished(harness)
    harness.go(oc.cloud.download(request_id, tmp_path))
    calls = len(fake.calls)
    progress: list[DownloadProgress] = []
    harness.go(oc.cloud.download(request_id, tmp_path, on_progress=progress.append))
    downloads = [p for _, p in fake.calls[calls:] if p.startswith("/cloud/download/")]
    assert downloads == []
    assert [(p.done, p.total) for p in progress] == [(SIZE, SIZE), (3, 3)]


HOSTILE = {
    "../../escape.txt": b"1",
    "/etc/passwd": b"2",
    "..\\..\\windows.txt": b"3",
    "C:\\Windows\\system32\\x.dll": b"4",
    "CON.txt": b"5",
    "bad\x00name\x1f?.txt": b"6",
    "a/./b/../../c.txt": b"7",
}


def test_hostile_file_names_stay_inside_dest_dir(harness: Harness, tmp_path: Path) -> None:
    _fake, oc, request_id = finished(harness, HOSTILE)
    dest = tmp_path / "dest"
    paths = harness.go(oc.cloud.download(request_id, dest))
    assert len(paths) == len(HOSTILE) == len(set(paths))
    for path in paths:
        assert path.resolve().is_relative_to(dest.resolve())
        assert path.is_file()
    written = {p.read_bytes() for p in dest.rglob("*") if p.is_file()}
    assert written == set(HOSTILE.values())
    assert {p.name for p in tmp_path.iterdir()} == {"dest"}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("../../x", "x"),
        ("/abs/x", "abs/x"),
        ("a\\b\\c", "a/b/c"),
        ("C:\\x", "C_/x"),
        ("con", "_con"),
        ("LPT1.txt", "_LPT1.txt"),
        ("name. ", "name"),
        ("..", "download"),
        ("", "download"),
        ("a\x00b", "a_b"),
    ],
)
def test_safe_destination(tmp_path: Path, path: str, expected: str) -> None:
    assert safe_destination(tmp_path, path) == tmp_path / expected


def test_long_names_are_cut_keeping_the_extension() -> None:
    name = safe_name("x" * 300 + ".mkv")
    assert len(name.encode()) == 235
    assert name.endswith(".mkv")


def test_a_symlink_out_of_dest_dir_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    dest = tmp_path / "dest"
    dest.mkdir()
    os.symlink(outside, dest / "link")
    with pytest.raises(UnexpectedResponseError, match="outside"):
        safe_destination(dest, "link/x.txt")


# -- over a real socket --------------------------------------------------------------------------


def test_resume_over_a_real_socket(tmp_path: Path) -> None:
    fake = FakeOffcloud()
    magnet = fake.add_torrent("Big", {"big.bin": 4 << 20}, cached=True)
    clock = FakeClock()  # the pauses before resuming go here, not to real sleep
    with fake.serve() as base_url, Offcloud(fake.api_key, base_url=base_url, clock=clock) as oc:
        request = oc.cloud.add(url=magnet)
        link = oc.cloud.files(request.request_id)[0].url
        for cut in (1 << 20, 5, 1 << 20):
            fake.inject(DropConnection(after_bytes=cut), path="/cloud/download/")
        oc_fast = oc.with_options(max_retries=3)
        dest = oc_fast.files.download(link, tmp_path)
    assert dest.read_bytes() == fake.file(request.request_id).read()
    assert [p.name for p in tmp_path.iterdir()] == ["big.bin"]
    assert len(clock.sleeps) == 3


def mock_http(harness: Harness, answer: Any) -> Any:
    return (httpx.AsyncClient if harness.is_async else httpx.Client)(
        transport=httpx.MockTransport(answer)
    )


def test_a_non_file_answer_keeps_no_key_in_its_request(harness: Harness, tmp_path: Path) -> None:
    oc = harness.client(http_client=mock_http(harness, lambda request: httpx.Response(201)))
    with pytest.raises(UnexpectedResponseError) as caught:
        harness.go(oc.files.download("https://offcloud.test/cloud/download/x/f.bin", tmp_path))
    assert caught.value.response is not None
    assert caught.value.response.request.headers["authorization"] == "Bearer ***"


def test_a_body_encoded_despite_identity_is_refused_and_nothing_kept(
    harness: Harness, tmp_path: Path
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.headers["accept-encoding"] == "identity"
        headers = {"content-encoding": "gzip"}
        return httpx.Response(200, headers=headers, stream=httpx.ByteStream(b"not gzip" * 99))

    oc = harness.client(http_client=mock_http(harness, answer))
    with pytest.raises(UnexpectedResponseError, match="encoded"):
        harness.go(oc.files.download("https://offcloud.test/cloud/download/x/f.bin", tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_giving_up_after_dropping_the_part_does_not_claim_to_keep_it(
    harness: Harness, tmp_path: Path
) -> None:
    link = "https://offcloud.test/cloud/download/x/f.bin"
    (tmp_path / "f.bin.part").write_bytes(b"x" * 10)
    write_record(tmp_path / "f.bin.part", PartRecord(10, None, None, source_of(link)))

    def answer(request: httpx.Request) -> httpx.Response:  # a part that never fits
        return httpx.Response(416, headers={"content-range": "bytes */5"})

    oc = harness.client(http_client=mock_http(harness, answer), max_retries=1)
    with pytest.raises(OffcloudError) as caught:
        harness.go(oc.files.download("https://offcloud.test/cloud/download/x/f.bin", tmp_path))
    assert "kept" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []
