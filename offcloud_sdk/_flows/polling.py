"""Waiting for cloud requests to finish: the flow behind `cloud.wait` and `cloud.wait_all`.

Each poll asks for the status of every pending request, 100 ids per call with the batch form
(`requestIds`), or the single form for one request; `concurrency` of those calls at once. The
pause between polls starts at `poll_interval` and grows by a quarter each time up to
`max_poll_interval`, and never runs past the deadline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from offcloud_api_client.models.request_status import RequestStatus
from offcloud_api_client.models.status_batch_response import StatusBatchResponse
from offcloud_api_client.models.status_response import StatusResponse

from ..exceptions import (
    DownloadFailedError,
    InvalidArgumentError,
    NotFoundError,
    WaitTimeoutError,
)
from .flows import Flow, Parallel

BATCH_SIZE = 100
"""Ids per status call; Offcloud's batch limits elsewhere are 100 to 200."""
CONCURRENT_BATCHES = 10
"""Batch calls the async client has in flight at once (`cache.check`, `cloud.wait_all`).
10,000 hashes are 100 calls: 10 rounds, 1.0 s at 100 ms a round trip instead of 10 s one after
another (measured against the sandbox in its own process: 1.35-1.5 s; 8 at once took 1.55 s,
16 took 1.0 s). More would gain little, and a bulk call should not look like a flood to
Offcloud (browsers keep 6 connections per host, aria2 at most 16)."""
DONE = frozenset({"downloaded"})
FAILED = frozenset({"error", "canceled", "cancelled"})
GROWTH = 1.25
MAX_UNREPORTED = 3
"""Polls in a row that may leave a request out of the answer before it counts as unknown."""

OnProgress = Callable[[RequestStatus], object]


def chunks(items: Sequence[str], size: int = BATCH_SIZE) -> list[Sequence[str]]:
    """`items` cut into runs of at most `size`."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def wait_flow(
    request_ids: Iterable[str],
    *,
    now: Callable[[], float],
    timeout: float | None,
    poll_interval: float,
    max_poll_interval: float,
    on_progress: OnProgress | None,
    raise_on_error: bool = True,
    concurrency: int = 1,
) -> Flow[dict[str, RequestStatus]]:
    """Poll until every request is downloaded (or failed); the final statuses by id.

    Each poll's batch calls run `concurrency` at a time; their answers are read in order, and
    the first call to fail fails the poll (the others cancelled).
    """
    ids = list(dict.fromkeys(request_ids))
    if not ids:
        return {}
    for name, value in (
        ("poll_interval", poll_interval),
        ("max_poll_interval", max_poll_interval),
        ("timeout", 1.0 if timeout is None else timeout),
    ):
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1e6:
            raise InvalidArgumentError(
                f"{name} must be a number of seconds above 0 and at most 1000000, not {value!r:.40}"
            )
    single = len(ids) == 1
    deadline = None if timeout is None else now() + timeout
    latest: dict[str, RequestStatus] = {}
    finished: dict[str, RequestStatus] = {}
    unreported: dict[str, int] = {}
    delay, interval = 0.0, poll_interval
    while True:
        pending = [request_id for request_id in ids if request_id not in finished]
        batches = chunks(pending)
        calls = [_status_call(chunk, single) for chunk in batches]
        answers: list[Any] = yield delay, Parallel(calls, limit=concurrency)
        delay = 0.0
        for chunk, answer in zip(batches, answers, strict=True):
            statuses = statuses_by_id(answer, chunk)
            _count_unreported(chunk, statuses, unreported)
            for request_id, status in statuses.items():
                latest[request_id] = status
                if on_progress is not None:
                    on_progress(status)
                if status.status in FAILED and raise_on_error:
                    raise DownloadFailedError(
                        f"cloud request {request_id} ended {status.status}: "
                        f"{failure_reason(status)}",
                        request_id=request_id,
                        status=status,
                    )
                if status.status in DONE or status.status in FAILED:
                    finished[request_id] = status
        if len(finished) == len(ids):
            return {request_id: finished[request_id] for request_id in ids}
        delay = interval
        if deadline is not None:
            left = deadline - now()
            if left <= 0:
                error = WaitTimeoutError(_timeout_message(ids, finished, latest, timeout))
                error.statuses = {i: latest[i] for i in ids if i in latest}
                raise error
            delay = min(delay, left)
        interval = min(interval * GROWTH, max(max_poll_interval, poll_interval))


def _count_unreported(
    asked: Sequence[str], statuses: dict[str, RequestStatus], unreported: dict[str, int]
) -> None:
    """Count polls in a row that left a request out; give up on one left out too often."""
    for request_id in asked:
        if request_id in statuses:
            unreported.pop(request_id, None)
            continue
        unreported[request_id] = unreported.get(request_id, 0) + 1
        if unreported[request_id] >= MAX_UNREPORTED:
            raise NotFoundError(
                f"Offcloud left cloud request {request_id} out of {MAX_UNREPORTED} status "
                "answers in a row: is the id right?"
            )


def _status_call(chunk: Sequence[str], single: bool) -> Callable[[object], object]:
    if single:
        return lambda cloud: cloud.status(request_id=chunk[0])  # type: ignore[attr-defined]
    return lambda cloud: cloud.status(request_ids=list(chunk))  # type: ignore[attr-defined]


def statuses_by_id(
    answer: StatusResponse | StatusBatchResponse, asked: Sequence[str]
) -> dict[str, RequestStatus]:
    """The statuses in a status answer, by request id (a lone answer is for a lone question)."""
    items = [answer.status] if isinstance(answer, StatusResponse) else answer.requests
    found: dict[str, RequestStatus] = {}
    for item in items:
        request_id = item.request_id if isinstance(item.request_id, str) else None
        if request_id is None and len(asked) == 1 and len(items) == 1:
            request_id = asked[0]
        if request_id is not None and request_id in asked:
            found[request_id] = item
    return found


def failure_reason(status: RequestStatus) -> str:
    """Offcloud's words for why a request failed, or a plain note that it gave none."""
    for text in (status.error_message, status.message, status.info):
        if isinstance(text, str) and text.strip():
            return text.strip()
    return "Offcloud gave no reason"


def _timeout_message(
    ids: list[str],
    finished: dict[str, RequestStatus],
    latest: dict[str, RequestStatus],
    timeout: float | None,
) -> str:
    waiting = [request_id for request_id in ids if request_id not in finished]
    shown = ", ".join(f"{rid} ({_describe(latest.get(rid))})" for rid in waiting[:5])
    more = f" and {len(waiting) - 5} more" if len(waiting) > 5 else ""
    return f"not downloaded after {timeout:g} s: {shown}{more}"


def _describe(status: RequestStatus | None) -> str:
    if status is None:
        return "no status yet"
    progress = status.progress
    if isinstance(progress, int | float) and not isinstance(progress, bool) and 0 <= progress <= 1:
        return f"{status.status} {progress:.0%}"
    return status.status
