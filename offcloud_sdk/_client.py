"""`Offcloud` and `AsyncOffcloud`: the clients users import.

Each is the generated `Resources` (or `AsyncResources`) bound to a runner that sends on one
`httpx` client — one connection pool and one cookie jar — so every operation in the spec is an
attribute (`oc.cloud.add(...)`), typed, and goes through auth, retries and error mapping.
`cloud` and `cache` are the generated resources plus helpers (`resources`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Self, overload

import httpx
from offcloud_api_client.api import (
    AsyncResources,
    AsyncResourcesWithRawResponse,
    Resources,
    ResourcesWithRawResponse,
)

from ._calls.clock import Clock, SystemClock
from ._calls.deadlines import bound_reads
from ._calls.logs import configure_from_env
from ._calls.redaction import protect_httpx_logger
from ._calls.runners import DEFAULT_HEADERS, AsyncRunner, SyncRunner
from ._calls.settings import (
    DEFAULT_MAX_ANSWER_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_READ_TIMEOUT,
    KeyIn,
    Settings,
    TimeoutArg,
    as_api_key,
    as_max_answer_size,
    as_max_retries,
    as_strict,
    as_timeout,
    as_total_timeout,
)
from ._flows.flows import arun, run
from .exceptions import InvalidArgumentError

if TYPE_CHECKING:
    from ._calls.custom_calls import FromDict, M
    from ._downloads.files import AsyncFilesResource, FilesResource
    from ._flows.auth_flows import OnCode
    from ._resources import AsyncCacheResource, AsyncCloudResource, CacheResource, CloudResource

# The resources with helpers, the downloads and the login flows (and the generated modules
# they need) are imported when first used, so `from offcloud_sdk import Offcloud` stays cheap.

DEVICE_LOGIN_TIMEOUT = 600.0


class _Configured:
    """What both clients share: construction, settings access, `with_options`, a safe repr."""

    _runner: SyncRunner | AsyncRunner
    _owns_http: bool
    _runner_type: ClassVar[Any]
    _http_type: ClassVar[Any]

    def _start(self, settings: Settings, http_client: object, clock: Clock | None) -> None:
        if http_client is not None and not isinstance(http_client, self._http_type):
            raise InvalidArgumentError(
                f"http_client must be an httpx.{self._http_type.__qualname__}, "
                f"not {type(http_client).__name__}"
            )
        configure_from_env()
        protect_httpx_logger()
        http = (
            http_client
            if http_client is not None
            else self._http_type(headers=DEFAULT_HEADERS, mounts=_direct_mounts(settings.base_url))
        )
        _refuse_proxied_plain_http(http, settings.base_url)
        if http_client is None:
            bound_reads(http)
        runner = self._runner_type(settings, http, clock or SystemClock())
        self._bind(runner, owns_http=http_client is None)

    def _bind(self, runner: Any, *, owns_http: bool) -> None:
        raise NotImplementedError

    def with_options(
        self,
        *,
        timeout: TimeoutArg | None = None,
        max_retries: int | None = None,
        total_timeout: float | None = None,
        max_answer_size: int | None = None,
        strict: bool | None = None,
    ) -> Self:
        """A copy with other timeouts, retries, answer size or strictness, sharing this
        client's pool and cookies."""
        changes: dict[str, Any] = {}
        if timeout is not None:
            changes["timeout"] = as_timeout(timeout)
        if max_retries is not None:
            changes["max_retries"] = as_max_retries(max_retries)
        if total_timeout is not None:
            changes["total_timeout"] = as_total_timeout(total_timeout)
        if max_answer_size is not None:
            changes["max_answer_size"] = as_max_answer_size(max_answer_size)
        if strict is not None:
            changes["strict"] = as_strict(strict)
        copy = object.__new__(type(self))
        copy._bind(self._runner.replace(self._runner.settings.replace(**changes)), owns_http=False)
        return copy

    @property
    def api_key(self) -> str | None:
        """The key sent with every call; settable (e.g. after `login`)."""
        return self._runner.settings.api_key

    @api_key.setter
    def api_key(self, value: str | None) -> None:
        self._runner.settings = self._runner.settings.replace(api_key=as_api_key(value))

    @property
    def base_url(self) -> str:
        return self._runner.settings.base_url

    @property
    def key_in(self) -> KeyIn:
        return self._runner.settings.key_in

    @property
    def timeout(self) -> httpx.Timeout:
        return self._runner.settings.timeout

    @property
    def total_timeout(self) -> float:
        """Seconds one attempt of an API call may take in all (4 read timeouts unless set)."""
        return self._runner.settings.deadline

    @property
    def max_answer_size(self) -> int:
        """Bytes an API answer may hold, decompressed; a larger one is not read further."""
        return self._runner.settings.max_answer_size

    @property
    def max_retries(self) -> int:
        return self._runner.settings.max_retries

    @property
    def strict(self) -> bool:
        """Whether an answer that differs from the spec's types raises (else it is read
        leniently and the difference logged once on `offcloud_sdk.drift`)."""
        return self._runner.settings.strict

    def __repr__(self) -> str:
        key = "None" if self.api_key is None else "'***'"
        return (
            f"{type(self).__name__}(api_key={key}, base_url={self.base_url!r}, "
            f"key_in={self.key_in!r}, max_retries={self.max_retries}, strict={self.strict})"
        )


class Offcloud(_Configured, Resources):
    """The Offcloud API client.

    `api_key` falls back to `OFFCLOUD_API_KEY` and `base_url` to `OFFCLOUD_BASE_URL`, then
    `https://offcloud.com`. `key_in` sends the key as `Authorization: Bearer` ("header", the
    2026 API), as `?key=` ("query", the classic API) or both. `timeout` is seconds to read
    (with at most 5 s to connect) or an `httpx.Timeout`; `total_timeout` bounds one attempt in
    all (default: 4 read timeouts), so an answer that trickles in still ends; `max_retries`
    retries per call; `max_answer_size` bounds an answer's bytes (default 16 MiB). An answer
    whose values differ from the spec's types is read leniently and the difference logged once
    (`offcloud_sdk.drift`); `strict=True` (or `OFFCLOUD_STRICT=1`) raises instead. Pass
    `http_client` to use your own `httpx.Client` (it is then yours to close); `clock` replaces
    real sleeping, for tests.
    """

    _runner: SyncRunner
    _runner_type = SyncRunner
    _http_type = httpx.Client

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: TimeoutArg = DEFAULT_READ_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        key_in: KeyIn = "header",
        http_client: httpx.Client | None = None,
        clock: Clock | None = None,
        total_timeout: float | None = None,
        max_answer_size: int = DEFAULT_MAX_ANSWER_SIZE,
        strict: bool | None = None,
    ) -> None:
        settings = Settings.build(
            api_key, base_url, key_in, timeout, max_retries, max_answer_size, total_timeout, strict
        )
        self._start(settings, http_client, clock)

    def _bind(self, runner: SyncRunner, *, owns_http: bool) -> None:
        Resources.__init__(self, runner)  # sets self._runner
        self._owns_http = owns_http

    @cached_property
    def cloud(self) -> CloudResource:
        """Cloud operations, plus `wait`, `wait_all`, `files` and `download`."""
        from ._resources import CloudResource

        return CloudResource(self._runner)

    @cached_property
    def with_raw_response(self) -> ResourcesWithRawResponse:
        """Every operation, answering a `RawResponse` (`status_code`, `headers`,
        `http_response`, `retries_taken`, `elapsed`, `parse()`) instead of the model:
        `oc.with_raw_response.account.info().headers`."""
        return ResourcesWithRawResponse(self._runner)

    @overload
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: object = None,
        data: Mapping[str, Any] | None = None,
        files: Any = None,
        cast_to: None = None,
    ) -> Any: ...

    @overload
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: object = None,
        data: Mapping[str, Any] | None = None,
        files: Any = None,
        cast_to: type[M],
    ) -> M: ...

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: object = None,
        data: Mapping[str, Any] | None = None,
        files: Any = None,
        cast_to: type[FromDict] | None = None,
    ) -> Any:
        """Send a call the spec does not have (`path` is added to `base_url`), with the key,
        retries, error mapping and logging of any other; return its JSON (its text if it is
        not JSON), or `cast_to.from_dict(...)` of it, read strictly or leniently as set.

        `params` go in the query; `json`, `data` (a form) or `files` (multipart) make the body.
        Only GET, HEAD and OPTIONS are sent again after they may have arrived.
        """
        from ._calls.custom_calls import custom_call

        operation, request = custom_call(
            method, path, params=params, json=json, data=data, files=files, cast_to=cast_to
        )
        return self._runner.call(operation, request)

    @cached_property
    def files(self) -> FilesResource:
        """File downloads: `files.download(url, dest)`, resumable, in constant memory."""
        from ._downloads.files import FilesResource

        return FilesResource(self._runner)

    @cached_property
    def cache(self) -> CacheResource:
        """Cache operations; `check` answers cached-or-not per hash or magnet."""
        from ._resources import CacheResource

        return CacheResource(self._runner)

    def login(self, username: str, password: str) -> str:
        """Log in with a password, store the account's API key on the client and return it.

        Offcloud retired password login in 2026; then this raises `AuthError` saying how to
        get a key instead.
        """
        from ._flows.auth_flows import login_flow

        helpers = Resources(self._runner.for_helpers())
        key = run(login_flow(username, password), helpers, self._runner.clock)
        self.api_key = key
        return key

    def device_login(self, on_code: OnCode, *, timeout: float = DEVICE_LOGIN_TIMEOUT) -> str:
        """Sign in with the OAuth device flow; store the token as the key and return it.

        `on_code(user_code, verification_url)` should show both to the user, who confirms in
        a browser. Raises `AuthError` when the user denies it or the code expires.
        """
        from ._flows.auth_flows import device_login_flow

        clock = self._runner.clock
        flow = device_login_flow(on_code, timeout=timeout, now=clock.now)
        key = run(flow, Resources(self._runner.for_helpers()), clock)
        self.api_key = key
        return key

    def close(self) -> None:
        """Close the connection pool (unless it came from `http_client=` or `with_options`)."""
        if self._owns_http:
            self._runner.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncOffcloud(_Configured, AsyncResources):
    """The async twin of `Offcloud`: the same surface, every call awaited."""

    _runner: AsyncRunner
    _runner_type = AsyncRunner
    _http_type = httpx.AsyncClient

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: TimeoutArg = DEFAULT_READ_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        key_in: KeyIn = "header",
        http_client: httpx.AsyncClient | None = None,
        clock: Clock | None = None,
        total_timeout: float | None = None,
        max_answer_size: int = DEFAULT_MAX_ANSWER_SIZE,
        strict: bool | None = None,
    ) -> None:
        settings = Settings.build(
            api_key, base_url, key_in, timeout, max_retries, max_answer_size, total_timeout, strict
        )
        self._start(settings, http_client, clock)

    def _bind(self, runner: AsyncRunner, *, owns_http: bool) -> None:
        AsyncResources.__init__(self, runner)  # sets self._runner
        self._owns_http = owns_http

    @cached_property
    def cloud(self) -> AsyncCloudResource:
        """Cloud operations, plus `wait`, `wait_all`, `files` and `download`."""
        from ._resources import AsyncCloudResource

        return AsyncCloudResource(self._runner)

    @cached_property
    def with_raw_response(self) -> AsyncResourcesWithRawResponse:
        """Every operation, answering a `RawResponse` (`status_code`, `headers`,
        `http_response`, `retries_taken`, `elapsed`, `parse()`) instead of the model:
        `(await oc.with_raw_response.account.info()).headers`."""
        return AsyncResourcesWithRawResponse(self._runner)

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: object = None,
        data: Mapping[str, Any] | None = None,
        files: Any = None,
        cast_to: None = None,
    ) -> Any: ...

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: object = None,
        data: Mapping[str, Any] | None = None,
        files: Any = None,
        cast_to: type[M],
    ) -> M: ...

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: object = None,
        data: Mapping[str, Any] | None = None,
        files: Any = None,
        cast_to: type[FromDict] | None = None,
    ) -> Any:
        """Async `Offcloud.request`."""
        from ._calls.custom_calls import custom_call

        operation, request = custom_call(
            method, path, params=params, json=json, data=data, files=files, cast_to=cast_to
        )
        return await self._runner.call(operation, request)

    @cached_property
    def files(self) -> AsyncFilesResource:
        """File downloads: `await files.download(url, dest)`."""
        from ._downloads.files import AsyncFilesResource

        return AsyncFilesResource(self._runner)

    @cached_property
    def cache(self) -> AsyncCacheResource:
        """Cache operations; `check` answers cached-or-not per hash or magnet."""
        from ._resources import AsyncCacheResource

        return AsyncCacheResource(self._runner)

    async def login(self, username: str, password: str) -> str:
        """Async `Offcloud.login`."""
        from ._flows.auth_flows import login_flow

        helpers = AsyncResources(self._runner.for_helpers())
        key = await arun(login_flow(username, password), helpers, self._runner.clock)
        self.api_key = key
        return key

    async def device_login(self, on_code: OnCode, *, timeout: float = DEVICE_LOGIN_TIMEOUT) -> str:
        """Async `Offcloud.device_login`."""
        from ._flows.auth_flows import device_login_flow

        clock = self._runner.clock
        flow = device_login_flow(on_code, timeout=timeout, now=clock.now)
        key = await arun(flow, AsyncResources(self._runner.for_helpers()), clock)
        self.api_key = key
        return key

    async def aclose(self) -> None:
        """Close the connection pool (unless it came from `http_client=` or `with_options`)."""
        if self._owns_http:
            await self._runner.http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


def _direct_mounts(base_url: str) -> dict[str, None]:
    """For a plain-http (so loopback) `base_url`: no proxy from the environment, which would
    carry the key in clear text (httpx takes a `None` mount as "the client's own transport")."""
    url = httpx.URL(base_url)
    return {f"http://{url.netloc.decode('ascii')}": None} if url.scheme == "http" else {}


def _refuse_proxied_plain_http(http: httpx.Client | httpx.AsyncClient, base_url: str) -> None:
    url = httpx.URL(base_url)
    if url.scheme != "http":
        return
    # httpx has no public way to ask which transport a URL takes, or whether it is a proxy
    # (pinned to httpx < 0.29)
    transport = http._transport_for_url(url)
    pool = getattr(transport, "_pool", None)
    if transport is not http._transport or "Proxy" in type(pool).__name__:
        raise InvalidArgumentError(
            f"base_url {base_url!r} is plain http and this http_client would send it through a "
            "proxy (or another mounted transport), carrying the API key in clear text; use a "
            "client without a proxy for it (e.g. trust_env=False, or NO_PROXY)"
        )
