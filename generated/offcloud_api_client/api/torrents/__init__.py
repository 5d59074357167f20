"""The `torrents` resource: one typed method per operation, sync and async."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ... import errors
from ...models.error_body import ErrorBody
from ...models.torrent_upload_request import TorrentUploadRequest
from ...models.torrent_upload_response import TorrentUploadResponse
from ...types import UNSET, File, Unset
from .. import AsyncRunner, Operation, RawResponse, Runner, call_options
from . import torrents_upload


def _parse_torrents_upload(response: httpx.Response) -> TorrentUploadResponse:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(
                f"expected TorrentUploadResponse, got {type(data).__name__}"
            )
        response_200_type_1 = TorrentUploadResponse.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


TORRENTS_UPLOAD: Operation[TorrentUploadResponse] = Operation(
    id="torrents_upload",
    tag="torrents",
    method="POST",
    path="/torrent/upload",
    parse=_parse_torrents_upload,
)

OPERATIONS: dict[str, Operation[Any]] = {
    TORRENTS_UPLOAD.id: TORRENTS_UPLOAD,
}


class TorrentsResource:
    """The `torrents` operations."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def upload(
        self,
        *,
        file: File,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> TorrentUploadResponse:
        """Upload a .torrent or .nzb file; add the returned URL with `cloud_add`.

        Undocumented web endpoint outside `/api`, multipart field `file`; seen in three clients.
        MediaFusion dropped it in 2026-02 and StremThru's 2026 store does not support torrent
        files, so it may no longer work; converting a .torrent to a magnet is the safer path.

        `POST /torrent/upload` (operationId `torrents_upload`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = torrents_upload._get_kwargs(
            body=TorrentUploadRequest(
                file=file,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(TORRENTS_UPLOAD, request, options)


class AsyncTorrentsResource:
    """The `torrents` operations, async."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def upload(
        self,
        *,
        file: File,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> TorrentUploadResponse:
        """Upload a .torrent or .nzb file; add the returned URL with `cloud_add`.

        Undocumented web endpoint outside `/api`, multipart field `file`; seen in three clients.
        MediaFusion dropped it in 2026-02 and StremThru's 2026 store does not support torrent
        files, so it may no longer work; converting a .torrent to a magnet is the safer path.

        `POST /torrent/upload` (operationId `torrents_upload`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = torrents_upload._get_kwargs(
            body=TorrentUploadRequest(
                file=file,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(TORRENTS_UPLOAD, request, options)


class TorrentsResourceWithRawResponse:
    """The `torrents` operations, each answering a `RawResponse` (status, headers, `parse()`)."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def upload(
        self,
        *,
        file: File,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[TorrentUploadResponse]:
        """Upload a .torrent or .nzb file; add the returned URL with `cloud_add`.

        Undocumented web endpoint outside `/api`, multipart field `file`; seen in three clients.
        MediaFusion dropped it in 2026-02 and StremThru's 2026 store does not support torrent
        files, so it may no longer work; converting a .torrent to a magnet is the safer path.

        `POST /torrent/upload` (operationId `torrents_upload`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = torrents_upload._get_kwargs(
            body=TorrentUploadRequest(
                file=file,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(TORRENTS_UPLOAD, request, options)


class AsyncTorrentsResourceWithRawResponse:
    """The async twin of `TorrentsResourceWithRawResponse`."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def upload(
        self,
        *,
        file: File,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[TorrentUploadResponse]:
        """Upload a .torrent or .nzb file; add the returned URL with `cloud_add`.

        Undocumented web endpoint outside `/api`, multipart field `file`; seen in three clients.
        MediaFusion dropped it in 2026-02 and StremThru's 2026 store does not support torrent
        files, so it may no longer work; converting a .torrent to a magnet is the safer path.

        `POST /torrent/upload` (operationId `torrents_upload`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = torrents_upload._get_kwargs(
            body=TorrentUploadRequest(
                file=file,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(TORRENTS_UPLOAD, request, options)
