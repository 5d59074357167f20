"""`DefaultAioHttpClient` (the `aiohttp` extra): `AsyncOffcloud` on aiohttp behaves as on httpx.

The `harness` tests here run on `Offcloud`, `AsyncOffcloud` and `AsyncOffcloud` on
`DefaultAioHttpClient` (conftest's `OVER_SOCKETS`), against servers on loopback sockets, so
each behaviour is held to what the httpx transports do. The rest is aiohttp's own: how its
failures become httpx's (and so the SDK's) errors, the `total_timeout` timer, the session it
makes, and the message when the extra is missing.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import pytest
import yarl
from multidict import CIMultiDict, CIMultiDictProxy
from sdk_support import KEY, Harness

from offcloud_sdk import AsyncOffcloud, DefaultAioHttpClient
from offcloud_sdk._calls.aiohttp_transport import OffcloudAiohttpTransport, _Body, translated
from offcloud_sdk._calls.deadlines import DEADLINE
from offcloud_sdk._calls.runners import USER_AGENT
from offcloud_sdk._calls.settings import DEFAULT_TIMEOUT
from offcloud_sdk.doctor import MissingDependencyError
from offcloud_sdk.exceptions import (
    APIConnectionError,
    APITimeoutError,
    InvalidArgumentError,
    OffcloudError,
)
from offcloud_sdk.testing import DropConnection, FakeClock, FakeOffcloud
from offcloud_sdk.types import File

MARGIN = 5.0  # seconds of slack on a real-time bound: a loaded machine must not fail these
INFO = b'{"user_id": "u1", "is_premium": true, "can_download": true}'


@contextlib.contextmanager
def raw_server(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """A loopback server that hands each connection to `answer`, one at a time; its URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            with connection, contextlib.suppress(OSError):  # the client gave up
                answer(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        listener.close()


def closed_port() -> str:
    """The URL of a loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


@pytest.fixture
def served(harness: Harness) -> Iterator[tuple[FakeOffcloud, str]]:
    fake = harness.fake(classic_login=True)
    with fake.serve() as base_url:
        yield fake, base_url


# -- the same behaviour on every transport -------------------------------------------------------


def test_an_add_dropped_before_its_answer_is_not_sent_again(
    harness: Harness, served: tuple[FakeOffcloud, str]
) -> None:
    # httpx-aiohttp alone calls this a ConnectTimeout ("never sent"): the add would be repeated
    fake, base_url = served
    fake.inject(DropConnection(after_bytes=0), times=None, path="/api/cloud")
    oc = harness.client(fake.api_key, base_url=base_url, max_retries=2)
    with pytest.raises(APIConnectionError) as caught:
        harness.go(oc.cloud.add(url=fake.add_torrent("Sintel", cached=True)))
    assert not isinstance(caught.value, APITimeoutError)
    assert fake.calls == [("POST", "/api/cloud")]
    assert harness.clock.sleeps == []


def test_a_refused_connection_is_a_connection_error_retried_even_for_an_add(
    harness: Harness,
) -> None:
    oc = harness.client(base_url=closed_port(), max_retries=2)
    with pytest.raises(APIConnectionError) as caught:
        harness.go(oc.cloud.add(url="magnet:?xt=urn:btih:" + "a" * 40))
    assert not isinstance(caught.value, APITimeoutError)
    assert len(harness.clock.sleeps) == 2  # it never arrived, so sending it again is safe


ANSWERS = {
    "not HTTP": b"NOT HTTP AT ALL\r\n\r\n",
    "a header line of 200 KB": b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
    "a body cut short": b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"userId"',
}


@pytest.mark.parametrize("answer", ANSWERS.values(), ids=ANSWERS.keys())
def test_a_broken_answer_is_a_connection_error_without_the_key(
    harness: Harness, answer: bytes
) -> None:
    def reply(connection: socket.socket) -> None:
        connection.recv(65536)
        connection.sendall(answer)

    with raw_server(reply) as base_url:
        oc = harness.client(base_url=base_url, key_in="both", max_retries=0)
        with pytest.raises(APIConnectionError) as caught:
            harness.go(oc.account.info())
    error = caught.value
    assert KEY not in f"{error} {error!r} {error.args}"


def test_what_the_server_sees(harness: Harness) -> None:
    seen: list[bytes] = []

    def reply(connection: socket.socket) -> None:
        seen.append(connection.recv(65536))
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(INFO), INFO))

    with raw_server(reply) as base_url:
        oc = harness.client(base_url=base_url, max_retries=0)
        assert harness.go(oc.account.info()).user_id == "u1"
    (head,) = seen
    lines = head.decode().lower().split("\r\n")
    assert f"user-agent: {USER_AGENT}".lower() in lines
    assert "accept-encoding: gzip, deflate" in lines
    assert f"authorization: bearer {KEY}".lower() in lines
    assert sum(line.startswith("user-agent:") for line in lines) == 1


def test_login_keeps_its_session_cookie_in_one_jar(
    harness: Harness, served: tuple[FakeOffcloud, str]
) -> None:
    fake, base_url = served
    oc = harness.client(None, base_url=base_url)
    assert harness.go(oc.login(fake.username, fake.password)) == fake.api_key
    assert "connect.sid" in oc._runner.http.cookies
    assert harness.go(oc.account.info()).user_id == fake.user_id


def test_uploads_and_downloads_go_through(
    harness: Harness, served: tuple[FakeOffcloud, str], tmp_path: Path
) -> None:
    fake, base_url = served
    oc = harness.client(fake.api_key, base_url=base_url)
    files = {"S1/e01.mkv": 3_000_000, "S1/e02.mkv": b"exact bytes", "notes.txt": 70_000}
    request = harness.go(oc.cloud.add(url=fake.add_torrent("Show", files, cached=True)))
    paths = harness.go(oc.cloud.download(request.request_id, tmp_path))
    for path, name in zip(paths, files, strict=True):
        assert path.relative_to(tmp_path).as_posix() == f"Show/{name}"
        assert path.read_bytes() == fake.file(request.request_id, name).read()
    torrent = File(payload=io.BytesIO(b"d4:infod4:name4:showee"), file_name="show.torrent")
    uploaded = harness.go(oc.torrents.upload(file=torrent))  # a multipart body, streamed
    assert (uploaded.success, uploaded.file_name) == (True, "show.torrent")


# -- total_timeout, on the real clock and on an injected one -----------------------------------


def trickle(
    head: bytes, slow: bytes, pause: float, clock: FakeClock | None = None
) -> Callable[[socket.socket], None]:
    """An answer that sends `head` at once, then `slow` a byte at a time, `pause` seconds
    apart: for real, or on `clock` (moved before each byte, so nothing waits)."""

    def answer(connection: socket.socket) -> None:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection.recv(65536)
        connection.sendall(head)
        started, ticked = time.monotonic(), clock.now() if clock else 0.0
        for byte in slow:
            if clock is None:
                time.sleep(pause)  # the server's pace; the client under test never sleeps
            else:
                clock.advance(pause)
            connection.sendall(bytes([byte]))
            if time.monotonic() - started > 60 or (clock and clock.now() - ticked > 100):
                return  # far past any deadline: the client should have given up long ago

    return answer


TRICKLES = {
    "headers": (b"", b"HTTP/1.1 200 OK\r\nX-Slow: " + b"s" * 4000 + b"\r\n\r\n"),
    "body": (b"HTTP/1.1 200 OK\r\nContent-Length: 4000\r\n\r\n", b" " * 4000),
}


@pytest.mark.parametrize(("head", "slow"), TRICKLES.values(), ids=TRICKLES.keys())
def test_a_trickling_answer_ends_at_total_timeout_in_real_time(head: bytes, slow: bytes) -> None:
    async def call(base_url: str) -> None:
        async with (
            DefaultAioHttpClient() as http,
            AsyncOffcloud(
                KEY, base_url=base_url, http_client=http, timeout=5, total_timeout=0.5,
                max_retries=0,
            ) as oc,
        ):  # fmt: skip
            await oc.account.info()

    with raw_server(trickle(head, slow, 0.01)) as base_url:
        started = time.monotonic()
        with pytest.raises(APITimeoutError, match="total_timeout"):
            asyncio.run(call(base_url))
        assert time.monotonic() - started < 0.5 + MARGIN  # the server would go on for 40 s


@pytest.mark.parametrize(("head", "slow"), TRICKLES.values(), ids=TRICKLES.keys())
def test_a_trickling_answer_ends_at_total_timeout_on_the_clients_clock(
    head: bytes, slow: bytes
) -> None:
    clock = FakeClock()

    async def call(base_url: str) -> None:
        async with (
            DefaultAioHttpClient() as http,
            AsyncOffcloud(
                KEY, base_url=base_url, http_client=http, timeout=1, max_retries=0, clock=clock
            ) as oc,
        ):
            await oc.account.info()

    with (
        raw_server(trickle(head, slow, 0.5, clock)) as base_url,
        pytest.raises(APITimeoutError, match="longer than 4 s"),
    ):
        asyncio.run(call(base_url))


def test_an_attempt_already_out_of_time_sends_nothing() -> None:
    clock = FakeClock()
    transport = OffcloudAiohttpTransport()
    request = httpx.Request("GET", closed_port())
    bound = DEADLINE.set((clock, clock.now() - 1, 4.0))
    try:
        with pytest.raises(httpx.ReadTimeout, match="longer than 4 s"):
            asyncio.run(transport.handle_async_request(request))
    finally:
        DEADLINE.reset(bound)
    assert transport.client is None  # no session was even made


# -- aiohttp's failures, as httpx's --------------------------------------------------------------


def _connection_key() -> Any:
    return aiohttp.client_reqrep.ConnectionKey("h", 1, False, True, None, None, None)


def _response_error(kind: type[aiohttp.ClientResponseError]) -> aiohttp.ClientResponseError:
    info = aiohttp.RequestInfo(
        yarl.URL(f"http://h/?key={KEY}"), "GET", CIMultiDictProxy(CIMultiDict())
    )
    return kind(info, (), status=400, message="Bad status line")


FAILURES: dict[str, tuple[Callable[[], BaseException], type[httpx.TransportError]]] = {
    "refused": (
        lambda: aiohttp.ClientConnectorError(_connection_key(), ConnectionRefusedError(111, "no")),
        httpx.ConnectError,
    ),
    "no connection in time": (
        lambda: aiohttp.ConnectionTimeoutError("Connection timeout"),
        httpx.ConnectTimeout,
    ),
    "no read in time": (lambda: aiohttp.SocketTimeoutError("read"), httpx.ReadTimeout),
    "dropped before the answer": (
        lambda: aiohttp.ServerDisconnectedError(),
        httpx.RemoteProtocolError,
    ),
    "cut body": (lambda: aiohttp.ClientPayloadError("short"), httpx.RemoteProtocolError),
    "malformed answer": (
        lambda: _response_error(aiohttp.ClientResponseError),
        httpx.RemoteProtocolError,
    ),
    "proxy refused the tunnel": (
        lambda: _response_error(aiohttp.ClientHttpProxyError),
        httpx.ProxyError,
    ),
    "reset": (lambda: aiohttp.ClientOSError(104, "reset"), httpx.ReadError),
    "not a web link": (
        lambda: aiohttp.NonHttpUrlClientError("ftp://h"),
        httpx.UnsupportedProtocol,
    ),
    "anything else": (lambda: aiohttp.ClientError("odd"), httpx.TransportError),
}


@pytest.mark.parametrize(("make", "kind"), FAILURES.values(), ids=FAILURES.keys())
def test_aiohttps_failures_become_what_httpx_would_raise(
    make: Callable[[], BaseException], kind: type[httpx.TransportError]
) -> None:
    request = httpx.Request("GET", f"http://h/?key={KEY}")
    error = translated(make(), request)
    assert type(error) is kind
    assert error.request is request
    assert KEY not in str(error)


def test_past_the_deadline_any_failure_but_connecting_is_the_total_timeout() -> None:
    clock = FakeClock()
    request = httpx.Request("GET", "http://h/")
    running = (clock, clock.now() + 10, 10.0)
    over = (clock, clock.now() - 1, 10.0)
    assert type(translated(TimeoutError(), request, running)) is httpx.ReadTimeout  # the timer
    assert "total_timeout" in str(translated(TimeoutError(), request, running))
    assert "total_timeout" in str(translated(aiohttp.ServerDisconnectedError(), request, over))
    socket_timeout = translated(aiohttp.SocketTimeoutError("read"), request, running)
    assert "total_timeout" not in str(socket_timeout)
    refused = aiohttp.ClientConnectorError(_connection_key(), ConnectionRefusedError(111, "no"))
    assert type(translated(refused, request, over)) is httpx.ConnectError


def test_a_streamed_request_body_and_a_failed_close_go_through_too() -> None:
    received: list[bytes] = []

    def reply(connection: socket.socket) -> None:
        data = b""
        while not data.endswith(b"0\r\n\r\n"):  # chunked, as aiohttp frames a stream
            data += connection.recv(65536)
        received.append(data)
        connection.sendall(b"HTTP/1.1 204 No Content\r\n\r\n")

    async def pieces() -> AsyncIterator[bytes]:
        yield b"hello, "
        yield b"world"

    async def send(base_url: str) -> int:
        async with DefaultAioHttpClient() as http:
            return (await http.post(base_url, content=pieces())).status_code

    with raw_server(reply) as base_url:
        assert asyncio.run(send(base_url)) == 204
    assert b"hello, " in received[0]
    assert b"world" in received[0]

    class Unfinished:  # an answer whose upload failed, as aiohttp reports it at the end
        def release(self) -> None:
            pass

        async def wait_for_close(self) -> None:
            raise aiohttp.ClientOSError(32, "broken pipe")

    body = _Body(Unfinished(), httpx.Request("POST", "http://h/"), None)  # type: ignore[arg-type]
    with pytest.raises(httpx.ReadError, match="broken pipe"):
        asyncio.run(body.aclose())


# -- the client and its session ------------------------------------------------------------------


def test_the_client_has_the_sdks_defaults_and_takes_httpx_arguments() -> None:
    plain = DefaultAioHttpClient()
    assert plain.timeout == DEFAULT_TIMEOUT
    assert plain.headers["user-agent"] == USER_AGENT
    assert isinstance(plain._transport, OffcloudAiohttpTransport)
    mine = DefaultAioHttpClient(timeout=3.0, headers={"X-Mine": "1", "User-Agent": "me"})
    assert mine.timeout == httpx.Timeout(3.0)
    assert (mine.headers["x-mine"], mine.headers["user-agent"]) == ("1", "me")
    assert mine.headers["accept-encoding"] == "gzip, deflate"
    given = httpx.AsyncHTTPTransport()
    assert DefaultAioHttpClient(transport=given)._transport is given
    for client in (plain, mine):
        asyncio.run(client.aclose())


def test_a_proxy_goes_through_aiohttp_too_and_never_carries_plain_http() -> None:
    proxied = DefaultAioHttpClient(proxy=closed_port())
    for url in ("https://offcloud.com", "http://example.com"):
        transport = proxied._transport_for_url(httpx.URL(url))
        assert isinstance(transport, OffcloudAiohttpTransport)
        assert transport is not proxied._transport
        assert transport.proxy is not None
    with pytest.raises(InvalidArgumentError, match="proxy"):
        AsyncOffcloud(KEY, base_url="http://127.0.0.1:9", http_client=proxied)

    async def through_the_proxy() -> None:
        oc = AsyncOffcloud(
            KEY, base_url="https://offcloud.test", http_client=proxied, max_retries=0
        )
        await oc.account.info()  # the proxy is a closed loopback port: nothing leaves

    with pytest.raises(APIConnectionError, match="ConnectError"):
        asyncio.run(through_the_proxy())
    asyncio.run(proxied.aclose())


def test_the_session_leaves_cookies_to_httpx_and_follows_the_limits() -> None:
    async def sessions() -> list[tuple[Any, bool, int]]:
        seen = []
        for limits in (httpx.Limits(max_connections=7), httpx.Limits(max_connections=None)):
            session = OffcloudAiohttpTransport(limits=limits).get_client()
            assert session.connector is not None
            seen.append((session.cookie_jar, session.auto_decompress, session.connector.limit))
            await session.close()
        return seen

    (jar, decompresses, limit), (jar_too, _, no_limit) = asyncio.run(sessions())
    assert isinstance(jar, aiohttp.DummyCookieJar)
    assert isinstance(jar_too, aiohttp.DummyCookieJar)
    assert decompresses is False
    assert (limit, no_limit) == (7, 0)  # aiohttp's 0: no limit, as httpx's None


def test_the_key_reaches_no_log_line(
    harness: Harness, served: tuple[FakeOffcloud, str], caplog: pytest.LogCaptureFixture
) -> None:
    fake, base_url = served
    caplog.set_level(logging.DEBUG)
    oc = harness.client(fake.api_key, base_url=base_url, key_in="both", max_retries=1)
    fake.inject(DropConnection(after_bytes=0), times=1, path="/api/account")
    assert harness.go(oc.account.info()).user_id == fake.user_id
    assert caplog.records
    assert fake.api_key not in caplog.text


# -- without the extra -----------------------------------------------------------------------


def test_without_the_extra_making_a_client_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "aiohttp", None)  # what an uninstalled package looks like
    monkeypatch.delitem(sys.modules, "offcloud_sdk._calls.aiohttp_transport")
    with pytest.raises(MissingDependencyError, match=r"pip install 'offcloud-sdk\[aiohttp\]'") as e:
        DefaultAioHttpClient()
    assert isinstance(e.value, OffcloudError)
    assert isinstance(e.value, ImportError)
    assert e.value.name == "aiohttp"


def test_importing_the_sdk_and_the_name_leaves_aiohttp_unloaded() -> None:
    code = (
        "import sys; from offcloud_sdk import AsyncOffcloud, DefaultAioHttpClient; "
        "print('aiohttp' in sys.modules, 'offcloud_sdk._calls.aiohttp_transport' in sys.modules)"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ran.stdout.split() == ["False", "False"]


def test_the_benchmark_row_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(Path(__file__).resolve().parents[1] / "benchmarks")
    import calls
    import table

    tiny = table.Plan(
        rounds=1, calls=3, batches=1, import_runs=1, download_bytes=1, download_rounds=1
    )
    with calls.loopback_server(1 << 10) as base_url:
        rows = calls.aiohttp_calls(base_url, tiny, batch=60)
    assert [row.measure.split(" (")[0] for row in rows] == [
        "60 async calls on aiohttp, 50 in flight",
        "cloud.status, async on aiohttp",
    ]
    assert all(row.ours > 0 and row.baseline for row in rows)


@pytest.mark.parametrize("method", ["DELETE", "PUT", "POST"])
def test_a_call_dropped_on_a_reused_connection_is_sent_once(harness: Harness, method: str) -> None:
    # aiohttp by itself sends a PUT or DELETE again when a reused connection drops before
    # the answer; the SDK's policy does not resend those, on any transport
    received: list[bytes] = []

    def reply(connection: socket.socket) -> None:
        while True:
            request = connection.recv(65536)
            if not request:
                return
            received.append(request.split(b" ", 1)[0])
            if not request.startswith(b"GET"):
                return  # read, never answered
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")

    with raw_server(reply) as base_url:
        oc = harness.client(base_url=base_url, max_retries=2)
        harness.go(oc.request("GET", "/api/x"))
        with pytest.raises(APIConnectionError):
            harness.go(oc.request(method, "/api/thing", json={}))
    assert received.count(method.encode()) == 1


def test_a_long_header_line_is_taken_as_on_httpx(harness: Harness) -> None:
    long_link = b"http://cdn.example/f?sig=" + b"a" * 20_000  # a long signed link

    def reply(connection: socket.socket) -> None:
        connection.recv(65536)
        connection.sendall(
            b"HTTP/1.1 200 OK\r\nX-Link: " + long_link + b"\r\nContent-Length: 2\r\n\r\n{}"
        )

    with raw_server(reply) as base_url:
        oc = harness.client(base_url=base_url, max_retries=0)
        assert harness.go(oc.request("GET", "/api/x")) == {}


def test_a_malformed_answer_on_aiohttp_says_so_without_a_made_up_status() -> None:
    error = translated(
        _response_error(aiohttp.ClientResponseError),
        httpx.Request("GET", "http://127.0.0.1/api/x"),
    )
    assert isinstance(error, httpx.RemoteProtocolError)
    assert str(error) == "malformed answer: Bad status line"


def test_a_socks_proxy_is_refused_when_the_client_is_made() -> None:
    with pytest.raises(InvalidArgumentError, match="socks5 proxy is not supported"):
        DefaultAioHttpClient(proxy="socks5://127.0.0.1:1080")
