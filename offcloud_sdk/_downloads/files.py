"""`oc.files`: downloading a file Offcloud serves (the drivers around `downloads.Transfer`)."""

from __future__ import annotations

import os
from pathlib import Path

import httpx

from .._calls.runners import AsyncRunner, SyncRunner, keep_body
from ..exceptions import ClientClosedError
from .downloads import OnDownloadProgress, Transfer

CLOSED = "download: this client is closed; download inside its `with` block, or make a new one"


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
        """
        return self._fetch(
            Transfer.start(
                url,
                dest,
                self._runner.settings,
                resume=resume,
                overwrite=overwrite,
                on_progress=on_progress,
            )
        )

    def _fetch(self, transfer: Transfer) -> Path:
        """Run a prepared `Transfer` to its end, holding its lock (for `download` and
        `cloud.download`)."""
        runner = self._runner
        with transfer.held():
            while True:
                if runner.http.is_closed:
                    raise ClientClosedError(CLOSED)
                outcome: httpx.Response | Exception
                try:
                    with runner.http.stream(**transfer.next_attempt()) as response:
                        outcome = response
                        if transfer.begin(response):
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
            )
        )

    async def _fetch(self, transfer: Transfer) -> Path:
        """Async `FilesResource._fetch`."""
        runner = self._runner
        with transfer.held():
            while True:
                if runner.http.is_closed:
                    raise ClientClosedError(CLOSED)
                outcome: httpx.Response | Exception
                try:
                    async with runner.http.stream(**transfer.next_attempt()) as response:
                        outcome = response
                        if transfer.begin(response):
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
                if transfer.complete(outcome):
                    return transfer.finish()
                await runner.clock.asleep(transfer.retry_delay(outcome, runner.policy))
