"""The transport under `DefaultAioHttpClient`: httpx-aiohttp's, failing and bounded as the SDK's.

`httpx_aiohttp.AiohttpTransport` (0.2.0) gives the set-up: the TLS context httpx would make,
the limits and the proxy. Its `handle_async_request` is replaced, because as shipped it
- turns a refused connection and one dropped before the answer (`ServerDisconnectedError`)
  into `httpx.ConnectTimeout`: a timeout, and one saying the request was never sent, so a
  `cloud.add` whose connection dropped would be sent a second time;
- lets `ClientResponseError` (a malformed answer, a header line past aiohttp's 8 KiB) escape
  as it is, not as an `httpx` error the SDK maps;
- cannot bound the whole exchange: here aiohttp's own `total` timer is set to what is left of
  the API attempt's `total_timeout` (`deadlines.DEADLINE`), for the headers and the body;
- reads the body in 16 KiB pieces; here in what each socket read brought (up to 64 KiB or so).

The session does not resend a PUT or DELETE by itself (aiohttp does, once, when a reused
connection drops) and takes header lines up to 100 KiB, as httpcore does (aiohttp: 8 KiB).

Cookies are left to httpx (the session's jar is a `DummyCookieJar`), so a client keeps one jar.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

from .clock import Clock
from .deadlines import DEADLINE, too_slow
from .redaction import redact

Deadline = tuple[Clock, float, float]
MAX_HEAD = 100 << 10
"""The longest header line aiohttp takes (8 KiB by default): httpcore's bound on an answer's
head, so a long signed `Location` works as it does on httpx."""
_FAILURES = (aiohttp.ClientError, OSError)  # OSError takes in TimeoutError, aiohttp's `total`


class OffcloudAiohttpTransport(AiohttpTransport):
    """`AiohttpTransport` that raises only `httpx` transport errors, each of the class httpx's
    own transport would raise, and keeps API calls within their `total_timeout`."""

    def get_client(self) -> aiohttp.ClientSession:
        """The session every request goes through, made on first use (inside the loop)."""
        limits = self.limits
        connector = aiohttp.TCPConnector(
            limit=limits.max_connections or 0,  # None: no limit, which aiohttp spells 0
            keepalive_timeout=limits.keepalive_expiry,
            ssl=self.ssl_context,
            local_addr=(self.local_address, 0) if self.local_address else None,
        )
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            auto_decompress=False,
            max_line_size=MAX_HEAD,
            max_field_size=MAX_HEAD,
        )
        # aiohttp sends a PUT or DELETE again, silently, when a reused connection drops before
        # the answer; the SDK's retry policy decides that (and does not, for those), as it does
        # on httpx. Not a constructor argument in aiohttp 3.x (pinned below 4).
        session._retry_connection = False
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request` and answer as soon as the headers are in; the body streams."""
        deadline = DEADLINE.get()
        total = None
        if deadline is not None:
            clock, until, seconds = deadline
            total = until - clock.now()
            if total <= 0:
                raise httpx.ReadTimeout(too_slow(seconds), request=request)
        session = self.client
        if not isinstance(session, aiohttp.ClientSession):
            session = self.client = self.get_client()
        timeout = request.extensions.get("timeout", {})
        data: Any
        try:
            data = request.content or None
        except httpx.RequestNotRead:  # a streamed body (multipart): aiohttp frames it itself
            data = request.stream
            request.headers.pop("transfer-encoding", None)
        proxy = self.proxy
        try:
            answer = await session.request(
                request.method,
                str(request.url),
                headers=request.headers.multi_items(),
                data=data,
                allow_redirects=False,
                compress=False,
                timeout=aiohttp.ClientTimeout(
                    total=total,
                    sock_connect=timeout.get("connect"),
                    sock_read=timeout.get("read"),
                    connect=timeout.get("pool"),
                ),
                server_hostname=request.extensions.get("sni_hostname"),
                proxy=str(proxy.url) if proxy else None,
                proxy_auth=aiohttp.BasicAuth(*proxy.auth) if proxy and proxy.auth else None,
                proxy_headers=proxy.headers if proxy else None,
            )
        except _FAILURES as exc:
            raise translated(exc, request, deadline) from exc
        if deadline is not None and _past(deadline):  # headers that came too slowly
            answer.close()
            raise httpx.ReadTimeout(too_slow(deadline[2]), request=request)
        return httpx.Response(
            status_code=answer.status,
            headers=answer.raw_headers,
            stream=_Body(answer, request, deadline),
            request=request,
            extensions={
                "http_version": b"HTTP/1.1",
                "reason_phrase": (answer.reason or "").encode("ascii", "replace"),
            },
        )


class _Body(httpx.AsyncByteStream):
    """An aiohttp answer's body as httpx reads it, its failures translated."""

    def __init__(
        self, answer: aiohttp.ClientResponse, request: httpx.Request, deadline: Deadline | None
    ) -> None:
        self._answer = answer
        self._request = request
        self._deadline = deadline

    async def __aiter__(self) -> AsyncIterator[bytes]:
        content = self._answer.content
        try:
            while chunk := await content.readany():
                yield chunk
        except _FAILURES as exc:
            raise translated(exc, self._request, self._deadline) from exc

    async def aclose(self) -> None:
        # Back to the pool when the body was read to its end; closed otherwise (aiohttp's rule).
        self._answer.release()
        try:
            await self._answer.wait_for_close()
        except _FAILURES as exc:
            raise translated(exc, self._request, self._deadline) from exc


def translated(
    exc: BaseException, request: httpx.Request, deadline: Deadline | None = None
) -> httpx.TransportError:
    """The `httpx` error httpx's own transport would raise for aiohttp's `exc`: only a failure
    to connect says the request was never sent (the retry policy resends POSTs on those)."""
    message = redact(str(exc) or type(exc).__name__)
    if isinstance(exc, aiohttp.ClientResponseError) and not isinstance(
        exc, aiohttp.ClientHttpProxyError
    ):  # aiohttp's parser says "400, message=…": no status anyone sent
        message = redact(f"malformed answer: {exc.message}")
    kind: type[httpx.TransportError]
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        kind = httpx.ConnectTimeout
    elif isinstance(exc, aiohttp.ClientConnectorError):
        kind = httpx.ConnectError
    elif deadline is not None and (_past(deadline) or _is_total_timer(exc)):
        return httpx.ReadTimeout(too_slow(deadline[2]), request=request)
    elif isinstance(exc, TimeoutError):  # aiohttp's ServerTimeoutError is one too
        kind = httpx.ReadTimeout
    elif isinstance(exc, aiohttp.ClientHttpProxyError):
        kind = httpx.ProxyError
    elif isinstance(exc, aiohttp.InvalidURL | aiohttp.NonHttpUrlClientError):
        kind = httpx.UnsupportedProtocol
    elif isinstance(
        exc,
        aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError | aiohttp.ClientResponseError,
    ):
        kind = httpx.RemoteProtocolError  # what httpcore says for a cut or malformed answer
    elif isinstance(exc, aiohttp.ClientConnectionError | OSError):
        kind = httpx.ReadError
    else:
        kind = httpx.TransportError
    return kind(message, request=request)


def _past(deadline: Deadline) -> bool:
    clock, until, _ = deadline
    return clock.now() > until


def _is_total_timer(exc: BaseException) -> bool:
    """Whether `exc` is aiohttp's `total` timer running out (a bare `TimeoutError`; the socket
    timeouts are `ServerTimeoutError`s)."""
    return isinstance(exc, TimeoutError) and not isinstance(exc, aiohttp.ServerTimeoutError)
