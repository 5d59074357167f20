"""Typed resources over every operation of the API, sync and async.

Each tag of the spec is a resource (`api/<tag>/__init__.py`) with one method per operation.
A resource builds the request and parses the answer; a *runner* sends it. The runner is where
behaviour common to every call lives (auth, retries, error mapping, logging), so a newly
generated operation gets it without any hand-written code. `ClientRunner` and
`AsyncClientRunner` are plain runners over this package's `Client`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import attrs
import httpx

if TYPE_CHECKING:
    from ..client import AuthenticatedClient, Client
    from .account import AccountResource, AsyncAccountResource
    from .auth import AsyncAuthResource, AuthResource
    from .cache import AsyncCacheResource, CacheResource
    from .cloud import AsyncCloudResource, CloudResource
    from .instant import AsyncInstantResource, InstantResource
    from .proxies import AsyncProxiesResource, ProxiesResource
    from .remote import AsyncRemoteResource, RemoteResource
    from .sites import AsyncSitesResource, SitesResource
    from .torrents import AsyncTorrentsResource, TorrentsResource

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


@attrs.frozen
class Operation(Generic[T_co]):
    """One operation of the spec: what a runner needs to send it and parse its answer."""

    id: str
    """The operationId, `<tag>_<method>`."""
    tag: str
    method: str
    """The HTTP method, upper case."""
    path: str
    """The path template with Python names, e.g. `/api/cloud/explore/{request_id}`."""
    parse: Callable[[httpx.Response], T_co] = attrs.field(repr=False)
    """Turns a 2xx answer into the success model; raises on any other status or shape."""


class Runner(Protocol):
    """Sends the request a resource built and returns what `operation.parse` makes of the answer."""

    def call(self, operation: Operation[T], request: dict[str, Any]) -> T: ...


class AsyncRunner(Protocol):
    """The async twin of `Runner`."""

    async def call(self, operation: Operation[T], request: dict[str, Any]) -> T: ...


@attrs.frozen
class ClientRunner:
    """A runner that sends with a generated `Client` and adds nothing."""

    client: Client | AuthenticatedClient

    def call(self, operation: Operation[T], request: dict[str, Any]) -> T:
        return operation.parse(self.client.get_httpx_client().request(**request))


@attrs.frozen
class AsyncClientRunner:
    """The async twin of `ClientRunner`."""

    client: Client | AuthenticatedClient

    async def call(self, operation: Operation[T], request: dict[str, Any]) -> T:
        return operation.parse(
            await self.client.get_async_httpx_client().request(**request)
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


def operations() -> dict[str, Operation[Any]]:
    """Every operation of the spec by operationId (imports every resource module)."""
    from importlib import import_module

    found: dict[str, Operation[Any]] = {}
    for tag in TAGS:
        found.update(import_module(f"{__name__}.{tag}").OPERATIONS)
    return found
