"""Per-call options, raw responses and `request()`: what a user reaches for when the spec lags."""

from __future__ import annotations

import datetime
import io
import json
import re
import types
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from offcloud_api_client.api import RawResponse
from offcloud_api_client.models import AccountInfo
from offcloud_api_client.types import File
from sdk_support import BASE, KEY, Harness

from offcloud_sdk.exceptions import (
    AuthError,
    InvalidArgumentError,
    NotAvailableError,
    OffcloudError,
    ServerError,
    UnexpectedResponseError,
)
from offcloud_sdk.testing import FakeClock, FakeOffcloud

INFO = f"{BASE}/api/account/info"
ADD = f"{BASE}/api/cloud"
INFO_BODY = {"user_id": "u1", "is_premium": True, "can_download": True, "email": "a@b.c"}
ADDED = {"requestId": "r1", "fileName": "a.iso", "status": "created"}


# -- per-call options ---------------------------------------------------------------------------


def test_cloud_add_sends_extra_body_query_headers_and_its_own_timeout(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        route = mock.post(url__startswith=ADD).respond(200, json=ADDED)
        added = harness.go(
            oc.cloud.add(
                url="magnet:?xt=urn:btih:abc",
                extra_body={"folderName": "x"},
                extra_query={"v": "2"},
                extra_headers={"X-Test": "1"},
                timeout=5,
            )
        )
    assert added.request_id == "r1"
    sent = route.calls.last.request
    assert json.loads(sent.content) == {"url": "magnet:?xt=urn:btih:abc", "folderName": "x"}
    assert sent.url.params["v"] == "2"
    assert sent.headers["x-test"] == "1"
    assert sent.headers["authorization"] == f"Bearer {KEY}", "the client's key still goes"
    assert sent.extensions["timeout"]["read"] == 5.0
    assert sent.extensions["timeout"]["connect"] == 5.0


def test_options_are_for_one_call_only(harness: Harness) -> None:
    oc = harness.client(timeout=20)
    with respx.mock() as mock:
        route = mock.get(INFO).respond(200, json=INFO_BODY)
        harness.go(oc.account.info(timeout=httpx.Timeout(2.0), extra_headers={"X-Once": "1"}))
        harness.go(oc.account.info())
    first, second = (call.request for call in route.calls)
    assert first.extensions["timeout"]["read"] == 2.0
    assert second.extensions["timeout"]["read"] == 20.0
    assert "x-once" in first.headers
    assert "x-once" not in second.headers


def test_a_per_call_timeout_also_bounds_the_whole_answer(harness: Harness) -> None:
    oc = harness.client(max_retries=0)
    runner = oc._runner
    operation, request = _info_call()
    from offcloud_api_client.api import CallOptions

    exchange, _ = runner._begin(operation, request, CallOptions(timeout=3))
    assert exchange.settings.deadline == 12.0, "four read timeouts, as for the client's"
    assert runner.settings.deadline == 120.0


def _info_call() -> tuple[Any, dict[str, Any]]:
    from offcloud_api_client.api.account import ACCOUNT_INFO
    from offcloud_api_client.api.account import account_info as module

    return ACCOUNT_INFO, module._get_kwargs()


def test_extra_body_merges_into_a_form_body(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        route = mock.post(f"{BASE}/oauth/token").respond(
            200, json={"access_token": "t", "token_type": "bearer"}
        )
        harness.go(
            oc.auth.device_token(grant_type="g", device_code="d", extra_body={"scope": "all"})
        )
    sent = route.calls.last.request
    assert sent.headers["content-type"].startswith("application/x-www-form-urlencoded")
    assert httpx.QueryParams(sent.content.decode()) == httpx.QueryParams(
        {"grant_type": "g", "device_code": "d", "scope": "all"}
    )


def test_extra_body_adds_fields_to_a_multipart_body(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        route = mock.post(url__startswith=f"{BASE}/torrent/upload").respond(
            200, json={"success": True, "url": "https://offcloud.com/t/1"}
        )
        torrent = File(payload=b"d4:infod4:name1:aee", file_name="a.torrent")
        harness.go(oc.torrents.upload(file=torrent, extra_body={"private": True, "tag": "tv"}))
    content = route.calls.last.request.content
    assert b'name="private"\r\n\r\ntrue\r\n' in content.replace(
        b"Content-Type: text/plain\r\n", b""
    )
    assert b"tv" in content
    assert b"d4:infod4:name1:aee" in content


def test_extra_body_on_a_call_without_a_body_sends_it_as_json(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        route = mock.get(INFO).respond(200, json=INFO_BODY)
        harness.go(oc.account.info(extra_body={"verbose": True}))
    assert json.loads(route.calls.last.request.content) == {"verbose": True}


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"extra_headers": {"X-Evil": "a\r\nInjected: 1"}}, "header httpx cannot send"),
        ({"extra_headers": {"Bad Name": "1"}}, "header httpx cannot send"),
        ({"extra_headers": {"X-Number": 1}}, "must be str"),
        ({"timeout": 0}, "timeout must be a number of seconds above 0"),
        ({"timeout": float("nan")}, "timeout must be a number of seconds above 0"),
        ({"timeout": httpx.Timeout(None)}, "no waiting forever"),
    ],
)
def test_bad_options_are_refused_before_anything_is_sent(
    harness: Harness, options: dict[str, Any], words: str
) -> None:
    oc = harness.client()
    with respx.mock(assert_all_called=False) as mock:
        route = mock.get(INFO).respond(200, json=INFO_BODY)
        with pytest.raises(InvalidArgumentError, match=words):
            harness.go(oc.account.info(**options))
    assert not route.called


# -- raw responses ------------------------------------------------------------------------------


def test_with_raw_response_gives_status_headers_and_the_parsed_model(harness: Harness) -> None:
    oc = harness.client(key_in="query")
    with respx.mock() as mock:
        mock.get(url__startswith=INFO).mock(
            side_effect=[
                httpx.Response(503),
                httpx.Response(200, json=INFO_BODY, headers={"X-Request-Id": "abc"}),
            ]
        )
        raw = harness.go(oc.with_raw_response.account.info())
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "abc"
    assert raw.retries_taken == 1
    assert raw.elapsed == datetime.timedelta(seconds=harness.clock.sleeps[0])
    info = raw.parse()
    assert isinstance(info, AccountInfo)
    assert info.email == "a@b.c"
    assert KEY not in str(raw.http_response.request.url), "its request is masked, as elsewhere"
    assert KEY not in repr(raw)


def test_with_raw_response_still_raises_the_usual_errors(harness: Harness) -> None:
    oc = harness.client(max_retries=0)
    with respx.mock() as mock:
        route = mock.get(INFO)
        for answer, error in [
            (httpx.Response(401, json={"error": "NOAUTH"}), AuthError),
            (httpx.Response(200, json={"not_available": "premium"}), NotAvailableError),
            (httpx.Response(500), ServerError),
        ]:
            route.mock(return_value=answer)
            with pytest.raises(error):
                harness.go(oc.with_raw_response.account.info())


def test_a_raw_answer_parses_as_strictly_as_its_client(harness: Harness) -> None:
    drifted = {**INFO_BODY, "is_premium": 1}
    strict = harness.client(strict=True, max_retries=0)
    lenient = strict.with_options(strict=False)
    with respx.mock() as mock:
        mock.get(INFO).respond(200, json=drifted)
        raw = harness.go(strict.with_raw_response.account.info())
        assert raw.http_response.json() == drifted, "the raw answer is there even so"
        with pytest.raises(UnexpectedResponseError, match="is_premium"):
            raw.parse()
        assert harness.go(lenient.with_raw_response.account.info()).parse().is_premium is True


# -- request() ----------------------------------------------------------------------------------


def test_request_returns_the_json_of_any_path(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        route = mock.get(INFO).respond(200, json=INFO_BODY)
        assert harness.go(oc.request("GET", "/api/account/info")) == INFO_BODY
    assert route.calls.last.request.headers["authorization"] == f"Bearer {KEY}"


def test_request_casts_to_a_generated_model_leniently_or_strictly(harness: Harness) -> None:
    drifted = {**INFO_BODY, "can_download": "true"}
    lenient = harness.client(strict=False)
    strict = lenient.with_options(strict=True)
    with respx.mock() as mock:
        mock.get(INFO).respond(200, json=drifted)
        info = harness.go(lenient.request("get", "/api/account/info", cast_to=AccountInfo))
        assert isinstance(info, AccountInfo)
        assert info.can_download is True
        with pytest.raises(UnexpectedResponseError, match="can_download"):
            harness.go(strict.request("GET", "/api/account/info", cast_to=AccountInfo))


def test_request_sends_params_json_form_and_files(harness: Harness) -> None:
    oc = harness.client(key_in="query")
    with respx.mock() as mock:
        route = mock.route(url__startswith=f"{BASE}/api/new").respond(200, json={"ok": 1})
        harness.go(oc.request("POST", "/api/new", params={"a": "1"}, json={"b": [2]}))
        harness.go(oc.request("PUT", "/api/new", data={"c": "3"}))
        harness.go(oc.request("POST", "/api/new", files={"f": ("a.txt", b"hi")}))
    as_json, as_form, as_files = (call.request for call in route.calls)
    assert as_json.url.params["a"] == "1"
    assert as_json.url.params["key"] == KEY
    assert json.loads(as_json.content) == {"b": [2]}
    assert as_form.method == "PUT"
    assert as_form.content == b"c=3"
    assert b"hi" in as_files.content


def test_request_maps_error_bodies_and_statuses(harness: Harness) -> None:
    oc = harness.client(max_retries=0)
    with respx.mock() as mock:
        route = mock.get(f"{BASE}/api/x")
        for answer, error in [
            (httpx.Response(200, json={"error": "NOAUTH"}), AuthError),
            (httpx.Response(200, json={"not_available": "premium"}), NotAvailableError),
            (httpx.Response(502, text="Bad gateway"), ServerError),
        ]:
            route.mock(return_value=answer)
            with pytest.raises(error):
                harness.go(oc.request("GET", "/api/x"))


def test_request_answers_text_when_the_answer_is_not_json(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        mock.get(f"{BASE}/api/list/r1").respond(200, text="https://a/1\nhttps://a/2\n")
        assert harness.go(oc.request("GET", "/api/list/r1")) == "https://a/1\nhttps://a/2\n"


def test_request_retries_a_get_but_not_a_post_that_may_have_arrived(harness: Harness) -> None:
    oc = harness.client(max_retries=2)
    with respx.mock() as mock:
        get = mock.get(f"{BASE}/api/x").mock(
            side_effect=[httpx.Response(500), httpx.Response(200, json={"ok": 1})]
        )
        post = mock.post(f"{BASE}/api/x").respond(500)
        assert harness.go(oc.request("GET", "/api/x")) == {"ok": 1}
        with pytest.raises(ServerError):
            harness.go(oc.request("POST", "/api/x", json={}))
        refused = mock.post(f"{BASE}/api/y").mock(
            side_effect=[httpx.Response(503), httpx.Response(200, json={"ok": 2})]
        )
        assert harness.go(oc.request("POST", "/api/y")) == {"ok": 2}, "a 503 was not taken"
    assert get.call_count == 2
    assert post.call_count == 1
    assert refused.call_count == 2


@pytest.mark.parametrize(
    ("method", "path", "words"),
    [
        ("GET", "https://evil.example/api", "must start with one '/'"),
        ("GET", "//evil.example/api", "must start with one '/'"),
        ("GET", "@evil.example/api", "must start with one '/'"),
        ("GET", "api/account/info", "must start with one '/'"),
        ("GET", "/api/a b", "must not hold spaces"),
        ("GET", "/api/a\r\nX: 1", "must not hold spaces"),
        ("GET", "/api/a#frag", "must not hold"),
        ("FETCH", "/api/x", "method must be one of"),
        (None, "/api/x", "method must be one of"),
    ],
)
def test_request_refuses_a_path_that_could_leave_the_base_url(
    harness: Harness, method: Any, path: str, words: str
) -> None:
    oc = harness.client()
    with (
        respx.mock(assert_all_mocked=True) as mock,
        pytest.raises(InvalidArgumentError, match=words),
    ):
        harness.go(oc.request(method, path))
    assert not mock.calls


def test_request_refuses_both_json_and_data_and_a_cast_to_without_from_dict(
    harness: Harness,
) -> None:
    oc = harness.client()
    with pytest.raises(InvalidArgumentError, match="not both"):
        harness.go(oc.request("POST", "/api/x", json={}, data={}))
    with pytest.raises(InvalidArgumentError, match="from_dict"):
        harness.go(oc.request("GET", "/api/x", cast_to=dict))  # type: ignore[type-var]


def test_the_readme_escape_hatches_run_against_the_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    (example,) = [block for block in blocks if "with_raw_response" in block]
    fake = FakeOffcloud(clock=FakeClock())
    with fake.serve() as base_url:
        monkeypatch.setenv("OFFCLOUD_API_KEY", fake.api_key)
        monkeypatch.setenv("OFFCLOUD_BASE_URL", base_url)
        namespace: dict[str, Any] = {}
        exec(compile(example, "README.md", "exec"), namespace)
    assert isinstance(namespace["info"], AccountInfo)
    assert namespace["anything"]["user_id"] == namespace["info"].user_id
    assert namespace["raw"].status_code == 200


# -- what a second look found -------------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        {"extra_headers": {"X-Accent": "é"}},
        {"extra_headers": {"Ü": "1"}},
        {"extra_headers": {"X\tY": "1"}},
        {"extra_headers": {"X(Y)": "1"}},
        {"extra_headers": [("X", "y")]},
        {"extra_headers": {"authorization": "Bearer other"}},
        {"extra_query": [("a", "b")]},
        {"extra_body": [1, 2]},
        {"extra_body": "abc"},
        {"extra_body": {b"k": 1}},
        {"extra_body": {"x": {1, 2}}},
    ],
)
def test_options_httpx_cannot_send_are_refused_as_invalid_arguments(
    harness: Harness, options: dict[str, Any]
) -> None:
    oc = harness.client(max_retries=0)
    with respx.mock(assert_all_called=False) as mock:
        route = mock.post(url__startswith=ADD).respond(200, json=ADDED)
        with pytest.raises(InvalidArgumentError):
            harness.go(oc.cloud.add(url="magnet:?xt=urn:btih:abc", **options))
    assert not route.called


@pytest.mark.parametrize("value", [b"xyz", {"c": 1}, [1, 2], io.BytesIO(b"x")])
def test_a_form_or_multipart_body_takes_only_scalars(harness: Harness, value: object) -> None:
    oc = harness.client(max_retries=0)
    torrent = File(payload=b"d4:infoee", file_name="a.torrent")
    with pytest.raises(InvalidArgumentError, match="takes text, numbers"):
        harness.go(oc.torrents.upload(file=torrent, extra_body={"a": value}))
    with pytest.raises(InvalidArgumentError, match="takes text, numbers"):
        harness.go(oc.auth.device_token(grant_type="g", device_code="d", extra_body={"a": value}))


class Lenient:
    """A user's own model, with types the SDK's checks do not know."""

    def __init__(self, ok: object) -> None:
        self.ok = ok

    @classmethod
    def from_dict(cls, src_dict: Any) -> Lenient:
        return cls(src_dict["ok"])


class Exploding(Lenient):
    @classmethod
    def from_dict(cls, src_dict: Any) -> Lenient:
        raise RuntimeError("no")


def test_request_takes_a_users_own_model_and_reports_its_failures(harness: Harness) -> None:
    Lenient.__annotations__ = {"ok": "typing.Literal[True]"}
    oc = harness.client(max_retries=0)
    with respx.mock() as mock:
        mock.get(f"{BASE}/api/x").respond(200, json={"ok": True})
        assert harness.go(oc.request("GET", "/api/x", cast_to=Lenient)).ok is True
        with pytest.raises(UnexpectedResponseError, match=r"Exploding\.from_dict: RuntimeError"):
            harness.go(oc.request("GET", "/api/x", cast_to=Exploding))
    with pytest.raises(InvalidArgumentError, match="cast_to"):
        harness.go(oc.request("GET", "/api/x", cast_to=types.SimpleNamespace(from_dict=dict)))


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        ({"path": "/api/x?a=1"}, "params="),
        ({"path": "/../admin"}, "'..' segments"),
        ({"path": "/api/%2e%2e/admin"}, "'..' segments"),
        ({"path": "/api/./x"}, "'..' segments"),
        ({"path": "/api/x", "params": [("a", "1")]}, "params must be a mapping"),
        ({"path": "/api/x", "data": [1, 2]}, "data must be a mapping"),
        ({"path": "/api/x", "json": {1, 2}}, "cannot be built"),
        ({"path": "/api/x", "json": {"a": float("nan")}}, "cannot be built"),
        ({"path": "/api/x", "files": 5}, "files must be"),
        ({"path": "/api/x", "files": {"f": 5}}, "files['f'] must be"),
    ],
)
def test_request_refuses_what_it_cannot_send_faithfully(
    harness: Harness, arguments: dict[str, Any], words: str
) -> None:
    oc = harness.client(key_in="query", max_retries=0)
    with respx.mock(assert_all_called=False) as mock:
        mock.route().respond(200, json={})
        with pytest.raises(InvalidArgumentError, match=re.escape(words)):
            harness.go(oc.request("POST", **arguments))
        assert not mock.calls


def test_server_words_in_an_error_message_stay_inert(harness: Harness) -> None:
    oc = harness.client(max_retries=0)
    with respx.mock() as mock:
        mock.post(f"{BASE}/api/cloud/status").respond(
            200, json={"status": {"requestId": "r1", "status": "\x1b[2J\u202egnidaol"}}
        )
        with pytest.raises(OffcloudError) as caught:
            harness.go(oc.cloud.wait("r1", timeout=5))
        mock.get(INFO).respond(200, json={"error": "bad\x1b]0;title\x07 key\r\nX: 1"})
        with pytest.raises(OffcloudError) as refused:
            harness.go(oc.account.info())
    for error in (caught.value, refused.value):
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in str(error))
        assert "\u202e" not in str(error)
    assert "\\x1b[2J" in str(caught.value), "shown as an escape, not dropped"
