"""The `sites` resource: one typed method per operation, sync and async."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ... import errors
from ...models.error_body import ErrorBody
from ...models.site import Site
from ...types import UNSET, File, Unset
from .. import AsyncRunner, Operation, RawResponse, Runner, call_options
from . import sites_list


def _parse_sites_list(response: httpx.Response) -> list[Site]:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, list):
            raise TypeError(f"expected list[Site], got {type(data).__name__}")
        response_200_type_1 = []
        _response_200_type_1 = data
        for response_200_type_1_item_data in _response_200_type_1:
            response_200_type_1_item = Site.from_dict({**response_200_type_1_item_data})

            response_200_type_1.append(response_200_type_1_item)

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


SITES_LIST: Operation[list[Site]] = Operation(
    id="sites_list",
    tag="sites",
    method="GET",
    path="/api/sites",
    parse=_parse_sites_list,
)

OPERATIONS: dict[str, Operation[Any]] = {
    SITES_LIST.id: SITES_LIST,
}


class SitesResource:
    """The `sites` operations."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[Site]:
        """List the supported hosters and their health.

        The classic API answers rich objects (Gaia) whose `isActive` is a health word such as
        `Healthy`, `Dead`, `Cloud only`, `Limited`, `Fragile`, `Awaiting…` or `R&D`; the 2026 API
        answers `{name, status}` with `status` `up` when usable (ResolveURL, Home Assistant).
        Both parse into the same model.

        `GET /api/sites` (operationId `sites_list`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = sites_list._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(SITES_LIST, request, options)


class AsyncSitesResource:
    """The `sites` operations, async."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> list[Site]:
        """List the supported hosters and their health.

        The classic API answers rich objects (Gaia) whose `isActive` is a health word such as
        `Healthy`, `Dead`, `Cloud only`, `Limited`, `Fragile`, `Awaiting…` or `R&D`; the 2026 API
        answers `{name, status}` with `status` `up` when usable (ResolveURL, Home Assistant).
        Both parse into the same model.

        `GET /api/sites` (operationId `sites_list`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = sites_list._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(SITES_LIST, request, options)


class SitesResourceWithRawResponse:
    """The `sites` operations, each answering a `RawResponse` (status, headers, `parse()`)."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[list[Site]]:
        """List the supported hosters and their health.

        The classic API answers rich objects (Gaia) whose `isActive` is a health word such as
        `Healthy`, `Dead`, `Cloud only`, `Limited`, `Fragile`, `Awaiting…` or `R&D`; the 2026 API
        answers `{name, status}` with `status` `up` when usable (ResolveURL, Home Assistant).
        Both parse into the same model.

        `GET /api/sites` (operationId `sites_list`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = sites_list._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(SITES_LIST, request, options)


class AsyncSitesResourceWithRawResponse:
    """The async twin of `SitesResourceWithRawResponse`."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[list[Site]]:
        """List the supported hosters and their health.

        The classic API answers rich objects (Gaia) whose `isActive` is a health word such as
        `Healthy`, `Dead`, `Cloud only`, `Limited`, `Fragile`, `Awaiting…` or `R&D`; the 2026 API
        answers `{name, status}` with `status` `up` when usable (ResolveURL, Home Assistant).
        Both parse into the same model.

        `GET /api/sites` (operationId `sites_list`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = sites_list._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(SITES_LIST, request, options)
