"""`offcloud_sdk.testing.FakeOffcloud`: it answers as the spec and the evidence say Offcloud does.

The first test drives every operation of the spec (successes and failures) through the fake and
checks each answer it sent against that operation's schema in `openapi/offcloud.yaml`.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sdk_support import Harness
from spec_support import ROOT, operations, response_schema, schema_errors

from offcloud_sdk import Offcloud
from offcloud_sdk.exceptions import (
    APIConnectionError,
    APITimeoutError,
    AuthError,
    HTTPError,
    NotAvailableError,
    NotFoundError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
)
from offcloud_sdk.testing import (
    DropConnection,
    FakeClock,
    FakeOffcloud,
    HtmlError,
    Latency,
    RateLimit,
    ServerErrors,
    Truncate,
)
from offcloud_sdk.testing._answer import Answer
from offcloud_sdk.testing._routes import route_for

MAGNET_NAME = "Show"
FILES: dict[str, int | bytes] = {"Season 1/e01.mkv": 3_000_000, "e02.mkv": b"episode two"}


def record(fake: FakeOffcloud) -> list[tuple[httpx.Request, Answer]]:
    """Keep every (request, answer) the fake handles from now on."""
    seen: list[tuple[httpx.Request, Answer]] = []
    handle = fake.handle

    def recording(request: httpx.Request) -> Answer:
        answer = handle(request)
        seen.append((request, answer))
        return answer

    fake.handle = recording  # type: ignore[method-assign]
    return seen


@pytest.fixture
def fake() -> FakeOffcloud:
    return FakeOffcloud(clock=FakeClock())


@pytest.fixture
def oc(fake: FakeOffcloud) -> Iterator[Offcloud]:
    with Offcloud(fake.api_key, http_client=fake.client(), clock=fake.clock) as client:
        yield client


def swallow(call: Any) -> None:
    with contextlib.suppress(HTTPError):
        call()


def every_operation(fake: FakeOffcloud, oc: Offcloud) -> None:
    """Successes and failures of all 28 operations, as a user would meet them."""
    clock = fake.clock
    assert isinstance(clock, FakeClock)
    magnet = fake.add_torrent(MAGNET_NAME, FILES)
    cached = fake.add_torrent("Cached", cached=True)
    failing = fake.add_torrent("Broken", fails="File will not be downloaded due to an error.")
    swallow(lambda: oc.auth.login(username="a", password="b"))  # 404: retired
    swallow(lambda: oc.auth.api_key())
    oc.auth.check()
    code = oc.auth.device_code()
    grant = "urn:ietf:params:oauth:grant-type:device_code"
    swallow(lambda: oc.auth.device_token(grant_type=grant, device_code=code.device_code))
    oc.auth.device_token(grant_type=grant, device_code=code.device_code)
    swallow(lambda: oc.auth.device_token(grant_type=grant, device_code="unknown"))
    oc.account.info()
    oc.account.stats()
    request = oc.cloud.add(url=magnet)
    single = oc.cloud.add(url="https://hoster.example/file.bin")
    broken = oc.cloud.add(url=failing)
    oc.cloud.add(url=cached)
    swallow(lambda: oc.cloud.add(url="not a url"))
    oc.cloud.status(request_id=request.request_id)
    swallow(lambda: oc.cloud.explore(request.request_id))  # not finished yet
    clock.advance(5)
    oc.cloud.status(request_id=request.request_id)
    oc.cloud.status(request_ids=[request.request_id, single.request_id, "unknown"])
    swallow(lambda: oc.cloud.status(request_id="unknown"))
    oc.cloud.explore(request.request_id)
    oc.cloud.explore(request.request_id, format_="detailed")
    swallow(lambda: oc.cloud.explore(single.request_id))  # Bad archive
    oc.cloud.list(request.request_id)
    oc.cloud.history()
    oc.cloud.retry(broken.request_id)
    swallow(lambda: oc.cloud.retry(request.request_id))
    oc.instant.add(url="https://hoster.example/instant.bin", proxy_id="1")
    oc.instant.history()
    accounts = oc.remote.accounts()
    option = "5f2b6c3e9d1a4b7c8e0fa001"
    assert accounts
    remote = oc.remote.add(url="https://hoster.example/r.bin", remote_option_id=option)
    swallow(lambda: oc.remote.add(url="https://hoster.example/r.bin", remote_option_id="x"))
    oc.remote.status(request_id=remote.request_id)
    swallow(lambda: oc.remote.retry(remote.request_id))
    oc.remote.history()
    oc.cache.check_hashes(hashes=["0" * 40])
    oc.cache.info(urls=[cached, magnet], include_files=True)
    oc.cache.download(url=cached)
    swallow(lambda: oc.cache.download(url="https://hoster.example/x"))
    oc.proxies.list()
    oc.sites.list()
    upload = oc.torrents.upload(file=_torrent_file())
    oc.cloud.add(url=upload.url)
    oc.cloud.remove_one(single.request_id)
    oc.cloud.remove(requests=[request.request_id])
    swallow(lambda: oc.cloud.remove_one("unknown"))
    fake.premium = False
    swallow(lambda: oc.cloud.add(url=magnet))
    oc.api_key = "wrong-key-0000000000000000000000"
    swallow(lambda: oc.account.info())  # 401 NOAUTH
    swallow(lambda: oc.remote.history())  # classic: HTTP 200 {"error"}
    oc.auth.check()


def _torrent_file() -> Any:
    import io

    from offcloud_api_client.types import File

    return File(payload=io.BytesIO(b"d4:infod4:name4:teste"), file_name="my.torrent")


def test_every_answer_matches_its_operations_schema(fake: FakeOffcloud, oc: Offcloud) -> None:
    seen = record(fake)
    every_operation(fake, oc)
    answered = set()
    for request, answer in seen:
        found = route_for(request.method, request.url.path)
        assert found is not None, f"{request.method} {request.url.path} reached no route"
        operation = found[0].operation
        answered.add(operation)
        content_type = answer.headers["Content-Type"].split(";")[0]
        schema = response_schema(operation, answer.status, content_type)
        body = answer.body
        assert isinstance(body, bytes)
        payload = json.loads(body) if content_type == "application/json" else body.decode()
        errors = schema_errors(schema, payload)
        assert not errors, f"{operation} HTTP {answer.status} {payload!r}: {errors}"
    assert answered == set(operations())


def test_downloads_move_through_their_states_on_the_fake_clock(
    fake: FakeOffcloud, oc: Offcloud
) -> None:
    clock = fake.clock
    assert isinstance(clock, FakeClock)
    fake.speed = 1_000_000
    magnet = fake.add_torrent(MAGNET_NAME, FILES)
    request = oc.cloud.add(url=magnet)
    assert request.status == "created"
    seen = []
    for _ in range(6):
        status = oc.cloud.status(request_id=request.request_id).status
        assert not isinstance(status, list)
        seen.append((status.status, status.amount, status.progress))
        clock.advance(1)
    size = 3_000_000 + len(b"episode two")
    assert seen[0] == ("created", 0, 0.0)
    assert seen[1] == ("created", 0, 0.0) or seen[1][0] == "downloading"
    assert seen[2] == ("downloading", 1_000_000, round(1_000_000 / size, 4))
    assert seen[-1] == ("downloaded", size, 1.0)


def test_a_failing_download_ends_in_error_and_retry_starts_it_again(
    fake: FakeOffcloud, oc: Offcloud
) -> None:
    failing = fake.add_torrent("Broken", fails="File will not be downloaded due to an error.")
    request = oc.cloud.add(url=failing)
    with pytest.raises(Exception, match="due to an error") as caught:
        oc.cloud.wait(request.request_id)
    assert type(caught.value).__name__ == "DownloadFailedError"
    oc.cloud.retry(request.request_id)
    assert oc.cloud.wait(request.request_id).status == "downloaded"


def test_cached_torrents_are_downloaded_at_once_and_fetched_ones_become_cached(
    fake: FakeOffcloud, oc: Offcloud
) -> None:
    cached = fake.add_torrent("Cached", cached=True)
    fresh = fake.add_torrent("Fresh")
    assert oc.cache.check([cached, fresh]) == {cached: True, fresh: False}
    assert oc.cloud.add(url=cached).status == "downloaded"
    request = oc.cloud.add(url=fresh)
    oc.cloud.wait(request.request_id)
    assert oc.cache.check([fresh]) == {fresh: True}


def test_a_bad_key_gets_401_noauth_and_classic_calls_an_error_body(fake: FakeOffcloud) -> None:
    with Offcloud("not-the-key", http_client=fake.client(), clock=fake.clock) as oc:
        with pytest.raises(AuthError) as caught:
            oc.account.info()
        assert caught.value.status_code == 401
        assert caught.value.code == "NOAUTH"
        with pytest.raises(AuthError) as classic:
            oc.remote.accounts()
        assert classic.value.status_code == 200


def test_bearer_and_query_keys_are_both_accepted(fake: FakeOffcloud) -> None:
    for key_in in ("header", "query", "both"):
        with Offcloud(
            fake.api_key, http_client=fake.client(), key_in=key_in, clock=fake.clock
        ) as oc:
            assert oc.account.info().is_premium is True


def test_password_login_is_retired_unless_classic_mode(fake: FakeOffcloud, oc: Offcloud) -> None:
    with pytest.raises(AuthError, match="retired"):
        oc.login(fake.username, fake.password)
    classic = FakeOffcloud(clock=fake.clock, classic_login=True)
    with Offcloud(http_client=classic.client(), clock=classic.clock) as fresh:
        with pytest.raises(AuthError):
            fresh.login(classic.username, "wrong")
        assert fresh.login(classic.username, classic.password) == classic.api_key
        assert fresh.account.info().user_id == classic.user_id


@pytest.mark.parametrize(("approval", "works"), [("auto", True), ("deny", False)])
def test_device_login_against_the_fake(harness: Harness, approval: str, works: bool) -> None:
    fake = harness.fake(device_approval=approval)
    oc = harness.client(
        None, http_client=fake.async_client() if harness.is_async else fake.client()
    )
    codes: list[tuple[str, str]] = []

    def login() -> Any:
        return harness.go(oc.device_login(lambda code, url: codes.append((code, url))))

    if works:
        assert login() == fake.api_key
        assert harness.go(oc.account.info()).user_id == fake.user_id
    else:
        with pytest.raises(AuthError, match="denied"):
            login()
    assert codes
    assert codes[0][1].endswith("/device")


def test_manual_device_approval(fake: FakeOffcloud, oc: Offcloud) -> None:
    fake.device_approval = "manual"
    clock = fake.clock
    assert isinstance(clock, FakeClock)
    code = oc.auth.device_code()
    grant = "urn:ietf:params:oauth:grant-type:device_code"
    for _ in range(3):
        with pytest.raises(HTTPError, match="authorization_pending"):
            oc.auth.device_token(grant_type=grant, device_code=code.device_code)
    fake.approve_device(str(code.user_code))
    token = oc.auth.device_token(grant_type=grant, device_code=code.device_code)
    assert token.access_token == fake.api_key
    second = oc.auth.device_code()
    clock.advance(601)
    with pytest.raises(HTTPError, match="expired_token"):
        oc.auth.device_token(grant_type=grant, device_code=second.device_code)


def test_not_available_without_premium(fake: FakeOffcloud, oc: Offcloud) -> None:
    fake.premium = False
    with pytest.raises(NotAvailableError) as caught:
        oc.cloud.add(url=fake.add_torrent("x"))
    assert caught.value.reason == "premium"


def test_unknown_paths_and_ids(fake: FakeOffcloud, oc: Offcloud) -> None:
    with pytest.raises(NotFoundError):
        oc.cloud.status(request_id="5f2b6c3e9d1a4b7c8e0f9999")
    response = oc._runner.http.get("https://offcloud.com/api/nothing/here")
    assert (response.status_code, response.text) == (404, "Page not found.")


# -- files on the storage host ----------------------------------------------------------------


def finished_file(fake: FakeOffcloud, oc: Offcloud) -> tuple[str, bytes]:
    request = oc.cloud.add(url=fake.add_torrent(MAGNET_NAME, FILES))
    oc.cloud.wait(request.request_id)
    first = oc.cloud.files(request.request_id)[0]
    return first.url, fake.file(request.request_id, "Season 1/e01.mkv").read()


@pytest.mark.parametrize(
    ("range_header", "status", "start", "end"),
    [
        (None, 200, 0, 3_000_000),
        ("bytes=100-", 206, 100, 3_000_000),
        ("bytes=100-199", 206, 100, 200),
        ("bytes=-50", 206, 2_999_950, 3_000_000),
        ("bytes=0-99999999", 206, 0, 3_000_000),
    ],
)
def test_files_are_served_with_ranges(
    fake: FakeOffcloud,
    oc: Offcloud,
    range_header: str | None,
    status: int,
    start: int,
    end: int,
) -> None:
    url, data = finished_file(fake, oc)
    headers = {"Range": range_header} if range_header else {}
    response = oc._runner.http.get(url, headers=headers)
    assert response.status_code == status
    assert response.content == data[start:end]
    assert response.headers["content-length"] == str(end - start)
    if status == 206:
        assert response.headers["content-range"] == f"bytes {start}-{end - 1}/{len(data)}"
    head = oc._runner.http.head(url)
    assert head.headers["content-length"] == str(len(data))


@pytest.mark.parametrize("range_header", ["bytes=3000000-", "bytes=5-2", "lines=1-2", "bytes=a-"])
def test_unsatisfiable_ranges_get_416(fake: FakeOffcloud, oc: Offcloud, range_header: str) -> None:
    url, _ = finished_file(fake, oc)
    response = oc._runner.http.get(url, headers={"Range": range_header})
    assert response.status_code == 416
    assert response.headers["content-range"] == "bytes */3000000"


def test_files_of_unfinished_or_removed_requests_are_not_served(
    fake: FakeOffcloud, oc: Offcloud
) -> None:
    url, _ = finished_file(fake, oc)
    request_id = url.split("/cloud/download/")[1].split("/")[0]
    oc.cloud.remove(requests=[request_id])
    assert oc._runner.http.get(url).status_code == 404


# -- faults ------------------------------------------------------------------------------------


def test_rate_limit_with_retry_after_seconds_is_waited_out(harness: Harness) -> None:
    fake = harness.fake()
    fake.inject(RateLimit(retry_after=3), times=2)
    oc = harness.fake_client(fake)
    assert harness.go(oc.account.info()).user_id == fake.user_id
    assert harness.clock.sleeps == [3.0, 3.0]


def test_rate_limit_as_an_http_date(harness: Harness) -> None:
    fake = harness.fake()
    fake.inject(RateLimit(retry_after=120, as_date=True), times=5)
    oc = harness.fake_client(fake)
    with pytest.raises(RateLimitError) as caught:
        harness.go(oc.account.info())
    assert caught.value.retry_after is not None
    assert 100 < caught.value.retry_after <= 120


def test_a_refused_request_is_not_handled(fake: FakeOffcloud, oc: Offcloud) -> None:
    fake.inject(ServerErrors(503), times=1, path="/api/cloud")
    oc.cloud.add(url=fake.add_torrent("x"))
    assert len(fake.requests) == 1  # the 503 created nothing; the retry did


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (ServerErrors(500), ServerError),
        (HtmlError(520), ServerError),
        (DropConnection(), APIConnectionError),
        (Latency(60), APITimeoutError),
    ],
)
def test_persistent_faults_end_in_the_typed_error(
    harness: Harness, fault: Any, error: type[Exception]
) -> None:
    fake = harness.fake()
    fake.inject(fault, times=None)
    oc = harness.fake_client(fake, max_retries=2, timeout=10)
    with pytest.raises(error):
        harness.go(oc.account.info())
    assert len(fake.calls) == 3


@pytest.mark.parametrize(
    "fault", [ServerErrors(502), HtmlError(521), DropConnection(), Latency(60)]
)
def test_passing_faults_are_retried_away(harness: Harness, fault: Any) -> None:
    fake = harness.fake()
    fake.inject(fault, times=2)
    oc = harness.fake_client(fake, max_retries=2, timeout=10)
    assert harness.go(oc.account.info()).user_id == fake.user_id


def test_latency_under_the_timeout_only_delays(harness: Harness) -> None:
    fake = harness.fake()
    fake.inject(Latency(2), times=1)
    oc = harness.fake_client(fake, timeout=10)
    before = harness.clock.now()
    harness.go(oc.account.info())
    assert harness.clock.now() - before == 2


def test_a_truncated_body_is_an_unexpected_response(fake: FakeOffcloud, oc: Offcloud) -> None:
    fake.inject(Truncate(0.5), times=1)
    with pytest.raises(UnexpectedResponseError):
        oc.account.info()


def test_faults_match_by_path_and_can_be_cleared(fake: FakeOffcloud, oc: Offcloud) -> None:
    fake.inject(ServerErrors(500), times=None, path="/api/cloud/history")
    oc.account.info()
    with pytest.raises(ServerError):
        oc.with_options(max_retries=0).cloud.history()
    fake.clear_faults()
    assert oc.cloud.history() == []


# -- over a real socket --------------------------------------------------------------------------


def test_the_server_answers_like_the_transport(fake: FakeOffcloud) -> None:
    magnet = fake.add_torrent(MAGNET_NAME, FILES, cached=True)
    with fake.serve() as base_url, Offcloud(fake.api_key, base_url=base_url) as oc:
        assert base_url.startswith("http://127.0.0.1:")
        request = oc.cloud.add(url=magnet)
        files = oc.cloud.files(request.request_id)
        assert [f.url.startswith(base_url) for f in files] == [True, True]
        body = httpx.get(files[1].url).content
        assert body == b"episode two"
        with pytest.raises(AuthError), Offcloud("bad", base_url=base_url) as stranger:
            stranger.account.info()


def test_the_server_drops_connections_mid_body(fake: FakeOffcloud) -> None:
    request_url = ""
    with fake.serve() as base_url, Offcloud(fake.api_key, base_url=base_url) as oc:
        request = oc.cloud.add(url=fake.add_torrent("big", cached=True))
        request_url = oc.cloud.files(request.request_id)[0].url
        fake.inject(DropConnection(after_bytes=1000), path="/cloud/download/")
        with pytest.raises(httpx.RemoteProtocolError):
            httpx.get(request_url)
        assert len(httpx.get(request_url).content) == 1 << 20


def test_the_readme_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    (example,) = [block for block in blocks if "def test_my_code_fetches_a_season" in block]
    namespace: dict[str, Any] = {}
    exec(compile(example, "README.md", "exec"), namespace)
    namespace["test_my_code_fetches_a_season"](tmp_path)


def test_the_seed_client_works_against_the_fake() -> None:
    from offcloud_sdk import OffcloudAPI

    fake = FakeOffcloud(clock=FakeClock(), classic_login=True)
    magnet = fake.add_torrent(MAGNET_NAME, FILES, cached=True)
    with OffcloudAPI(http_client=fake.client()) as api:
        assert api.login(fake.username, fake.password)["userId"] == fake.user_id
        assert api.get_api_key()["apiKey"] == fake.api_key
        api.api_key = fake.api_key
        request = api.cloud(magnet)
        assert request["status"] == "downloaded"
        assert api.cloud_status(str(request["requestId"]))["status"]["status"] == "downloaded"
        links = api.list_cloud(str(request["requestId"]))
        assert [link.rsplit("/", 1)[-1] for link in links] == ["e01.mkv", "e02.mkv"]
        infohash = magnet.split("btih:")[1].split("&")[0]
        assert api.cache_info([infohash]) == {"cachedItems": [infohash]}


def test_classic_form_bodies_and_query_keys(fake: FakeOffcloud) -> None:
    cached = fake.add_torrent("Cached", cached=True)
    digest = cached.split("btih:")[1].split("&")[0]
    with fake.client(base_url="https://offcloud.com") as http:
        params = {"key": fake.api_key}
        check = http.post("/api/cache", params=params, data={"hashes[]": [digest, "0" * 40]})
        assert check.json() == {"cachedItems": [digest]}
        repeated = http.post("/api/cache", params=params, data={"hashes": [digest, "0" * 40]})
        assert repeated.json() == {"cachedItems": [digest]}
        added = http.post("/api/cloud", data={"url": cached, "key": fake.api_key})
        assert added.json()["status"] == "downloaded"
        refused = http.post("/api/cloud", data={"url": cached, "apikey": "wrong"})
        assert (refused.status_code, refused.json()) == (401, {"error": "NOAUTH"})


def test_unknown_links_give_the_same_file_each_time_and_become_cached(
    fake: FakeOffcloud, oc: Offcloud
) -> None:
    magnet = "magnet:?xt=urn:btih:" + "ab" * 20 + "&dn=Unknown+Film"
    first = oc.cloud.add(url=magnet)
    assert first.file_name == "Unknown Film"
    assert oc.cache.check([magnet]) == {magnet: False}
    oc.cloud.wait(first.request_id)
    assert oc.cache.check(["AB" * 20]) == {"AB" * 20: True}
    second = oc.cloud.add(url=magnet)
    assert second.status == "downloaded"
    assert fake.file(first.request_id).read() == fake.file(second.request_id).read()


def test_a_served_fake_without_a_clock_moves_in_real_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A third-party client (plain httpx, no shared clock) polls the served fake; real time is
    # stood in for by a counter this test moves, so nothing sleeps.
    from offcloud_sdk.testing import _clock

    real = [5_000.0]
    monkeypatch.setattr(_clock, "_monotonic", lambda: real[0])
    fake = FakeOffcloud()
    clock = fake.clock
    assert isinstance(clock, FakeClock)
    clock.sleep(7)  # a fake clock moved before serving: real time goes on from there
    started = clock.now()
    link = "https://example.com/file.bin"
    headers = {"Authorization": f"Bearer {fake.api_key}"}
    with fake.serve() as base_url, httpx.Client(base_url=base_url, headers=headers) as http:
        assert fake.clock is clock
        assert clock.now() == started
        request_id = http.post("/api/cloud", json={"url": link}).json()["requestId"]

        def status() -> str:
            answer = http.post("/api/cloud/status", json={"requestIds": [request_id]}).json()
            return str(answer["requests"][0]["status"])

        assert status() == "created"
        real[0] += 1.05  # queued for 1 s, then 1 MiB at 8 MiB/s
        assert status() == "downloading"
        real[0] += 60
        assert status() == "downloaded"
    assert clock.now() == pytest.approx(started + 61.05)


def test_a_client_sharing_the_clock_of_a_served_fake_waits_in_real_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from offcloud_sdk.testing import _clock

    real = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:  # stands in for time.sleep: moves the counter only
        slept.append(seconds)
        real[0] += seconds

    monkeypatch.setattr(_clock, "_monotonic", lambda: real[0])
    monkeypatch.setattr(_clock, "_sleep", sleep)
    fake = FakeOffcloud()
    clock = fake.clock  # taken before serving, as a fixture would
    with fake.serve() as base_url, Offcloud(fake.api_key, base_url=base_url, clock=clock) as oc:
        request = oc.cloud.add(url="https://example.com/file.bin")
        done = oc.cloud.wait(request.request_id, timeout=30)
    assert done.status == "downloaded"
    assert slept  # the waits were real waits (on the stand-in), not fake-clock jumps
    assert sum(slept) < 30


def test_a_fake_given_a_clock_keeps_it_when_served() -> None:
    clock = FakeClock()
    fake = FakeOffcloud(clock=clock)
    with fake.serve():
        assert fake.clock is clock
