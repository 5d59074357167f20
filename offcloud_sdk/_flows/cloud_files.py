"""Every file of a finished cloud request: the flow behind `cloud.files`.

Offcloud answers in one of three ways, and `files_flow` turns each into `CloudFile`s:
the 2026 detailed explore (`{"files": [{name, size, path, url}]}`), the classic list of links,
or `{"error": "Bad archive"}` for a request that holds a single file, whose one link is then
built from its status: `https://{server}.offcloud.com/cloud/download/{requestId}/{fileName}`.
Directory entries and aria2 control files are left out.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import attrs
from offcloud_api_client.models.explore_detailed import ExploreDetailed
from offcloud_api_client.models.status_batch_response import StatusBatchResponse
from offcloud_api_client.models.status_response import StatusResponse
from offcloud_api_client.types import Unset

from .._calls.settings import Settings
from .._downloads.downloads import MAX_SIZE, DownloadProgress, OnDownloadProgress, Transfer, count
from .._downloads.safe_paths import safe_destination
from .._downloads.segmented import checked_count
from ..exceptions import (
    APIConnectionError,
    AuthError,
    HTTPError,
    OffcloudError,
    RateLimitError,
    UnexpectedResponseError,
)
from .flows import Flow, Parallel, Stop
from .polling import statuses_by_id

SINGLE_FILE_ERROR = "bad archive"
CONTROL_SUFFIXES = (".aria2", ".aria2__temp")
_DOWNLOAD_PATH = re.compile(r"/cloud/download/[^/]+/(?:\d+/)?(.+)")
"""`/cloud/download/{requestId}/{index}/{path}`: the path inside the request."""


@attrs.frozen
class CloudFile:
    """One file of a cloud request."""

    name: str
    url: str
    """A direct download link. 2026 links may be short-lived: fetch the list just before use."""
    size: int | None = None
    """Bytes, when Offcloud said."""
    path: str | None = None
    """The path inside the request, e.g. `Root/Season 1/e01.mkv`, when Offcloud said."""


def files_flow(request_id: str, base_url: str) -> Flow[list[CloudFile]]:
    """Explore `request_id`; fall back to its status for a single-file request."""
    try:
        answer = yield 0.0, lambda cloud: cloud.explore(request_id, format_="detailed")
    except HTTPError as exc:
        if exc.message.strip().lower() != SINGLE_FILE_ERROR:
            raise
        status_answer = yield 0.0, lambda cloud: cloud.status(request_id=request_id)
        return [single_file(request_id, status_answer, base_url)]
    if isinstance(answer, ExploreDetailed):
        return [
            CloudFile(
                name=item.name,
                url=item.url,
                size=None if isinstance(item.size, Unset) else item.size,
                path=None if isinstance(item.path, Unset) else item.path,
            )
            for item in answer.files
            if not _skipped(item.path if isinstance(item.path, str) else item.name)
        ]
    return [_from_link(link) for link in answer if not _skipped(link)]


def destinations(files: list[CloudFile], folder: Path) -> list[tuple[CloudFile, Path]]:
    """Where each file of a request goes under `folder`, keeping its folders, names made safe
    and two files never sharing a path."""
    planned: list[tuple[CloudFile, Path]] = []
    taken: set[Path] = set()
    for file in files:
        target = safe_destination(folder, file.path or file.name)
        stem, suffix, number = target.stem, target.suffix, 1
        while target in taken:
            number += 1
            target = target.with_name(f"{stem} ({number}){suffix}")
        taken.add(target)
        planned.append((file, target))
    return planned


DEFAULT_PARALLEL = 3
"""Files fetched at once by `cloud.download`: as JDownloader's default (aria2's `-j` is 5).
Each may use several connections (`connections`), so a few files already fill a line, and
hosts that count a user's connections are not pushed past their limit."""
MAX_PARALLEL = 16
"""The most `parallel` may be: every file holds a thread (sync) and its connections."""
SHARED_FAILURES = (APIConnectionError, AuthError, RateLimitError)
"""Failures every file of a request would meet: `cloud.download` gives up at the first."""


def checked_parallel(parallel: object) -> int:
    """`parallel` when it is a whole number from 1 to `MAX_PARALLEL`; else
    `InvalidArgumentError`."""
    return checked_count("parallel", parallel, MAX_PARALLEL, "files fetched at once")


@attrs.frozen
class DownloadPlan:
    """What `cloud.download` was asked: where, with which settings, whether to overwrite, and
    how many files to fetch at once."""

    folder: Path
    settings: Settings
    overwrite: bool
    on_progress: OnDownloadProgress | None
    parallel: int = 1


def download_flow(
    request_id: str, plan: DownloadPlan, fetch: Callable[[Transfer], Any]
) -> Flow[list[Path]]:
    """Every file of `request_id` into `plan.folder`, in the planned order; `fetch(transfer)`
    runs one download (sync or async), `plan.parallel` of them at once. Files already there
    with their size are not fetched again.

    A file that fails on its own (a folder or a file in the way, a disk error, a link that
    answers 404 or no file, another download writing it) does not stop the others: once all
    are done, the first such error is raised, of its own type, its message then naming every
    file that failed and why (`3 of 10 files failed (7 downloaded): path: reason; …`). A
    failure every file would meet (no connection, the key refused, the rate limit) is raised
    at once: no file starts after it and those under way stop (their part files kept).
    """
    files = yield from files_flow(request_id, plan.settings.base_url)
    planned = destinations(files, plan.folder)
    paths: dict[int, Path] = {}
    to_fetch: list[int] = []
    for index, (file, target) in enumerate(planned):
        if _already_downloaded(file, target):
            if plan.on_progress is not None:
                plan.on_progress(DownloadProgress(target, target.stat().st_size, file.size))
            paths[index] = target
        else:
            to_fetch.append(index)
    failures: list[tuple[Path, OffcloudError]] = []
    if to_fetch:
        stop = Stop()
        progress = _stoppable(plan.on_progress, stop)
        steps = [
            _fetch_step(fetch, plan, planned[i][0].url, planned[i][1], progress) for i in to_fetch
        ]
        batch = Parallel(steps, limit=plan.parallel, fatal=SHARED_FAILURES, stop=stop)
        outcomes: list[Any] = yield 0.0, batch
        for index, outcome in zip(to_fetch, outcomes, strict=True):
            if isinstance(outcome, OffcloudError):
                failures.append((planned[index][1], outcome))
            else:
                paths[index] = outcome
    if failures:
        raise _failed(failures, len(planned))
    return [paths[index] for index in range(len(planned))]


def _stoppable(on_progress: OnDownloadProgress | None, stop: Stop) -> OnDownloadProgress:
    """`on_progress`, first ending the download (`Cancelled`) once its batch is given up on:
    called after every chunk, it is where a transfer in a thread can be stopped."""

    def report(progress: DownloadProgress) -> None:
        stop.check()
        if on_progress is not None:
            on_progress(progress)

    return report


def _failed(failures: list[tuple[Path, OffcloudError]], count: int) -> OffcloudError:
    """The first failure of the `count` files, its message naming them all (as it is when
    the request has one file)."""
    error = failures[0][1]
    if count > 1:
        which = "; ".join(f"{path}: {exc.message}" for path, exc in failures)
        done = count - len(failures)
        error.message = f"{len(failures)} of {count} files failed ({done} downloaded): {which}"
        error.args = (error.message,)
    return error


def _fetch_step(
    fetch: Callable[[Transfer], Any],
    plan: DownloadPlan,
    url: str,
    target: Path,
    on_progress: OnDownloadProgress,
) -> Callable[[Any], Any]:
    def step(_: Any) -> Any:
        transfer = Transfer.start(
            url,
            target,
            plan.settings,
            resume=True,
            overwrite=plan.overwrite,
            on_progress=on_progress,
            within=plan.folder,
            is_file=True,
        )
        return fetch(transfer)

    return step


def _already_downloaded(file: CloudFile, target: Path) -> bool:
    """A regular file (not a link to one) of the size Offcloud lists."""
    try:
        info = target.lstat()
    except OSError:
        return False
    return file.size is not None and stat.S_ISREG(info.st_mode) and info.st_size == file.size


def single_file(
    request_id: str, answer: StatusResponse | StatusBatchResponse, base_url: str
) -> CloudFile:
    """The one file of a single-file request, its link built from the request's status."""
    status = statuses_by_id(answer, [request_id]).get(request_id)
    server = status.server if status is not None else None
    name = status.file_name if status is not None else None
    if not isinstance(server, str) or not server or not isinstance(name, str) or not name:
        raise UnexpectedResponseError(
            f"cloud request {request_id}: explore said 'Bad archive' and its status has no "
            "server and file name to build the link from (is it downloaded yet?)"
        )
    path = f"/cloud/download/{request_id}/{quote(name, safe='')}"
    url = storage_origin(base_url, server) + path
    size = status.file_size if status is not None else None
    return CloudFile(name=name, url=url, size=_as_size(size), path=name)


def storage_origin(base_url: str, server: str) -> str:
    """Where a request's files are: `https://{server}.offcloud.com` when talking to Offcloud;
    any other `base_url` (the sandbox, a proxy) serves them itself."""
    host = urlsplit(base_url).hostname or ""
    if host == "offcloud.com" or host.endswith(".offcloud.com"):
        return f"https://{server}.offcloud.com"
    return base_url


def _as_size(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 <= value < MAX_SIZE else None
    return count(value) if isinstance(value, str) else None


def _from_link(link: str) -> CloudFile:
    try:
        path = urlsplit(link).path
    except ValueError:  # not a URL: `files.download` refuses it with a clear message
        path = ""
    name = unquote(path.rsplit("/", 1)[-1])
    inside = _DOWNLOAD_PATH.match(path)
    return CloudFile(name=name or link, url=link, path=unquote(inside.group(1)) if inside else None)


def _skipped(name_or_link: str) -> bool:
    return name_or_link.endswith("/") or name_or_link.endswith(CONTROL_SUFFIXES)
