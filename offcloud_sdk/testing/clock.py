"""A manual clock for tests: sleeping only moves its time forward."""

from __future__ import annotations


class FakeClock:
    """A `Clock` (see `offcloud_sdk.clock`) whose time moves only when something sleeps on it.

    Give the same one to `FakeOffcloud` and to the client: `oc.cloud.wait(...)` then sleeps
    through a whole download in no real time, and the fake's requests progress as it does.
    `sleeps` records every pause, for assertions on backoff.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self.time = start
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.time

    def advance(self, seconds: float) -> None:
        """Move time forward without recording a sleep."""
        self.time += seconds

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.time += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
