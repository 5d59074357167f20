"""The `instant` resource: one typed method per operation, sync and async."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ... import errors
from ...models.download_request import DownloadRequest
from ...models.error_body import ErrorBody
from ...models.history_item import HistoryItem
from ...models.instant_add_request import InstantAddRequest
from ...models.not_available_body import NotAvailableBody
from ...types import UNSET, File, Unset
from .. import AsyncRunner, Operation, RawResponse, Runner, call_options
from . import instant_add, instant_history


def _parse_instant_add(response: httpx.Response) -> DownloadRequest:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected DownloadRequest, got {type(data).__name__}")
        response_200_type_2 = DownloadRequest.from_dict({**data})

        return response_200_type_2

    raise errors.UnexpectedStatus(response.status_code, response.content)


INSTANT_ADD: Operation[DownloadRequest] = Operation(
    id="instant_add",
    tag="instant",
    method="POST",
    path="/api/instant",
    parse=_parse_instant_add,
)


def _parse_instant_history(response: httpx.Response) -> list[HistoryItem]:
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


INSTANT_HISTORY: Operation[list[HistoryItem]] = Operation(
    id="instant_history",
    tag="instant",
    method="GET",
    path="/api/instant/history",
    parse=_parse_instant_history,
)

OPERATIONS: dict[str, Operation[Any]] = {
    INSTANT_ADD.id: INSTANT_ADD,
    INSTANT_HISTORY.id: INSTANT_HISTORY,
}


class InstantResource:
    """The `instant` operations."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def add(
        self,
        *,
        url: str,
        proxy_id: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DownloadRequest:
        """Add an instant download (a direct link through a proxy).

        Documented by Offcloud (classic API). `url` in the answer is the instant link; the
        status stays `created`. Without `proxyId` the default proxy is used. Whether the 2026
        API still has it is unknown. Failures come with HTTP 200 as `{"error": …}` or
        `{"not_available": "premium"|"links"|"proxy"|"video"}`.

        `POST /api/instant` (operationId `instant_add`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = instant_add._get_kwargs(
            body=InstantAddRequest(
                url=url,
                proxy_id=proxy_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(INSTANT_ADD, request, options)

    def history(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[HistoryItem]:
        """List the account's instant downloads.

        Undocumented; seen in node-offcloud and Gaia. Items carry `downloadLink`.

        `GET /api/instant/history` (operationId `instant_history`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = instant_history._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(INSTANT_HISTORY, request, options)


class AsyncInstantResource:
    """The `instant` operations, async."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def add(
        self,
        *,
        url: str,
        proxy_id: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DownloadRequest:
        """Add an instant download (a direct link through a proxy).

        Documented by Offcloud (classic API). `url` in the answer is the instant link; the
        status stays `created`. Without `proxyId` the default proxy is used. Whether the 2026
        API still has it is unknown. Failures come with HTTP 200 as `{"error": …}` or
        `{"not_available": "premium"|"links"|"proxy"|"video"}`.

        `POST /api/instant` (operationId `instant_add`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = instant_add._get_kwargs(
            body=InstantAddRequest(
                url=url,
                proxy_id=proxy_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(INSTANT_ADD, request, options)

    async def history(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[HistoryItem]:
        """List the account's instant downloads.

        Undocumented; seen in node-offcloud and Gaia. Items carry `downloadLink`.

        `GET /api/instant/history` (operationId `instant_history`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = instant_history._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(INSTANT_HISTORY, request, options)


class InstantResourceWithRawResponse:
    """The `instant` operations, each answering a `RawResponse` (status, headers, `parse()`)."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def add(
        self,
        *,
        url: str,
        proxy_id: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[DownloadRequest]:
        """Add an instant download (a direct link through a proxy).

        Documented by Offcloud (classic API). `url` in the answer is the instant link; the
        status stays `created`. Without `proxyId` the default proxy is used. Whether the 2026
        API still has it is unknown. Failures come with HTTP 200 as `{"error": …}` or
        `{"not_available": "premium"|"links"|"proxy"|"video"}`.

        `POST /api/instant` (operationId `instant_add`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = instant_add._get_kwargs(
            body=InstantAddRequest(
                url=url,
                proxy_id=proxy_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(INSTANT_ADD, request, options)

    def history(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[list[HistoryItem]]:
        """List the account's instant downloads.

        Undocumented; seen in node-offcloud and Gaia. Items carry `downloadLink`.

        `GET /api/instant/history` (operationId `instant_history`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = instant_history._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(INSTANT_HISTORY, request, options)


class AsyncInstantResourceWithRawResponse:
    """The async twin of `InstantResourceWithRawResponse`."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def add(
        self,
        *,
        url: str,
        proxy_id: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[DownloadRequest]:
        """Add an instant download (a direct link through a proxy).

        Documented by Offcloud (classic API). `url` in the answer is the instant link; the
        status stays `created`. Without `proxyId` the default proxy is used. Whether the 2026
        API still has it is unknown. Failures come with HTTP 200 as `{"error": …}` or
        `{"not_available": "premium"|"links"|"proxy"|"video"}`.

        `POST /api/instant` (operationId `instant_add`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = instant_add._get_kwargs(
            body=InstantAddRequest(
                url=url,
                proxy_id=proxy_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(INSTANT_ADD, request, options)

    async def history(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[list[HistoryItem]]:
        """List the account's instant downloads.

        Undocumented; seen in node-offcloud and Gaia. Items carry `downloadLink`.

        `GET /api/instant/history` (operationId `instant_history`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = instant_history._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(INSTANT_HISTORY, request, options)
