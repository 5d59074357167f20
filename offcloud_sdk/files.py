"""`oc.files`: downloading a file Offcloud serves (the drivers around `downloads.Transfer`)."""

from __future__ import annotations

import os
from pathlib import Path

import httpx

from .downloads import OnDownloadProgress, Transfer
from .exceptions import APIConnectionError
from .runners import AsyncRunner, SyncRunner, keep_body

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

        Streams to `dest.part` and renames it when complete; a broken transfer resumes with
        `Range`, at once and, with `resume=True`, on a later call. A file already at `dest` is
        kept: when it is this file (same size and date) nothing is fetched, else the download
        takes a free name (`name (2).ext`, the path returned); `overwrite=True` replaces it.
        `on_progress` gets a `DownloadProgress` after every chunk.
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
        """Run a prepared `Transfer` to its end (for `download` and `cloud.download`)."""
        runner = self._runner
        while True:
            if runner.http.is_closed:
                raise APIConnectionError(CLOSED)
            outcome: httpx.Response | Exception
            try:
                with runner.http.stream(**transfer.next_attempt()) as response:
                    outcome = response
                    if transfer.begin(response):
                        for chunk in response.iter_bytes():
                            transfer.write(chunk)
                    elif not response.is_stream_consumed:  # else read by a local transport
                        excerpt: list[bytes] = []
                        for raw in response.iter_raw():
                            if transfer.keep_excerpt(response, excerpt, raw, runner.clock.now()):
                                break
                        keep_body(response, excerpt)
            except httpx.HTTPError as exc:  # TransportError, or DecodingError
                outcome = exc
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
        while True:
            if runner.http.is_closed:
                raise APIConnectionError(CLOSED)
            outcome: httpx.Response | Exception
            try:
                async with runner.http.stream(**transfer.next_attempt()) as response:
                    outcome = response
                    if transfer.begin(response):
                        async for chunk in response.aiter_bytes():
                            transfer.write(chunk)
                    elif not response.is_stream_consumed:  # else read by a local transport
                        excerpt: list[bytes] = []
                        async for raw in response.aiter_raw():
                            if transfer.keep_excerpt(response, excerpt, raw, runner.clock.now()):
                                break
                        keep_body(response, excerpt)
            except httpx.HTTPError as exc:  # TransportError, or DecodingError
                outcome = exc
            finally:
                transfer.close_file()
            if transfer.complete(outcome):
                return transfer.finish()
            await runner.clock.asleep(transfer.retry_delay(outcome, runner.policy))
