"""`AsyncOffcloud.cache.check` and `cloud.wait_all` send their 100-id calls a bounded number at a
time (`CONCURRENT_BATCHES`); the sync client sends them one after another. Answers are merged
in order; the first call to fail fails the whole, the others cancelled."""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import httpx
import pytest

from offcloud_sdk import AsyncOffcloud, Offcloud
from offcloud_sdk._flows.polling import CONCURRENT_BATCHES
from offcloud_sdk.exceptions import AuthError
from offcloud_sdk.testing import FakeClock, FakeOffcloud
from offcloud_sdk.testing._transport import FakeTransport

BASE = "https://offcloud.test"
WAIT = 30.0
"""Seconds a test waits for something that must happen at once: only reached when it fails."""

Handler = Callable[[httpx.Request], Awaitable[httpx.Response]]


class Counting(httpx.AsyncBaseTransport, httpx.BaseTransport):
    """Counts the API calls in flight at once; each one yields to the event loop before it is
    answered (no time passes), so every call that may start does start."""

    def __init__(self, answer: Handler, sync_answer: Callable[[httpx.Request], Any]) -> None:
        self.answer = answer
        self.sync_answer = sync_answer
        self.in_flight = 0
        self.most = 0
        self.calls = 0
        self.cancelled = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        try:
            await asyncio.sleep(0)
            return await self.answer(request)
        except asyncio.CancelledError:
            self.cancelled += 1
            raise
        finally:
            self.in_flight -= 1

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        self.most = max(self.most, 1)
        response: httpx.Response = self.sync_answer(request)
        return response


def fake_answers(fake: FakeOffcloud) -> tuple[Handler, Callable[[httpx.Request], Any]]:
    inner = FakeTransport(fake)
    return inner.handle_async_request, inner.handle_request


def hashes(count: int) -> list[str]:
    return [hashlib.sha1(str(n).encode()).hexdigest() for n in range(count)]


def run_async(make: Callable[[AsyncOffcloud], Coroutine[Any, Any, Any]], **options: Any) -> Any:
    async def go() -> Any:
        async with AsyncOffcloud(**options) as oc:
            return await make(oc)

    return asyncio.run(go())


def test_the_bound_meets_the_benchmark_with_room() -> None:
    """10,000 hashes are 100 calls; at 100 ms each, the bound must bring them under 2.0 s."""
    rounds = -(-100 // CONCURRENT_BATCHES)
    assert rounds * 0.1 <= 1.5
    assert CONCURRENT_BATCHES <= 16  # and stay polite


@pytest.mark.parametrize("classic", [False, True])
def test_async_cache_check_has_the_bound_in_flight_and_answers_in_order(classic: bool) -> None:
    fake = FakeOffcloud(clock=FakeClock())
    known = fake.add_torrent("known, not cached")
    cached = [fake.add_torrent(f"hot {n}", cached=True) for n in range(5)]
    cached_hashes = [m.split("btih:")[1].split("&")[0] for m in cached]
    items = [*hashes(1_044), known, *(h.upper() for h in cached_hashes)]  # 1,050: 11 calls
    transport = Counting(*fake_answers(fake))
    answer = run_async(
        lambda oc: oc.cache.check(items),
        api_key=fake.api_key,
        base_url=BASE,
        http_client=httpx.AsyncClient(transport=transport),
        key_in="query" if classic else "header",
        clock=FakeClock(),
    )
    assert transport.calls == 11
    assert transport.most == CONCURRENT_BATCHES
    assert list(answer) == items
    assert [answer[h.upper()] for h in cached_hashes] == [True] * 5
    assert not any(answer[h] for h in items[:1_045])  # the known one too


def test_sync_cache_check_stays_one_call_at_a_time() -> None:
    fake = FakeOffcloud(clock=FakeClock())
    transport = Counting(*fake_answers(fake))
    http = httpx.Client(transport=transport)
    with Offcloud(fake.api_key, base_url=BASE, http_client=http, clock=FakeClock()) as oc:
        answer = oc.cache.check(hashes(250))
    assert (transport.calls, transport.most) == (3, 1)
    assert set(answer.values()) == {False}


def test_a_failing_call_fails_the_check_and_cancels_the_others() -> None:
    fake = FakeOffcloud(clock=FakeClock())
    inner = FakeTransport(fake)
    never = asyncio.Event()
    first = True

    async def answer(request: httpx.Request) -> httpx.Response:
        nonlocal first
        if first:  # the first call is refused; the others are still waiting for an answer
            first = False
            return httpx.Response(401, json={"error": "Unauthorized"}, request=request)
        async with asyncio.timeout(WAIT):
            await never.wait()
        return await inner.handle_async_request(request)

    transport = Counting(answer, inner.handle_request)
    with pytest.raises(AuthError):
        run_async(
            lambda oc: oc.cache.check(hashes(1_500)),
            api_key=fake.api_key,
            base_url=BASE,
            http_client=httpx.AsyncClient(transport=transport),
            max_retries=0,
            clock=FakeClock(),
        )
    assert transport.calls == CONCURRENT_BATCHES  # none started after the failure
    assert transport.cancelled == CONCURRENT_BATCHES - 1
    assert transport.in_flight == 0


def test_async_wait_all_polls_with_the_bound_in_flight() -> None:
    ids = [f"{n:024x}" for n in range(1_500)]
    polls: dict[str, int] = {}

    async def status(request: httpx.Request) -> httpx.Response:
        asked = json.loads(request.content)["requestIds"]
        items = []
        for rid in asked:
            polls[rid] = polls.get(rid, 0) + 1
            word = "downloaded" if polls[rid] > 1 else "downloading"
            items.append({"requestId": rid, "status": word})
        return httpx.Response(200, json={"requests": items}, request=request)

    transport = Counting(status, lambda request: None)
    clock = FakeClock()
    seen: list[str] = []
    final = run_async(
        lambda oc: oc.cloud.wait_all(ids, on_progress=lambda s: seen.append(s.request_id)),
        api_key="K3yK3yK3yK3yK3yK3yK3yK3yK3yK3y99",
        base_url=BASE,
        http_client=httpx.AsyncClient(transport=transport),
        clock=clock,
    )
    assert transport.calls == 30  # two polls of 15 calls
    assert transport.most == CONCURRENT_BATCHES
    assert list(final) == ids
    assert {s.status for s in final.values()} == {"downloaded"}
    assert seen == ids + ids  # reported in order, poll after poll
    assert clock.sleeps == [2.0]
