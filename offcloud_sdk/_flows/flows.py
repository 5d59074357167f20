"""Multi-call helpers written once for both clients.

A helper (`cloud.wait`, `cache.check`, `login`…) is a generator — a *flow* — that yields
`(delay, call)` steps: wait `delay` seconds, then run `call(target)`, where `target` is the
sync or async resource or client. The answer is sent back into the flow; an `OffcloudError`
is thrown into it, so the flow decides what to do with it. `run` drives a flow with a sync
target, `arun` with an async one; the flows themselves never do I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any, TypeVar

from .._calls.clock import Clock
from .._calls.redaction import redact
from ..exceptions import OffcloudError

R = TypeVar("R")
Step = tuple[float, Callable[[Any], Any]]
Flow = Generator[Step, Any, R]


def run(flow: Flow[R], target: object, clock: Clock) -> R:
    """Drive `flow`, calling each step on the sync `target`."""
    answer: Any = None
    error: OffcloudError | None = None
    while True:
        try:
            delay, call = flow.send(answer) if error is None else flow.throw(error)
        except StopIteration as stop:
            result: R = stop.value
            return result
        except OffcloudError as exc:  # the flow's own, e.g. a failed request's reason
            raise _masked(exc, target) from exc.__cause__
        if delay > 0:
            clock.sleep(delay)
        answer, error = None, None
        try:
            answer = call(target)
        except OffcloudError as exc:
            error = exc


async def arun(flow: Flow[R], target: object, clock: Clock) -> R:
    """Drive `flow`, awaiting each step on the async `target`."""
    answer: Any = None
    error: OffcloudError | None = None
    while True:
        try:
            delay, call = flow.send(answer) if error is None else flow.throw(error)
        except StopIteration as stop:
            result: R = stop.value
            return result
        except OffcloudError as exc:  # the flow's own, e.g. a failed request's reason
            raise _masked(exc, target) from exc.__cause__
        if delay > 0:
            await clock.asleep(delay)
        answer, error = None, None
        try:
            answer = await call(target)
        except OffcloudError as exc:
            error = exc


def _masked(error: OffcloudError, target: object) -> OffcloudError:
    """`error` with the key of `target`'s client masked in its message (a server's words, such
    as a failed request's reason, may echo it)."""
    settings = getattr(getattr(target, "_runner", None), "settings", None)
    key = getattr(settings, "api_key", None)
    if isinstance(key, str) and key:
        error.message = redact(error.message, [key])
        error.args = (error.message,)
    return error
