"""`DefaultAioHttpClient`: an `httpx.AsyncClient` that sends through aiohttp (the `aiohttp` extra).

httpx's own async transport spends most of a call's time in Python when many calls are in
flight; aiohttp's C parser and connection pool do the same work in a fraction of it. Nothing
else changes: the client is still an `httpx.AsyncClient`, so `AsyncOffcloud` sends on it as on
any other (retries, timeouts, the key only in the header, redaction, downloads).

This module imports only httpx: aiohttp is imported when a client is made, so the name can be
imported, and annotated with, without the extra.
"""

from __future__ import annotations

import importlib
import ssl
from types import ModuleType
from typing import Any

import httpx

from ._calls.runners import DEFAULT_HEADERS
from ._calls.settings import DEFAULT_TIMEOUT

EXTRA = "pip install 'offcloud-sdk[aiohttp]'"
_HTTPX_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)
"""httpx's default (the limits of the clients the SDK makes), in case httpx passes none."""


class DefaultAioHttpClient(httpx.AsyncClient):
    """An `httpx.AsyncClient` whose requests go through aiohttp (`httpx-aiohttp`'s transport),
    for more calls per second from `AsyncOffcloud` when many are in flight:

        async with DefaultAioHttpClient() as http, AsyncOffcloud(http_client=http) as oc:
            ...

    Takes `httpx.AsyncClient`'s arguments; by default the SDK's timeout (30 s to read, 5 s to
    connect), headers (its User-Agent, `Accept-Encoding: gzip, deflate`) and httpx's limits (100
    connections). Like any client given as `http_client`, it is yours to close (`aclose()`).
    Needs the `aiohttp` extra; without it, making one raises `MissingDependencyError` (from
    `offcloud_sdk.exceptions`), which is an `OffcloudError` and an `ImportError`.
    """

    def __init__(self, **kwargs: Any) -> None:
        _transport_module()  # fail here, with the way out, rather than deep inside httpx
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        headers = httpx.Headers(DEFAULT_HEADERS)
        headers.update(httpx.Headers(kwargs.pop("headers", None)))
        super().__init__(headers=headers, **kwargs)

    def _init_transport(
        self,
        verify: ssl.SSLContext | str | bool = True,
        cert: Any = None,
        trust_env: bool = True,
        http1: bool = True,
        http2: bool = False,
        limits: httpx.Limits = _HTTPX_LIMITS,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> httpx.AsyncBaseTransport:
        if transport is not None:
            return transport
        made: httpx.AsyncBaseTransport = _transport_module().OffcloudAiohttpTransport(
            verify=verify, cert=cert, trust_env=trust_env, http1=http1, http2=http2, limits=limits
        )
        return made

    def _init_proxy_transport(
        self,
        proxy: httpx.Proxy,
        verify: ssl.SSLContext | str | bool = True,
        cert: Any = None,
        trust_env: bool = True,
        http1: bool = True,
        http2: bool = False,
        limits: httpx.Limits = _HTTPX_LIMITS,
    ) -> httpx.AsyncBaseTransport:
        # A proxy from the environment (or `proxy=`) goes through aiohttp too, errors mapped.
        # aiohttp speaks only to http(s) proxies: a SOCKS one would get an HTTP CONNECT.
        if proxy.url.scheme not in ("http", "https"):
            from .exceptions import InvalidArgumentError

            raise InvalidArgumentError(
                f"DefaultAioHttpClient: a {proxy.url.scheme} proxy is not supported (aiohttp "
                "speaks to http and https proxies only); use the default httpx client with "
                "httpx[socks] for a SOCKS proxy"
            )
        made: httpx.AsyncBaseTransport = _transport_module().OffcloudAiohttpTransport(
            verify=verify,
            cert=cert,
            trust_env=trust_env,
            http1=http1,
            http2=http2,
            limits=limits,
            proxy=proxy,
        )
        return made


def _transport_module() -> ModuleType:
    """`offcloud_sdk._calls.aiohttp_transport`, or `MissingDependencyError` saying how to get it."""
    try:
        return importlib.import_module("offcloud_sdk._calls.aiohttp_transport")
    except ImportError as exc:
        from .exceptions import MissingDependencyError

        missing = exc.name or "aiohttp"
        error = MissingDependencyError(
            f"DefaultAioHttpClient needs aiohttp and httpx-aiohttp ({missing} is not "
            f"installed): {EXTRA}"
        )
        error.name = missing
        raise error from exc
