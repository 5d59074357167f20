"""The error table: every way a call can fail ends in the right `OffcloudError`, nothing else.

Each test runs against `Offcloud` and `AsyncOffcloud` with the same body.
"""

from __future__ import annotations

import ssl
from contextlib import suppress
from email.utils import formatdate
from typing import Any

import httpx
import pytest
import respx
from offcloud_api_client.api import operations
from operation_cases import CALLS, RID, ROUTES
from sdk_support import BASE, Harness

from offcloud_sdk.exceptions import (
    APIConnectionError,
    APITimeoutError,
    AuthError,
    HTTPError,
    NotAvailableError,
    NotFoundError,
    OffcloudError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
)

INFO = f"{BASE}/api/account/info"
NOW = 1_800_000_000.0
ADD = f"{BASE}/api/cloud"


def fail(harness: Harness, response: httpx.Response | Exception, url: str = INFO) -> OffcloudError:
    """The error raised when `url` answers `response` (no retries)."""
    oc = harness.client(max_retries=0)
    with respx.mock() as mock:
        route = mock.route(url=url)
        if isinstance(response, Exception):
            route.mock(side_effect=response)
        else:
            route.mock(return_value=response)
        with pytest.raises(OffcloudError) as caught:
            harness.go(oc.account.info() if url == INFO else oc.cloud.add(url="magnet:?x"))
    return caught.value


@pytest.mark.parametrize(
    ("status", "body", "error_class"),
    [
        (401, {"error": "NOAUTH"}, AuthError),
        (403, {"error": "forbidden"}, AuthError),
        (400, {"error": "NOAUTH"}, AuthError),
        (200, {"error": "NOAUTH"}, AuthError),
        (200, {"error": "Unauthorized"}, AuthError),
        (200, {"error": "User not authorized"}, AuthError),
        (200, {"error": "The credentials entered are wrong. "}, AuthError),
        (404, {"error": "transfer not found"}, NotFoundError),
        (200, {"error": "transfer not found"}, NotFoundError),
        (500, {"error": "transfer not found"}, ServerError),
        (404, "Page not found.", NotFoundError),
        (200, "Page not found.", NotFoundError),
        (429, {"error": "slow down"}, RateLimitError),
        (500, "<html>oops</html>", ServerError),
        (502, "", ServerError),
        (503, {"error": "maintenance"}, ServerError),
        (520, "<html>cloudflare</html>", ServerError),
        (527, "", ServerError),
        (599, "", ServerError),
        (400, {"error": "Incorrect url"}, HTTPError),
        (402, "Payment Required", HTTPError),
        (409, "", HTTPError),
        (302, "", HTTPError),
        (200, {"error": "Incorrect url"}, HTTPError),
        (200, {"not_available": "premium"}, NotAvailableError),
    ],
)
def test_each_row_of_the_error_table(
    harness: Harness, status: int, body: Any, error_class: type[OffcloudError]
) -> None:
    content = body if isinstance(body, str) else None
    response = (
        httpx.Response(status, text=content)
        if content is not None
        else httpx.Response(status, json=body)
    )
    error = fail(harness, response)
    assert type(error) is error_class
    assert error.status_code == status
    assert error.response is not None
    assert error.response.status_code == status
    if isinstance(body, dict) and "error" in body:
        assert error.message == body["error"]
        assert isinstance(error, HTTPError)
        assert error.code == body["error"]
    assert str(error) == error.message


def test_an_offcloud_error_at_200_keeps_offcloud_s_words(harness: Harness) -> None:
    error = fail(harness, httpx.Response(200, json={"error": "Incorrect url"}), url=ADD)
    assert (type(error), error.status_code, error.message) == (HTTPError, 200, "Incorrect url")


@pytest.mark.parametrize("reason", ["premium", "links", "proxy", "video", "cloud", "torrent"])
def test_not_available_carries_the_reason(harness: Harness, reason: str) -> None:
    error = fail(harness, httpx.Response(200, json={"not_available": reason}), url=ADD)
    assert isinstance(error, NotAvailableError)
    assert error.reason == reason
    assert reason in error.message


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("7", 7.0),
        ("1.5", 1.5),
        (formatdate(NOW + 30, usegmt=True), 30.0),
        (formatdate(NOW - 30, usegmt=True), 0.0),
        ("soon", None),
        (None, None),
    ],
)
def test_rate_limit_reads_retry_after_as_seconds_or_a_date(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, header: str | None, seconds: float | None
) -> None:
    monkeypatch.setattr("time.time", lambda: NOW)
    headers = {"retry-after": header} if header else {}
    error = fail(harness, httpx.Response(429, headers=headers))
    assert isinstance(error, RateLimitError)
    assert error.retry_after == seconds


@pytest.mark.parametrize(
    ("raised", "error_class"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), APIConnectionError),
        (httpx.ConnectError("[Errno -2] Name or service not known"), APIConnectionError),
        (httpx.ConnectError(str(ssl.SSLCertVerificationError("certificate verify failed"))),
         APIConnectionError),
        (httpx.ReadError("[Errno 104] Connection reset by peer"), APIConnectionError),
        (httpx.RemoteProtocolError("Server disconnected"), APIConnectionError),
        (httpx.ConnectTimeout("timed out"), APITimeoutError),
        (httpx.ReadTimeout("The read operation timed out"), APITimeoutError),
        (httpx.PoolTimeout("no connection"), APITimeoutError),
    ],
)  # fmt: skip
def test_no_answer_is_a_connection_error_and_a_timeout_is_its_subclass(
    harness: Harness, raised: Exception, error_class: type[OffcloudError]
) -> None:
    error = fail(harness, raised)
    assert type(error) is error_class
    assert isinstance(error, APIConnectionError)
    assert (error.status_code, error.response) == (None, None)
    assert "GET /api/account/info" in error.message


@pytest.mark.parametrize(
    ("response", "problem"),
    [
        (httpx.Response(200, html="<html><body>Maintenance</body></html>"), "Maintenance"),
        (httpx.Response(200, text='{"user_id": "u1", "is_prem'), "is_prem"),
        (httpx.Response(200, json={"user_id": "u1", "is_premium": True}), "can_download"),
        (httpx.Response(200, json={"user_id": 7, "is_premium": True, "can_download": True}),
         "user_id is int 7, expected str"),
        (httpx.Response(200, json={"user_id": "u", "is_premium": "yes", "can_download": True}),
         "is_premium is str 'yes', expected bool"),
        (httpx.Response(200, json=["not", "an", "object"]), "list"),
        (httpx.Response(200, content=b"\xff\xfe\x00garbage"), "garbage"),
        (httpx.Response(200, text=""), "body starts ''"),
    ],
)  # fmt: skip
def test_a_body_that_is_not_what_the_spec_promises_is_unexpected(
    harness: Harness, response: httpx.Response, problem: str
) -> None:
    error = fail(harness, response)
    assert type(error) is UnexpectedResponseError
    assert error.status_code == 200
    assert "GET /api/account/info" in error.message
    assert problem in error.message


def test_nested_wrong_types_are_found_where_they_are(harness: Harness) -> None:
    oc = harness.client(max_retries=0)
    body = {"files": [{"name": "a", "url": "https://x/a", "size": "big"}]}
    with respx.mock() as mock:
        mock.get(url__startswith=f"{BASE}/api/cloud/explore/").respond(json=body)
        with pytest.raises(UnexpectedResponseError, match=r"files\[0\]\.size is str 'big'"):
            harness.go(oc.cloud.explore(RID, format_="detailed"))


def test_the_excerpt_is_short(harness: Harness) -> None:
    error = fail(harness, httpx.Response(200, html="<html>" + "x" * 5000 + "</html>"))
    assert len(error.message) < 400


GARBAGE = [
    httpx.Response(200, html="<!doctype html><h1>502 Bad Gateway</h1>"),
    httpx.Response(200, text="{"),
    httpx.Response(200, text="null"),
    httpx.Response(200, text="42"),
    httpx.Response(200, text='"text"'),
    httpx.Response(200, json=[]),
    httpx.Response(200, json=[1, {"a": None}]),
    httpx.Response(200, json={}),
    httpx.Response(200, json={"status": None, "requests": "x", "files": {}, "list": 3}),
    httpx.Response(200, json={"error": None}),
    httpx.Response(200, json={"error": {"nested": True}}),
    httpx.Response(200, json={"not_available": 5}),
    httpx.Response(200, content=b"\x00\x01\x02"),
    httpx.Response(204),
    httpx.Response(301, headers={"location": "https://offcloud.com/login"}),
    httpx.Response(418, text="teapot"),
    httpx.Response(521),
]


@pytest.mark.parametrize("operation_id", sorted(operations()))
def test_nothing_but_an_offcloud_error_escapes_any_operation(
    harness: Harness, operation_id: str
) -> None:
    """Every operation against a pile of bad answers: a result or an OffcloudError, never else."""
    method, path = ROUTES[operation_id]
    oc = harness.client(max_retries=0)
    for response in GARBAGE:
        with respx.mock() as mock:
            mock.route(method=method, url__startswith=f"{BASE}{path.split('?')[0]}").mock(
                return_value=response
            )
            with suppress(OffcloudError):
                harness.go(CALLS[operation_id](oc))
