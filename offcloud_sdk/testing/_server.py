"""The fake Offcloud as a real HTTP/1.1 server on a loopback port, in a background thread."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from ._answer import Answer
    from ._fake import FakeOffcloud

MAX_BODY = 64 << 20
"""The largest request body read (bigger ones get 413): the largest real upload is a .torrent."""
IDLE_TIMEOUT = 30.0
"""Seconds a connection may send nothing before it is closed, so no client holds a thread."""
CHECK_EVERY = 0.05
"""Seconds between checks, during a wait, that the server is not stopping and the client is
still there."""


def _handler_for(
    fake: FakeOffcloud, stopping: threading.Event, idle_timeout: float | None
) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "FakeOffcloud"
        timeout = idle_timeout  # StreamRequestHandler makes it the connection's socket timeout

        def setup(self) -> None:
            super().setup()
            # The body follows the headers in a second write: with Nagle's algorithm it would
            # wait for the client's delayed ACK, 40 ms on Linux, on every answer.
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def _serve(self) -> None:
            length = self.headers.get("Content-Length", "0").strip()
            if not re.fullmatch(r"[0-9]+", length):
                self._refuse(400, "Bad Request: invalid Content-Length")
                return
            if int(length) > MAX_BODY:
                self._refuse(413, f"Payload Too Large: the limit is {MAX_BODY >> 20} MiB")
                return
            body = self.rfile.read(int(length))
            host = self.headers.get("Host") or _address(self.server.server_address)
            request = httpx.Request(
                self.command,
                f"http://{host}{self.path}",
                headers=list(self.headers.items()),
                content=body,
            )
            try:
                answer = fake.handle(request)
            except (ValueError, RecursionError):  # a body or path no parser could read
                self._refuse(400, "Bad Request: the request could not be read")
                return
            try:
                self._send(answer)
            finally:
                answer.close()  # its connection slot, however the body ended

        def _send(self, answer: Answer) -> None:
            if answer.stall and not self._pause(answer.stall):
                self._drop()  # stopping, or the client left: a stalled answer is never sent
                return
            if answer.drop_after == 0:
                self._drop()
                return
            self.send_response(answer.status)
            headers = dict(answer.headers)
            headers.setdefault("Content-Length", str(answer.content_length()))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                for wait, piece in answer.paced(time.monotonic):
                    if wait and not self._pause(wait):
                        self._drop()
                        return
                    self.wfile.write(piece)
            if answer.drop_after is not None:
                self.wfile.flush()
                self._drop()

        def _pause(self, seconds: float) -> bool:
            """Wait `seconds` for real; False as soon as the server stops or the client has
            gone (checked every `CHECK_EVERY` seconds), so neither holds a stream's slot."""
            until = time.monotonic() + seconds
            while (left := until - time.monotonic()) > 0:
                if stopping.wait(min(left, CHECK_EVERY)) or self._client_gone():
                    return False
            return not stopping.is_set()

        def _client_gone(self) -> bool:
            """Whether the client closed its end (EOF or reset waiting on the socket)."""
            connection = self.connection
            timeout = connection.gettimeout()
            connection.settimeout(0)  # a peek that does not wait
            try:
                return not connection.recv(1, socket.MSG_PEEK)
            except BlockingIOError:
                return False  # nothing waiting: still there
            except OSError:
                return True
            finally:
                connection.settimeout(timeout)

        def _refuse(self, status: int, message: str) -> None:
            """A one-line plain text answer, then close: the body was never read."""
            content = f"{message}\n".encode()
            self.close_connection = True
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(content)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(content)

        def _drop(self) -> None:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

        def handle_one_request(self) -> None:
            try:
                super().handle_one_request()
            except (ConnectionError, TimeoutError):  # a timed-out stream cannot be read again
                self.close_connection = True

        do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_PATCH = _serve

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: tests and the sandbox print what matters themselves

    return Handler


def _address(address: object) -> str:
    host, port = address[:2] if isinstance(address, tuple) else (address, "")
    return f"{host}:{port}"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    """Connections waiting to be accepted (the standard library's 5 made a burst of 24, what
    `offcloud get -x 8 -j 3` opens, wait a second for a SYN to be sent again)."""


@contextlib.contextmanager
def running_server(
    fake: FakeOffcloud, host: str, port: int, *, timeout: float | None = IDLE_TIMEOUT
) -> Iterator[str]:
    """Serve `fake` until the block ends; yields `http://host:port`.

    `timeout`: seconds a connection may stay silent (None: forever) before it is closed.
    """
    stopping = threading.Event()
    server = _Server((host, port), _handler_for(fake, stopping, timeout))
    # serve_forever checks for shutdown every poll_interval: the default 0.5 s is what leaving
    # the block would cost
    thread = threading.Thread(
        target=server.serve_forever, args=(0.02,), name="fake-offcloud", daemon=True
    )
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        stopping.set()
        server.shutdown()
        server.server_close()
        thread.join()
