"""`examples/tour.py` runs as written against respx answers for every operation."""

from __future__ import annotations

import asyncio
import importlib.util
from collections.abc import Iterator
from types import ModuleType

import pytest
import respx
from offcloud_api_client.api import TAGS, operations
from operation_cases import CASES, RID
from sdk_support import BASE, KEY, FakeClock
from spec_support import ROOT, fixture

from offcloud_sdk import AsyncOffcloud, Offcloud

DOWNLOADED = {"status": {"requestId": RID, "status": "downloaded", "fileName": "ubuntu.iso",
                         "server": "fr-3"}}  # fmt: skip


@pytest.fixture(scope="module")
def tour() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tour", ROOT / "examples" / "tour.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def offcloud() -> Iterator[dict[str, respx.Route]]:
    """Every operation answered with its fixture (status says downloaded); routes by id."""
    with respx.mock(base_url=BASE, assert_all_called=False) as mock:
        routes = {"cloud_status": mock.post("/api/cloud/status").respond(json=DOWNLOADED)}
        for operation_id, _, method, path, _, answer in CASES:
            if operation_id not in routes:
                route = mock.route(method=method, path=path.split("?")[0])
                routes[operation_id] = route.mock(return_value=fixture(answer).response())
        yield routes


def test_everything_uses_every_resource(
    tour: ModuleType, offcloud: dict[str, respx.Route], capsys: pytest.CaptureFixture[str]
) -> None:
    with Offcloud(KEY, base_url=BASE, clock=FakeClock()) as oc:
        tour.everything(oc, RID)
    used = {
        operations()[operation_id].tag for operation_id, route in offcloud.items() if route.called
    }
    assert used == set(TAGS)
    assert KEY not in capsys.readouterr().out


def test_everything_async(
    tour: ModuleType, offcloud: dict[str, respx.Route], capsys: pytest.CaptureFixture[str]
) -> None:
    async def run() -> None:
        async with AsyncOffcloud(KEY, base_url=BASE, clock=FakeClock()) as oc:
            await tour.everything_async(oc, RID)

    asyncio.run(run())
    out = capsys.readouterr().out
    assert "downloaded [" in out
    assert "{'0000000000000000000000000000000000000000': " in out


def test_the_main_job(
    tour: ModuleType,
    offcloud: dict[str, respx.Route],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OFFCLOUD_API_KEY", KEY)
    monkeypatch.setenv("OFFCLOUD_BASE_URL", BASE)
    offcloud["cache_info"].respond(json=[{"cached": True}])
    assert tour.main(["tour.py", "magnet:?xt=urn:btih:" + "a" * 40]) == 0
    out = capsys.readouterr().out
    assert "cached: True" in out
    assert "downloaded: ubuntu.iso" in out
    assert "https://" in out


def test_the_main_job_reports_errors(
    tour: ModuleType, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFCLOUD_BASE_URL", BASE)
    with respx.mock(base_url=BASE) as mock:
        mock.post("/api/cache/info").respond(401, json={"error": "NOAUTH"})
        assert tour.main(["tour.py", "a" * 40]) == 1
    assert capsys.readouterr().err.startswith("AuthError: NOAUTH")
    assert tour.main(["tour.py"]) == 2
