"""`cloud.wait`, `cloud.wait_all`, `cloud.files` and `cache.check`, on both clients."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx
from sdk_support import BASE, Harness
from spec_support import fixture

from offcloud_sdk import CloudFile
from offcloud_sdk.exceptions import (
    APITimeoutError,
    DownloadFailedError,
    InvalidArgumentError,
    NotFoundError,
    UnexpectedResponseError,
)

STATUS = f"{BASE}/api/cloud/status"
RID = "5f2b6c3e9d1a4b7c8e0f1a2b"
HASH = "08ada5a7a6183aae1e09d831df6748d566095a10"
HASH32 = "BCW2LJ5GDA5K4HQJ3AY56Z2I2VTASWQQ"  # HASH in base32


class StatusScript:
    """Answers cloud status calls from a script of status words per request id."""

    def __init__(self, script: dict[str, list[str]], **extra: Any) -> None:
        self.script = {rid: list(words) for rid, words in script.items()}
        self.extra = extra
        self.bodies: list[dict[str, Any]] = []

    def _next(self, rid: str) -> dict[str, Any]:
        words = self.script[rid]
        word = words.pop(0) if len(words) > 1 else words[0]
        return {"requestId": rid, "status": word, **self.extra.get(word, {})}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.bodies.append(body)
        if "requestIds" in body:
            items = [self._next(rid) for rid in body["requestIds"] if rid in self.script]
            return httpx.Response(200, json={"requests": items})
        return httpx.Response(200, json={"status": self._next(body["requestId"])})


def test_wait_polls_until_downloaded_backing_off_and_reporting_progress(harness: Harness) -> None:
    oc = harness.client()
    script = StatusScript(
        {RID: ["created", "downloading", "downloading", "downloading", "downloaded"]}
    )
    seen: list[str] = []
    with respx.mock() as mock:
        mock.post(STATUS).mock(side_effect=script)
        final = harness.go(
            oc.cloud.wait(RID, poll_interval=2.0, on_progress=lambda s: seen.append(s.status))
        )
    assert final.status == "downloaded"
    assert seen == ["created", "downloading", "downloading", "downloading", "downloaded"]
    assert script.bodies == [{"requestId": RID}] * 5
    assert harness.clock.sleeps == [2.0, 2.5, 3.125, 3.90625]


def test_wait_backoff_stops_at_the_cap(harness: Harness) -> None:
    oc = harness.client()
    script = StatusScript({RID: ["downloading"] * 8 + ["downloaded"]})
    with respx.mock() as mock:
        mock.post(STATUS).mock(side_effect=script)
        harness.go(oc.cloud.wait(RID, poll_interval=2.0, max_poll_interval=4.0))
    assert harness.clock.sleeps == [2.0, 2.5, 3.125, 3.90625, 4.0, 4.0, 4.0, 4.0]


@pytest.mark.parametrize("word", ["error", "canceled"])
def test_wait_raises_download_failed_with_offcloud_s_message(harness: Harness, word: str) -> None:
    oc = harness.client()
    script = StatusScript(
        {RID: ["downloading", word]},
        **{word: {"errorMessage": "The file is not available on the server."}},
    )
    with respx.mock() as mock:
        mock.post(STATUS).mock(side_effect=script)
        with pytest.raises(DownloadFailedError, match="not available on the server") as caught:
            harness.go(oc.cloud.wait(RID))
    assert caught.value.request_id == RID
    assert caught.value.status is not None
    assert caught.value.status.status == word


def test_wait_gives_up_with_a_timeout_error_and_never_sleeps_past_it(harness: Harness) -> None:
    oc = harness.client()
    script = StatusScript({RID: ["downloading"]}, downloading={"progress": 0.42})
    with respx.mock() as mock:
        mock.post(STATUS).mock(side_effect=script)
        with pytest.raises(APITimeoutError, match=r"after 10 s: .*downloading 42%"):
            harness.go(oc.cloud.wait(RID, timeout=10, poll_interval=4.0))
    assert sum(harness.clock.sleeps) == pytest.approx(10.0)
    assert harness.clock.sleeps == [4.0, 5.0, 1.0]


def test_wait_all_asks_one_call_per_100_ids_per_poll(harness: Harness) -> None:
    oc = harness.client()
    ids = [f"{n:024x}" for n in range(250)]
    script = StatusScript({rid: ["downloading", "downloaded"] for rid in ids})
    progress: list[str] = []
    with respx.mock() as mock:
        route = mock.post(STATUS).mock(side_effect=script)
        final = harness.go(
            oc.cloud.wait_all(ids, on_progress=lambda s: progress.append(s.request_id))
        )
    assert list(final) == ids
    assert {s.status for s in final.values()} == {"downloaded"}
    assert route.call_count == 6  # two polls x three batches
    assert [len(body["requestIds"]) for body in script.bodies] == [100, 100, 50] * 2
    assert len(progress) == 500
    assert harness.clock.sleeps == [2.0]


def test_wait_all_only_asks_for_the_ones_still_pending(harness: Harness) -> None:
    oc = harness.client()
    a, b = RID, RID[:-1] + "c"
    script = StatusScript({a: ["downloaded"], b: ["queued", "downloading", "downloaded"]})
    with respx.mock() as mock:
        mock.post(STATUS).mock(side_effect=script)
        harness.go(oc.cloud.wait_all([a, b, a]))
    assert script.bodies == [{"requestIds": [a, b]}, {"requestIds": [b]}, {"requestIds": [b]}]


def test_wait_all_can_return_failures_instead_of_raising(harness: Harness) -> None:
    oc = harness.client()
    a, b = RID, RID[:-1] + "c"
    script = StatusScript({a: ["downloaded"], b: ["error"]})
    with respx.mock() as mock:
        mock.post(STATUS).mock(side_effect=script)
        final = harness.go(oc.cloud.wait_all([a, b], raise_on_error=False))
        with pytest.raises(DownloadFailedError, match=b):
            harness.go(oc.cloud.wait_all([a, b]))
    assert {rid: s.status for rid, s in final.items()} == {a: "downloaded", b: "error"}


def test_wait_all_of_nothing_asks_nothing(harness: Harness) -> None:
    with respx.mock():
        assert harness.go(harness.client().cloud.wait_all([])) == {}


def test_wait_refuses_a_non_positive_interval(harness: Harness) -> None:
    with pytest.raises(InvalidArgumentError):
        harness.go(harness.client().cloud.wait(RID, poll_interval=0))


def explore_route(mock: respx.MockRouter) -> respx.Route:
    return mock.get(f"{BASE}/api/cloud/explore/{RID}", params={"format": "detailed"})


def test_files_reads_the_detailed_explore(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        explore_route(mock).mock(return_value=fixture("cloud_explore/detailed").response())
        files = harness.go(oc.cloud.files(RID))
    detailed = fixture("cloud_explore/detailed").body["files"]
    assert files == [
        CloudFile(name=f["name"], url=f["url"], size=f.get("size"), path=f.get("path"))
        for f in detailed
    ]


def test_files_reads_the_classic_list_of_links(harness: Harness) -> None:
    oc = harness.client()
    links = [
        *fixture("cloud_explore/links").body,
        "https://fr-3.offcloud.com/cloud/download/x/3/Season%201/",
        "https://fr-3.offcloud.com/cloud/download/x/4/Season 1.aria2",
    ]
    with respx.mock() as mock:
        explore_route(mock).respond(json=links)
        files = harness.go(oc.cloud.files(RID))
    assert [(f.name, f.path, f.size) for f in files] == [
        ("episode 01.mkv", "Season 1/episode 01.mkv", None),
        ("episode 02.mkv", "Season 1/episode 02.mkv", None),
    ]
    assert files[0].url == links[0]


@pytest.mark.parametrize(
    ("base_url", "origin"),
    [
        ("https://offcloud.com", "https://fr-3.offcloud.com"),
        ("https://api.offcloud.com", "https://fr-3.offcloud.com"),
        (BASE, BASE),  # a sandbox or proxy serves the files itself
    ],
)
def test_files_of_a_single_file_request_builds_the_link_from_status(
    harness: Harness, base_url: str, origin: str
) -> None:
    oc = harness.client(base_url=base_url)
    status = {"status": {"requestId": RID, "status": "downloaded", "fileName": "my file #1.iso",
                         "fileSize": "1024", "server": "fr-3"}}  # fmt: skip
    with respx.mock() as mock:
        mock.get(f"{base_url}/api/cloud/explore/{RID}").mock(
            return_value=fixture("cloud_explore/bad-archive").response()
        )
        mock.post(f"{base_url}/api/cloud/status").respond(json=status)
        (only,) = harness.go(oc.cloud.files(RID))
    assert only == CloudFile(
        name="my file #1.iso",
        url=f"{origin}/cloud/download/{RID}/my%20file%20%231.iso",
        size=1024,
        path="my file #1.iso",
    )


def test_files_of_a_request_that_is_not_ready_says_so(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        explore_route(mock).respond(json={"error": "Bad archive"})
        mock.post(STATUS).respond(json={"status": {"requestId": RID, "status": "downloading"}})
        with pytest.raises(UnexpectedResponseError, match="downloaded yet"):
            harness.go(oc.cloud.files(RID))


def test_files_passes_other_errors_on(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        explore_route(mock).respond(404, text="Page not found.")
        with pytest.raises(NotFoundError):
            harness.go(oc.cloud.files(RID))


def test_cache_check_normalises_batches_and_keys_by_what_was_passed(harness: Harness) -> None:
    oc = harness.client()
    items = [
        HASH.upper(),
        f"magnet:?xt=urn:btih:{HASH}&dn=Ubuntu",
        HASH32,
        *[f"{n:040x}" for n in range(150)],
    ]
    asked: list[list[str]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        urls = json.loads(request.content)["urls"]
        asked.append(urls)
        return httpx.Response(200, json=[{"cached": url.endswith(HASH)} for url in urls])

    with respx.mock() as mock:
        mock.post(f"{BASE}/api/cache/info").mock(side_effect=answer)
        cached = harness.go(oc.cache.check(items))
    assert list(cached) == items
    assert [cached[item] for item in items[:3]] == [True, True, True]
    assert not any(cached[item] for item in items[3:])
    assert [len(urls) for urls in asked] == [100, 51]
    assert asked[0][0] == f"magnet:?xt=urn:btih:{HASH}"


def test_cache_check_on_the_classic_api_sends_hashes(harness: Harness) -> None:
    oc = harness.client(key_in="query")
    with respx.mock() as mock:
        route = mock.post(url__startswith=f"{BASE}/api/cache").respond(
            json={"cachedItems": [HASH.upper()]}
        )
        cached = harness.go(oc.cache.check([HASH, "0" * 40]))
    assert cached == {HASH: True, "0" * 40: False}
    assert json.loads(route.calls.last.request.content) == {"hashes": [HASH, "0" * 40]}


def test_cache_check_refuses_what_is_not_a_hash_before_sending(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock(), pytest.raises(InvalidArgumentError, match="not a BitTorrent infohash"):
        harness.go(oc.cache.check([HASH, "magnet:?dn=nohash"]))


def test_cache_check_notices_a_misaligned_answer(harness: Harness) -> None:
    oc = harness.client()
    with respx.mock() as mock:
        mock.post(f"{BASE}/api/cache/info").respond(json=[{"cached": True}])
        with pytest.raises(UnexpectedResponseError, match="one per magnet"):
            harness.go(oc.cache.check([HASH, "0" * 40]))


def test_wait_gives_up_on_a_request_offcloud_never_reports(harness: Harness) -> None:
    oc = harness.client()
    other = RID[:-1] + "c"
    script = StatusScript({other: ["downloading"]})
    with respx.mock() as mock:
        route = mock.post(STATUS).mock(side_effect=script)
        with pytest.raises(NotFoundError, match=f"left cloud request {RID} out of 3"):
            harness.go(oc.cloud.wait_all([RID, other]))
    assert route.call_count == 3
