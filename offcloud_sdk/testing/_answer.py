"""`Answer`: what the fake sends back, before it becomes an httpx response or bytes on a socket."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

import attrs

from ._far import TokenBucket, burst_for


@attrs.define
class Answer:
    """An HTTP answer, with the ways a bad network can spoil it.

    `body` is bytes or an iterable of chunks (streamed, for file downloads). `drop_after`
    closes the connection once that many body bytes are out; `stall` waits that many seconds
    before the headers; `speed` caps the body's bytes per second (see `paced`). `release`,
    when set, must be called once the body has ended or the client has gone away: it frees
    the stream's connection slot (see `FarServer.max_connections`).
    """

    status: int
    headers: dict[str, str] = attrs.field(factory=dict)
    body: bytes | Iterable[bytes] = b""
    length: int | None = None
    """Content-Length of a streamed body."""
    drop_after: int | None = None
    stall: float = 0.0
    speed: float | None = None
    release: Callable[[], None] | None = None

    def paced(self, now: Callable[[], float]) -> Iterator[tuple[float, bytes]]:
        """The body in pieces, each with the seconds to wait before sending it, so that it
        goes at `speed` at the most on the clock `now` reads (a bucket of its own)."""
        if self.speed is None:
            for chunk in self.chunks():
                yield 0.0, chunk
            return
        burst = burst_for(self.speed)
        bucket = TokenBucket(self.speed, burst, now())
        for chunk in self.chunks():
            for start in range(0, len(chunk), burst):
                piece = chunk[start : start + burst]
                yield bucket.wait_for(len(piece), now()), piece

    def close(self) -> None:
        """Free what the answer holds (its connection slot); safe to call more than once."""
        if self.release is not None:
            self.release()

    def chunks(self) -> Iterator[bytes]:
        """The body in chunks, cut where `drop_after` says; the caller then drops the line."""
        body = [self.body] if isinstance(self.body, bytes) else self.body
        left = self.drop_after
        for chunk in body:
            if left is not None and len(chunk) >= left:
                if left:
                    yield chunk[:left]
                return
            if left is not None:
                left -= len(chunk)
            if chunk:
                yield chunk

    def content_length(self) -> int:
        """The body's length in bytes."""
        if isinstance(self.body, bytes):
            return len(self.body)
        assert self.length is not None, "a streamed answer needs its length"
        return self.length


def json_answer(payload: object, status: int = 200, **headers: str) -> Answer:
    body = json.dumps(payload, separators=(",", ":")).encode()
    return Answer(status, {"Content-Type": "application/json; charset=utf-8", **headers}, body)


def text_answer(text: str, status: int = 200, content_type: str = "text/plain") -> Answer:
    return Answer(status, {"Content-Type": f"{content_type}; charset=utf-8"}, text.encode())


def not_found_page() -> Answer:
    """What Offcloud answers for a path it does not have (and for the retired login calls)."""
    return text_answer("Page not found.", 404)
