"""`FakeTransport`: the fake Offcloud as an httpx transport, for sync and async clients."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import httpx

from ._answer import Answer

if TYPE_CHECKING:
    from ._fake import FakeOffcloud


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Answers every request from a `FakeOffcloud`, faults acted out as httpx would see them.

    A stall longer than the request's read timeout raises `httpx.ReadTimeout` after moving the
    fake's clock by the timeout; a dropped connection raises `httpx.RemoteProtocolError`.
    """

    def __init__(self, fake: FakeOffcloud) -> None:
        self.fake = fake

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        return self._response(request, self.fake.handle(request))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        return self._response(request, self.fake.handle(request))

    def _response(self, request: httpx.Request, answer: Answer) -> httpx.Response:
        if answer.stall:
            read_timeout = request.extensions.get("timeout", {}).get("read")
            if read_timeout is not None and answer.stall > read_timeout:
                self.fake.clock.sleep(read_timeout)
                raise httpx.ReadTimeout("timed out (the fake server stalled)", request=request)
            self.fake.clock.sleep(answer.stall)
        if answer.drop_after == 0:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        headers = dict(answer.headers)
        headers.setdefault("Content-Length", str(answer.content_length()))
        return httpx.Response(
            answer.status,
            headers=headers,
            stream=_Body(answer, request),
            request=request,
        )


class _Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __init__(self, answer: Answer, request: httpx.Request) -> None:
        self.answer = answer
        self.request = request

    def __iter__(self) -> Iterator[bytes]:
        yield from self.answer.chunks()
        if self.answer.drop_after is not None:
            raise httpx.RemoteProtocolError(
                "peer closed connection without sending complete message body",
                request=self.request,
            )

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk
