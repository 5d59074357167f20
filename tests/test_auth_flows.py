"""`login` (password, retired in 2026) and `device_login` (OAuth device flow), on both clients."""

from __future__ import annotations

from urllib.parse import parse_qs

import httpx
import pytest
import respx
from sdk_support import BASE, Harness
from spec_support import fixture

from offcloud_sdk.exceptions import AuthError, HTTPError, ServerError

LOGIN = f"{BASE}/api/login"
KEY_URL = f"{BASE}/api/key"
CODE = f"{BASE}/oauth/device/code"
TOKEN = f"{BASE}/oauth/token"
NEW_KEY = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6"


def test_login_fetches_the_key_on_the_same_session_and_stores_it(harness: Harness) -> None:
    oc = harness.client(api_key=None)
    with respx.mock() as mock:
        mock.post(LOGIN).respond(
            json={"email": "me@example.com", "userId": "u"},
            headers={"set-cookie": "connect.sid=s%3Asession; Path=/; HttpOnly"},
        )
        key_route = mock.post(KEY_URL).mock(return_value=fixture("auth_api_key/success").response())
        info = mock.get(f"{BASE}/api/account/info").respond(
            json={"user_id": "u", "is_premium": True, "can_download": True}
        )
        assert harness.go(oc.login("me@example.com", "hunter2")) == NEW_KEY
        harness.go(oc.account.info())
    assert key_route.calls.last.request.headers["cookie"] == "connect.sid=s%3Asession"
    assert oc.api_key == NEW_KEY
    assert info.calls.last.request.headers["authorization"] == f"Bearer {NEW_KEY}"


@pytest.mark.parametrize("retired", ["login", "key"])
def test_a_retired_login_says_how_to_get_a_key_instead(harness: Harness, retired: str) -> None:
    oc = harness.client(api_key=None)
    with respx.mock() as mock:
        page_not_found = fixture("auth_login/recorded-page-not-found").response()
        if retired == "login":
            mock.post(LOGIN).mock(return_value=page_not_found)
        else:
            mock.post(LOGIN).respond(json={"email": "me@example.com", "userId": "u"})
            mock.post(KEY_URL).mock(return_value=page_not_found)
        with pytest.raises(AuthError) as caught:
            harness.go(oc.login("me@example.com", "hunter2"))
    message = caught.value.message
    assert "retired" in message
    assert "OFFCLOUD_API_KEY" in message
    assert "device_login" in message
    assert "account" in message
    assert caught.value.status_code == 404
    assert oc.api_key is None


def test_wrong_credentials_are_an_auth_error(harness: Harness) -> None:
    oc = harness.client(api_key=None)
    with respx.mock() as mock:
        mock.post(LOGIN).respond(json={"error": "The credentials entered are wrong. "})
        with pytest.raises(AuthError, match="credentials entered are wrong"):
            harness.go(oc.login("me@example.com", "wrong"))


def pending() -> httpx.Response:
    return fixture("auth_device_token/pending-400").response()


def test_device_login_shows_the_code_polls_at_the_interval_and_stores_the_token(
    harness: Harness,
) -> None:
    oc = harness.client(api_key=None)
    shown: list[tuple[str, str]] = []
    with respx.mock() as mock:
        mock.post(CODE).mock(return_value=fixture("auth_device_code/success").response())
        token = mock.post(TOKEN).mock(
            side_effect=[pending(), pending(), httpx.Response(200, json={"access_token": "tok"})]
        )
        key = harness.go(oc.device_login(lambda code, url: shown.append((code, url))))
    assert key == "tok"
    assert oc.api_key == "tok"
    assert shown == [("WDJB-MJHT", "https://offcloud.com/device")]
    assert harness.clock.sleeps == [5.0, 5.0, 5.0]
    sent = parse_qs(token.calls.last.request.content.decode())
    assert sent == {
        "grant_type": ["urn:ietf:params:oauth:grant-type:device_code"],
        "device_code": ["GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS"],
    }


def test_device_login_slows_down_when_asked(harness: Harness) -> None:
    oc = harness.client(api_key=None)
    with respx.mock() as mock:
        mock.post(CODE).respond(json={"device_code": "d", "user_code": "U", "verification_uri": "v",
                                      "interval": 2})  # fmt: skip
        mock.post(TOKEN).mock(
            side_effect=[
                fixture("auth_device_token/slow-down-200").response(),
                httpx.Response(400, json={"error": "slow_down"}),
                pending(),
                httpx.Response(200, json={"access_token": "tok"}),
            ]
        )
        harness.go(oc.device_login(lambda code, url: None))
    assert harness.clock.sleeps == [2.0, 7.0, 12.0, 12.0]


@pytest.mark.parametrize(
    ("error", "message"),
    [("access_denied", "denied"), ("expired_token", "expired")],
)
def test_device_login_stops_when_denied_or_expired(
    harness: Harness, error: str, message: str
) -> None:
    oc = harness.client(api_key=None)
    with respx.mock() as mock:
        mock.post(CODE).mock(return_value=fixture("auth_device_code/success").response())
        mock.post(TOKEN).mock(side_effect=[pending(), httpx.Response(400, json={"error": error})])
        with pytest.raises(AuthError, match=message) as caught:
            harness.go(oc.device_login(lambda code, url: None))
    assert caught.value.code == error
    assert oc.api_key is None


def test_device_login_gives_up_at_its_timeout_or_the_code_s_expiry(harness: Harness) -> None:
    oc = harness.client(api_key=None)
    with respx.mock() as mock:
        mock.post(CODE).mock(return_value=fixture("auth_device_code/success").response())
        token = mock.post(TOKEN).mock(side_effect=lambda request: pending())
        with pytest.raises(AuthError, match="not confirmed in time"):
            harness.go(oc.device_login(lambda code, url: None, timeout=60))
    assert token.call_count == 12
    assert sum(harness.clock.sleeps) == 60.0


def test_device_login_passes_other_failures_on(harness: Harness) -> None:
    oc = harness.client(api_key=None, max_retries=0)
    with respx.mock() as mock:
        mock.post(CODE).mock(return_value=fixture("auth_device_code/success").response())
        mock.post(TOKEN).mock(side_effect=[httpx.Response(400, json={"error": "invalid_grant"})])
        with pytest.raises(HTTPError, match="invalid_grant"):
            harness.go(oc.device_login(lambda code, url: None))
        mock.post(CODE).respond(502)
        with pytest.raises(ServerError):
            harness.go(oc.device_login(lambda code, url: None))
