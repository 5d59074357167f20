"""The `remote` resource: one typed method per operation, sync and async."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ... import errors
from ...models.download_request import DownloadRequest
from ...models.empty_body import EmptyBody
from ...models.error_body import ErrorBody
from ...models.history_item import HistoryItem
from ...models.not_available_body import NotAvailableBody
from ...models.remote_account import RemoteAccount
from ...models.remote_account_list import RemoteAccountList
from ...models.remote_add_request import RemoteAddRequest
from ...models.remote_status_request import RemoteStatusRequest
from ...models.retry_response import RetryResponse
from ...models.status_response import StatusResponse
from ...types import UNSET, File, Unset
from .. import AsyncRunner, Operation, RawResponse, Runner, call_options
from . import remote_accounts, remote_add, remote_history, remote_retry, remote_status


def _parse_remote_accounts(
    response: httpx.Response,
) -> RemoteAccountList | list[RemoteAccount]:
    if response.status_code == 200:
        data = response.json()
        if isinstance(data, dict) and {"data"} <= data.keys():
            try:
                response_200_type_1 = RemoteAccountList.from_dict({**data})

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        if not isinstance(data, list):
            raise TypeError(f"expected list[RemoteAccount], got {type(data).__name__}")
        response_200_type_2 = []
        _response_200_type_2 = data
        for response_200_type_2_item_data in _response_200_type_2:
            response_200_type_2_item = RemoteAccount.from_dict(
                {**response_200_type_2_item_data}
            )

            response_200_type_2.append(response_200_type_2_item)

        return response_200_type_2

    raise errors.UnexpectedStatus(response.status_code, response.content)


REMOTE_ACCOUNTS: Operation[RemoteAccountList | list[RemoteAccount]] = Operation(
    id="remote_accounts",
    tag="remote",
    method="POST",
    path="/api/remote/accounts",
    parse=_parse_remote_accounts,
)


def _parse_remote_add(response: httpx.Response) -> DownloadRequest:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected DownloadRequest, got {type(data).__name__}")
        response_200_type_2 = DownloadRequest.from_dict({**data})

        return response_200_type_2

    raise errors.UnexpectedStatus(response.status_code, response.content)


REMOTE_ADD: Operation[DownloadRequest] = Operation(
    id="remote_add",
    tag="remote",
    method="POST",
    path="/api/remote",
    parse=_parse_remote_add,
)


def _parse_remote_history(response: httpx.Response) -> list[HistoryItem]:
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


REMOTE_HISTORY: Operation[list[HistoryItem]] = Operation(
    id="remote_history",
    tag="remote",
    method="GET",
    path="/api/remote/history",
    parse=_parse_remote_history,
)


def _parse_remote_retry(response: httpx.Response) -> RetryResponse:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected RetryResponse, got {type(data).__name__}")
        response_200_type_1 = RetryResponse.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


REMOTE_RETRY: Operation[RetryResponse] = Operation(
    id="remote_retry",
    tag="remote",
    method="GET",
    path="/api/remote/retry/{request_id}",
    parse=_parse_remote_retry,
)


def _parse_remote_status(response: httpx.Response) -> StatusResponse:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected StatusResponse, got {type(data).__name__}")
        response_200_type_1 = StatusResponse.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


REMOTE_STATUS: Operation[StatusResponse] = Operation(
    id="remote_status",
    tag="remote",
    method="POST",
    path="/api/remote/status",
    parse=_parse_remote_status,
)

OPERATIONS: dict[str, Operation[Any]] = {
    REMOTE_ACCOUNTS.id: REMOTE_ACCOUNTS,
    REMOTE_ADD.id: REMOTE_ADD,
    REMOTE_HISTORY.id: REMOTE_HISTORY,
    REMOTE_RETRY.id: REMOTE_RETRY,
    REMOTE_STATUS.id: REMOTE_STATUS,
}


class RemoteResource:
    """The `remote` operations."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def accounts(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RemoteAccountList | list[RemoteAccount]:
        """List the user's remote accounts (FTP, Google Drive, …).

        Documented by Offcloud as a bare array of `{accountId, type, username, status, host,
        port, usage}`; every client reads a `{"data": […]}` wrapper whose items also carry
        `remoteOptionId` and `path`. Both shapes parse. Use `remoteOptionId` (or `accountId` when
        it is missing) with `remote_add`.

        `POST /api/remote/accounts` (operationId `remote_accounts`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = remote_accounts._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(REMOTE_ACCOUNTS, request, options)

    def add(
        self,
        *,
        url: str,
        remote_option_id: str,
        folder_id: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DownloadRequest:
        """Add a remote download to one of the user's remote accounts.

        Documented by Offcloud (classic API) and recorded once (2021). `remoteOptionId` comes
        from `remote_accounts`; `folderId` is a Google Drive folder id, or a path such as
        `/Movies/` for other remotes. The answer has no download link. At most 100 remote
        requests may be open ("You have more than 100 …"). In 2026 remote uploads were reported
        disabled and missing from the new API, so this may fail.

        `POST /api/remote` (operationId `remote_add`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = remote_add._get_kwargs(
            body=RemoteAddRequest(
                url=url,
                remote_option_id=remote_option_id,
                folder_id=folder_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(REMOTE_ADD, request, options)

    def history(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[HistoryItem]:
        """List the account's remote downloads.

        Undocumented; seen in node-offcloud, Gaia and SJVA. Items have the cloud history's shape;
        remote transfers add the status word `uploading`.

        `GET /api/remote/history` (operationId `remote_history`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = remote_history._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(REMOTE_HISTORY, request, options)

    def retry(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RetryResponse:
        """Retry a failed remote download.

        Documented by Offcloud (classic API; older path `/tryagain/`). One client reads the
        answer as `{"status": {"status": …}}`.

        `GET /api/remote/retry/{request_id}` (operationId `remote_retry`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = remote_retry._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(REMOTE_RETRY, request, options)

    def status(
        self,
        *,
        request_id: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> StatusResponse:
        """Get the status of a remote download.

        Documented by Offcloud; a payload is recorded in Offcloud/offcloud-api#8. The same issue
        shows `{}` when the call is not authorised (a key without a login session), so an empty
        object parses as an error body. Remote transfers add the status word `uploading`.

        `POST /api/remote/status` (operationId `remote_status`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = remote_status._get_kwargs(
            body=RemoteStatusRequest(
                request_id=request_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(REMOTE_STATUS, request, options)


class AsyncRemoteResource:
    """The `remote` operations, async."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def accounts(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RemoteAccountList | list[RemoteAccount]:
        """List the user's remote accounts (FTP, Google Drive, …).

        Documented by Offcloud as a bare array of `{accountId, type, username, status, host,
        port, usage}`; every client reads a `{"data": […]}` wrapper whose items also carry
        `remoteOptionId` and `path`. Both shapes parse. Use `remoteOptionId` (or `accountId` when
        it is missing) with `remote_add`.

        `POST /api/remote/accounts` (operationId `remote_accounts`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = remote_accounts._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(REMOTE_ACCOUNTS, request, options)

    async def add(
        self,
        *,
        url: str,
        remote_option_id: str,
        folder_id: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DownloadRequest:
        """Add a remote download to one of the user's remote accounts.

        Documented by Offcloud (classic API) and recorded once (2021). `remoteOptionId` comes
        from `remote_accounts`; `folderId` is a Google Drive folder id, or a path such as
        `/Movies/` for other remotes. The answer has no download link. At most 100 remote
        requests may be open ("You have more than 100 …"). In 2026 remote uploads were reported
        disabled and missing from the new API, so this may fail.

        `POST /api/remote` (operationId `remote_add`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = remote_add._get_kwargs(
            body=RemoteAddRequest(
                url=url,
                remote_option_id=remote_option_id,
                folder_id=folder_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(REMOTE_ADD, request, options)

    async def history(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[HistoryItem]:
        """List the account's remote downloads.

        Undocumented; seen in node-offcloud, Gaia and SJVA. Items have the cloud history's shape;
        remote transfers add the status word `uploading`.

        `GET /api/remote/history` (operationId `remote_history`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = remote_history._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(REMOTE_HISTORY, request, options)

    async def retry(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RetryResponse:
        """Retry a failed remote download.

        Documented by Offcloud (classic API; older path `/tryagain/`). One client reads the
        answer as `{"status": {"status": …}}`.

        `GET /api/remote/retry/{request_id}` (operationId `remote_retry`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = remote_retry._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(REMOTE_RETRY, request, options)

    async def status(
        self,
        *,
        request_id: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> StatusResponse:
        """Get the status of a remote download.

        Documented by Offcloud; a payload is recorded in Offcloud/offcloud-api#8. The same issue
        shows `{}` when the call is not authorised (a key without a login session), so an empty
        object parses as an error body. Remote transfers add the status word `uploading`.

        `POST /api/remote/status` (operationId `remote_status`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = remote_status._get_kwargs(
            body=RemoteStatusRequest(
                request_id=request_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(REMOTE_STATUS, request, options)


class RemoteResourceWithRawResponse:
    """The `remote` operations, each answering a `RawResponse` (status, headers, `parse()`)."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def accounts(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[RemoteAccountList | list[RemoteAccount]]:
        """List the user's remote accounts (FTP, Google Drive, …).

        Documented by Offcloud as a bare array of `{accountId, type, username, status, host,
        port, usage}`; every client reads a `{"data": […]}` wrapper whose items also carry
        `remoteOptionId` and `path`. Both shapes parse. Use `remoteOptionId` (or `accountId` when
        it is missing) with `remote_add`.

        `POST /api/remote/accounts` (operationId `remote_accounts`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = remote_accounts._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(REMOTE_ACCOUNTS, request, options)

    def add(
        self,
        *,
        url: str,
        remote_option_id: str,
        folder_id: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[DownloadRequest]:
        """Add a remote download to one of the user's remote accounts.

        Documented by Offcloud (classic API) and recorded once (2021). `remoteOptionId` comes
        from `remote_accounts`; `folderId` is a Google Drive folder id, or a path such as
        `/Movies/` for other remotes. The answer has no download link. At most 100 remote
        requests may be open ("You have more than 100 …"). In 2026 remote uploads were reported
        disabled and missing from the new API, so this may fail.

        `POST /api/remote` (operationId `remote_add`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = remote_add._get_kwargs(
            body=RemoteAddRequest(
                url=url,
                remote_option_id=remote_option_id,
                folder_id=folder_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(REMOTE_ADD, request, options)

    def history(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[list[HistoryItem]]:
        """List the account's remote downloads.

        Undocumented; seen in node-offcloud, Gaia and SJVA. Items have the cloud history's shape;
        remote transfers add the status word `uploading`.

        `GET /api/remote/history` (operationId `remote_history`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = remote_history._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(REMOTE_HISTORY, request, options)

    def retry(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[RetryResponse]:
        """Retry a failed remote download.

        Documented by Offcloud (classic API; older path `/tryagain/`). One client reads the
        answer as `{"status": {"status": …}}`.

        `GET /api/remote/retry/{request_id}` (operationId `remote_retry`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = remote_retry._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(REMOTE_RETRY, request, options)

    def status(
        self,
        *,
        request_id: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[StatusResponse]:
        """Get the status of a remote download.

        Documented by Offcloud; a payload is recorded in Offcloud/offcloud-api#8. The same issue
        shows `{}` when the call is not authorised (a key without a login session), so an empty
        object parses as an error body. Remote transfers add the status word `uploading`.

        `POST /api/remote/status` (operationId `remote_status`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = remote_status._get_kwargs(
            body=RemoteStatusRequest(
                request_id=request_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(REMOTE_STATUS, request, options)


class AsyncRemoteResourceWithRawResponse:
    """The async twin of `RemoteResourceWithRawResponse`."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def accounts(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[RemoteAccountList | list[RemoteAccount]]:
        """List the user's remote accounts (FTP, Google Drive, …).

        Documented by Offcloud as a bare array of `{accountId, type, username, status, host,
        port, usage}`; every client reads a `{"data": […]}` wrapper whose items also carry
        `remoteOptionId` and `path`. Both shapes parse. Use `remoteOptionId` (or `accountId` when
        it is missing) with `remote_add`.

        `POST /api/remote/accounts` (operationId `remote_accounts`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = remote_accounts._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(REMOTE_ACCOUNTS, request, options)

    async def add(
        self,
        *,
        url: str,
        remote_option_id: str,
        folder_id: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[DownloadRequest]:
        """Add a remote download to one of the user's remote accounts.

        Documented by Offcloud (classic API) and recorded once (2021). `remoteOptionId` comes
        from `remote_accounts`; `folderId` is a Google Drive folder id, or a path such as
        `/Movies/` for other remotes. The answer has no download link. At most 100 remote
        requests may be open ("You have more than 100 …"). In 2026 remote uploads were reported
        disabled and missing from the new API, so this may fail.

        `POST /api/remote` (operationId `remote_add`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = remote_add._get_kwargs(
            body=RemoteAddRequest(
                url=url,
                remote_option_id=remote_option_id,
                folder_id=folder_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(REMOTE_ADD, request, options)

    async def history(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[list[HistoryItem]]:
        """List the account's remote downloads.

        Undocumented; seen in node-offcloud, Gaia and SJVA. Items have the cloud history's shape;
        remote transfers add the status word `uploading`.

        `GET /api/remote/history` (operationId `remote_history`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = remote_history._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(REMOTE_HISTORY, request, options)

    async def retry(
        self,
        request_id: str,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[RetryResponse]:
        """Retry a failed remote download.

        Documented by Offcloud (classic API; older path `/tryagain/`). One client reads the
        answer as `{"status": {"status": …}}`.

        `GET /api/remote/retry/{request_id}` (operationId `remote_retry`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = remote_retry._get_kwargs(
            request_id,
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(REMOTE_RETRY, request, options)

    async def status(
        self,
        *,
        request_id: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[StatusResponse]:
        """Get the status of a remote download.

        Documented by Offcloud; a payload is recorded in Offcloud/offcloud-api#8. The same issue
        shows `{}` when the call is not authorised (a key without a login session), so an empty
        object parses as an error body. Remote transfers add the status word `uploading`.

        `POST /api/remote/status` (operationId `remote_status`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = remote_status._get_kwargs(
            body=RemoteStatusRequest(
                request_id=request_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(REMOTE_STATUS, request, options)
