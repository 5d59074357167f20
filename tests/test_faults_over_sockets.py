"""A bad day at Offcloud over real sockets: the sandbox server on a loopback port, faults injected.

Each call either succeeds after retries or raises its typed error, and does so within the time
that `timeout` and `max_retries` allow. The clients wait (backoff, Retry-After) on the fake's
clock, so the only real waiting is for the socket: read timeouts against a stalled server. The
elapsed wall time is bounded by `(max_retries + 1) * timeout` plus a margin too generous to
flake; the pauses taken are checked against the retry policy on the clock.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sdk_support import Harness

from offcloud_sdk._calls.retries import MAX_RETRY_AFTER
from offcloud_sdk.exceptions import (
    APIConnectionError,
    APITimeoutError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
)
from offcloud_sdk.testing import (
    DropConnection,
    FakeOffcloud,
    HtmlError,
    Latency,
    RateLimit,
    ServerErrors,
    Truncate,
)

TIMEOUT = 0.5  # seconds to read: what a stalled server costs each attempt, for real
MARGIN = 5.0  # seconds of slack on every bound: a loaded CI machine must not fail these
STATUS = "/api/cloud/status"


@pytest.fixture
def served(harness: Harness) -> Iterator[tuple[FakeOffcloud, str]]:
    fake = harness.fake()
    with fake.serve() as base_url:
        yield fake, base_url


def client(harness: Harness, served: tuple[FakeOffcloud, str], max_retries: int) -> Any:
    fake, base_url = served
    return harness.client(fake.api_key, base_url=base_url, timeout=TIMEOUT, max_retries=max_retries)


def a_request(harness: Harness, served: tuple[FakeOffcloud, str]) -> str:
    fake, _ = served
    oc = client(harness, served, max_retries=0)
    return str(harness.go(oc.cloud.add(url=fake.add_torrent("Sintel", cached=True))).request_id)


def status_calls(fake: FakeOffcloud) -> int:
    return sum(1 for _, path in fake.calls if path == STATUS)


def timed_status(harness: Harness, oc: Any, request_id: str) -> tuple[Any, float]:
    started = time.monotonic()
    try:
        return harness.go(oc.cloud.status(request_id=request_id)), time.monotonic() - started
    except Exception as exc:
        exc.add_note(f"after {time.monotonic() - started:.2f} s")
        raise


def within_budget(elapsed: float, attempts: int) -> bool:
    return elapsed <= attempts * TIMEOUT + MARGIN


# Faults that pass: the call succeeds after retrying, in (retries + 1) attempts.
PASSING = {
    "reset mid-body": DropConnection(after_bytes=40),
    "reset before the answer": DropConnection(after_bytes=0),
    "stall past the read timeout": Latency(TIMEOUT * 8),
    "503": ServerErrors(503),
    "520 HTML page": HtmlError(520),
    "429, Retry-After in seconds": RateLimit(retry_after=7),
    "429, Retry-After as an HTTP date": RateLimit(retry_after=30, as_date=True),
}


@pytest.mark.parametrize("fault", PASSING.values(), ids=PASSING.keys())
@pytest.mark.parametrize("times", [1, 3])
def test_a_passing_fault_is_retried_away(
    harness: Harness, served: tuple[FakeOffcloud, str], fault: Any, times: int
) -> None:
    fake, _ = served
    request_id = a_request(harness, served)
    fake.inject(fault, times=times, path=STATUS)
    oc = client(harness, served, max_retries=3)
    status, elapsed = timed_status(harness, oc, request_id)
    assert status.status.request_id == request_id
    assert status_calls(fake) == times + 1
    assert within_budget(elapsed, attempts=times + 1)
    assert len(harness.clock.sleeps) == times


# Faults that last: the typed error after exactly max_retries + 1 attempts.
LASTING = {
    "reset mid-body": (DropConnection(after_bytes=40), APIConnectionError),
    "stall past the read timeout": (Latency(TIMEOUT * 8), APITimeoutError),
    "503 storm": (ServerErrors(503), ServerError),
    "520 HTML pages": (HtmlError(520), ServerError),
    "429 storm, seconds": (RateLimit(retry_after=5), RateLimitError),
    "429 storm, HTTP date": (RateLimit(retry_after=20, as_date=True), RateLimitError),
}


@pytest.mark.parametrize(("fault", "error"), LASTING.values(), ids=LASTING.keys())
@pytest.mark.parametrize("max_retries", [0, 2])
def test_a_lasting_fault_ends_in_its_typed_error_in_time(
    harness: Harness,
    served: tuple[FakeOffcloud, str],
    fault: Any,
    error: type[Exception],
    max_retries: int,
) -> None:
    fake, _ = served
    request_id = a_request(harness, served)
    fake.inject(fault, times=None, path=STATUS)
    oc = client(harness, served, max_retries=max_retries)
    started = time.monotonic()
    with pytest.raises(error) as caught:
        harness.go(oc.cloud.status(request_id=request_id))
    elapsed = time.monotonic() - started
    assert status_calls(fake) == max_retries + 1
    assert within_budget(elapsed, attempts=max_retries + 1), f"{elapsed:.2f} s"
    # the pauses on the clock: one per retry, never past what the policy allows
    assert len(harness.clock.sleeps) == max_retries
    assert all(0 <= pause <= MAX_RETRY_AFTER for pause in harness.clock.sleeps)
    if isinstance(fault, RateLimit):
        # an HTTP date has whole seconds and is read against the real time a little later
        at_least = fault.retry_after - (2 if fault.as_date else 0)
        assert isinstance(caught.value, RateLimitError)
        assert caught.value.retry_after is not None
        assert at_least <= caught.value.retry_after <= fault.retry_after
        assert all(at_least <= pause <= fault.retry_after for pause in harness.clock.sleeps)


def test_a_429_asking_for_too_long_is_not_waited_out(
    harness: Harness, served: tuple[FakeOffcloud, str]
) -> None:
    fake, _ = served
    request_id = a_request(harness, served)
    fake.inject(RateLimit(retry_after=3600), times=None, path=STATUS)
    oc = client(harness, served, max_retries=3)
    started = time.monotonic()
    with pytest.raises(RateLimitError) as caught:
        harness.go(oc.cloud.status(request_id=request_id))
    assert within_budget(time.monotonic() - started, attempts=1)
    assert caught.value.retry_after == 3600
    assert status_calls(fake) == 1
    assert harness.clock.sleeps == []


def test_truncated_json_is_an_unexpected_response(
    harness: Harness, served: tuple[FakeOffcloud, str]
) -> None:
    fake, _ = served
    request_id = a_request(harness, served)
    fake.inject(Truncate(0.6), times=1, path=STATUS)
    oc = client(harness, served, max_retries=2)
    started = time.monotonic()
    with pytest.raises(UnexpectedResponseError, match="JSON"):
        harness.go(oc.cloud.status(request_id=request_id))
    assert within_budget(time.monotonic() - started, attempts=1)
    assert status_calls(fake) == 1  # a complete answer that is not JSON: no point asking again
    assert harness.go(oc.cloud.status(request_id=request_id)).status.request_id == request_id


def test_faults_mixed_in_one_call(harness: Harness, served: tuple[FakeOffcloud, str]) -> None:
    fake, _ = served
    request_id = a_request(harness, served)
    for fault in [RateLimit(retry_after=2), ServerErrors(503), DropConnection(after_bytes=10)]:
        fake.inject(fault, times=1, path=STATUS)
    oc = client(harness, served, max_retries=3)
    status, elapsed = timed_status(harness, oc, request_id)
    assert status.status.request_id == request_id
    assert status_calls(fake) == 4
    assert within_budget(elapsed, attempts=4)
    assert harness.clock.sleeps[0] == 2


# -- downloads -----------------------------------------------------------------------------------

SIZE = 16 << 20


@pytest.mark.parametrize("seed", [1, 2])
def test_a_download_dropped_twenty_times_at_random_points_is_byte_identical(
    harness: Harness, served: tuple[FakeOffcloud, str], tmp_path: Path, seed: int
) -> None:
    fake, _ = served
    request_id = harness.go(
        client(harness, served, 0).cloud.add(
            url=fake.add_torrent("Tears of Steel", {"tos.mkv": SIZE}, cached=True)
        )
    ).request_id
    oc = client(harness, served, max_retries=2)
    (link,) = harness.go(oc.cloud.files(request_id))
    points = random.Random(seed).sample(range(600_000), 20)  # 20 drops, < 12 MB in all
    for after_bytes in points:
        fake.inject(DropConnection(after_bytes=after_bytes), times=1, path="/cloud/download/")
    storage_calls = len(fake.calls)
    path = harness.go(oc.files.download(link.url, tmp_path))
    assert path.read_bytes() == fake.file(request_id).read()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tos.mkv"]  # no .part left
    assert len(fake.calls) - storage_calls == 21
    assert len(harness.clock.sleeps) == 20
