"""Every operation through `Offcloud` and `AsyncOffcloud` (same test body), over respx.

Each sends the documented request with the key where `key_in` says and returns the concrete
model; every recorded or made-up fixture comes back as its model or as the `OffcloudError`
the error table gives it.
"""

from __future__ import annotations

import json
from contextlib import suppress
from typing import Any

import httpx
import pytest
import respx
from offcloud_api_client.api import operations
from operation_cases import CALLS, CASES, ROUTES
from sdk_support import BASE, KEY, Harness
from spec_support import as_json, fixture, fixtures

from offcloud_sdk.exceptions import (
    AuthError,
    HTTPError,
    NotAvailableError,
    NotFoundError,
    OffcloudError,
    UnexpectedResponseError,
)


def answer_with(
    harness: Harness, operation_id: str, response: httpx.Response, **options: Any
) -> tuple[Any, httpx.Request]:
    """Run the operation's call against `response`; its result and the request sent."""
    method, path = ROUTES[operation_id]
    oc = harness.client(**options)
    with respx.mock(assert_all_called=True) as mock:
        route = mock.route(method=method, url__startswith=f"{BASE}{path.split('?')[0]}")
        route.mock(return_value=response)
        result = harness.go(CALLS[operation_id](oc))
    return result, route.calls.last.request


@pytest.mark.parametrize(
    ("operation_id", "method", "path", "body", "answer"),
    [(c[0], c[2], c[3], c[4], c[5]) for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_every_operation_sends_its_request_with_the_key_and_returns_the_model(
    harness: Harness, operation_id: str, method: str, path: str, body: object, answer: str
) -> None:
    answered = fixture(answer)
    result, sent = answer_with(harness, operation_id, answered.response())

    assert (sent.method, str(sent.url)) == (method, f"{BASE}{path}")
    assert sent.headers["authorization"] == f"Bearer {KEY}"
    assert "key" not in sent.url.params
    assert sent.headers["user-agent"].startswith("offcloud-sdk/")
    if isinstance(body, dict):
        assert json.loads(sent.content) == body
        assert sent.headers["content-type"] == "application/json"  # set by httpx, once
    assert as_json(result) == answered.payload()
    expected = operations()[operation_id].parse(answered.response())
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("key_in", "header", "query"),
    [("header", True, False), ("query", False, True), ("both", True, True)],
)
def test_key_in_puts_the_key_where_it_says(
    harness: Harness, key_in: str, header: bool, query: bool
) -> None:
    _, sent = answer_with(harness, "cloud_history", httpx.Response(200, json=[]), key_in=key_in)
    assert ("authorization" in sent.headers) is header
    assert (sent.url.params.get("key") == KEY) is query


def test_without_a_key_nothing_is_sent_for_it_and_a_refusal_says_how_to_get_one(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OFFCLOUD_API_KEY", raising=False)
    oc = harness.client(api_key=None)
    with respx.mock() as mock:
        route = mock.get(f"{BASE}/api/account/info")
        route.mock(return_value=fixture("account_info/recorded-noauth").response())
        with pytest.raises(AuthError, match="OFFCLOUD_API_KEY") as caught:
            harness.go(oc.account.info())
    assert "authorization" not in route.calls.last.request.headers
    assert caught.value.status_code == 401


# fixture -> (exception class, status_code, text in the message)
ERROR_FIXTURES: dict[str, tuple[type[OffcloudError], int, str]] = {
    "account_info/recorded-noauth": (AuthError, 401, "NOAUTH"),
    "auth_api_key/retired": (NotFoundError, 404, "Page not found."),
    "auth_device_token/pending-400": (HTTPError, 400, "authorization_pending"),
    "auth_device_token/slow-down-200": (HTTPError, 200, "Polling too fast"),
    "auth_login/recorded-error": (HTTPError, 200, "Please enter a valid email address."),
    "auth_login/recorded-page-not-found": (NotFoundError, 404, "Page not found."),
    "cache_download/unsupported": (HTTPError, 200, "Unsupported link for direct download"),
    "cloud_add/error": (HTTPError, 200, "Incorrect url"),
    "cloud_add/recorded-not-available-torrent": (NotAvailableError, 200, "torrent"),
    "cloud_explore/bad-archive": (HTTPError, 200, "Bad archive"),
    "instant_add/not-available-proxy": (NotAvailableError, 200, "proxy"),
    "remote_add/queue-full": (
        HTTPError, 200, "You have more than 100 remote downloads in progress."
    ),
    "remote_status/recorded-unauthorised-empty": (AuthError, 200, "empty object"),
    "sites_list/noauth": (AuthError, 401, "NOAUTH"),
}  # fmt: skip
RESPONSES = [f for f in fixtures() if f.kind == "response"]


@pytest.mark.parametrize("answered", RESPONSES, ids=[f.name for f in RESPONSES])
def test_every_fixture_is_a_model_or_the_error_the_table_gives(
    harness: Harness, answered: Any
) -> None:
    expected = ERROR_FIXTURES.get(answered.name)
    if expected is None:
        result, _ = answer_with(harness, answered.operation, answered.response())
        assert as_json(result) == answered.payload()
        return
    error_class, status, message = expected
    with pytest.raises(OffcloudError) as caught:
        answer_with(harness, answered.operation, answered.response())
    assert type(caught.value) is error_class
    assert caught.value.status_code == status
    assert message in caught.value.message
    assert caught.value.response is not None


def test_error_fixture_table_names_real_fixtures() -> None:
    names = {f.name for f in RESPONSES}
    assert set(ERROR_FIXTURES) <= names


def test_a_path_parameter_cannot_change_the_path(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        route = mock.get(url__startswith=f"{BASE}/api/cloud/retry/").respond(json={"success": True})
        harness.go(oc.cloud.retry("../../account/info?x=1#y"))
    sent = route.calls.last.request.url
    assert sent.raw_path == b"/api/cloud/retry/..%2F..%2Faccount%2Finfo%3Fx%3D1%23y"


def test_the_user_agent_is_sent_by_own_and_by_given_http_clients(harness: Harness) -> None:
    own = harness.client()
    given = harness.client(http_client=httpx.AsyncClient() if harness.is_async else httpx.Client())
    with respx.mock() as mock:
        route = mock.get(f"{BASE}/api/account/info").respond(json={"userId": "u"})
        for oc in (own, given):
            with suppress(OffcloudError):
                harness.go(oc.account.info())
    agents = [call.request.headers["user-agent"] for call in route.calls]
    assert len(agents) == 2
    assert all(agent.startswith("offcloud-sdk/") for agent in agents)


def test_a_body_that_cannot_be_decoded_is_an_unexpected_response(harness: Harness) -> None:
    oc = harness.client(max_retries=0)
    with respx.mock() as mock:
        mock.get(f"{BASE}/api/account/info").mock(
            return_value=httpx.Response(
                200, headers={"content-encoding": "gzip"}, stream=httpx.ByteStream(b"{}")
            )
        )
        with pytest.raises(UnexpectedResponseError, match="could not be decoded"):
            harness.go(oc.account.info())
