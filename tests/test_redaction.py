"""The API key never shows: not in messages, reprs, stored responses, URLs or log lines."""

from __future__ import annotations

import logging

import httpx
import pytest
import respx
from sdk_support import BASE, KEY, Harness

from offcloud_sdk._calls.logs import configure_from_env, logger
from offcloud_sdk._calls.redaction import redact
from offcloud_sdk.exceptions import OffcloudError

INFO = f"{BASE}/api/account/info"
ACCOUNT = {"user_id": "u1", "is_premium": True, "can_download": True}

FAILURES = [
    httpx.Response(401, json={"error": f"NOAUTH for key {KEY}"}),
    httpx.Response(200, json={"error": f"bad key={KEY}"}),
    httpx.Response(500, text=f"<html>GET /api/account/info?key={KEY}</html>"),
    httpx.Response(200, text=f"<html>{KEY}</html>"),
    httpx.Response(200, json={"user_id": KEY, "is_premium": "x", "can_download": True}),
    httpx.Response(429, text=KEY),
    httpx.ConnectError(f"cannot reach https://offcloud.test/api/account/info?key={KEY}"),
    httpx.ReadTimeout(f"timed out on ?key={KEY}"),
]


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("key_in", ["header", "query", "both"])
def test_no_error_shows_the_key(
    harness: Harness, failure: httpx.Response | Exception, key_in: str
) -> None:
    oc = harness.client(key_in=key_in, max_retries=0)
    with respx.mock() as mock:
        mock.get(url__startswith=INFO).mock(side_effect=[failure])
        with pytest.raises(OffcloudError) as caught:
            harness.go(oc.account.info())
    error = caught.value
    shown = [str(error), repr(error), error.message, *map(str, error.args)]
    if error.response is not None:
        request = error.response.request
        shown += [str(request.url), repr(request), str(dict(request.headers))]
    assert not [text for text in shown if KEY in text]
    if error.response is not None and key_in != "header":
        assert error.response.request.url.params["key"] == "***"
    if error.response is not None and key_in != "query":
        assert error.response.request.headers["authorization"] == "Bearer ***"


def test_a_successful_response_keeps_no_key_either(harness: Harness) -> None:
    oc = harness.client(key_in="both")
    with respx.mock() as mock:
        mock.get(url__startswith=INFO).respond(json=ACCOUNT)
        harness.go(oc.account.info())


def test_redact_masks_key_parameters_and_known_secrets() -> None:
    text = f"GET https://x/api?key={KEY}&a=1 apikey={KEY} apiKey=abc {KEY}"
    assert redact(text, [KEY]) == "GET https://x/api?key=***&a=1 apikey=*** apiKey=*** ***"


@pytest.fixture
def sdk_log(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> pytest.LogCaptureFixture:
    monkeypatch.setenv("OFFCLOUD_LOG", "debug")
    previous = logger.level
    configure_from_env()
    caplog.set_level(logging.INFO, logger="httpx")
    caplog.set_level(logging.DEBUG, logger="offcloud_sdk")  # last: it sets the capture level
    yield caplog
    logger.setLevel(previous)
    for handler in [h for h in logger.handlers if getattr(h, "_offcloud_sdk", False)]:
        logger.removeHandler(handler)


def test_logging_is_one_line_per_request_and_redacted(
    harness: Harness, sdk_log: pytest.LogCaptureFixture
) -> None:
    oc = harness.client(key_in="both")
    with respx.mock() as mock:
        mock.get(url__startswith=INFO).mock(
            side_effect=[httpx.Response(503), httpx.Response(200, json=ACCOUNT)]
        )
        harness.go(oc.account.info())
    ours = [r for r in sdk_log.records if r.name == "offcloud_sdk"]
    lines = [r.getMessage() for r in ours if r.levelno == logging.INFO]
    assert len(lines) == 1
    assert lines[0].startswith("GET /api/account/info -> 200 in ")
    assert lines[0].endswith("ms, 1 retries")
    assert any("retry 1 of 2" in r.getMessage() for r in ours if r.levelno == logging.DEBUG)
    httpx_lines = [r.getMessage() for r in sdk_log.records if r.name == "httpx"]
    assert httpx_lines
    assert all("key=***" in line for line in httpx_lines)
    everything = sdk_log.text + "".join(r.getMessage() for r in sdk_log.records)
    assert KEY not in everything


def test_the_logger_is_silent_unless_turned_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OFFCLOUD_LOG", raising=False)
    before = (logger.level, list(logger.handlers))
    configure_from_env()
    assert (logger.level, list(logger.handlers)) == before


def test_offcloud_log_info_adds_one_stderr_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFCLOUD_LOG", "INFO")
    previous = logger.level
    try:
        configure_from_env()
        configure_from_env()
        ours = [h for h in logger.handlers if getattr(h, "_offcloud_sdk", False)]
        assert len(ours) == 1
        assert logger.level == logging.INFO
    finally:
        logger.setLevel(previous)
        for handler in [h for h in logger.handlers if getattr(h, "_offcloud_sdk", False)]:
            logger.removeHandler(handler)
