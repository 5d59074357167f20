"""The `cloud` resource: one typed method per operation, sync and async."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ... import errors
from ...models.cloud_add_request import CloudAddRequest
from ...models.download_request import DownloadRequest
from ...models.error_body import ErrorBody
from ...models.explore_detailed import ExploreDetailed
from ...models.history_item import HistoryItem
from ...models.not_available_body import NotAvailableBody
from ...models.remove_request import RemoveRequest
from ...models.retry_response import RetryResponse
from ...models.status_batch_response import StatusBatchResponse
from ...models.status_request import StatusRequest
from ...models.status_response import StatusResponse
from ...models.success_response import SuccessResponse
from ...types import UNSET, File, Unset
from .. import AsyncRunner, Operation, RawResponse, Runner, call_options
from . import (
    cloud_add,
    cloud_explore,
    cloud_history,
    cloud_list,
    cloud_remove,
    cloud_remove_one,
    cloud_retry,
    cloud_status,
)


def _parse_cloud_add(response: httpx.Response) -> DownloadRequest:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected DownloadRequest, got {type(data).__name__}")
        response_200_type_2 = DownloadRequest.from_dict({**data})

        return response_200_type_2

    raise errors.UnexpectedStatus(response.status_code, response.content)


CLOUD_ADD: Operation[DownloadRequest] = Operation(
    id="cloud_add",
    tag="cloud",
    method="POST",
    path="/api/cloud",
    parse=_parse_cloud_add,
)


def _parse_cloud_explore(response: httpx.Response) -> ExploreDetailed | list[str]:
    if response.status_code == 200:
        data = response.json()
        if isinstance(data, dict) and {"files"} <= data.keys():
            try:
                response_200_type_1 = ExploreDetailed.from_dict({**data})

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        if not isinstance(data, list):
            raise TypeError(f"expected list[str], got {type(data).__name__}")
        response_200_type_2 = cast(list[str], data)

        return response_200_type_2

    raise errors.UnexpectedStatus(response.status_code, response.content)


CLOUD_EXPLORE: Operation[ExploreDetailed | list[str]] = Operation(
    id="cloud_explore",
    tag="cloud",
    method="GET",
    path="/api/cloud/explore/{request_id}",
    parse=_parse_cloud_explore,
)


def _parse_cloud_history(response: httpx.Response) -> list[HistoryItem]:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, list):
            raise TypeError(f"expected list[HistoryItem], got {type(data).__name__}")
        response_200_type_1 = []
        _response_200_type_1 = data
        for response_200_type_1_item_data in _response_200_type_1:
            response_200_type_1_item = HistoryItem.from_dict(
                {**response_200_type_1_item_data}
            )

            response_200_type_1.append(response_200_type_1_item)

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


CLOUD_HISTORY: Operation[list[HistoryItem]] = Operation(
    id="cloud_history",
    tag="cloud",
    method="GET",
    path="/api/cloud/history",
    parse=_parse_cloud_history,
)


def _parse_cloud_remove(response: httpx.Response) -> SuccessResponse:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected SuccessResponse, got {type(data).__name__}")
        response_200_type_1 = SuccessResponse.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


CLOUD_REMOVE: Operation[SuccessResponse] = Operation(
    id="cloud_remove",
    tag="cloud",
    method="POST",
    path="/api/cloud/remove",
    parse=_parse_cloud_remove,
)


def _parse_cloud_remove_one(response: httpx.Response) -> SuccessResponse:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected SuccessResponse, got {type(data).__name__}")
        response_200_type_1 = SuccessResponse.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


CLOUD_REMOVE_ONE: Operation[SuccessResponse] = Operation(
    id="cloud_remove_one",
    tag="cloud",
    method="GET",
    path="/cloud/remove/{request_id}",
    parse=_parse_cloud_remove_one,
)


def _parse_cloud_retry(response: httpx.Response) -> RetryResponse:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected RetryResponse, got {type(data).__name__}")
        response_200_type_1 = RetryResponse.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


CLOUD_RETRY: Operation[RetryResponse] = Operation(
    id="cloud_retry",
    tag="cloud",
    method="GET",
    path="/api/cloud/retry/{request_id}",
    parse=_parse_cloud_retry,
)


def _parse_cloud_status(
    response: httpx.Response,
) -> StatusBatchResponse | StatusResponse:
    if response.status_code == 200:
        data = response.json()
        if isinstance(data, dict) and {"requests"} <= data.keys():
            try:
                response_200_type_1 = StatusBatchResponse.from_dict({**data})

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        if not isinstance(data, dict):
            raise TypeError(f"expected StatusResponse, got {type(data).__name__}")
        response_200_type_2 = StatusResponse.from_dict({**data})

        return response_200_type_2

    raise errors.UnexpectedStatus(response.status_code, response.content)


CLOUD_STATUS: Operation[StatusBatchResponse | StatusResponse] = Operation(
    id="cloud_status",
    tag="cloud",
    method="POST",
    path="/api/cloud/status",
    parse=_parse_cloud_status,
)


def _parse_cloud_list(response: httpx.Response) -> str:
    if response.status_code == 200:
        data = response.text
        if not isinstance(data, str):
            raise TypeError(f"expected str, got {type(data).__name__}")
        return data

    raise errors.UnexpectedStatus(response.status_code, response.content)


CLOUD_LIST: Operation[str] = Operation(
    id="cloud_list",
    tag="cloud",
    method="GET",
    path="/api/cloud/list/{request_id}",
    parse=_parse_cloud_list,
)

OPERATIONS: dict[str, Operation[Any]] = {
    CLOUD_ADD.id: CLOUD_ADD,
    CLOUD_EXPLORE.id: CLOUD_EXPLORE,
    CLOUD_HISTORY.id: CLOUD_HISTORY,
    CLOUD_REMOVE.id: CLOUD_REMOVE,
    CLOUD_REMOVE_ONE.id: CLOUD_REMOVE_ONE,
    CLOUD_RETRY.id: CLOUD_RETRY,
    CLOUD_STATUS.id: CLOUD_STATUS,
    CLOUD_LIST.id: CLOUD_LIST,
}


class CloudResource:
    """The `cloud` operations."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def add(
        self,
        *,
        url: str,
        custom_file_name: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DownloadRequest:
        """Add a cloud download.

        Fetches a hoster link, magnet, .torrent URL (or the URL `torrents_upload` returned) into
        Offcloud's storage. Documented by Offcloud and used by at least eight clients in both
        API generations. A cached torrent may come back already `downloaded`. The 2026 API may
        leave out `site`, `url` and `createdOn` (StremThru dropped them). `customFileName` is
        undocumented (one client, for NZB files). Failures come with HTTP 200: `{"error": …}`
        or `{"not_available": "premium"|"links"|"cloud"|"torrent"|"usenet"|…}`.

        `POST /api/cloud` (operationId `cloud_add`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_add._get_kwargs(
            body=CloudAddRequest(
                url=url,
                custom_file_name=custom_file_name,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(CLOUD_ADD, request, options)

    def explore(
        self,
        request_id: str,
        *,
        format_: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ExploreDetailed | list[str]:
        """List the files of a finished cloud download.

        Documented by Offcloud (classic: an array of download links) and used by six clients.
        With `format=detailed` the 2026 API answers `{"files": [{id, name, size, path, url}]}`
        (five clients). A request that holds a single file, not an archive or folder, answers
        `{"error": "Bad archive"}`; its link is then
        `https://{server}.offcloud.com/cloud/download/{requestId}/{fileName}`. Links may contain
        spaces, directory entries ending in `/` and `.aria2` control files. The 2026 links may
        be short-lived, so fetch them just before use.

        `GET /api/cloud/explore/{request_id}` (operationId `cloud_explore`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_explore._get_kwargs(
            request_id,
            format_=format_,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(CLOUD_EXPLORE, request, options)

    def history(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[HistoryItem]:
        """List the account's cloud downloads.

        Undocumented but used by eight clients in both API generations; no paging parameters
        are known. Items in the 2026 API may carry `message` and `progress`; `fileSize` comes as
        a number or as text.

        `GET /api/cloud/history` (operationId `cloud_history`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_history._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(CLOUD_HISTORY, request, options)

    def remove(
        self,
        *,
        requests: list[str],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SuccessResponse:
        """Remove cloud downloads (2026 API).

        Seen in three 2026 clients (ResolveURL, Home Assistant, MediaFusion); StremThru says the
        2026 API does not support removal, so this is less sure than most. The web form of the
        same call took at most 200 ids at a time.

        `POST /api/cloud/remove` (operationId `cloud_remove`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_remove._get_kwargs(
            body=RemoveRequest(
                requests=requests,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(CLOUD_REMOVE, request, options)

    def remove_one(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SuccessResponse:
        """Remove one cloud download (web endpoint).

        Undocumented web endpoint outside `/api`, used by eight clients with `?key=` or the
        session cookie. Answers `{"success": true}`.

        `GET /cloud/remove/{request_id}` (operationId `cloud_remove_one`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_remove_one._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(CLOUD_REMOVE_ONE, request, options)

    def retry(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RetryResponse:
        """Retry a failed cloud download.

        Documented by Offcloud (classic API; older path `/tryagain/`): "confirmation or fail
        response in JSON". No payload has been recorded; one client reads `{"status": {"status":
        …}}`, so both a status object and a bare status word parse.

        `GET /api/cloud/retry/{request_id}` (operationId `cloud_retry`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_retry._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(CLOUD_RETRY, request, options)

    def status(
        self,
        *,
        request_id: str | Unset = UNSET,
        request_ids: list[str] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> StatusBatchResponse | StatusResponse:
        """Get the status of one or many cloud downloads.

        Documented by Offcloud without fields; the fields come from six clients. Send
        `requestId` for one request, answered as `{"status": {…}}`, or `requestIds` for many,
        answered as `{"requests": [{…}, …]}` (batch form seen in two clients). The 2026 API adds
        `progress` (0.0–1.0) and a free-text `message` (ResolveURL, Home Assistant).

        `POST /api/cloud/status` (operationId `cloud_status`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_status._get_kwargs(
            body=StatusRequest(
                request_id=request_id,
                request_ids=request_ids,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(CLOUD_STATUS, request, options)

    def list(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> str:
        """List the download links of a cloud download as text.

        Documented by Offcloud (classic API, 2018): plain text, one link per line. An error still
        comes as a JSON `{"error": …}` body.

        `GET /api/cloud/list/{request_id}` (operationId `cloud_list`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_list._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(CLOUD_LIST, request, options)


class AsyncCloudResource:
    """The `cloud` operations, async."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def add(
        self,
        *,
        url: str,
        custom_file_name: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DownloadRequest:
        """Add a cloud download.

        Fetches a hoster link, magnet, .torrent URL (or the URL `torrents_upload` returned) into
        Offcloud's storage. Documented by Offcloud and used by at least eight clients in both
        API generations. A cached torrent may come back already `downloaded`. The 2026 API may
        leave out `site`, `url` and `createdOn` (StremThru dropped them). `customFileName` is
        undocumented (one client, for NZB files). Failures come with HTTP 200: `{"error": …}`
        or `{"not_available": "premium"|"links"|"cloud"|"torrent"|"usenet"|…}`.

        `POST /api/cloud` (operationId `cloud_add`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_add._get_kwargs(
            body=CloudAddRequest(
                url=url,
                custom_file_name=custom_file_name,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(CLOUD_ADD, request, options)

    async def explore(
        self,
        request_id: str,
        *,
        format_: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ExploreDetailed | list[str]:
        """List the files of a finished cloud download.

        Documented by Offcloud (classic: an array of download links) and used by six clients.
        With `format=detailed` the 2026 API answers `{"files": [{id, name, size, path, url}]}`
        (five clients). A request that holds a single file, not an archive or folder, answers
        `{"error": "Bad archive"}`; its link is then
        `https://{server}.offcloud.com/cloud/download/{requestId}/{fileName}`. Links may contain
        spaces, directory entries ending in `/` and `.aria2` control files. The 2026 links may
        be short-lived, so fetch them just before use.

        `GET /api/cloud/explore/{request_id}` (operationId `cloud_explore`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_explore._get_kwargs(
            request_id,
            format_=format_,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(CLOUD_EXPLORE, request, options)

    async def history(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[HistoryItem]:
        """List the account's cloud downloads.

        Undocumented but used by eight clients in both API generations; no paging parameters
        are known. Items in the 2026 API may carry `message` and `progress`; `fileSize` comes as
        a number or as text.

        `GET /api/cloud/history` (operationId `cloud_history`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_history._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(CLOUD_HISTORY, request, options)

    async def remove(
        self,
        *,
        requests: list[str],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SuccessResponse:
        """Remove cloud downloads (2026 API).

        Seen in three 2026 clients (ResolveURL, Home Assistant, MediaFusion); StremThru says the
        2026 API does not support removal, so this is less sure than most. The web form of the
        same call took at most 200 ids at a time.

        `POST /api/cloud/remove` (operationId `cloud_remove`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_remove._get_kwargs(
            body=RemoveRequest(
                requests=requests,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(CLOUD_REMOVE, request, options)

    async def remove_one(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> SuccessResponse:
        """Remove one cloud download (web endpoint).

        Undocumented web endpoint outside `/api`, used by eight clients with `?key=` or the
        session cookie. Answers `{"success": true}`.

        `GET /cloud/remove/{request_id}` (operationId `cloud_remove_one`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_remove_one._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(CLOUD_REMOVE_ONE, request, options)

    async def retry(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RetryResponse:
        """Retry a failed cloud download.

        Documented by Offcloud (classic API; older path `/tryagain/`): "confirmation or fail
        response in JSON". No payload has been recorded; one client reads `{"status": {"status":
        …}}`, so both a status object and a bare status word parse.

        `GET /api/cloud/retry/{request_id}` (operationId `cloud_retry`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_retry._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(CLOUD_RETRY, request, options)

    async def status(
        self,
        *,
        request_id: str | Unset = UNSET,
        request_ids: list[str] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> StatusBatchResponse | StatusResponse:
        """Get the status of one or many cloud downloads.

        Documented by Offcloud without fields; the fields come from six clients. Send
        `requestId` for one request, answered as `{"status": {…}}`, or `requestIds` for many,
        answered as `{"requests": [{…}, …]}` (batch form seen in two clients). The 2026 API adds
        `progress` (0.0–1.0) and a free-text `message` (ResolveURL, Home Assistant).

        `POST /api/cloud/status` (operationId `cloud_status`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_status._get_kwargs(
            body=StatusRequest(
                request_id=request_id,
                request_ids=request_ids,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(CLOUD_STATUS, request, options)

    async def list(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> str:
        """List the download links of a cloud download as text.

        Documented by Offcloud (classic API, 2018): plain text, one link per line. An error still
        comes as a JSON `{"error": …}` body.

        `GET /api/cloud/list/{request_id}` (operationId `cloud_list`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cloud_list._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(CLOUD_LIST, request, options)


class CloudResourceWithRawResponse:
    """The `cloud` operations, each answering a `RawResponse` (status, headers, `parse()`)."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def add(
        self,
        *,
        url: str,
        custom_file_name: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[DownloadRequest]:
        """Add a cloud download.

        Fetches a hoster link, magnet, .torrent URL (or the URL `torrents_upload` returned) into
        Offcloud's storage. Documented by Offcloud and used by at least eight clients in both
        API generations. A cached torrent may come back already `downloaded`. The 2026 API may
        leave out `site`, `url` and `createdOn` (StremThru dropped them). `customFileName` is
        undocumented (one client, for NZB files). Failures come with HTTP 200: `{"error": …}`
        or `{"not_available": "premium"|"links"|"cloud"|"torrent"|"usenet"|…}`.

        `POST /api/cloud` (operationId `cloud_add`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_add._get_kwargs(
            body=CloudAddRequest(
                url=url,
                custom_file_name=custom_file_name,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(CLOUD_ADD, request, options)

    def explore(
        self,
        request_id: str,
        *,
        format_: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[ExploreDetailed | list[str]]:
        """List the files of a finished cloud download.

        Documented by Offcloud (classic: an array of download links) and used by six clients.
        With `format=detailed` the 2026 API answers `{"files": [{id, name, size, path, url}]}`
        (five clients). A request that holds a single file, not an archive or folder, answers
        `{"error": "Bad archive"}`; its link is then
        `https://{server}.offcloud.com/cloud/download/{requestId}/{fileName}`. Links may contain
        spaces, directory entries ending in `/` and `.aria2` control files. The 2026 links may
        be short-lived, so fetch them just before use.

        `GET /api/cloud/explore/{request_id}` (operationId `cloud_explore`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_explore._get_kwargs(
            request_id,
            format_=format_,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(CLOUD_EXPLORE, request, options)

    def history(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[list[HistoryItem]]:
        """List the account's cloud downloads.

        Undocumented but used by eight clients in both API generations; no paging parameters
        are known. Items in the 2026 API may carry `message` and `progress`; `fileSize` comes as
        a number or as text.

        `GET /api/cloud/history` (operationId `cloud_history`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_history._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(CLOUD_HISTORY, request, options)

    def remove(
        self,
        *,
        requests: list[str],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[SuccessResponse]:
        """Remove cloud downloads (2026 API).

        Seen in three 2026 clients (ResolveURL, Home Assistant, MediaFusion); StremThru says the
        2026 API does not support removal, so this is less sure than most. The web form of the
        same call took at most 200 ids at a time.

        `POST /api/cloud/remove` (operationId `cloud_remove`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_remove._get_kwargs(
            body=RemoveRequest(
                requests=requests,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(CLOUD_REMOVE, request, options)

    def remove_one(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[SuccessResponse]:
        """Remove one cloud download (web endpoint).

        Undocumented web endpoint outside `/api`, used by eight clients with `?key=` or the
        session cookie. Answers `{"success": true}`.

        `GET /cloud/remove/{request_id}` (operationId `cloud_remove_one`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_remove_one._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(CLOUD_REMOVE_ONE, request, options)

    def retry(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[RetryResponse]:
        """Retry a failed cloud download.

        Documented by Offcloud (classic API; older path `/tryagain/`): "confirmation or fail
        response in JSON". No payload has been recorded; one client reads `{"status": {"status":
        …}}`, so both a status object and a bare status word parse.

        `GET /api/cloud/retry/{request_id}` (operationId `cloud_retry`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_retry._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(CLOUD_RETRY, request, options)

    def status(
        self,
        *,
        request_id: str | Unset = UNSET,
        request_ids: list[str] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[StatusBatchResponse | StatusResponse]:
        """Get the status of one or many cloud downloads.

        Documented by Offcloud without fields; the fields come from six clients. Send
        `requestId` for one request, answered as `{"status": {…}}`, or `requestIds` for many,
        answered as `{"requests": [{…}, …]}` (batch form seen in two clients). The 2026 API adds
        `progress` (0.0–1.0) and a free-text `message` (ResolveURL, Home Assistant).

        `POST /api/cloud/status` (operationId `cloud_status`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_status._get_kwargs(
            body=StatusRequest(
                request_id=request_id,
                request_ids=request_ids,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(CLOUD_STATUS, request, options)

    def list(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[str]:
        """List the download links of a cloud download as text.

        Documented by Offcloud (classic API, 2018): plain text, one link per line. An error still
        comes as a JSON `{"error": …}` body.

        `GET /api/cloud/list/{request_id}` (operationId `cloud_list`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_list._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(CLOUD_LIST, request, options)


class AsyncCloudResourceWithRawResponse:
    """The async twin of `CloudResourceWithRawResponse`."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def add(
        self,
        *,
        url: str,
        custom_file_name: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[DownloadRequest]:
        """Add a cloud download.

        Fetches a hoster link, magnet, .torrent URL (or the URL `torrents_upload` returned) into
        Offcloud's storage. Documented by Offcloud and used by at least eight clients in both
        API generations. A cached torrent may come back already `downloaded`. The 2026 API may
        leave out `site`, `url` and `createdOn` (StremThru dropped them). `customFileName` is
        undocumented (one client, for NZB files). Failures come with HTTP 200: `{"error": …}`
        or `{"not_available": "premium"|"links"|"cloud"|"torrent"|"usenet"|…}`.

        `POST /api/cloud` (operationId `cloud_add`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_add._get_kwargs(
            body=CloudAddRequest(
                url=url,
                custom_file_name=custom_file_name,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(CLOUD_ADD, request, options)

    async def explore(
        self,
        request_id: str,
        *,
        format_: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[ExploreDetailed | list[str]]:
        """List the files of a finished cloud download.

        Documented by Offcloud (classic: an array of download links) and used by six clients.
        With `format=detailed` the 2026 API answers `{"files": [{id, name, size, path, url}]}`
        (five clients). A request that holds a single file, not an archive or folder, answers
        `{"error": "Bad archive"}`; its link is then
        `https://{server}.offcloud.com/cloud/download/{requestId}/{fileName}`. Links may contain
        spaces, directory entries ending in `/` and `.aria2` control files. The 2026 links may
        be short-lived, so fetch them just before use.

        `GET /api/cloud/explore/{request_id}` (operationId `cloud_explore`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_explore._get_kwargs(
            request_id,
            format_=format_,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(CLOUD_EXPLORE, request, options)

    async def history(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[list[HistoryItem]]:
        """List the account's cloud downloads.

        Undocumented but used by eight clients in both API generations; no paging parameters
        are known. Items in the 2026 API may carry `message` and `progress`; `fileSize` comes as
        a number or as text.

        `GET /api/cloud/history` (operationId `cloud_history`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_history._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(CLOUD_HISTORY, request, options)

    async def remove(
        self,
        *,
        requests: list[str],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[SuccessResponse]:
        """Remove cloud downloads (2026 API).

        Seen in three 2026 clients (ResolveURL, Home Assistant, MediaFusion); StremThru says the
        2026 API does not support removal, so this is less sure than most. The web form of the
        same call took at most 200 ids at a time.

        `POST /api/cloud/remove` (operationId `cloud_remove`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_remove._get_kwargs(
            body=RemoveRequest(
                requests=requests,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(CLOUD_REMOVE, request, options)

    async def remove_one(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[SuccessResponse]:
        """Remove one cloud download (web endpoint).

        Undocumented web endpoint outside `/api`, used by eight clients with `?key=` or the
        session cookie. Answers `{"success": true}`.

        `GET /cloud/remove/{request_id}` (operationId `cloud_remove_one`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_remove_one._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(CLOUD_REMOVE_ONE, request, options)

    async def retry(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[RetryResponse]:
        """Retry a failed cloud download.

        Documented by Offcloud (classic API; older path `/tryagain/`): "confirmation or fail
        response in JSON". No payload has been recorded; one client reads `{"status": {"status":
        …}}`, so both a status object and a bare status word parse.

        `GET /api/cloud/retry/{request_id}` (operationId `cloud_retry`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_retry._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(CLOUD_RETRY, request, options)

    async def status(
        self,
        *,
        request_id: str | Unset = UNSET,
        request_ids: list[str] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[StatusBatchResponse | StatusResponse]:
        """Get the status of one or many cloud downloads.

        Documented by Offcloud without fields; the fields come from six clients. Send
        `requestId` for one request, answered as `{"status": {…}}`, or `requestIds` for many,
        answered as `{"requests": [{…}, …]}` (batch form seen in two clients). The 2026 API adds
        `progress` (0.0–1.0) and a free-text `message` (ResolveURL, Home Assistant).

        `POST /api/cloud/status` (operationId `cloud_status`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_status._get_kwargs(
            body=StatusRequest(
                request_id=request_id,
                request_ids=request_ids,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(CLOUD_STATUS, request, options)

    async def list(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[str]:
        """List the download links of a cloud download as text.

        Documented by Offcloud (classic API, 2018): plain text, one link per line. An error still
        comes as a JSON `{"error": …}` body.

        `GET /api/cloud/list/{request_id}` (operationId `cloud_list`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cloud_list._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(CLOUD_LIST, request, options)
