"""`total_timeout` at every read of the socket, headers included.

httpx bounds each read by the read timeout, so a server that sends a byte just before each
read would time out keeps a call going for days. While an API attempt runs, the runner sets
`DEADLINE` (its clock and the moment the attempt must end); the clients the SDK makes read
through `deadline_backend.DeadlineBackend`, which lets no read wait past that moment.
Downloads set no deadline and are not affected. On a client the user passes in, the runner
still checks the deadline as the body arrives.
"""

from __future__ import annotations

from contextvars import ContextVar

import httpx

from .clock import Clock

DEADLINE: ContextVar[tuple[Clock, float, float] | None] = ContextVar(
    "offcloud_deadline", default=None
)
"""(clock, the moment on it the current API attempt must end, `total_timeout`) while one runs."""


def too_slow(seconds: float) -> str:
    """What a timeout says when `total_timeout` ran out."""
    return f"the answer took longer than {seconds:g} s in all (total_timeout)"


def bound_reads(http: httpx.Client | httpx.AsyncClient) -> None:
    """Make every connection pool of `http` (a client the SDK made) read through a deadline
    backend. httpx and httpcore have no public way to give a pool its backend after the fact
    (pinned to httpx < 0.29, httpcore 1.x); a test checks it still takes."""
    import httpcore  # here: httpx itself imports it only once a client is made

    from .deadline_backend import AsyncDeadlineBackend, DeadlineBackend

    for transport in (http._transport, *http._mounts.values()):
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.NetworkBackend):
            pool._network_backend = DeadlineBackend(backend)  # type: ignore[union-attr]
        elif isinstance(backend, httpcore.AsyncNetworkBackend):
            pool._network_backend = AsyncDeadlineBackend(backend)  # type: ignore[union-attr]
