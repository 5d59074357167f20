"""Run one test body against `Offcloud` and `AsyncOffcloud`, with a clock that never sleeps."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from typing import Any

import pytest

from offcloud_sdk import AsyncOffcloud, Offcloud
from offcloud_sdk.testing import FakeClock, FakeOffcloud

BASE = "https://offcloud.test"
KEY = "K3yK3yK3yK3yK3yK3yK3yK3yK3yK3y99"


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

    def fake_client(self, fake: FakeOffcloud, **options: Any) -> Any:
        """A client of this flavour whose requests `fake` answers (on this harness's clock)."""
        http = fake.async_client() if self.is_async else fake.client()
        return self.client(options.pop("api_key", fake.api_key), http_client=http, **options)

    def fake(self, **options: Any) -> FakeOffcloud:
        """A `FakeOffcloud` on this harness's clock."""
        return FakeOffcloud(clock=self.clock, **options)

    def go(self, value: Any) -> Any:
        if self._loop is not None and inspect.isawaitable(value):
            return self._loop.run_until_complete(value)
        return value

    def close(self) -> None:
        for made in self._clients:
            self.go(made.aclose() if self.is_async else made.close())
            http = made._runner.http
            self.go(http.aclose() if self.is_async else http.close())
        if self._loop is not None:
            self._loop.close()


@pytest.fixture(params=["sync", "async"])
def harness(request: pytest.FixtureRequest) -> Iterator[Harness]:
    made = Harness(request.param)
    yield made
    made.close()
