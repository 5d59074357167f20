"""Retries: which failures are retried, how often, how long between, and what is never resent.

The clock is fake: `harness.clock.sleeps` lists every wait. Jitter is pinned by a fixed random.
"""

from __future__ import annotations

import httpx
import pytest
import respx
from sdk_support import BASE, Harness

from offcloud_sdk._calls.retries import RetryPolicy, is_idempotent
from offcloud_sdk.exceptions import (
    APIConnectionError,
    APITimeoutError,
    HTTPError,
    OffcloudError,
    RateLimitError,
    ServerError,
)

INFO = f"{BASE}/api/account/info"
ADD = f"{BASE}/api/cloud"
ACCOUNT = {"user_id": "u1", "is_premium": True, "can_download": True}
CREATED = {"requestId": "r1", "status": "created"}


def no_jitter(oc: object) -> None:
    """Pin the jitter factor to 1 (random() = 0) so waits are exact."""
    oc._runner.policy = RetryPolicy(random=lambda: 0.0)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(408),
        httpx.Response(429),
        httpx.Response(500),
        httpx.Response(502),
        httpx.Response(503),
        httpx.Response(504),
        httpx.Response(520),
        httpx.Response(524),
        httpx.Response(527),
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        httpx.ReadError("reset"),
        httpx.RemoteProtocolError("disconnected"),
    ],
)
def test_transient_failures_are_retried_then_succeed(
    harness: Harness, failure: httpx.Response | Exception
) -> None:
    oc = harness.client(max_retries=2)
    no_jitter(oc)
    with respx.mock() as mock:
        route = mock.get(INFO)
        route.side_effect = [failure, failure, httpx.Response(200, json=ACCOUNT)]
        info = harness.go(oc.account.info())
    assert info.user_id == "u1"
    assert route.call_count == 3
    assert harness.clock.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 501])
def test_other_statuses_are_not_retried(harness: Harness, status: int) -> None:
    oc = harness.client(max_retries=2)
    with respx.mock() as mock:
        route = mock.get(INFO).respond(status)
        with pytest.raises(OffcloudError):
            harness.go(oc.account.info())
    assert route.call_count == 1
    assert harness.clock.sleeps == []


def test_an_error_body_at_200_is_not_retried(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        route = mock.get(INFO).respond(json={"error": "Temporary error"})
        with pytest.raises(HTTPError, match="Temporary error"):
            harness.go(oc.account.info())
    assert route.call_count == 1


def test_retries_stop_at_max_retries_and_raise_the_last_failure(harness: Harness) -> None:
    oc = harness.client(max_retries=3)
    no_jitter(oc)
    with respx.mock() as mock:
        route = mock.get(INFO).respond(503)
        with pytest.raises(ServerError):
            harness.go(oc.account.info())
    assert route.call_count == 4
    assert harness.clock.sleeps == [0.5, 1.0, 2.0]


def test_backoff_doubles_to_a_cap_of_8_seconds_with_jitter(harness: Harness) -> None:
    oc = harness.client(max_retries=6)
    no_jitter(oc)
    with respx.mock() as mock:
        mock.get(INFO).mock(side_effect=httpx.ConnectError("refused"))
        with pytest.raises(APIConnectionError):
            harness.go(oc.account.info())
    assert harness.clock.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


def test_jitter_takes_off_at_most_a_quarter() -> None:
    assert RetryPolicy(random=lambda: 0.0).backoff(2) == 2.0
    assert RetryPolicy(random=lambda: 0.999999).backoff(2) == pytest.approx(1.5, abs=1e-5)
    assert RetryPolicy(random=lambda: 0.5).backoff(10) == 7.0


@pytest.mark.parametrize(("header", "wait"), [("3", 3.0), ("0", 0.0), ("60", 60.0), ("2.5", 2.5)])
def test_retry_after_is_honoured_up_to_60_seconds(
    harness: Harness, header: str, wait: float
) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        route = mock.get(INFO)
        route.side_effect = [
            httpx.Response(429, headers={"retry-after": header}),
            httpx.Response(200, json=ACCOUNT),
        ]
        harness.go(oc.account.info())
    assert harness.clock.sleeps == [wait]


def test_a_retry_after_beyond_60_seconds_is_not_waited_out(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        route = mock.get(INFO).respond(429, headers={"retry-after": "3600"})
        with pytest.raises(RateLimitError) as caught:
            harness.go(oc.account.info())
    assert route.call_count == 1
    assert caught.value.retry_after == 3600.0
    assert harness.clock.sleeps == []


MAY_HAVE_ARRIVED = [
    httpx.Response(500),
    httpx.Response(502),
    httpx.Response(504),
    httpx.Response(520),
    httpx.Response(408),
    httpx.ReadTimeout("sent, no answer"),
    httpx.ReadError("reset after sending"),
    httpx.RemoteProtocolError("disconnected mid-answer"),
    httpx.WriteTimeout("half sent"),
]
SURELY_DID_NOT_ARRIVE = [
    httpx.Response(429),
    httpx.Response(503),
    httpx.ConnectError("refused"),
    httpx.ConnectTimeout("no connection"),
    httpx.PoolTimeout("no free connection"),
]


@pytest.mark.parametrize(
    ("failure", "sends"),
    [(f, 1) for f in MAY_HAVE_ARRIVED] + [(f, 2) for f in SURELY_DID_NOT_ARRIVE],
)
def test_a_call_that_creates_something_is_resent_only_when_it_surely_did_not_arrive(
    harness: Harness, failure: httpx.Response | Exception, sends: int
) -> None:
    oc = harness.client(max_retries=2)
    with respx.mock() as mock:
        route = mock.post(ADD)
        route.side_effect = [failure, httpx.Response(200, json=CREATED)]
        try:
            created = harness.go(oc.cloud.add(url="magnet:?xt=urn:btih:abc"))
        except OffcloudError:
            created = None
    assert route.call_count == sends
    assert (created is not None) is (sends == 2)


def test_which_operations_count_as_creating_or_deleting() -> None:
    not_idempotent = {"cloud_add", "instant_add", "remote_add", "torrents_upload", "cloud_remove",
                      "cloud_remove_one"}  # fmt: skip
    from offcloud_api_client.api import operations

    assert {op for op in operations() if not is_idempotent(op)} == not_idempotent


def test_max_retries_zero_sends_once(harness: Harness) -> None:
    oc = harness.client(max_retries=0)
    with respx.mock() as mock:
        route = mock.get(INFO).mock(side_effect=httpx.ReadTimeout("slow"))
        with pytest.raises(APITimeoutError):
            harness.go(oc.account.info())
    assert route.call_count == 1


def test_with_options_changes_retries_for_the_copy_only(harness: Harness) -> None:
    oc = harness.client(max_retries=2)
    patient = oc.with_options(max_retries=5)
    with respx.mock() as mock:
        route = mock.get(INFO).respond(502)
        with pytest.raises(ServerError):
            harness.go(patient.account.info())
        assert route.call_count == 6
        with pytest.raises(ServerError):
            harness.go(oc.account.info())
        assert route.call_count == 9
