"""The generated resources over respx: each sends the documented request and parses the answer.

Every case runs twice, through `Resources` and through `AsyncResources`, with the same body.
"""

from __future__ import annotations

import asyncio
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
from operation_cases import CASES, RID
from spec_support import as_json, fixture

BASE = "https://offcloud.test"
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
