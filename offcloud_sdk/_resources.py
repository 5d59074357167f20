"""The generated `cloud` and `cache` resources with the helpers users would write themselves.

Every generated method is inherited unchanged; the helpers are flows (`polling`,
`cloud_files`, `infohashes`) driven on the resource itself, so each poll or batch goes through
the same runner (auth, retries, errors) as a direct call.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Coroutine, Iterable, Mapping
from pathlib import Path
from typing import Any, Self

import httpx
from offcloud_api_client.api import cache as generated_cache
from offcloud_api_client.api import cloud as generated_cloud
from offcloud_api_client.models.cache_check_response import CacheCheckResponse
from offcloud_api_client.models.request_status import RequestStatus
from offcloud_api_client.types import UNSET, Unset

from ._calls.runners import AsyncRunner, SyncRunner
from ._downloads.downloads import OnDownloadProgress, Transfer
from ._downloads.files import AsyncFilesResource, FilesResource
from ._downloads.segmented import connection_count
from ._flows.cloud_files import (
    DEFAULT_PARALLEL,
    CloudFile,
    DownloadPlan,
    checked_parallel,
    download_flow,
    files_flow,
)
from ._flows.flows import arun, run
from ._flows.infohashes import check_flow
from ._flows.polling import CONCURRENT_BATCHES, OnProgress, wait_flow

MAX_POLL_INTERVAL = 30.0


class _Helped:
    """What the helpers of a resource share: the resource they drive their flows on."""

    _sdk_runner: Any

    def _helpers(self) -> Self:
        """This resource on `runner.for_helpers()`: the flows rely on the spec's types, so a
        value that lenient reading could only keep as sent raises there."""
        make: Callable[[Any], Self] = type(self)
        return make(self._sdk_runner.for_helpers())


class CloudResource(_Helped, generated_cloud.CloudResource):
    """The `cloud` operations, plus `wait`, `wait_all`, `files` and `download`."""

    def __init__(self, runner: SyncRunner) -> None:
        super().__init__(runner)
        self._sdk_runner = runner
        self._clock = runner.clock

    def wait(
        self,
        request_id: str,
        *,
        timeout: float | None = None,
        poll_interval: float = 2.0,
        max_poll_interval: float = MAX_POLL_INTERVAL,
        on_progress: OnProgress | None = None,
    ) -> RequestStatus:
        """Poll until the request is `downloaded` and return its last status.

        Raises `DownloadFailedError` (with Offcloud's `errorMessage`) when it ends `error` or
        `canceled`, `APITimeoutError` when `timeout` seconds pass. The pause between polls
        grows from `poll_interval` by a quarter per poll up to `max_poll_interval`;
        `on_progress(status)` runs after each poll.
        """
        return self.wait_all(
            [request_id],
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_progress=on_progress,
        )[request_id]

    def wait_all(
        self,
        request_ids: Iterable[str],
        *,
        timeout: float | None = None,
        poll_interval: float = 2.0,
        max_poll_interval: float = MAX_POLL_INTERVAL,
        on_progress: OnProgress | None = None,
        raise_on_error: bool = True,
    ) -> dict[str, RequestStatus]:
        """`wait` for many requests: one status call per 100 ids per poll; statuses by id.

        With `raise_on_error=False` a failed request does not raise; its `error`/`canceled`
        status is returned with the others.
        """
        flow = wait_flow(
            request_ids,
            now=self._clock.now,
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_progress=on_progress,
            raise_on_error=raise_on_error,
        )
        return run(flow, self._helpers(), self._clock)

    def files(self, request_id: str) -> list[CloudFile]:
        """Every file of a finished request with name, size, path and direct link."""
        flow = files_flow(request_id, self._sdk_runner.settings.base_url)
        return run(flow, self._helpers(), self._clock)

    def download(
        self,
        request_id: str,
        dest_dir: str | os.PathLike[str],
        *,
        overwrite: bool = False,
        on_progress: OnDownloadProgress | None = None,
        parallel: int = DEFAULT_PARALLEL,
        connections: int | None = None,
    ) -> list[Path]:
        """Download every file of a finished request under `dest_dir`; their paths, in the
        request's order.

        `parallel` files (1 to 16, default 3) are fetched at once, in threads sharing the
        client's connection pool, each over up to `connections` connections (see
        `files.download`). Folders inside the request are kept and names made safe (nothing
        is written outside `dest_dir`, nothing hidden). Files already there with the right
        size are skipped; a different file already at a name is kept and the download takes a
        free name beside it (`name (2).ext`) unless `overwrite=True`. Broken transfers resume
        (see `files.download`). A file that fails on its own does not stop the others: the
        first such error is raised once all are done, its message naming every failed file; a
        failure every file would meet (no connection, the key refused, the rate limit) is
        raised at once, no file starting after it and those under way stopping (their part
        files kept for a later resume). `on_progress` is called from several threads when
        `parallel` > 1 (and for several connections): make it thread-safe.
        """
        downloader, count = FilesResource(self._sdk_runner), connection_count(connections)
        plan = DownloadPlan(
            Path(dest_dir),
            self._sdk_runner.settings,
            overwrite,
            on_progress,
            checked_parallel(parallel),
        )

        def fetch(transfer: Transfer) -> Path:
            return downloader._fetch(transfer, connections=count)

        return run(download_flow(request_id, plan, fetch), self._helpers(), self._clock)


class AsyncCloudResource(_Helped, generated_cloud.AsyncCloudResource):
    """The async twin of `CloudResource`."""

    def __init__(self, runner: AsyncRunner) -> None:
        super().__init__(runner)
        self._sdk_runner = runner
        self._clock = runner.clock

    async def wait(
        self,
        request_id: str,
        *,
        timeout: float | None = None,
        poll_interval: float = 2.0,
        max_poll_interval: float = MAX_POLL_INTERVAL,
        on_progress: OnProgress | None = None,
    ) -> RequestStatus:
        """Async `CloudResource.wait`."""
        statuses = await self.wait_all(
            [request_id],
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_progress=on_progress,
        )
        return statuses[request_id]

    async def wait_all(
        self,
        request_ids: Iterable[str],
        *,
        timeout: float | None = None,
        poll_interval: float = 2.0,
        max_poll_interval: float = MAX_POLL_INTERVAL,
        on_progress: OnProgress | None = None,
        raise_on_error: bool = True,
    ) -> dict[str, RequestStatus]:
        """Async `CloudResource.wait_all`; each poll has up to 10 of its status calls (100 ids
        each) in flight at once."""
        flow = wait_flow(
            request_ids,
            now=self._clock.now,
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_progress=on_progress,
            raise_on_error=raise_on_error,
            concurrency=CONCURRENT_BATCHES,
        )
        return await arun(flow, self._helpers(), self._clock)

    async def files(self, request_id: str) -> list[CloudFile]:
        """Async `CloudResource.files`."""
        flow = files_flow(request_id, self._sdk_runner.settings.base_url)
        return await arun(flow, self._helpers(), self._clock)

    async def download(
        self,
        request_id: str,
        dest_dir: str | os.PathLike[str],
        *,
        overwrite: bool = False,
        on_progress: OnDownloadProgress | None = None,
        parallel: int = DEFAULT_PARALLEL,
        connections: int | None = None,
    ) -> list[Path]:
        """Async `CloudResource.download`: the `parallel` files at once are tasks (and
        `on_progress` runs on the event loop's thread)."""
        downloader, count = AsyncFilesResource(self._sdk_runner), connection_count(connections)
        plan = DownloadPlan(
            Path(dest_dir),
            self._sdk_runner.settings,
            overwrite,
            on_progress,
            checked_parallel(parallel),
        )

        def fetch(transfer: Transfer) -> Coroutine[Any, Any, Path]:
            return downloader._fetch(transfer, connections=count)

        return await arun(download_flow(request_id, plan, fetch), self._helpers(), self._clock)


class CacheResource(_Helped, generated_cache.CacheResource):
    """The `cache` operations; `check` answers cached-or-not per hash or magnet.

    The generated `POST /api/cache` call is `check_hashes`.
    """

    def __init__(self, runner: SyncRunner) -> None:
        super().__init__(runner)
        self._sdk_runner = runner
        self._clock = runner.clock
        self._classic = runner.settings.key_in == "query"

    def check(self, items: Iterable[str]) -> dict[str, bool]:  # type: ignore[override]
        """Whether Offcloud has each torrent cached, keyed by the hash or magnet as given.

        Hashes and magnets in any case are reduced to lower-case infohashes and asked 100 per
        call (`cache/info`; `POST /api/cache` on a classic-API client). A string that is
        neither raises `InvalidArgumentError` before anything is sent.
        """
        return run(check_flow(items, classic=self._classic), self._helpers(), self._clock)

    def check_hashes(
        self,
        *,
        hashes: list[str],
        message_ids: list[str] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CacheCheckResponse:
        """The classic `POST /api/cache` call as generated (operationId `cache_check`), with
        the same per-call options as every generated method."""
        return super().check(
            hashes=hashes,
            message_ids=message_ids,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class AsyncCacheResource(_Helped, generated_cache.AsyncCacheResource):
    """The async twin of `CacheResource`."""

    def __init__(self, runner: AsyncRunner) -> None:
        super().__init__(runner)
        self._sdk_runner = runner
        self._clock = runner.clock
        self._classic = runner.settings.key_in == "query"

    async def check(self, items: Iterable[str]) -> dict[str, bool]:  # type: ignore[override]
        """Async `CacheResource.check`, with up to 10 of its calls (100 hashes each) in flight
        at once: 10,000 hashes take 10 round trips, not 100."""
        flow = check_flow(items, classic=self._classic, concurrency=CONCURRENT_BATCHES)
        return await arun(flow, self._helpers(), self._clock)

    async def check_hashes(
        self,
        *,
        hashes: list[str],
        message_ids: list[str] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CacheCheckResponse:
        """Async `CacheResource.check_hashes`."""
        return await super().check(
            hashes=hashes,
            message_ids=message_ids,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
