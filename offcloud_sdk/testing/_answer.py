"""`Answer`: what the fake sends back, before it becomes an httpx response or bytes on a socket."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import attrs


@attrs.define
class Answer:
    """An HTTP answer, with the ways a bad network can spoil it.

    `body` is bytes or an iterable of chunks (streamed, for file downloads). `drop_after`
    closes the connection once that many body bytes are out; `stall` waits that many seconds
    before the headers.
    """

    status: int
    headers: dict[str, str] = attrs.field(factory=dict)
    body: bytes | Iterable[bytes] = b""
    length: int | None = None
    """Content-Length of a streamed body."""
    drop_after: int | None = None
    stall: float = 0.0

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
