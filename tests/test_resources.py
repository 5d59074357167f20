"""The generated resources over respx: each sends the documented request and parses the answer.

Every case runs twice, through `Resources` and through `AsyncResources`, with the same body.
"""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import respx
from offcloud_api_client import Client
from offcloud_api_client.api import (
    AsyncClientRunner,
    AsyncResources,
    ClientRunner,
    Operation,
    Resources,
    operations,
)
from offcloud_api_client.client import DEFAULT_TIMEOUT
from offcloud_api_client.errors import UnexpectedStatus
from offcloud_api_client.types import File
from spec_support import as_json, fixture

BASE = "https://offcloud.test"
RID = "5f2b6c3e9d1a4b7c8e0f1a2b"
Invoke = Callable[[Callable[[Any], Any]], Any]


@pytest.fixture(params=["sync", "async"])
def invoke(request: pytest.FixtureRequest) -> Invoke:
    """Run `call(resources)` through the sync or the async resources; same result expected."""

    def run(call: Callable[[Any], Any]) -> Any:
        if request.param == "sync":
            with Client(base_url=BASE) as client:
                return call(Resources(ClientRunner(client)))

        async def run_async() -> Any:
            async with Client(base_url=BASE) as client:
                return await call(AsyncResources(AsyncClientRunner(client)))

        return asyncio.run(run_async())

    return run


# operationId, the call, method, path, request body (JSON unless said), fixture of the answer
CASES: list[tuple[str, Callable[[Any], Any], str, str, object, str]] = [
    ("auth_login", lambda oc: oc.auth.login(username="me@example.com", password="pw"),
     "POST", "/api/login", {"username": "me@example.com", "password": "pw"},
     "auth_login/recorded-success"),
    ("auth_api_key", lambda oc: oc.auth.api_key(), "POST", "/api/key", None,
     "auth_api_key/success"),
    ("auth_check", lambda oc: oc.auth.check(), "GET", "/api/check", None, "auth_check/logged-in"),
    ("auth_device_code", lambda oc: oc.auth.device_code(), "POST", "/oauth/device/code", None,
     "auth_device_code/success"),
    ("auth_device_token",
     lambda oc: oc.auth.device_token(grant_type="urn:ietf:params:oauth:grant-type:device_code",
                                     device_code="dc"),
     "POST", "/oauth/token",
     ("form", "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=dc"),
     "auth_device_token/success"),
    ("account_info", lambda oc: oc.account.info(), "GET", "/api/account/info", None,
     "account_info/recorded-success"),
    ("account_stats", lambda oc: oc.account.stats(), "GET", "/api/account/stats", None,
     "account_stats/classic"),
    ("cloud_add", lambda oc: oc.cloud.add(url="magnet:?xt=urn:btih:abc", custom_file_name="n"),
     "POST", "/api/cloud", {"url": "magnet:?xt=urn:btih:abc", "customFileName": "n"},
     "cloud_add/created"),
    ("cloud_status", lambda oc: oc.cloud.status(request_id=RID), "POST", "/api/cloud/status",
     {"requestId": RID}, "cloud_status/downloading-2026"),
    ("cloud_explore", lambda oc: oc.cloud.explore(RID, format_="detailed"), "GET",
     f"/api/cloud/explore/{RID}?format=detailed", None, "cloud_explore/detailed"),
    ("cloud_list", lambda oc: oc.cloud.list(RID), "GET", f"/api/cloud/list/{RID}", None,
     "cloud_list/links"),
    ("cloud_history", lambda oc: oc.cloud.history(), "GET", "/api/cloud/history", None,
     "cloud_history/classic"),
    ("cloud_retry", lambda oc: oc.cloud.retry(RID), "GET", f"/api/cloud/retry/{RID}", None,
     "cloud_retry/status-object"),
    ("cloud_remove", lambda oc: oc.cloud.remove(requests=[RID]), "POST", "/api/cloud/remove",
     {"requests": [RID]}, "cloud_remove/success"),
    ("cloud_remove_one", lambda oc: oc.cloud.remove_one(RID), "GET", f"/cloud/remove/{RID}", None,
     "cloud_remove_one/success"),
    ("instant_add", lambda oc: oc.instant.add(url="https://rg.to/f", proxy_id="5"), "POST",
     "/api/instant", {"url": "https://rg.to/f", "proxyId": "5"}, "instant_add/created"),
    ("instant_history", lambda oc: oc.instant.history(), "GET", "/api/instant/history", None,
     "instant_history/items"),
    ("remote_add",
     lambda oc: oc.remote.add(url="https://rg.to/f", remote_option_id="o", folder_id="/Movies/"),
     "POST", "/api/remote",
     {"url": "https://rg.to/f", "remoteOptionId": "o", "folderId": "/Movies/"},
     "remote_add/recorded-created"),
    ("remote_status", lambda oc: oc.remote.status(request_id=RID), "POST", "/api/remote/status",
     {"requestId": RID}, "remote_status/recorded-downloaded"),
    ("remote_retry", lambda oc: oc.remote.retry(RID), "GET", f"/api/remote/retry/{RID}", None,
     "remote_retry/status-object"),
    ("remote_accounts", lambda oc: oc.remote.accounts(), "POST", "/api/remote/accounts", None,
     "remote_accounts/wrapped"),
    ("remote_history", lambda oc: oc.remote.history(), "GET", "/api/remote/history", None,
     "remote_history/items"),
    ("cache_check", lambda oc: oc.cache.check(hashes=["abc", "def"]), "POST", "/api/cache",
     {"hashes": ["abc", "def"]}, "cache_check/some-cached"),
    ("cache_info", lambda oc: oc.cache.info(urls=["magnet:?a", "magnet:?b"], include_files=True),
     "POST", "/api/cache/info", {"urls": ["magnet:?a", "magnet:?b"], "includeFiles": True},
     "cache_info/aligned"),
    ("cache_download", lambda oc: oc.cache.download(url="magnet:?a"), "POST",
     "/api/cache/download", {"url": "magnet:?a"}, "cache_download/links"),
    ("proxies_list", lambda oc: oc.proxies.list(), "POST", "/api/proxy", None,
     "proxies_list/wrapped"),
    ("sites_list", lambda oc: oc.sites.list(), "GET", "/api/sites", None, "sites_list/2026"),
    ("torrents_upload",
     lambda oc: oc.torrents.upload(file=File(payload=io.BytesIO(b"d4:infoe"), file_name="a.torrent",
                                             mime_type="application/x-bittorrent")),
     "POST", "/torrent/upload", ("multipart", b'filename="a.torrent"'), "torrents_upload/success"),
]  # fmt: skip


def test_cases_cover_every_operation() -> None:
    assert sorted(case[0] for case in CASES) == sorted(operations())


@pytest.mark.parametrize(
    ("operation_id", "call", "method", "path", "body", "answer"), CASES, ids=[c[0] for c in CASES]
)
def test_operation_sends_the_documented_request_and_parses_the_answer(
    invoke: Invoke,
    operation_id: str,
    call: Callable[[Any], Any],
    method: str,
    path: str,
    body: object,
    answer: str,
) -> None:
    answered = fixture(answer)
    with respx.mock(base_url=BASE, assert_all_called=True) as mock:
        route = mock.route(method=method, url=f"{BASE}{path}").mock(
            return_value=answered.response()
        )
        result = invoke(call)

    sent = route.calls.last.request
    if isinstance(body, tuple) and body[0] == "form":
        assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
        assert sent.content.decode() == body[1]
    elif isinstance(body, tuple):
        assert sent.headers["content-type"].startswith("multipart/form-data")
        assert body[1] in sent.content
    elif body is None:
        assert sent.content == b""
    else:
        assert sent.headers["content-type"] == "application/json"
        assert json.loads(sent.content) == body
    assert as_json(result) == answered.payload()
    assert type(result) is type(operations()[operation_id].parse(answered.response()))


@pytest.mark.parametrize("answer", ["cloud_add/error", "cloud_add/recorded-not-available-torrent"])
def test_error_bodies_never_come_back_as_the_success_model(invoke: Invoke, answer: str) -> None:
    with respx.mock(base_url=BASE) as mock:
        mock.post(f"{BASE}/api/cloud").mock(return_value=fixture(answer).response())
        with pytest.raises(KeyError, match="requestId"):
            invoke(lambda oc: oc.cloud.add(url="x"))


def test_a_status_the_spec_does_not_promise_raises_unexpected_status(invoke: Invoke) -> None:
    with respx.mock(base_url=BASE) as mock:
        mock.get(f"{BASE}/api/account/info").mock(return_value=httpx.Response(520, text="<html>"))
        with pytest.raises(UnexpectedStatus) as caught:
            invoke(lambda oc: oc.account.info())
    assert caught.value.status_code == 520


def test_union_answers_parse_into_the_right_variant() -> None:
    status: Operation[Any] = operations()["cloud_status"]
    batch = status.parse(fixture("cloud_status/batch").response())
    assert [r.status for r in batch.requests] == ["downloaded", "error"]
    assert batch.requests[1].error_message == "File will not be downloaded due to an error."
    single = status.parse(fixture("cloud_status/downloading-2026").response())
    assert (single.status.progress, single.status.file_size) == (0.17, "6114656256")

    explore: Operation[Any] = operations()["cloud_explore"]
    assert explore.parse(fixture("cloud_explore/links").response())[0].endswith("episode 01.mkv")
    assert explore.parse(fixture("cloud_explore/detailed").response()).files[0].size == 734003200

    sites = operations()["sites_list"].parse(fixture("sites_list/classic").response())
    assert (sites[0].name, sites[0].is_active, sites[0].hosts) == (
        "rapidgator",
        "Healthy",
        ["rapidgator.net", "rg.to"],
    )


def test_unknown_fields_are_kept() -> None:
    answer = httpx.Response(
        200, json={"requestId": RID, "status": "queued", "priority": 3, "tags": ["a"]}
    )
    parsed = operations()["cloud_add"].parse(answer)
    assert parsed.status == "queued"  # a status word the spec does not list still parses
    assert parsed["priority"] == 3
    assert parsed.to_dict()["tags"] == ["a"]


def test_generated_client_has_a_timeout_by_default() -> None:
    with Client(base_url=BASE) as client:
        timeout = client.get_httpx_client().timeout
    assert (timeout.connect, timeout.read) == (5.0, 30.0)
    assert timeout == DEFAULT_TIMEOUT


def test_unset_fields_print_readably() -> None:
    parsed = operations()["cloud_add"].parse(
        httpx.Response(200, json={"requestId": RID, "status": "created"})
    )
    assert "file_name=UNSET" in repr(parsed)
