"""When to send a request again, and how long to wait first.

Retried: connection errors and timeouts, 408, 429, 500, 502-504 and 520-529, with exponential
backoff (0.5 s * 2^n, capped at 8 s, minus up to 25 % jitter) or the server's Retry-After when it
is at most 60 s. A longer Retry-After is not waited out: the `RateLimitError` carries it.

Offcloud has no idempotency keys, so a call that creates or deletes something (`*_add`,
`*_upload`, `*_remove*`, and a `request()` that is not GET/HEAD/OPTIONS) is sent again only
when it surely never arrived (the connection was never made) or when Offcloud said it did not
take it (429, 503).
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import NamedTuple

import httpx

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504, *range(520, 530)})
"""Statuses worth another try for a call that is safe to repeat."""
REFUSED_STATUSES = frozenset({429, 503})
"""Statuses that say the request was not taken, so even a non-idempotent call may repeat."""
INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_idempotent(operation_id: str) -> bool:
    """False for operations that create or delete something: `*_add`, `*_upload`, `*_remove*`;
    for a call made with `request()` (id `"<METHOD> <path>"`), unless its method is safe."""
    if " " in operation_id:
        return operation_id.partition(" ")[0] in SAFE_METHODS
    _, _, verb = operation_id.partition("_")
    return not (verb in ("add", "upload") or verb.startswith("remove"))


def parse_retry_after(value: str | None, *, now: Callable[[], float] | None = None) -> float | None:
    """Seconds from a Retry-After value (seconds or an HTTP date), or None if absent or bad."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(seconds, 0.0) if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(value)
        if when.tzinfo is None:
            return None
        return max(when.timestamp() - (now or time.time)(), 0.0)
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None


class RetryPolicy(NamedTuple):
    """Decides whether and when to retry; `random` is injectable for tests."""

    random: Callable[[], float] = random.random
    wall_time: Callable[[], float] | None = None
    """Seconds since the epoch, to read Retry-After dates; `time.time` when None."""

    def backoff(self, attempt: int) -> float:
        """The wait before retry number `attempt + 1`, with jitter."""
        base: float = min(INITIAL_DELAY * 2.0**attempt, MAX_DELAY)
        return base * (1 - 0.25 * self.random())

    def delay(
        self,
        operation_id: str,
        outcome: httpx.Response | Exception,
        *,
        attempt: int,
        max_retries: int,
    ) -> float | None:
        """Seconds to wait before sending again, or None to stop with `outcome`."""
        if attempt >= max_retries:
            return None
        idempotent = is_idempotent(operation_id)
        if isinstance(outcome, Exception):
            retryable = _TRANSIENT if idempotent else _NOT_SENT
            return self.backoff(attempt) if isinstance(outcome, retryable) else None
        status = outcome.status_code
        if status not in RETRY_STATUSES or (not idempotent and status not in REFUSED_STATUSES):
            return None
        retry_after = parse_retry_after(outcome.headers.get("retry-after"), now=self.wall_time)
        if retry_after is None:
            return self.backoff(attempt)
        return retry_after if retry_after <= MAX_RETRY_AFTER else None
