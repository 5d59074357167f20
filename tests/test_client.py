"""Constructing and configuring the clients: keys, base URL, timeouts, one pool, copies, closing."""

from __future__ import annotations

import inspect

import httpx
import pytest
import respx
from offcloud_api_client.api import TAGS
from sdk_support import BASE, KEY, Harness

from offcloud_sdk import AsyncOffcloud, Offcloud
from offcloud_sdk._resources import AsyncCloudResource, CloudResource
from offcloud_sdk.exceptions import (
    ClientClosedError,
    InvalidArgumentError,
    OffcloudError,
)

HISTORY = f"{BASE}/api/cloud/history"


def sent_with(harness: Harness, oc: object, url: str = HISTORY) -> httpx.Request:
    with respx.mock() as mock:
        route = mock.get(url).respond(json=[])
        harness.go(oc.cloud.history())  # type: ignore[attr-defined]
    request: httpx.Request = route.calls.last.request
    return request


def test_the_key_comes_from_the_environment_when_not_given(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFCLOUD_API_KEY", "fromtheenvironment")
    oc = harness.client(api_key=None)
    assert oc.api_key == "fromtheenvironment"
    assert sent_with(harness, oc).headers["authorization"] == "Bearer fromtheenvironment"
    assert harness.client(api_key="given").api_key == "given"


def test_the_key_is_a_settable_attribute(harness: Harness) -> None:
    oc = harness.client()
    oc.api_key = "anotherkey"
    assert sent_with(harness, oc).headers["authorization"] == "Bearer anotherkey"
    oc.api_key = None
    assert "authorization" not in sent_with(harness, oc).headers


def test_the_base_url_comes_from_the_environment(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFCLOUD_BASE_URL", "https://mirror.example/")
    oc = harness.client(base_url=None)
    assert oc.base_url == "https://mirror.example"
    assert str(sent_with(harness, oc, "https://mirror.example/api/cloud/history").url).startswith(
        "https://mirror.example/api/"
    )


def test_the_default_base_url_is_offcloud(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OFFCLOUD_BASE_URL", raising=False)
    with Offcloud("k") as oc:
        assert oc.base_url == "https://offcloud.com"


@pytest.mark.parametrize(
    "url", ["http://offcloud.com", "http://10.0.0.2:8080", "http://example.localhost.com"]
)
def test_plain_http_is_refused_off_loopback(url: str) -> None:
    with pytest.raises(InvalidArgumentError, match="clear text") as caught:
        Offcloud("k", base_url=url)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, OffcloudError)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8765", "http://localhost:1", "http://[::1]:8080", "https://x.test"]
)
def test_plain_http_is_allowed_on_loopback(url: str) -> None:
    with Offcloud("k", base_url=url) as oc:
        assert oc.base_url == url


@pytest.mark.parametrize("url", ["ftp://offcloud.com", "offcloud.com", "https://x.test/?a=1"])
def test_other_base_urls_are_refused(url: str) -> None:
    with pytest.raises(InvalidArgumentError):
        Offcloud("k", base_url=url)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"key_in": "cookie"}, "key_in"),
        ({"timeout": None}, "timeout"),
        ({"timeout": 0}, "timeout"),
        ({"timeout": httpx.Timeout(None)}, "forever"),
        ({"max_retries": -1}, "max_retries"),
        ({"http_client": httpx.AsyncClient()}, "http_client"),
    ],
)
def test_bad_options_are_refused_with_a_clear_message(
    options: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidArgumentError, match=message):
        Offcloud("k", **options)  # type: ignore[arg-type]


def test_the_default_timeout_is_5_seconds_to_connect_and_30_to_read(harness: Harness) -> None:
    timeout = sent_with(harness, harness.client()).extensions["timeout"]
    assert (timeout["connect"], timeout["read"], timeout["write"], timeout["pool"]) == (
        5.0, 30.0, 30.0, 30.0
    )  # fmt: skip


def test_a_float_timeout_keeps_connect_at_most_5_seconds(harness: Harness) -> None:
    assert sent_with(harness, harness.client(timeout=60)).extensions["timeout"]["connect"] == 5.0
    short = sent_with(harness, harness.client(timeout=2.0)).extensions["timeout"]
    assert (short["connect"], short["read"]) == (2.0, 2.0)
    custom = harness.client(timeout=httpx.Timeout(9.0, connect=1.0))
    assert sent_with(harness, custom).extensions["timeout"]["connect"] == 1.0


def test_with_options_is_a_copy_sharing_the_pool_and_leaving_the_original(harness: Harness) -> None:
    oc = harness.client(timeout=30.0, max_retries=2)
    quick = oc.with_options(timeout=3.0, max_retries=0)
    assert type(quick) is type(oc)
    assert (quick.max_retries, oc.max_retries) == (0, 2)
    assert sent_with(harness, quick).extensions["timeout"]["read"] == 3.0
    assert sent_with(harness, oc).extensions["timeout"]["read"] == 30.0
    assert quick._runner.http is oc._runner.http
    assert quick.api_key == oc.api_key


def test_every_resource_is_bound_and_reuses_the_one_pool(harness: Harness) -> None:
    oc = harness.client()
    for tag in TAGS:
        assert getattr(oc, tag)._runner is oc._runner
    assert oc.cloud is oc.cloud  # built once
    assert isinstance(oc.cloud, AsyncCloudResource if harness.is_async else CloudResource)


def test_one_cookie_jar_carries_a_session_across_calls_and_copies(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        mock.post(f"{BASE}/api/login").respond(
            json={"email": "a@b.c", "userId": "u"},
            headers={"set-cookie": "connect.sid=s%3Aabc; Path=/"},
        )
        check = mock.get(f"{BASE}/api/check").respond(json={"loggedIn": 1})
        harness.go(oc.auth.login(username="a@b.c", password="pw"))
        harness.go(oc.auth.check())
        harness.go(oc.with_options(max_retries=0).auth.check())
    assert [call.request.headers["cookie"] for call in check.calls] == ["connect.sid=s%3Aabc"] * 2


def test_closing_closes_the_pool_it_made_but_not_one_it_was_given(harness: Harness) -> None:
    oc = harness.client()
    copy = oc.with_options(max_retries=1)
    harness.go(copy.aclose() if harness.is_async else copy.close())
    assert not oc._runner.http.is_closed
    harness.go(oc.aclose() if harness.is_async else oc.close())
    assert oc._runner.http.is_closed

    given = httpx.AsyncClient() if harness.is_async else httpx.Client()
    mine = harness.client(http_client=given)
    harness.go(mine.aclose() if harness.is_async else mine.close())
    assert not given.is_closed
    harness.go(given.aclose() if harness.is_async else given.close())


def test_both_clients_are_context_managers() -> None:
    with Offcloud("k") as oc:
        http = oc._runner.http
    assert http.is_closed

    async def use() -> bool:
        async with AsyncOffcloud("k") as aoc:
            ahttp = aoc._runner.http
        return ahttp.is_closed

    import asyncio

    assert asyncio.run(use())


def test_the_repr_never_shows_the_key(harness: Harness) -> None:
    oc = harness.client()
    assert KEY not in repr(oc)
    assert "api_key='***'" in repr(oc)
    assert KEY not in repr(oc._runner.settings)


def public_methods(cls: type) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(member)
        for name, member in inspect.getmembers(cls, callable)
        if not name.startswith("_")
    }


def test_the_async_client_has_the_same_surface_awaited() -> None:
    sync_client, async_client = Offcloud("k"), AsyncOffcloud("k")
    pairs = [(Offcloud, AsyncOffcloud, {"close": "aclose"})]
    pairs += [
        (type(getattr(sync_client, tag)), type(getattr(async_client, tag)), {})
        for tag in [*TAGS, "files"]
    ]
    for sync_cls, async_cls, renamed in pairs:
        sync_methods, async_methods = public_methods(sync_cls), public_methods(async_cls)
        assert {renamed.get(n, n) for n in sync_methods} == set(async_methods), sync_cls
        for name, signature in sync_methods.items():
            twin = getattr(async_cls, renamed.get(name, name))
            assert inspect.signature(twin).parameters.keys() == signature.parameters.keys()
            if name not in ("with_options",):
                assert inspect.iscoroutinefunction(twin), f"{async_cls.__name__}.{name}"
    sync_client.close()


def test_a_closed_client_says_so(harness: Harness) -> None:
    oc = harness.client()
    harness.go(oc.aclose() if harness.is_async else oc.close())
    with respx.mock(), pytest.raises(ClientClosedError, match="client is closed"):
        harness.go(oc.cloud.history())


def test_a_call_url_is_parsed_once_and_a_bad_one_still_refused(harness: Harness) -> None:
    from offcloud_sdk._calls.runners import parsed_url

    parsed_url.cache_clear()
    oc = harness.client()
    first, second = sent_with(harness, oc), sent_with(harness, oc)
    assert str(first.url) == str(second.url) == HISTORY
    assert parsed_url.cache_info().hits >= 1  # the second call did not parse the text again
    assert parsed_url("http://[::1") == "http://[::1"  # httpx cannot parse it: left to `build`
    with pytest.raises(InvalidArgumentError, match="cannot be built"):
        harness.go(oc.request("GET", "/api/x", json={1, 2}))  # type: ignore[attr-defined]
    assert parsed_url.cache_info().maxsize == 512  # bounded: one entry per request id at most
