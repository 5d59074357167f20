"""Multi-call helpers written once for both clients.

A helper (`cloud.wait`, `cache.check`, `login`…) is a generator — a *flow* — that yields
`(delay, call)` steps: wait `delay` seconds, then run `call(target)`, where `target` is the
sync or async resource or client. The answer is sent back into the flow; an `OffcloudError`
is thrown into it, so the flow decides what to do with it. A step may also be a `Parallel`
batch of calls, run at once (threads for a sync target, tasks for an async one), whose
outcomes come back as a list. `run` drives a flow with a sync target, `arun` with an async
one; the flows themselves never do I/O.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Sequence
from typing import Any, TypeVar

import attrs

from .._calls.clock import Clock
from .._calls.redaction import redact
from ..exceptions import OffcloudError

R = TypeVar("R")
Call = Callable[[Any], Any]


class Cancelled(BaseException):
    """Ends a call of a `Parallel` batch that was given up on, at its next `Stop.check`.

    A `BaseException`, as `asyncio.CancelledError` is, so that no `except Exception` on the
    way mistakes it for the call's own failure."""


class Stop:
    """Set when a `Parallel` batch is given up on; a call that nothing else can interrupt (a
    sync download in a thread) checks it as it goes and ends there."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        """Give up on the batch: no call starts any more, running ones end at their check."""
        self._event.set()

    def is_set(self) -> bool:
        """Whether the batch was given up on."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise `Cancelled` when the batch was given up on."""
        if self._event.is_set():
            raise Cancelled


@attrs.frozen(eq=False)
class Parallel:
    """A step of several calls run at once: at most `limit` at a time, started in order.

    The flow gets back one outcome per call, in order: its answer, or the `OffcloudError` it
    raised. An error of a `fatal` kind (or any other exception) ends the batch instead: no
    call starts after it, the running ones are cancelled (tasks) or stopped at their next
    `stop.check()` (threads), and the error of the first call (in order) that met one is
    raised, so thrown into the flow. With `limit=1` the calls run one after another in the
    caller's thread or task, exactly as single steps would.
    """

    calls: Sequence[Call]
    limit: int = 1
    fatal: tuple[type[OffcloudError], ...] = (OffcloudError,)
    stop: Stop = attrs.field(factory=Stop)


Step = tuple[float, Call | Parallel]
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
            answer = _run_batch(call, target) if isinstance(call, Parallel) else call(target)
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
            if isinstance(call, Parallel):
                answer = await _arun_batch(call, target)
            else:
                answer = await call(target)
        except OffcloudError as exc:
            error = exc


class _NotStarted:
    """The outcome of a call a given-up batch never started."""


def _outcome(batch: Parallel, call: Call, target: object) -> Any:
    """`call(target)`, its non-fatal `OffcloudError` as its outcome; a fatal one (or any other
    exception) gives up on the batch and is raised."""
    if batch.stop.is_set():
        return _NotStarted()
    try:
        return call(target)
    except OffcloudError as exc:
        if not isinstance(exc, batch.fatal):
            return exc
        batch.stop.set()
        raise
    except BaseException:  # a bug, or Ctrl-C in a callback: give up on the others too
        batch.stop.set()
        raise


def _run_batch(batch: Parallel, target: object) -> list[Any]:
    """The outcomes of `batch` on a sync target: threads sharing the client's pool."""
    if batch.limit <= 1 or len(batch.calls) <= 1:
        return [_outcome(batch, call, target) for call in batch.calls]
    from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

    workers = min(batch.limit, len(batch.calls))
    with ThreadPoolExecutor(workers, thread_name_prefix="offcloud") as pool:
        futures = [pool.submit(_outcome, batch, call, target) for call in batch.calls]
        try:
            wait(futures, return_when=FIRST_EXCEPTION)
        finally:  # a fatal error, or the caller interrupted (Ctrl-C): start nothing more
            if not all(future.done() for future in futures):
                batch.stop.set()
                for future in futures:
                    future.cancel()
        # leaving the pool waits for the running calls: they end at their next `stop.check`
    for future in futures:
        failure = None if future.cancelled() else future.exception()
        if failure is not None and not isinstance(failure, Cancelled):
            raise failure
    return [future.result() for future in futures]


async def _aoutcome(batch: Parallel, call: Call, target: object) -> Any:
    """Async `_outcome`."""
    if batch.stop.is_set():
        return _NotStarted()
    try:
        return await call(target)
    except OffcloudError as exc:
        if not isinstance(exc, batch.fatal):
            return exc
        batch.stop.set()
        raise
    except BaseException:
        batch.stop.set()
        raise


async def _arun_batch(batch: Parallel, target: object) -> list[Any]:
    """The outcomes of `batch` on an async target: `limit` tasks taking the calls in order."""
    if batch.limit <= 1 or len(batch.calls) <= 1:
        return [await _aoutcome(batch, call, target) for call in batch.calls]
    import asyncio

    results: list[Any] = [_NotStarted()] * len(batch.calls)
    failures: dict[int, Exception] = {}
    todo = iter(enumerate(batch.calls))

    async def worker() -> None:
        for index, call in todo:  # one iterator shared: each call is taken once, in order
            try:
                results[index] = await _aoutcome(batch, call, target)
            except Exception as exc:
                failures[index] = exc
                raise

    tasks = [asyncio.ensure_future(worker()) for _ in range(min(batch.limit, len(batch.calls)))]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    finally:  # a fatal error, or this task cancelled: end the others and wait for them
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    if failures:
        raise failures[min(failures)]
    return results


def _masked(error: OffcloudError, target: object) -> OffcloudError:
    """`error` with the key of `target`'s client masked in its message (a server's words, such
    as a failed request's reason, may echo it)."""
    settings = getattr(getattr(target, "_runner", None), "settings", None)
    key = getattr(settings, "api_key", None)
    if isinstance(key, str) and key:
        error.message = redact(error.message, [key])
        error.args = (error.message,)
    return error
