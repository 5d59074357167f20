"""The fake Offcloud as a real HTTP/1.1 server on a loopback port, in a background thread."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from .fake import FakeOffcloud


def _handler_for(fake: FakeOffcloud, stopping: threading.Event) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "FakeOffcloud"

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            host = self.headers.get("Host") or _address(self.server.server_address)
            request = httpx.Request(
                self.command,
                f"http://{host}{self.path}",
                headers=list(self.headers.items()),
                content=body,
            )
            answer = fake.handle(request)
            if answer.stall and stopping.wait(answer.stall):
                self._drop()  # the server is stopping: a stalled answer is never sent
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
                for chunk in answer.chunks():
                    self.wfile.write(chunk)
            if answer.drop_after is not None:
                self.wfile.flush()
                self._drop()

        def _drop(self) -> None:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

        def handle_one_request(self) -> None:
            with contextlib.suppress(ConnectionError, TimeoutError):
                super().handle_one_request()

        do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_PATCH = _serve

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: tests and the sandbox print what matters themselves

    return Handler


def _address(address: object) -> str:
    host, port = address[:2] if isinstance(address, tuple) else (address, "")
    return f"{host}:{port}"


class _Server(ThreadingHTTPServer):
    daemon_threads = True


@contextlib.contextmanager
def running_server(fake: FakeOffcloud, host: str, port: int) -> Iterator[str]:
    """Serve `fake` until the block ends; yields `http://host:port`."""
    stopping = threading.Event()
    server = _Server((host, port), _handler_for(fake, stopping))
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
