"""The `account` resource: one typed method per operation, sync and async."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ... import errors
from ...models.account_info import AccountInfo
from ...models.account_stats import AccountStats
from ...models.error_body import ErrorBody
from ...types import UNSET, File, Unset
from .. import AsyncRunner, Operation, RawResponse, Runner, call_options
from . import account_info, account_stats


def _parse_account_info(response: httpx.Response) -> AccountInfo:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected AccountInfo, got {type(data).__name__}")
        response_200_type_1 = AccountInfo.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


ACCOUNT_INFO: Operation[AccountInfo] = Operation(
    id="account_info",
    tag="account",
    method="GET",
    path="/api/account/info",
    parse=_parse_account_info,
)


def _parse_account_stats(response: httpx.Response) -> AccountStats:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected AccountStats, got {type(data).__name__}")
        response_200_type_1 = AccountStats.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


ACCOUNT_STATS: Operation[AccountStats] = Operation(
    id="account_stats",
    tag="account",
    method="GET",
    path="/api/account/stats",
    parse=_parse_account_stats,
)

OPERATIONS: dict[str, Operation[Any]] = {
    ACCOUNT_INFO.id: ACCOUNT_INFO,
    ACCOUNT_STATS.id: ACCOUNT_STATS,
}


class AccountResource:
    """The `account` operations."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def info(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountInfo:
        """Get the account's premium state and expiry (2026 API).

        Observed on the wire (Comet PR #590, 2026-06) and used by five clients. `email` is read
        by ResolveURL and the Home Assistant integration but absent from the observed payload,
        so it is optional. A bad key gets HTTP 401 `{"error":"NOAUTH"}`.

        `GET /api/account/info` (operationId `account_info`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = account_info._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(ACCOUNT_INFO, request, options)

    def stats(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountStats:
        """Get the account's limits and usage (classic API).

        Undocumented; seen in three public clients (Gaia, POV, Fen Light). `expirationDate` is
        `dd-mm-YYYY` text in the classic API and a Unix time in the web variant, so both parse.
        Whether it still answers after the 2026 switch is unknown.

        `GET /api/account/stats` (operationId `account_stats`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = account_stats._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(ACCOUNT_STATS, request, options)


class AsyncAccountResource:
    """The `account` operations, async."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def info(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountInfo:
        """Get the account's premium state and expiry (2026 API).

        Observed on the wire (Comet PR #590, 2026-06) and used by five clients. `email` is read
        by ResolveURL and the Home Assistant integration but absent from the observed payload,
        so it is optional. A bad key gets HTTP 401 `{"error":"NOAUTH"}`.

        `GET /api/account/info` (operationId `account_info`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = account_info._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(ACCOUNT_INFO, request, options)

    async def stats(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> AccountStats:
        """Get the account's limits and usage (classic API).

        Undocumented; seen in three public clients (Gaia, POV, Fen Light). `expirationDate` is
        `dd-mm-YYYY` text in the classic API and a Unix time in the web variant, so both parse.
        Whether it still answers after the 2026 switch is unknown.

        `GET /api/account/stats` (operationId `account_stats`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = account_stats._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(ACCOUNT_STATS, request, options)


class AccountResourceWithRawResponse:
    """The `account` operations, each answering a `RawResponse` (status, headers, `parse()`)."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def info(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[AccountInfo]:
        """Get the account's premium state and expiry (2026 API).

        Observed on the wire (Comet PR #590, 2026-06) and used by five clients. `email` is read
        by ResolveURL and the Home Assistant integration but absent from the observed payload,
        so it is optional. A bad key gets HTTP 401 `{"error":"NOAUTH"}`.

        `GET /api/account/info` (operationId `account_info`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = account_info._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(ACCOUNT_INFO, request, options)

    def stats(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[AccountStats]:
        """Get the account's limits and usage (classic API).

        Undocumented; seen in three public clients (Gaia, POV, Fen Light). `expirationDate` is
        `dd-mm-YYYY` text in the classic API and a Unix time in the web variant, so both parse.
        Whether it still answers after the 2026 switch is unknown.

        `GET /api/account/stats` (operationId `account_stats`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = account_stats._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(ACCOUNT_STATS, request, options)


class AsyncAccountResourceWithRawResponse:
    """The async twin of `AccountResourceWithRawResponse`."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def info(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[AccountInfo]:
        """Get the account's premium state and expiry (2026 API).

        Observed on the wire (Comet PR #590, 2026-06) and used by five clients. `email` is read
        by ResolveURL and the Home Assistant integration but absent from the observed payload,
        so it is optional. A bad key gets HTTP 401 `{"error":"NOAUTH"}`.

        `GET /api/account/info` (operationId `account_info`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = account_info._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(ACCOUNT_INFO, request, options)

    async def stats(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[AccountStats]:
        """Get the account's limits and usage (classic API).

        Undocumented; seen in three public clients (Gaia, POV, Fen Light). `expirationDate` is
        `dd-mm-YYYY` text in the classic API and a Unix time in the web variant, so both parse.
        Whether it still answers after the 2026 switch is unknown.

        `GET /api/account/stats` (operationId `account_stats`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = account_stats._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(ACCOUNT_STATS, request, options)
