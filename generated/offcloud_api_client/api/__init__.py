"""Typed resources over every operation of the API, sync and async.

Each tag of the spec is a resource (`api/<tag>/__init__.py`) with one method per operation.
A resource builds the request and parses the answer; a *runner* sends it. The runner is where
behaviour common to every call lives (auth, retries, error mapping, logging), so a newly
generated operation gets it without any hand-written code. `ClientRunner` and
`AsyncClientRunner` are plain runners over this package's `Client`.

Every method also takes `extra_headers`, `extra_query`, `extra_body` and `timeout` for one call
(`CallOptions`), and `ResourcesWithRawResponse` has each method answer a `RawResponse` (status,
headers, `parse()`) instead of the model.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import httpx

if TYPE_CHECKING:
    from ..client import AuthenticatedClient, Client
    from .account import (
        AccountResource,
        AccountResourceWithRawResponse,
        AsyncAccountResource,
        AsyncAccountResourceWithRawResponse,
    )
    from .auth import (
        AsyncAuthResource,
        AsyncAuthResourceWithRawResponse,
        AuthResource,
        AuthResourceWithRawResponse,
    )
    from .cache import (
        AsyncCacheResource,
        AsyncCacheResourceWithRawResponse,
        CacheResource,
        CacheResourceWithRawResponse,
    )
    from .cloud import (
        AsyncCloudResource,
        AsyncCloudResourceWithRawResponse,
        CloudResource,
        CloudResourceWithRawResponse,
    )
    from .instant import (
        AsyncInstantResource,
        AsyncInstantResourceWithRawResponse,
        InstantResource,
        InstantResourceWithRawResponse,
    )
    from .proxies import (
        AsyncProxiesResource,
        AsyncProxiesResourceWithRawResponse,
        ProxiesResource,
        ProxiesResourceWithRawResponse,
    )
    from .remote import (
        AsyncRemoteResource,
        AsyncRemoteResourceWithRawResponse,
        RemoteResource,
        RemoteResourceWithRawResponse,
    )
    from .sites import (
        AsyncSitesResource,
        AsyncSitesResourceWithRawResponse,
        SitesResource,
        SitesResourceWithRawResponse,
    )
    from .torrents import (
        AsyncTorrentsResource,
        AsyncTorrentsResourceWithRawResponse,
        TorrentsResource,
        TorrentsResourceWithRawResponse,
    )

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

TAGS: tuple[str, ...] = (
    "account",
    "auth",
    "cache",
    "cloud",
    "instant",
    "proxies",
    "remote",
    "sites",
    "torrents",
)


# The classes here are plain, not attrs: they are made at import, and attrs itself costs
# ~25 ms to import (it loads with the first model instead).
class Operation(Generic[T_co]):
    """One operation of the spec: what a runner needs to send it and parse its answer."""

    __slots__ = ("id", "method", "parse", "path", "tag")

    def __init__(
        self,
        *,
        id: str,  # the spec's word
        tag: str,
        method: str,
        path: str,
        parse: Callable[[httpx.Response], T_co],
    ) -> None:
        self.id: str = id
        """The operationId, `<tag>_<method>`."""
        self.tag: str = tag
        """The resource the operation is a method of."""
        self.method: str = method
        """The HTTP method, upper case."""
        self.path: str = path
        """The path template with Python names, e.g. `/api/cloud/explore/{request_id}`."""
        self.parse: Callable[[httpx.Response], T_co] = parse
        """Turns a 2xx answer into the success model; raises on any other status or shape."""

    def __repr__(self) -> str:
        return f"Operation(id={self.id!r}, method={self.method!r}, path={self.path!r})"


class CallOptions:
    """What one call adds to or changes in the request its method builds.

    `extra_headers` are added to (or replace) the call's own headers, `extra_query` to its
    query, `extra_body` is merged into its JSON, form or multipart body (sent as a JSON body by
    a call without one), and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
    """

    __slots__ = ("extra_body", "extra_headers", "extra_query", "timeout")

    def __init__(
        self,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> None:
        self.extra_headers: Mapping[str, str] | None = extra_headers
        """Headers added to (or replacing) the call's own."""
        self.extra_query: Mapping[str, object] | None = extra_query
        """Query parameters added to the call's own."""
        self.extra_body: Mapping[str, object] | None = extra_body
        """Fields merged into the call's body."""
        self.timeout: float | httpx.Timeout | None = timeout
        """Replaces the client's timeout for this call."""

    def __repr__(self) -> str:
        given = ", ".join(
            f"{name}=..." for name in self.__slots__ if getattr(self, name) is not None
        )
        return f"CallOptions({given})"


def call_options(
    extra_headers: Mapping[str, str] | None,
    extra_query: Mapping[str, object] | None,
    extra_body: Mapping[str, object] | None,
    timeout: float | httpx.Timeout | None,
) -> CallOptions | None:
    """The `CallOptions` of a method's keywords, or None when it was given none (most calls)."""
    if (
        extra_headers is None
        and extra_query is None
        and extra_body is None
        and timeout is None
    ):
        return None
    return CallOptions(extra_headers, extra_query, extra_body, timeout)


def with_options(
    request: dict[str, Any], options: CallOptions | None
) -> dict[str, Any]:
    """`request` (the `httpx` `request()` arguments a method built) with `options` merged in.

    `timeout` is left to the runner, which knows the client's.
    """
    if options is None:
        return request
    request = dict(request)
    if options.extra_headers:
        request["headers"] = {**request.get("headers", {}), **options.extra_headers}
    if options.extra_query:
        request["params"] = {**request.get("params", {}), **options.extra_query}
    extra = options.extra_body
    if extra:
        if isinstance(request.get("files"), list):
            request["files"] = [
                *request["files"],
                *((k, _multipart_field(v)) for k, v in extra.items()),
            ]
        elif isinstance(request.get("data"), Mapping):
            request["data"] = {**request["data"], **extra}
        elif isinstance(request.get("json"), Mapping) or "json" not in request:
            request["json"] = {**request.get("json", {}), **extra}
        else:
            raise TypeError(
                f"extra_body cannot be merged into a JSON {type(request['json']).__name__}"
            )
    return request


def _multipart_field(value: object) -> tuple[None, bytes, str]:
    text = (
        ("true" if value else "false")
        if isinstance(value, bool)
        else ""
        if value is None
        else str(value)
    )
    return (None, text.encode(), "text/plain")


class RawResponse(Generic[T_co]):
    """An answer as it came, with the typed result one `parse()` away.

    A call that failed (an error status, an error body, no answer) raised its error instead;
    `parse()` raises when the body cannot be made into the model.
    """

    __slots__ = ("_parse", "elapsed", "http_response", "retries_taken")

    def __init__(
        self,
        http_response: httpx.Response,
        retries_taken: int,
        elapsed: datetime.timedelta,
        parse: Callable[[], T_co],
    ) -> None:
        self.http_response: httpx.Response = http_response
        """The last attempt's answer."""
        self.retries_taken: int = retries_taken
        """How many times the call was sent again before this answer."""
        self.elapsed: datetime.timedelta = elapsed
        """From sending the first attempt to this answer's last byte, retries and waits
        included."""
        self._parse = parse

    @property
    def status_code(self) -> int:
        """The answer's HTTP status."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The answer's headers."""
        return self.http_response.headers

    def parse(self) -> T_co:
        """The typed result, as the method would have answered it."""
        return self._parse()

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<RawResponse [{self.status_code}] {request.method} {request.url.path}>"


class Runner(Protocol):
    """Sends the request a resource built and returns what `operation.parse` makes of the answer."""

    def call(
        self,
        operation: Operation[T],
        request: dict[str, Any],
        options: CallOptions | None = None,
    ) -> T:
        """Send `request` (with `options`) and answer `operation.parse` of the response."""
        ...

    def call_raw(
        self,
        operation: Operation[T],
        request: dict[str, Any],
        options: CallOptions | None = None,
    ) -> RawResponse[T]:
        """Send `request` (with `options`) and answer the response, parsed on demand."""
        ...


class AsyncRunner(Protocol):
    """The async twin of `Runner`."""

    async def call(
        self,
        operation: Operation[T],
        request: dict[str, Any],
        options: CallOptions | None = None,
    ) -> T:
        """Send `request` (with `options`) and answer `operation.parse` of the response."""
        ...

    async def call_raw(
        self,
        operation: Operation[T],
        request: dict[str, Any],
        options: CallOptions | None = None,
    ) -> RawResponse[T]:
        """Send `request` (with `options`) and answer the response, parsed on demand."""
        ...


def _timeout(options: CallOptions | None) -> dict[str, Any]:
    return (
        {}
        if options is None or options.timeout is None
        else {"timeout": options.timeout}
    )


class ClientRunner:
    """A runner that sends with a generated `Client` and adds nothing."""

    def __init__(self, client: Client | AuthenticatedClient) -> None:
        self.client: Client | AuthenticatedClient = client
        """The generated client whose `httpx.Client` sends the requests."""

    def call(
        self,
        operation: Operation[T],
        request: dict[str, Any],
        options: CallOptions | None = None,
    ) -> T:
        """Send `request` and parse the answer; a status the spec does not list raises
        `errors.UnexpectedStatus`."""
        return self.call_raw(operation, request, options).parse()

    def call_raw(
        self,
        operation: Operation[T],
        request: dict[str, Any],
        options: CallOptions | None = None,
    ) -> RawResponse[T]:
        """Send `request` and answer the response, parsed on demand."""
        http = self.client.get_httpx_client()
        response = http.request(**with_options(request, options), **_timeout(options))
        return RawResponse(
            response, 0, response.elapsed, lambda: operation.parse(response)
        )


class AsyncClientRunner:
    """The async twin of `ClientRunner`."""

    def __init__(self, client: Client | AuthenticatedClient) -> None:
        self.client: Client | AuthenticatedClient = client
        """The generated client whose `httpx.AsyncClient` sends the requests."""

    async def call(
        self,
        operation: Operation[T],
        request: dict[str, Any],
        options: CallOptions | None = None,
    ) -> T:
        """Send `request` and parse the answer; a status the spec does not list raises
        `errors.UnexpectedStatus`."""
        return (await self.call_raw(operation, request, options)).parse()

    async def call_raw(
        self,
        operation: Operation[T],
        request: dict[str, Any],
        options: CallOptions | None = None,
    ) -> RawResponse[T]:
        """Send `request` and answer the response, parsed on demand."""
        http = self.client.get_async_httpx_client()
        response = await http.request(
            **with_options(request, options), **_timeout(options)
        )
        return RawResponse(
            response, 0, response.elapsed, lambda: operation.parse(response)
        )


class Resources:
    """Every resource of the API as an attribute; each is imported on first use."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    @cached_property
    def account(self) -> AccountResource:
        """Account operations."""
        from .account import AccountResource

        return AccountResource(self._runner)

    @cached_property
    def auth(self) -> AuthResource:
        """Auth operations."""
        from .auth import AuthResource

        return AuthResource(self._runner)

    @cached_property
    def cache(self) -> CacheResource:
        """Cache operations."""
        from .cache import CacheResource

        return CacheResource(self._runner)

    @cached_property
    def cloud(self) -> CloudResource:
        """Cloud operations."""
        from .cloud import CloudResource

        return CloudResource(self._runner)

    @cached_property
    def instant(self) -> InstantResource:
        """Instant operations."""
        from .instant import InstantResource

        return InstantResource(self._runner)

    @cached_property
    def proxies(self) -> ProxiesResource:
        """Proxies operations."""
        from .proxies import ProxiesResource

        return ProxiesResource(self._runner)

    @cached_property
    def remote(self) -> RemoteResource:
        """Remote operations."""
        from .remote import RemoteResource

        return RemoteResource(self._runner)

    @cached_property
    def sites(self) -> SitesResource:
        """Sites operations."""
        from .sites import SitesResource

        return SitesResource(self._runner)

    @cached_property
    def torrents(self) -> TorrentsResource:
        """Torrents operations."""
        from .torrents import TorrentsResource

        return TorrentsResource(self._runner)


class AsyncResources:
    """The async twin of `Resources`."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    @cached_property
    def account(self) -> AsyncAccountResource:
        """Account operations."""
        from .account import AsyncAccountResource

        return AsyncAccountResource(self._runner)

    @cached_property
    def auth(self) -> AsyncAuthResource:
        """Auth operations."""
        from .auth import AsyncAuthResource

        return AsyncAuthResource(self._runner)

    @cached_property
    def cache(self) -> AsyncCacheResource:
        """Cache operations."""
        from .cache import AsyncCacheResource

        return AsyncCacheResource(self._runner)

    @cached_property
    def cloud(self) -> AsyncCloudResource:
        """Cloud operations."""
        from .cloud import AsyncCloudResource

        return AsyncCloudResource(self._runner)

    @cached_property
    def instant(self) -> AsyncInstantResource:
        """Instant operations."""
        from .instant import AsyncInstantResource

        return AsyncInstantResource(self._runner)

    @cached_property
    def proxies(self) -> AsyncProxiesResource:
        """Proxies operations."""
        from .proxies import AsyncProxiesResource

        return AsyncProxiesResource(self._runner)

    @cached_property
    def remote(self) -> AsyncRemoteResource:
        """Remote operations."""
        from .remote import AsyncRemoteResource

        return AsyncRemoteResource(self._runner)

    @cached_property
    def sites(self) -> AsyncSitesResource:
        """Sites operations."""
        from .sites import AsyncSitesResource

        return AsyncSitesResource(self._runner)

    @cached_property
    def torrents(self) -> AsyncTorrentsResource:
        """Torrents operations."""
        from .torrents import AsyncTorrentsResource

        return AsyncTorrentsResource(self._runner)


class ResourcesWithRawResponse:
    """Every resource, each method answering a `RawResponse` instead of the model."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    @cached_property
    def account(self) -> AccountResourceWithRawResponse:
        """Account operations, answering `RawResponse`s."""
        from .account import AccountResourceWithRawResponse

        return AccountResourceWithRawResponse(self._runner)

    @cached_property
    def auth(self) -> AuthResourceWithRawResponse:
        """Auth operations, answering `RawResponse`s."""
        from .auth import AuthResourceWithRawResponse

        return AuthResourceWithRawResponse(self._runner)

    @cached_property
    def cache(self) -> CacheResourceWithRawResponse:
        """Cache operations, answering `RawResponse`s."""
        from .cache import CacheResourceWithRawResponse

        return CacheResourceWithRawResponse(self._runner)

    @cached_property
    def cloud(self) -> CloudResourceWithRawResponse:
        """Cloud operations, answering `RawResponse`s."""
        from .cloud import CloudResourceWithRawResponse

        return CloudResourceWithRawResponse(self._runner)

    @cached_property
    def instant(self) -> InstantResourceWithRawResponse:
        """Instant operations, answering `RawResponse`s."""
        from .instant import InstantResourceWithRawResponse

        return InstantResourceWithRawResponse(self._runner)

    @cached_property
    def proxies(self) -> ProxiesResourceWithRawResponse:
        """Proxies operations, answering `RawResponse`s."""
        from .proxies import ProxiesResourceWithRawResponse

        return ProxiesResourceWithRawResponse(self._runner)

    @cached_property
    def remote(self) -> RemoteResourceWithRawResponse:
        """Remote operations, answering `RawResponse`s."""
        from .remote import RemoteResourceWithRawResponse

        return RemoteResourceWithRawResponse(self._runner)

    @cached_property
    def sites(self) -> SitesResourceWithRawResponse:
        """Sites operations, answering `RawResponse`s."""
        from .sites import SitesResourceWithRawResponse

        return SitesResourceWithRawResponse(self._runner)

    @cached_property
    def torrents(self) -> TorrentsResourceWithRawResponse:
        """Torrents operations, answering `RawResponse`s."""
        from .torrents import TorrentsResourceWithRawResponse

        return TorrentsResourceWithRawResponse(self._runner)


class AsyncResourcesWithRawResponse:
    """The async twin of `ResourcesWithRawResponse`."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    @cached_property
    def account(self) -> AsyncAccountResourceWithRawResponse:
        """Account operations, answering `RawResponse`s."""
        from .account import AsyncAccountResourceWithRawResponse

        return AsyncAccountResourceWithRawResponse(self._runner)

    @cached_property
    def auth(self) -> AsyncAuthResourceWithRawResponse:
        """Auth operations, answering `RawResponse`s."""
        from .auth import AsyncAuthResourceWithRawResponse

        return AsyncAuthResourceWithRawResponse(self._runner)

    @cached_property
    def cache(self) -> AsyncCacheResourceWithRawResponse:
        """Cache operations, answering `RawResponse`s."""
        from .cache import AsyncCacheResourceWithRawResponse

        return AsyncCacheResourceWithRawResponse(self._runner)

    @cached_property
    def cloud(self) -> AsyncCloudResourceWithRawResponse:
        """Cloud operations, answering `RawResponse`s."""
        from .cloud import AsyncCloudResourceWithRawResponse

        return AsyncCloudResourceWithRawResponse(self._runner)

    @cached_property
    def instant(self) -> AsyncInstantResourceWithRawResponse:
        """Instant operations, answering `RawResponse`s."""
        from .instant import AsyncInstantResourceWithRawResponse

        return AsyncInstantResourceWithRawResponse(self._runner)

    @cached_property
    def proxies(self) -> AsyncProxiesResourceWithRawResponse:
        """Proxies operations, answering `RawResponse`s."""
        from .proxies import AsyncProxiesResourceWithRawResponse

        return AsyncProxiesResourceWithRawResponse(self._runner)

    @cached_property
    def remote(self) -> AsyncRemoteResourceWithRawResponse:
        """Remote operations, answering `RawResponse`s."""
        from .remote import AsyncRemoteResourceWithRawResponse

        return AsyncRemoteResourceWithRawResponse(self._runner)

    @cached_property
    def sites(self) -> AsyncSitesResourceWithRawResponse:
        """Sites operations, answering `RawResponse`s."""
        from .sites import AsyncSitesResourceWithRawResponse

        return AsyncSitesResourceWithRawResponse(self._runner)

    @cached_property
    def torrents(self) -> AsyncTorrentsResourceWithRawResponse:
        """Torrents operations, answering `RawResponse`s."""
        from .torrents import AsyncTorrentsResourceWithRawResponse

        return AsyncTorrentsResourceWithRawResponse(self._runner)


WIRE_NAMES: dict[str, dict[str, str]] = {
    "AccountInfo": {
        "user_id": "user_id",
        "is_premium": "is_premium",
        "can_download": "can_download",
        "expiration_date": "expiration_date",
        "email": "email",
    },
    "AccountLimits": {
        "links": "links",
        "premium": "premium",
        "torrent": "torrent",
        "streaming": "streaming",
        "cloud": "cloud",
        "proxy": "proxy",
    },
    "AccountStats": {
        "userId": "user_id",
        "email": "email",
        "isPremium": "is_premium",
        "expirationDate": "expiration_date",
        "limits": "limits",
        "membershipType": "membership_type",
        "additionalTags": "additional_tags",
    },
    "AccountStatsAdditionalTags": {},
    "ApiKeyResponse": {
        "apiKey": "api_key",
        "email": "email",
    },
    "CacheCheckRequest": {
        "hashes": "hashes",
        "messageIds": "message_ids",
    },
    "CacheCheckResponse": {
        "cachedItems": "cached_items",
        "claimedItems": "claimed_items",
    },
    "CachedFile": {
        "filename": "filename",
        "folder": "folder",
        "size": "size",
    },
    "CachedLink": {
        "filename": "filename",
        "url": "url",
        "folder": "folder",
        "size": "size",
    },
    "CacheDownloadRequest": {
        "url": "url",
    },
    "CacheInfoItem": {
        "cached": "cached",
        "files": "files",
    },
    "CacheInfoRequest": {
        "urls": "urls",
        "includeFiles": "include_files",
    },
    "CheckResponse": {
        "loggedIn": "logged_in",
    },
    "CloudAddRequest": {
        "url": "url",
        "customFileName": "custom_file_name",
    },
    "DeviceCodeResponse": {
        "device_code": "device_code",
        "user_code": "user_code",
        "verification_uri": "verification_uri",
        "verification_uri_complete": "verification_uri_complete",
        "expires_in": "expires_in",
        "interval": "interval",
    },
    "DeviceTokenRequest": {
        "grant_type": "grant_type",
        "device_code": "device_code",
        "client_id": "client_id",
    },
    "DeviceTokenResponse": {
        "access_token": "access_token",
        "token_type": "token_type",
        "expires_in": "expires_in",
        "refresh_token": "refresh_token",
        "scope": "scope",
    },
    "DownloadRequest": {
        "requestId": "request_id",
        "status": "status",
        "fileName": "file_name",
        "originalLink": "original_link",
        "site": "site",
        "url": "url",
        "createdOn": "created_on",
    },
    "EmptyBody": {},
    "ErrorBody": {
        "error": "error",
        "error_description": "error_description",
    },
    "ExploreDetailed": {
        "files": "files",
    },
    "ExploreFile": {
        "name": "name",
        "url": "url",
        "id": "id",
        "size": "size",
        "path": "path",
    },
    "HistoryItem": {
        "requestId": "request_id",
        "fileName": "file_name",
        "status": "status",
        "originalLink": "original_link",
        "createdOn": "created_on",
        "server": "server",
        "isDirectory": "is_directory",
        "fileSize": "file_size",
        "site": "site",
        "userId": "user_id",
        "metaData": "meta_data",
        "downloadLink": "download_link",
        "message": "message",
        "progress": "progress",
    },
    "InstantAddRequest": {
        "url": "url",
        "proxyId": "proxy_id",
    },
    "LoginRequest": {
        "username": "username",
        "password": "password",
    },
    "LoginResponse": {
        "email": "email",
        "userId": "user_id",
    },
    "NotAvailableBody": {
        "not_available": "not_available",
    },
    "Proxy": {
        "id": "id",
        "name": "name",
        "region": "region",
    },
    "ProxyList": {
        "list": "list_",
    },
    "RemoteAccount": {
        "remoteOptionId": "remote_option_id",
        "accountId": "account_id",
        "type": "type_",
        "username": "username",
        "status": "status",
        "host": "host",
        "port": "port",
        "path": "path",
        "usage": "usage",
    },
    "RemoteAccountList": {
        "data": "data",
    },
    "RemoteAddRequest": {
        "url": "url",
        "remoteOptionId": "remote_option_id",
        "folderId": "folder_id",
    },
    "RemoteStatusRequest": {
        "requestId": "request_id",
    },
    "RemoveRequest": {
        "requests": "requests",
    },
    "RequestStatus": {
        "status": "status",
        "requestId": "request_id",
        "fileName": "file_name",
        "fileSize": "file_size",
        "amount": "amount",
        "progress": "progress",
        "message": "message",
        "server": "server",
        "isDirectory": "is_directory",
        "isCompleted": "is_completed",
        "downloadingSpeed": "downloading_speed",
        "downloadingTime": "downloading_time",
        "errorMessage": "error_message",
        "info": "info",
    },
    "RetryResponse": {
        "success": "success",
        "status": "status",
    },
    "Site": {
        "name": "name",
        "status": "status",
        "displayName": "display_name",
        "hosts": "hosts",
        "isActive": "is_active",
        "noInstantDownload": "no_instant_download",
        "isVideoStreaming": "is_video_streaming",
        "maxAmountPerUser": "max_amount_per_user",
        "maxChunks": "max_chunks",
        "maxChunksGlobal": "max_chunks_global",
    },
    "StatusBatchResponse": {
        "requests": "requests",
    },
    "StatusRequest": {
        "requestId": "request_id",
        "requestIds": "request_ids",
    },
    "StatusResponse": {
        "status": "status",
    },
    "SuccessResponse": {
        "success": "success",
    },
    "TorrentUploadRequest": {
        "file": "file",
    },
    "TorrentUploadResponse": {
        "url": "url",
        "success": "success",
        "fileName": "file_name",
    },
}
"""For each model, its JSON keys and the fields they fill: how an answer
that differs from the spec is read field by field (`offcloud_sdk.drift`)."""


def operations() -> dict[str, Operation[Any]]:
    """Every operation of the spec by operationId (imports every resource module)."""
    from importlib import import_module

    found: dict[str, Operation[Any]] = {}
    for tag in TAGS:
        found.update(import_module(f"{__name__}.{tag}").OPERATIONS)
    return found
