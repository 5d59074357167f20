"""`oc.files`: downloading a file Offcloud serves (the drivers around `downloads.Transfer`)."""

from __future__ import annotations

import os
from pathlib import Path

import httpx

from .downloads import OnDownloadProgress, Transfer
from .exceptions import APIConnectionError
from .runners import AsyncRunner, SyncRunner, keep_body

CLOSED = "download: this client is closed; download inside its `with` block, or make a new one"
EXCERPT_SIZE = 64 << 10
"""How much of an answer that is not the file is read (for the error message), at the most."""


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
                    else:
                        excerpt: list[bytes] = []
                        for chunk in response.iter_bytes():
                            if _kept(excerpt, chunk):
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
                    else:
                        excerpt: list[bytes] = []
                        async for chunk in response.aiter_bytes():
                            if _kept(excerpt, chunk):
                                break
                        keep_body(response, excerpt)
            except httpx.HTTPError as exc:  # TransportError, or DecodingError
                outcome = exc
            finally:
                transfer.close_file()
            if transfer.complete(outcome):
                return transfer.finish()
            await runner.clock.asleep(transfer.retry_delay(outcome, runner.policy))


def _kept(excerpt: list[bytes], chunk: bytes) -> bool:
    """Add `chunk` to the excerpt of an answer that is not the file; True once it is enough."""
    excerpt.append(chunk)
    return sum(map(len, excerpt)) >= EXCERPT_SIZE
