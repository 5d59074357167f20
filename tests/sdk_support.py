"""Run one test body against `Offcloud` and `AsyncOffcloud`, with a clock that never sleeps."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from typing import Any

import pytest

from offcloud_sdk import AsyncOffcloud, Offcloud

BASE = "https://offcloud.test"
KEY = "K3yK3yK3yK3yK3yK3yK3yK3yK3yK3y99"


class FakeClock:
    """A `Clock` whose sleeps only move its time forward, and are recorded."""

    def __init__(self) -> None:
        self.time = 1000.0
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.time

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.time += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


class Harness:
    """Makes clients of one flavour; `go(x)` is `x` for sync and runs the awaitable for async."""

    def __init__(self, flavour: str) -> None:
        self.flavour = flavour
        self.clock = FakeClock()
        self._loop = asyncio.new_event_loop() if flavour == "async" else None
        self._clients: list[Any] = []

    @property
    def is_async(self) -> bool:
        return self._loop is not None

    def client(self, api_key: str | None = KEY, **options: Any) -> Any:
        options.setdefault("base_url", BASE)
        options.setdefault("clock", self.clock)
        made = (AsyncOffcloud if self.is_async else Offcloud)(api_key, **options)
        self._clients.append(made)
        return made

    def go(self, value: Any) -> Any:
        if self._loop is not None and inspect.isawaitable(value):
            return self._loop.run_until_complete(value)
        return value

    def close(self) -> None:
        for made in self._clients:
            self.go(made.aclose() if self.is_async else made.close())
        if self._loop is not None:
            self._loop.close()


@pytest.fixture(params=["sync", "async"])
def harness(request: pytest.FixtureRequest) -> Iterator[Harness]:
    made = Harness(request.param)
    yield made
    made.close()
