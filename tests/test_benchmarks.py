"""The benchmarks keep working: their server, their counting and their table (not their timing).

`benchmarks/run.py` is not part of the test run (its figures are timings); these tests make
sure a change to the SDK cannot quietly break it, and check the call-economy budgets, which
are counts, not times.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from offcloud_sdk import Offcloud

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import calls
import economy
import startup
import table


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with calls.loopback_server(1 << 20) as base_url:
        yield base_url


def test_the_loopback_server_answers_status_as_the_sandbox_does(server: str) -> None:
    with Offcloud(calls.KEY, base_url=server) as oc:
        status = oc.cloud.status(request_id=calls.REQUEST_ID)
    assert status.status.request_id == calls.REQUEST_ID
    assert status.status.status == "downloaded"


def test_the_loopback_server_serves_the_file_and_ranges(server: str) -> None:
    with httpx.Client() as http:
        whole = http.get(f"{server}/big.bin")
        tail = http.get(f"{server}/big.bin", headers={"Range": "bytes=1048570-"})
    assert (whole.status_code, len(whole.content)) == (200, 1 << 20)
    assert (tail.status_code, tail.content) == (206, b"\0" * 6)
    assert tail.headers["content-range"] == "bytes 1048570-1048575/1048576"


def test_call_economy_meets_its_budgets() -> None:
    rows = economy.call_economy()
    assert [(row.ours, row.met) for row in rows] == [(10.0, True), (100, True)]


def test_import_time_is_read_from_importtime_output() -> None:
    assert startup.import_ms("import json") > 0


def test_the_table_and_its_verdicts() -> None:
    rows = [
        table.ratio_row("fast", 105.0, 100.0, "us", 1.10),
        table.ratio_row("slow", 120.0, 100.0, "us", 1.10),
        table.limit_row("memory", 60.0, "MiB", 60, strict=True),
    ]
    assert [row.met for row in rows] == [True, False, False]
    lines = table.render(rows).splitlines()
    assert lines[2] == "| fast | 105.0 us | 100.0 us | 1.05 | ratio <= 1.1 | yes |"
    assert lines[4] == "| memory | 60.0 MiB |  |  | < 60 MiB | NO |"


def test_alternating_takes_turns_and_gives_medians() -> None:
    order: list[str] = []
    ours_times = iter([1.0, 3.0, 2.0])
    base_times = iter([10.0, 30.0, 20.0])

    def ours() -> float:
        order.append("ours")
        return next(ours_times)

    def base() -> float:
        order.append("base")
        return next(base_times)

    assert table.alternating(3, ours, base) == (2.0, 20.0)
    assert order == ["ours", "base", "base", "ours", "ours", "base"]
