"""The `cache` resource: one typed method per operation, sync and async."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ... import errors
from ...models.cache_check_request import CacheCheckRequest
from ...models.cache_check_response import CacheCheckResponse
from ...models.cache_download_request import CacheDownloadRequest
from ...models.cache_info_item import CacheInfoItem
from ...models.cache_info_request import CacheInfoRequest
from ...models.cached_link import CachedLink
from ...models.error_body import ErrorBody
from ...types import UNSET, File, Unset
from .. import AsyncRunner, Operation, RawResponse, Runner, call_options
from . import cache_check, cache_download, cache_info


def _parse_cache_check(response: httpx.Response) -> CacheCheckResponse:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected CacheCheckResponse, got {type(data).__name__}")
        response_200_type_1 = CacheCheckResponse.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


CACHE_CHECK: Operation[CacheCheckResponse] = Operation(
    id="cache_check",
    tag="cache",
    method="POST",
    path="/api/cache",
    parse=_parse_cache_check,
)


def _parse_cache_download(response: httpx.Response) -> list[CachedLink]:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, list):
            raise TypeError(f"expected list[CachedLink], got {type(data).__name__}")
        response_200_type_1 = []
        _response_200_type_1 = data
        for response_200_type_1_item_data in _response_200_type_1:
            response_200_type_1_item = CachedLink.from_dict(
                {**response_200_type_1_item_data}
            )

            response_200_type_1.append(response_200_type_1_item)

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


CACHE_DOWNLOAD: Operation[list[CachedLink]] = Operation(
    id="cache_download",
    tag="cache",
    method="POST",
    path="/api/cache/download",
    parse=_parse_cache_download,
)


def _parse_cache_info(response: httpx.Response) -> list[CacheInfoItem]:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, list):
            raise TypeError(f"expected list[CacheInfoItem], got {type(data).__name__}")
        response_200_type_1 = []
        _response_200_type_1 = data
        for response_200_type_1_item_data in _response_200_type_1:
            response_200_type_1_item = CacheInfoItem.from_dict(
                {**response_200_type_1_item_data}
            )

            response_200_type_1.append(response_200_type_1_item)

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


CACHE_INFO: Operation[list[CacheInfoItem]] = Operation(
    id="cache_info",
    tag="cache",
    method="POST",
    path="/api/cache/info",
    parse=_parse_cache_info,
)

OPERATIONS: dict[str, Operation[Any]] = {
    CACHE_CHECK.id: CACHE_CHECK,
    CACHE_DOWNLOAD.id: CACHE_DOWNLOAD,
    CACHE_INFO.id: CACHE_INFO,
}


class CacheResource:
    """The `cache` operations."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def check(
        self,
        *,
        hashes: list[str],
        message_ids: list[str] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CacheCheckResponse:
        """Tell which torrent info hashes Offcloud has cached (classic API).

        Documented by Offcloud (request only); the answer comes from seven clients. Send
        lowercase info hashes, at most 100 per call (what clients do). `claimedItems` answers
        the usenet `messageIds` (Gaia). The 2026 API's counterpart is `cache_info`.

        `POST /api/cache` (operationId `cache_check`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cache_check._get_kwargs(
            body=CacheCheckRequest(
                hashes=hashes,
                message_ids=message_ids,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(CACHE_CHECK, request, options)

    def download(
        self,
        *,
        url: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[CachedLink]:
        """Get direct links to a cached magnet's files without a cloud request (2026 API).

        Used by three 2026 clients. A link that cannot be served directly answers
        `{"error": "Unsupported link for direct download"}`.

        `POST /api/cache/download` (operationId `cache_download`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cache_download._get_kwargs(
            body=CacheDownloadRequest(
                url=url,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(CACHE_DOWNLOAD, request, options)

    def info(
        self,
        *,
        urls: list[str],
        include_files: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[CacheInfoItem]:
        """Tell whether magnets are cached, optionally with their files (2026 API).

        Used by four 2026 clients. `urls` are full magnet URIs; the answer has one item per
        input, in the same order.

        `POST /api/cache/info` (operationId `cache_info`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cache_info._get_kwargs(
            body=CacheInfoRequest(
                urls=urls,
                include_files=include_files,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(CACHE_INFO, request, options)


class AsyncCacheResource:
    """The `cache` operations, async."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def check(
        self,
        *,
        hashes: list[str],
        message_ids: list[str] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CacheCheckResponse:
        """Tell which torrent info hashes Offcloud has cached (classic API).

        Documented by Offcloud (request only); the answer comes from seven clients. Send
        lowercase info hashes, at most 100 per call (what clients do). `claimedItems` answers
        the usenet `messageIds` (Gaia). The 2026 API's counterpart is `cache_info`.

        `POST /api/cache` (operationId `cache_check`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cache_check._get_kwargs(
            body=CacheCheckRequest(
                hashes=hashes,
                message_ids=message_ids,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(CACHE_CHECK, request, options)

    async def download(
        self,
        *,
        url: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[CachedLink]:
        """Get direct links to a cached magnet's files without a cloud request (2026 API).

        Used by three 2026 clients. A link that cannot be served directly answers
        `{"error": "Unsupported link for direct download"}`.

        `POST /api/cache/download` (operationId `cache_download`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cache_download._get_kwargs(
            body=CacheDownloadRequest(
                url=url,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(CACHE_DOWNLOAD, request, options)

    async def info(
        self,
        *,
        urls: list[str],
        include_files: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[CacheInfoItem]:
        """Tell whether magnets are cached, optionally with their files (2026 API).

        Used by four 2026 clients. `urls` are full magnet URIs; the answer has one item per
        input, in the same order.

        `POST /api/cache/info` (operationId `cache_info`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = cache_info._get_kwargs(
            body=CacheInfoRequest(
                urls=urls,
                include_files=include_files,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(CACHE_INFO, request, options)


class CacheResourceWithRawResponse:
    """The `cache` operations, each answering a `RawResponse` (status, headers, `parse()`)."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def check(
        self,
        *,
        hashes: list[str],
        message_ids: list[str] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[CacheCheckResponse]:
        """Tell which torrent info hashes Offcloud has cached (classic API).

        Documented by Offcloud (request only); the answer comes from seven clients. Send
        lowercase info hashes, at most 100 per call (what clients do). `claimedItems` answers
        the usenet `messageIds` (Gaia). The 2026 API's counterpart is `cache_info`.

        `POST /api/cache` (operationId `cache_check`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cache_check._get_kwargs(
            body=CacheCheckRequest(
                hashes=hashes,
                message_ids=message_ids,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(CACHE_CHECK, request, options)

    def download(
        self,
        *,
        url: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[list[CachedLink]]:
        """Get direct links to a cached magnet's files without a cloud request (2026 API).

        Used by three 2026 clients. A link that cannot be served directly answers
        `{"error": "Unsupported link for direct download"}`.

        `POST /api/cache/download` (operationId `cache_download`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cache_download._get_kwargs(
            body=CacheDownloadRequest(
                url=url,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(CACHE_DOWNLOAD, request, options)

    def info(
        self,
        *,
        urls: list[str],
        include_files: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[list[CacheInfoItem]]:
        """Tell whether magnets are cached, optionally with their files (2026 API).

        Used by four 2026 clients. `urls` are full magnet URIs; the answer has one item per
        input, in the same order.

        `POST /api/cache/info` (operationId `cache_info`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cache_info._get_kwargs(
            body=CacheInfoRequest(
                urls=urls,
                include_files=include_files,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(CACHE_INFO, request, options)


class AsyncCacheResourceWithRawResponse:
    """The async twin of `CacheResourceWithRawResponse`."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def check(
        self,
        *,
        hashes: list[str],
        message_ids: list[str] | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[CacheCheckResponse]:
        """Tell which torrent info hashes Offcloud has cached (classic API).

        Documented by Offcloud (request only); the answer comes from seven clients. Send
        lowercase info hashes, at most 100 per call (what clients do). `claimedItems` answers
        the usenet `messageIds` (Gaia). The 2026 API's counterpart is `cache_info`.

        `POST /api/cache` (operationId `cache_check`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cache_check._get_kwargs(
            body=CacheCheckRequest(
                hashes=hashes,
                message_ids=message_ids,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(CACHE_CHECK, request, options)

    async def download(
        self,
        *,
        url: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[list[CachedLink]]:
        """Get direct links to a cached magnet's files without a cloud request (2026 API).

        Used by three 2026 clients. A link that cannot be served directly answers
        `{"error": "Unsupported link for direct download"}`.

        `POST /api/cache/download` (operationId `cache_download`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cache_download._get_kwargs(
            body=CacheDownloadRequest(
                url=url,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(CACHE_DOWNLOAD, request, options)

    async def info(
        self,
        *,
        urls: list[str],
        include_files: bool | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[list[CacheInfoItem]]:
        """Tell whether magnets are cached, optionally with their files (2026 API).

        Used by four 2026 clients. `urls` are full magnet URIs; the answer has one item per
        input, in the same order.

        `POST /api/cache/info` (operationId `cache_info`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = cache_info._get_kwargs(
            body=CacheInfoRequest(
                urls=urls,
                include_files=include_files,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(CACHE_INFO, request, options)
