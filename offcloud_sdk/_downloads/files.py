"""`oc.files`: downloading a file Offcloud serves (the drivers around `downloads.Transfer`).

The first request of a download is always one stream; `segmented.plan` decides from its answer
whether the rest goes on over several connections (`segmented.fetch_sync`/`fetch_async`). A
download in ranges that can no longer get ranges comes back here to go on in one stream; one
that finds the file changed on the server starts over, `max_retries` times at the most.
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx

from .._calls.runners import AsyncRunner, SyncRunner, keep_body
from ..exceptions import ClientClosedError, UnexpectedResponseError
from .downloads import OnDownloadProgress, Transfer
from .segmented import (
    CLOSED,
    DEFAULT_CONNECTIONS,
    Ending,
    connection_count,
    fetch_async,
    fetch_sync,
    plan,
)


class FilesResource:
    """File downloads, on the client's connection pool."""

    def __init__(self, runner: SyncRunner) -> None:
        self._runner = runner

    def download(
        self,
        url: str,
        dest: str | os.PathLike[str],
        *,
        resume: bool = True,
        overwrite: bool = False,
        on_progress: OnDownloadProgress | None = None,
        connections: int | None = None,
    ) -> Path:
        """Download `url` to the file `dest` (or into the folder `dest`) and return its path.

        `dest` is a folder, made if missing, when it is one already, when its text ends in a
        separator (`"downloads/"`), or when it is a `Path` (which cannot keep a trailing
        separator) that does not exist and has no extension (`Path("downloads")`); the file
        is then named after the link. Otherwise `dest` is the file's path: `"notes"` as a
        str, `Path("movie.mkv")`, an existing file. A folder at the file's path is a
        `LocalFileError`. A name too long for the file system is shortened, its extension
        kept (a warning on the `offcloud_sdk` logger, and the path returned says where).

        Streams to `dest.part` and renames it when complete; a broken transfer resumes with
        `Range`, at once and, with `resume=True`, on a later call. Redirects are followed
        (at most 10, the key never sent to another origin). A file already at `dest` is
        kept: when it is this file (same size and date) nothing is fetched, else the download
        takes a free name (`name (2).ext`, the path returned); `overwrite=True` replaces it.
        While it runs, another download to the same file raises `DownloadInProgressError` at
        its first answer, having written nothing. `on_progress` gets a `DownloadProgress`
        after every chunk.

        `connections` (1 to 32; default 8) is how many connections fetch the file at once.
        The first request is one stream; when its answer shows the server honours ranges and
        at least 20 MiB are left, the rest is fetched in ranges over up to `connections`
        connections, written in place into the part (as long as the file), a connection
        that is done taking half of the largest range left. The part's record lists the
        ranges done, so a later `resume=True` fetches only what is missing. A host that
        refuses connections beyond a number (429/503) is used with that many; a server that
        stops sending ranges gets one stream. `connections=1` always uses one stream. In
        sync, the connections are threads, and `on_progress` is called from them (one call
        at a time).
        """
        return self._fetch(
            Transfer.start(
                url,
                dest,
                self._runner.settings,
                resume=resume,
                overwrite=overwrite,
                on_progress=on_progress,
            ),
            connections=connection_count(connections),
        )

    def _fetch(self, transfer: Transfer, connections: int = DEFAULT_CONNECTIONS) -> Path:
        """Run a prepared `Transfer` to its end, holding its lock (for `download` and
        `cloud.download`), over up to `connections` connections (checked by the caller)."""
        runner = self._runner
        count, restarts = connections, 0
        with transfer.held():
            while True:
                if runner.http.is_closed:
                    raise ClientClosedError(CLOSED)
                outcome: httpx.Response | Exception
                ending: Ending | None = None
                try:
                    with runner.http.stream(**transfer.next_attempt()) as response:
                        outcome = response
                        if transfer.begin(response):
                            ranges = plan(transfer, response, count)
                            if ranges is not None:
                                ending = fetch_sync(runner, transfer, ranges, response)
                            else:
                                for chunk in response.iter_bytes():
                                    transfer.write(chunk)
                        elif not transfer.redirecting and not response.is_stream_consumed:
                            excerpt: list[bytes] = []  # else a redirect, or read locally
                            for raw in response.iter_raw():
                                now = runner.clock.now()
                                if transfer.keep_excerpt(response, excerpt, raw, now):
                                    break
                            keep_body(response, excerpt)
                except httpx.HTTPError as exc:  # TransportError, or DecodingError
                    outcome = exc
                except httpx.InvalidURL:  # httpx builds a redirect's next request itself
                    raise transfer.unfollowable() from None
                finally:
                    transfer.close_file()
                if ending is not None:
                    count, restarts = _after_ranges(transfer, ending, count, restarts)
                    if ending is Ending.DONE:
                        return transfer.finish()
                    continue
                if transfer.complete(outcome):
                    return transfer.finish()
                runner.clock.sleep(transfer.retry_delay(outcome, runner.policy))


class AsyncFilesResource:
    """The async twin of `FilesResource`."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def download(
        self,
        url: str,
        dest: str | os.PathLike[str],
        *,
        resume: bool = True,
        overwrite: bool = False,
        on_progress: OnDownloadProgress | None = None,
        connections: int | None = None,
    ) -> Path:
        """Async `FilesResource.download`."""
        return await self._fetch(
            Transfer.start(
                url,
                dest,
                self._runner.settings,
                resume=resume,
                overwrite=overwrite,
                on_progress=on_progress,
            ),
            connections=connection_count(connections),
        )

    async def _fetch(self, transfer: Transfer, connections: int = DEFAULT_CONNECTIONS) -> Path:
        """Async `FilesResource._fetch`."""
        runner = self._runner
        count, restarts = connections, 0
        with transfer.held():
            while True:
                if runner.http.is_closed:
                    raise ClientClosedError(CLOSED)
                outcome: httpx.Response | Exception
                ending: Ending | None = None
                try:
                    async with runner.http.stream(**transfer.next_attempt()) as response:
                        outcome = response
                        if transfer.begin(response):
                            ranges = plan(transfer, response, count)
                            if ranges is not None:
                                ending = await fetch_async(runner, transfer, ranges, response)
                            else:
                                async for chunk in response.aiter_bytes():
                                    transfer.write(chunk)
                        elif not transfer.redirecting and not response.is_stream_consumed:
                            excerpt: list[bytes] = []  # else a redirect, or read locally
                            async for raw in response.aiter_raw():
                                now = runner.clock.now()
                                if transfer.keep_excerpt(response, excerpt, raw, now):
                                    break
                            keep_body(response, excerpt)
                except httpx.HTTPError as exc:  # TransportError, or DecodingError
                    outcome = exc
                except httpx.InvalidURL:  # httpx builds a redirect's next request itself
                    raise transfer.unfollowable() from None
                finally:
                    transfer.close_file()
                if ending is not None:
                    count, restarts = _after_ranges(transfer, ending, count, restarts)
                    if ending is Ending.DONE:
                        return transfer.finish()
                    continue
                if transfer.complete(outcome):
                    return transfer.finish()
                await runner.clock.asleep(transfer.retry_delay(outcome, runner.policy))


def _after_ranges(
    transfer: Transfer, ending: Ending, connections: int, restarts: int
) -> tuple[int, int]:
    """The connections and the restarts so far for the next attempt after a download in
    ranges ended with `ending`: one stream after `FALLBACK`; the part dropped after `RESTART`,
    and one stream from the second (a host whose servers disagree on the validator changes
    the file at every range), raising when the file keeps changing."""
    if ending is Ending.FALLBACK:
        return 1, restarts
    if ending is Ending.RESTART:
        restarts += 1
        if restarts > transfer.settings.max_retries:
            raise UnexpectedResponseError(
                f"download {transfer.where}: the file changed on the server {restarts} times "
                "while it was being fetched; try again later"
            )
        transfer.restart()
        if restarts > 1:
            connections = 1
    return connections, restarts
