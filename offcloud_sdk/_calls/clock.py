"""Time as the SDK sees it: one object to read the time and to wait.

Retries, `cloud.wait` and `device_login` only wait through a `Clock`, so tests pass a fake one
and never really sleep.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Reads monotonic time and waits, for sync and async code."""

    def now(self) -> float:
        """Seconds on a monotonic clock."""
        ...

    def sleep(self, seconds: float) -> None:
        """Block for `seconds`."""
        ...

    async def asleep(self, seconds: float) -> None:
        """Wait `seconds` without blocking the event loop."""
        ...


class SystemClock:
    """The real clock: `time.monotonic`, `time.sleep`, `asyncio.sleep`."""

    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        import asyncio  # here, so that sync users do not pay for importing asyncio

        await asyncio.sleep(seconds)
