"""Clocks for the fake: a manual one for tests, real time for a served sandbox."""

from __future__ import annotations

import threading
import time

from .._calls.clock import SystemClock

# Looked up at each use, so a test can stand in for real time without sleeping.
_monotonic = time.monotonic
_sleep = time.sleep


class FakeClock:
    """A clock whose time moves only when something sleeps on it.

    Give the same one to `FakeOffcloud` and to the client: `oc.cloud.wait(...)` then sleeps
    through a whole download in no real time, and the fake's requests progress as it does.
    `sleeps` records every pause, for assertions on backoff. Threads may share it (a
    download over several connections): each pause moves the time once, none is lost.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self.time: float = start
        """The current time, in seconds."""
        self.sleeps: list[float] = []
        """Every pause slept on this clock, in order."""
        self._moving = threading.Lock()

    def now(self) -> float:
        """The current time."""
        return self.time

    def advance(self, seconds: float) -> None:
        """Move time forward without recording a sleep."""
        with self._moving:
            self.time += seconds

    def sleep(self, seconds: float) -> None:
        """Record the pause and move time forward by it, at once."""
        with self._moving:
            self.sleeps.append(seconds)
            self.time += seconds

    async def asleep(self, seconds: float) -> None:
        """`sleep`, for async code."""
        self.sleep(seconds)


class ServedClock(FakeClock):
    """The clock of a fake made without one: a `FakeClock` until the fake is served, real
    time from then on (counted on from where it stood), for clients in other processes.

    It stays the same object, so a client given `clock=fake.clock` before the fake was served
    keeps agreeing with it: its waits become real waits too.
    """

    def __init__(self, start: float = 1000.0) -> None:
        super().__init__(start)
        self._offset: float | None = None

    @property
    def live(self) -> bool:
        """Whether it runs in real time (the fake has been served)."""
        return self._offset is not None

    def go_live(self) -> None:
        """Run in real time from now on, starting from the current time."""
        if self._offset is None:
            self._offset = self.time - _monotonic()

    def now(self) -> float:
        """The current time; in real time, `time` is brought up to it too."""
        if self._offset is not None:
            self.time = _monotonic() + self._offset
        return self.time

    def advance(self, seconds: float) -> None:
        """Move time forward without recording a sleep."""
        if self._offset is not None:
            self._offset += seconds
        super().advance(seconds)

    def sleep(self, seconds: float) -> None:
        """Record the pause; wait it out for real once live."""
        if self._offset is None:
            super().sleep(seconds)
            return
        self.sleeps.append(seconds)
        _sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        """`sleep`, for async code (without blocking the event loop once live)."""
        if self._offset is None:
            super().sleep(seconds)
            return
        self.sleeps.append(seconds)
        await SystemClock().asleep(seconds)
