"""The `proxies` resource: one typed method per operation, sync and async."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ... import errors
from ...models.error_body import ErrorBody
from ...models.proxy import Proxy
from ...models.proxy_list import ProxyList
from ...types import UNSET, File, Unset
from .. import AsyncRunner, Operation, RawResponse, Runner, call_options
from . import proxies_list


def _parse_proxies_list(response: httpx.Response) -> ProxyList | list[Proxy]:
    if response.status_code == 200:
        data = response.json()
        if isinstance(data, dict) and {"list"} <= data.keys():
            try:
                response_200_type_1 = ProxyList.from_dict({**data})

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        if not isinstance(data, list):
            raise TypeError(f"expected list[Proxy], got {type(data).__name__}")
        response_200_type_2 = []
        _response_200_type_2 = data
        for response_200_type_2_item_data in _response_200_type_2:
            response_200_type_2_item = Proxy.from_dict(
                {**response_200_type_2_item_data}
            )

            response_200_type_2.append(response_200_type_2_item)

        return response_200_type_2

    raise errors.UnexpectedStatus(response.status_code, response.content)


PROXIES_LIST: Operation[ProxyList | list[Proxy]] = Operation(
    id="proxies_list",
    tag="proxies",
    method="POST",
    path="/api/proxy",
    parse=_parse_proxies_list,
)

OPERATIONS: dict[str, Operation[Any]] = {
    PROXIES_LIST.id: PROXIES_LIST,
}


class ProxiesResource:
    """The `proxies` operations."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ProxyList | list[Proxy]:
        """List the proxies instant downloads can use.

        Documented by Offcloud as a bare array of `{id, name, region}`; clients read a
        `{"list": […]}` wrapper. Both shapes parse. Names look like `Main (US, New York)`.

        `POST /api/proxy` (operationId `proxies_list`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = proxies_list._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(PROXIES_LIST, request, options)


class AsyncProxiesResource:
    """The `proxies` operations, async."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ProxyList | list[Proxy]:
        """List the proxies instant downloads can use.

        Documented by Offcloud as a bare array of `{id, name, region}`; clients read a
        `{"list": […]}` wrapper. Both shapes parse. Names look like `Main (US, New York)`.

        `POST /api/proxy` (operationId `proxies_list`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = proxies_list._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(PROXIES_LIST, request, options)


class ProxiesResourceWithRawResponse:
    """The `proxies` operations, each answering a `RawResponse` (status, headers, `parse()`)."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[ProxyList | list[Proxy]]:
        """List the proxies instant downloads can use.

        Documented by Offcloud as a bare array of `{id, name, region}`; clients read a
        `{"list": […]}` wrapper. Both shapes parse. Names look like `Main (US, New York)`.

        `POST /api/proxy` (operationId `proxies_list`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = proxies_list._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(PROXIES_LIST, request, options)


class AsyncProxiesResourceWithRawResponse:
    """The async twin of `ProxiesResourceWithRawResponse`."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[ProxyList | list[Proxy]]:
        """List the proxies instant downloads can use.

        Documented by Offcloud as a bare array of `{id, name, region}`; clients read a
        `{"list": […]}` wrapper. Both shapes parse. Names look like `Main (US, New York)`.

        `POST /api/proxy` (operationId `proxies_list`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = proxies_list._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(PROXIES_LIST, request, options)
