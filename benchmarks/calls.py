"""Per-call cost: `cloud.status` through the SDK vs bare httpx and the seed's requests.Session."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import requests
from table import Plan, Row, alternating, ratio_row

from offcloud_sdk import AsyncOffcloud, Offcloud

KEY = "BenchmarkApiKey00000000000000001"
REQUEST_ID = "6a0000000000000000000001"
STATUS_PATH = "/api/cloud/status"
IN_FLIGHT = 50
BATCH = 1000


@contextmanager
def loopback_server(size: int) -> Iterator[str]:
    """`loopback_server.py` in its own process, serving a file of `size` bytes; its base URL."""
    script = Path(__file__).with_name("loopback_server.py")
    command = [sys.executable, str(script), "--size", str(size)]
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as server:
        assert server.stdin is not None
        assert server.stdout is not None
        try:
            yield server.stdout.readline().strip()
        finally:
            server.stdin.close()  # the server stops when its stdin closes; leaving `with` waits


def _timed(calls: int, call: Callable[[], object]) -> Callable[[], float]:
    """Microseconds per call of `calls` calls in a row."""

    def timed() -> float:
        started = time.perf_counter()
        for _ in range(calls):
            call()
        return (time.perf_counter() - started) / calls * 1e6

    return timed


def sync_calls(base_url: str, plan: Plan) -> list[Row]:
    """1 (sync) and 2: the SDK vs bare httpx, and vs the seed client's way."""
    url = f"{base_url}{STATUS_PATH}"
    with httpx.Client() as http, requests.Session() as session:
        oc = Offcloud(KEY, base_url=base_url, http_client=http)  # the same pool as `bare`

        def sdk() -> object:
            return oc.cloud.status(request_id=REQUEST_ID)

        def bare() -> object:  # what a hand-written call must do
            response = http.post(
                url, json={"requestId": REQUEST_ID}, headers={"Authorization": f"Bearer {KEY}"}
            )
            response.raise_for_status()
            return response.json()

        def seed() -> object:  # the seed client: form body, key in the query, requests.Session
            response = session.post(url, params={"key": KEY}, data={"requestId": REQUEST_ID})
            response.raise_for_status()
            return response.json()

        for call in (sdk, bare, seed):
            _timed(plan.calls // 4, call)()  # warm the pools and every cache
        ours, base = alternating(plan.rounds, _timed(plan.calls, sdk), _timed(plan.calls, bare))
        ours_again, seed_time = alternating(
            plan.rounds, _timed(plan.calls, sdk), _timed(plan.calls, seed)
        )
    return [
        ratio_row("cloud.status, sync (vs bare httpx.Client)", ours, base, "us/call", 1.10),
        ratio_row(
            "cloud.status, sync (vs the seed's requests.Session)",
            ours_again,
            seed_time,
            "us/call",
            1.0,
        ),
    ]


def _async_pair(
    base_url: str, plan: Plan, http: httpx.AsyncClient, bare_http: httpx.AsyncClient, batch: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """`cloud.status` through `AsyncOffcloud` on `http` vs the same request by hand on
    `bare_http`: (us per call one at a time, us per call of `batch` with 50 in flight), each
    as (SDK, bare) medians. Closes both clients."""
    url = f"{base_url}{STATUS_PATH}"
    loop = asyncio.new_event_loop()
    oc = AsyncOffcloud(KEY, base_url=base_url, http_client=http)

    async def sdk() -> object:
        return await oc.cloud.status(request_id=REQUEST_ID)

    async def bare() -> object:
        response = await bare_http.post(
            url, json={"requestId": REQUEST_ID}, headers={"Authorization": f"Bearer {KEY}"}
        )
        response.raise_for_status()
        return response.json()

    async def one_by_one(call: Callable[[], Awaitable[object]]) -> float:
        started = time.perf_counter()
        for _ in range(plan.calls):
            await call()
        return (time.perf_counter() - started) / plan.calls * 1e6

    async def in_flight(call: Callable[[], Awaitable[object]]) -> float:
        slots = asyncio.Semaphore(IN_FLIGHT)

        async def one() -> None:
            async with slots:
                await call()

        started = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(batch)))
        return (time.perf_counter() - started) / batch * 1e6

    def on_loop(
        how: Callable[[Callable[[], Awaitable[object]]], Awaitable[float]],
        call: Callable[[], Awaitable[object]],
    ) -> Callable[[], float]:
        return lambda: loop.run_until_complete(how(call))

    try:
        on_loop(in_flight, sdk)()  # warm: opens the 50 connections
        on_loop(in_flight, bare)()
        sequential = alternating(plan.rounds, on_loop(one_by_one, sdk), on_loop(one_by_one, bare))
        concurrent = alternating(plan.batches, on_loop(in_flight, sdk), on_loop(in_flight, bare))
    finally:
        loop.run_until_complete(http.aclose())
        if bare_http is not http:
            loop.run_until_complete(bare_http.aclose())
        loop.close()
    return sequential, concurrent


def async_calls(base_url: str, plan: Plan) -> list[Row]:
    """1 (async) and 4: one call at a time, and 1,000 calls with 50 in flight."""
    limits = httpx.Limits(max_connections=IN_FLIGHT, max_keepalive_connections=IN_FLIGHT)
    http = httpx.AsyncClient(limits=limits)  # the same pool for both sides
    sequential, (ours, base) = _async_pair(base_url, plan, http, http, BATCH)
    concurrent = (ours * BATCH / 1e3, base * BATCH / 1e3)  # ms per batch
    return [
        ratio_row("cloud.status, async (vs bare httpx.AsyncClient)", *sequential, "us/call", 1.10),
        ratio_row("1,000 async calls, 50 in flight", *concurrent, "ms/batch", 1.15),
    ]


AIOHTTP_BATCH = 2000


def aiohttp_calls(base_url: str, plan: Plan, batch: int = AIOHTTP_BATCH) -> list[Row]:
    """The `aiohttp` extra: `AsyncOffcloud` on `DefaultAioHttpClient` vs a bare httpx client on
    httpx-aiohttp's transport, `batch` calls with 50 in flight, and one call at a time."""
    from httpx_aiohttp import AiohttpTransport

    from offcloud_sdk import DefaultAioHttpClient

    bare_http = httpx.AsyncClient(transport=AiohttpTransport())  # what a hand-written call uses
    sequential, concurrent = _async_pair(base_url, plan, DefaultAioHttpClient(), bare_http, batch)
    return [
        ratio_row(
            f"{batch:,} async calls on aiohttp, 50 in flight (vs bare httpx-aiohttp)",
            *concurrent,
            "us/call",
            1.10,
        ),
        ratio_row(
            "cloud.status, async on aiohttp (vs bare httpx-aiohttp)", *sequential, "us/call", 1.10
        ),
    ]
