"""`FakeTransport`: the fake Offcloud as an httpx transport, for sync and async clients."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import httpx

from .._calls.clock import Clock
from ._answer import Answer

if TYPE_CHECKING:
    from ._fake import FakeOffcloud


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Answers every request from a `FakeOffcloud`, faults acted out as httpx would see them.

    A stall longer than the request's read timeout raises `httpx.ReadTimeout` after moving the
    fake's clock by the timeout; a dropped connection raises `httpx.RemoteProtocolError`.
    Latencies and a capped speed (`FarServer`) are waited on the fake's clock (`asleep` for
    async clients); closing a response, read or not, frees its connection slot.
    """

    def __init__(self, fake: FakeOffcloud) -> None:
        self.fake = fake

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        answer = self.fake.handle(request)
        try:
            wait, timed_out = _stall(request, answer)
            if wait:
                self.fake.clock.sleep(wait)
            _check(request, answer, timed_out)
        except BaseException:
            answer.close()
            raise
        return self._response(request, answer)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        answer = self.fake.handle(request)
        try:
            wait, timed_out = _stall(request, answer)
            if wait:
                await self.fake.clock.asleep(wait)
            _check(request, answer, timed_out)
        except BaseException:
            answer.close()
            raise
        return self._response(request, answer)

    def _response(self, request: httpx.Request, answer: Answer) -> httpx.Response:
        headers = dict(answer.headers)
        headers.setdefault("Content-Length", str(answer.content_length()))
        return httpx.Response(
            answer.status,
            headers=headers,
            stream=_Body(answer, request, self.fake.clock),
            request=request,
        )


def _stall(request: httpx.Request, answer: Answer) -> tuple[float, bool]:
    """The seconds to wait before the answer, and whether the client gives up first."""
    read_timeout = request.extensions.get("timeout", {}).get("read")
    if answer.stall and read_timeout is not None and answer.stall > read_timeout:
        return read_timeout, True
    return answer.stall, False


def _check(request: httpx.Request, answer: Answer, timed_out: bool) -> None:
    """Raise what httpx raises for a stalled or dropped answer."""
    if timed_out:
        raise httpx.ReadTimeout("timed out (the fake server stalled)", request=request)
    if answer.drop_after == 0:
        raise httpx.RemoteProtocolError(
            "Server disconnected without sending a response.", request=request
        )


class _Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """The answer's body, paced on the fake's clock; closing it frees the stream's slot."""

    def __init__(self, answer: Answer, request: httpx.Request, clock: Clock) -> None:
        self.answer = answer
        self.request = request
        self.clock = clock

    def __iter__(self) -> Iterator[bytes]:
        try:
            for wait, piece in self.answer.paced(self.clock.now):
                if wait:
                    self.clock.sleep(wait)
                yield piece
            self._check_dropped()
        finally:
            self.answer.close()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            for wait, piece in self.answer.paced(self.clock.now):
                if wait:
                    await self.clock.asleep(wait)
                yield piece
            self._check_dropped()
        finally:
            self.answer.close()

    def _check_dropped(self) -> None:
        if self.answer.drop_after is not None:
            raise httpx.RemoteProtocolError(
                "peer closed connection without sending complete message body",
                request=self.request,
            )

    def close(self) -> None:
        self.answer.close()

    async def aclose(self) -> None:
        self.answer.close()
