"""Clocks for the fake: a manual one for tests, real time for a served sandbox."""

from __future__ import annotations

import time

from .._calls.clock import SystemClock

# Looked up at each reading, so a test can stand in for real time without sleeping.
_monotonic = time.monotonic


class FakeClock:
    """A clock whose time moves only when something sleeps on it.

    Give the same one to `FakeOffcloud` and to the client: `oc.cloud.wait(...)` then sleeps
    through a whole download in no real time, and the fake's requests progress as it does.
    `sleeps` records every pause, for assertions on backoff.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self.time: float = start
        """The current time, in seconds."""
        self.sleeps: list[float] = []

    def now(self) -> float:
        """The current time."""
        return self.time

    def advance(self, seconds: float) -> None:
        """Move time forward without recording a sleep."""
        self.time += seconds

    def sleep(self, seconds: float) -> None:
        """Record the pause and move time forward by it, at once."""
        self.sleeps.append(seconds)
        self.time += seconds

    async def asleep(self, seconds: float) -> None:
        """`sleep`, for async code."""
        self.sleep(seconds)


class RealTime(SystemClock):
    """Real time, counted on from `start` (where the fake's clock stood when it was served)."""

    def __init__(self, start: float) -> None:
        self._offset = start - _monotonic()

    def now(self) -> float:
        """Seconds since an arbitrary point, moving as real time does."""
        return _monotonic() + self._offset
