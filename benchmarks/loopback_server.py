"""A minimal, fast HTTP/1.1 server on a loopback port, for benchmarks where server speed matters.

The sandbox server (`FakeOffcloud.serve()`) is a thread-per-connection `http.server`: correct,
but slow enough that its own cost would hide the client's. This one is an asyncio protocol
that answers from memory:

- `POST /api/cloud/status` (any body, any key): the status answer the sandbox gives for a
  downloaded request, byte for byte, so the SDK parses and checks a realistic body;
- `GET /big.bin` (and `HEAD`, and `Range: bytes=N-`): a file of `--size` bytes, sent with
  `sendfile` from a sparse file, so the server costs next to no CPU.

    python benchmarks/loopback_server.py --size 1073741824
    # prints "http://127.0.0.1:PORT" and serves until stdin closes
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from pathlib import Path

REQUEST_ID = "6a0000000000000000000001"


def status_body() -> bytes:
    """What the sandbox answers to `cloud.status` for a downloaded request."""
    from offcloud_sdk.testing import FakeClock, FakeOffcloud

    fake = FakeOffcloud(clock=FakeClock())
    magnet = fake.add_torrent("Big Buck Bunny", {"bbb.mp4": 276 << 20}, cached=True)
    http = fake.client()
    auth = {"Authorization": f"Bearer {fake.api_key}"}
    added = http.post("https://offcloud.com/api/cloud", json={"url": magnet}, headers=auth)
    request_id = added.json()["requestId"]
    answer = http.post(
        "https://offcloud.com/api/cloud/status", json={"requestId": request_id}, headers=auth
    )
    body = answer.json()
    body["status"]["requestId"] = REQUEST_ID
    return json.dumps(body).encode()


class Connection(asyncio.Protocol):
    """One keep-alive connection: requests are answered in order, bodies ignored."""

    def __init__(self, status: bytes, big: Path, size: int) -> None:
        self.status = status
        self.big = big
        self.size = size
        self.buffer = b""
        self.busy = False
        self.sending: asyncio.Future[None] | None = None
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if not self.busy:
            self.answer_waiting()

    def answer_waiting(self) -> None:
        while True:
            head_end = self.buffer.find(b"\r\n\r\n")
            if head_end < 0:
                return
            head = self.buffer[:head_end].decode("latin-1").split("\r\n")
            headers = {}
            for line in head[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            if len(self.buffer) < head_end + 4 + length:
                return
            self.buffer = self.buffer[head_end + 4 + length :]
            method, target, _ = head[0].split(" ", 2)
            if target.startswith("/big.bin"):
                self.busy = True
                self.sending = asyncio.ensure_future(self.send_file(method, headers.get("range")))
                return
            self.respond(method, target)

    def respond(self, method: str, target: str) -> None:
        assert self.transport is not None
        if target.startswith("/api/cloud/status"):
            head = _head(200, "application/json", len(self.status))
            self.transport.write(head + self.status)
        else:
            body = b"Page not found."
            self.transport.write(_head(404, "text/html", len(body)) + body)

    async def send_file(self, method: str, range_header: str | None) -> None:
        assert self.transport is not None
        start = 0
        if range_header and range_header.startswith("bytes="):
            start = int(range_header[6:].split("-")[0] or 0)
        count = self.size - start
        extra = {"Accept-Ranges": "bytes"}
        if start:
            extra["Content-Range"] = f"bytes {start}-{self.size - 1}/{self.size}"
        self.transport.write(_head(206 if start else 200, "application/octet-stream", count, extra))
        if method != "HEAD" and count:
            with self.big.open("rb") as file:
                loop = asyncio.get_running_loop()
                try:
                    await loop.sendfile(self.transport, file, offset=start, count=count)
                except (ConnectionError, RuntimeError):
                    self.transport.close()
                    return
        self.busy = False
        self.answer_waiting()


def _head(
    status: int, content_type: str, length: int, extra: dict[str, str] | None = None
) -> bytes:
    reason = {200: "OK", 206: "Partial Content", 404: "Not Found"}[status]
    lines = [
        f"HTTP/1.1 {status} {reason}",
        f"Content-Type: {content_type}",
        f"Content-Length: {length}",
        *(f"{name}: {value}" for name, value in (extra or {}).items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def serve(size: int, folder: Path) -> None:
    big = folder / "big.bin"
    with big.open("wb") as file:
        file.truncate(size)  # sparse: no disk used, read back as zeros from the page cache
    status = status_body()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: Connection(status, big, size), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(f"http://127.0.0.1:{port}", flush=True)
    stdin_closed = loop.run_in_executor(None, sys.stdin.read)
    async with server:
        await stdin_closed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1 << 30, help="bytes in /big.bin")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="offcloud-bench-") as folder:
        asyncio.run(serve(args.size, Path(folder)))


if __name__ == "__main__":
    main()
