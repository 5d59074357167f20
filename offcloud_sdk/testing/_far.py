"""`FarServer`: the fake served as from far away, by a host that paces and limits connections.

    fake = FakeOffcloud(far=FarServer(speed=8 << 20, first_byte=0.02, max_connections=4))
    fake.far = FarServer(api_latency=0.1)  # changeable later; streams under way keep theirs

Waiting goes through the fake's clock in process (instant with a `FakeClock`) and is real in
the socket server (`serve()`).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Hashable
from typing import Literal

import attrs

from ..exceptions import InvalidArgumentError

MIN_BURST = 1 << 10
"""The smallest burst, in bytes: below it a slow cap would send a byte at a time."""
BURST_SECONDS = 0.02
"""A bucket holds this much time of its speed: what a real server's sleeps may overshoot by."""


def _seconds(name: str) -> Callable[[object, attrs.Attribute[float], float], None]:
    def check(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidArgumentError(f"{name} must be a number of seconds, not {value!r}")
        if not math.isfinite(value) or not 0 <= value <= 3600:
            raise InvalidArgumentError(f"{name} must be 0 to 3600 seconds, not {value!r}")

    return check


def _check_speed(instance: object, attribute: attrs.Attribute[float | None], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidArgumentError(f"speed must be bytes per second or None, not {value!r}")
    if not math.isfinite(value) or not 1 <= value <= 1 << 40:
        raise InvalidArgumentError(f"speed must be 1 to 2**40 bytes per second, not {value!r}")


def _check_connections(
    instance: object, attribute: attrs.Attribute[int | None], value: object
) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidArgumentError(f"max_connections must be an int of 1 or more, not {value!r}")


def _check_refusal(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if value not in (429, 503):
        raise InvalidArgumentError(f"refuse_with must be 429 or 503, not {value!r}")


@attrs.frozen
class FarServer:
    """How far away the fake is: per-connection speed, latencies and a connection limit.

    - `speed`: bytes per second each file stream may carry (None: as fast as it goes). Every
      stream has its own token bucket, as nginx's `limit_rate` is per request (an HTTP/1.1
      connection carries one at a time), so N connections get N times the speed; the bucket
      starts full with `burst` bytes.
    - `first_byte`: seconds before the answer to each file request (its headers) starts.
    - `max_connections`: file streams open at once per file link (None: no limit); one more is
      refused with `refuse_with` (503 or 429) and `Retry-After: retry_after`, as storage hosts
      that limit chunks do. A stream counts from its request until its body ends or the client
      goes away; HEAD requests do not count.
    - `api_latency`: seconds before the answer to each API call (everything but files).

    A value, given as `FakeOffcloud(far=...)` or set later as `fake.far = ...`. The default,
    `FarServer()`, is a near server: no cap, no latency, no limit.
    """

    speed: float | None = attrs.field(default=None, validator=_check_speed)
    first_byte: float = attrs.field(default=0.0, validator=_seconds("first_byte"))
    max_connections: int | None = attrs.field(default=None, validator=_check_connections)
    refuse_with: Literal[503, 429] = attrs.field(default=503, validator=_check_refusal)
    retry_after: float = attrs.field(default=1.0, validator=_seconds("retry_after"))
    api_latency: float = attrs.field(default=0.0, validator=_seconds("api_latency"))

    @property
    def burst(self) -> int:
        """Bytes a stream may send at once: 20 ms of `speed`, at least 1 KiB (0: no cap)."""
        return 0 if self.speed is None else burst_for(self.speed)


def describe(far: FarServer) -> str:
    """What `far` does, in a few words (`""` for a near server)."""
    words = []
    if far.speed is not None:
        words.append(f"files at {far.speed / (1 << 20):.4g} MiB/s per connection")
    if far.first_byte:
        words.append(f"{_wait(far.first_byte)} to the first byte")
    if far.max_connections is not None:
        words.append(f"{far.max_connections} connections per file (then {far.refuse_with})")
    if far.api_latency:
        words.append(f"{_wait(far.api_latency)} per API call")
    return ", ".join(words)


def _wait(seconds: float) -> str:
    """`20 ms`, `1.5 s`: a wait as people write it."""
    return f"{seconds * 1000:.4g} ms" if seconds < 1 else f"{seconds:.4g} s"


def burst_for(speed: float) -> int:
    """The burst of a bucket filling at `speed` bytes per second."""
    return max(MIN_BURST, int(speed * BURST_SECONDS))


class TokenBucket:
    """A token bucket on the caller's clock: how long to wait before sending each piece.

    Tokens may go below zero: a piece is sent once the debt it makes has been waited out, so a
    sleep that overshoots is made up by the next (up to `burst`), and the average holds.
    """

    def __init__(self, speed: float, burst: int, now: float) -> None:
        self.speed = speed
        self.burst = burst
        self.tokens = float(burst)
        self.stamp = now

    def wait_for(self, size: int, now: float) -> float:
        """Take `size` bytes at time `now`; the seconds to wait before sending them."""
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.speed) - size
        self.stamp = now
        return 0.0 if self.tokens >= 0 else -self.tokens / self.speed


class Streams:
    """File streams open right now, counted per file, each freed exactly once."""

    def __init__(self) -> None:
        self._open: dict[Hashable, int] = {}
        self._changed = threading.Condition()

    def open(self, key: Hashable, limit: int | None) -> Callable[[], None] | None:
        """Count a stream of `key`, unless `limit` are open already (then None); what frees
        it (callable any number of times: the first call counts)."""
        with self._changed:
            if limit is not None and self._open.get(key, 0) >= limit:
                return None
            self._open[key] = self._open.get(key, 0) + 1
        freed = threading.Event()

        def release() -> None:
            with self._changed:
                if freed.is_set():
                    return
                freed.set()
                left = self._open[key] - 1
                if left:
                    self._open[key] = left
                else:
                    del self._open[key]
                self._changed.notify_all()

        return release

    def count(self) -> int:
        """Streams open now, over every file."""
        with self._changed:
            return sum(self._open.values())

    def wait_for_count(self, count: int, timeout: float) -> bool:
        """Wait (really, up to `timeout` seconds) until at most `count` streams are open."""
        with self._changed:
            return self._changed.wait_for(lambda: sum(self._open.values()) <= count, timeout)
