"""A big download: `oc.files.download` vs a bare httpx stream to disk, speed and peak memory.

Each download runs in a fresh interpreter, so its peak memory is its own. The budget is on the
single stream (`connections=1`): what the SDK's download costs over hand-written httpx. The
default, 8 connections, is shown beside it: on an uncapped loopback one connection already
fills the CPU, so splitting can only cost here (it pays where each connection is capped, which
`far_download.py` measures).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

from calls import KEY
from table import Plan, Row, limit_row

PEAK_MIB = r"""
import re
def peak_mib():  # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent at exec
    with open("/proc/self/status") as status:
        return int(re.search(r"VmHWM:\s+(\d+)", status.read()).group(1)) / 1024
"""

DOWNLOADER = (
    PEAK_MIB
    + r"""
import json, sys, time
import httpx
from offcloud_sdk import Offcloud
how, url, dest, key = sys.argv[1:5]
oc = Offcloud(key, base_url=url.rsplit("/", 1)[0])
http = httpx.Client()
oc.files  # everything imported and built before "at rest"
at_rest = peak_mib()
started = time.perf_counter()
if how == "sdk":
    oc.files.download(url, dest, connections=1)
elif how == "sdk8":
    oc.files.download(url, dest)  # the default: 8 connections
else:
    with http.stream("GET", url) as response, open(dest, "wb") as file:
        response.raise_for_status()
        for chunk in response.iter_bytes():
            file.write(chunk)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "at_rest": at_rest, "peak": peak_mib()}))
"""
)

BARE_INTERPRETER = PEAK_MIB + "print(peak_mib())"


def _download(how: str, url: str, dest: Path, size: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", DOWNLOADER, how, url, str(dest), KEY],
        capture_output=True,
        text=True,
        check=True,
    )
    assert dest.stat().st_size == size
    dest.unlink()
    result: dict[str, float] = json.loads(done.stdout)
    return result


def download(base_url: str, plan: Plan, dest_dir: Path) -> list[Row]:
    """6: MiB/s of each (median), and the SDK's peak RSS above an interpreter at rest."""
    url = f"{base_url}/big.bin"
    _download("bare", url, dest_dir / "warm.bin", plan.download_bytes)  # first touches cost more
    results: dict[str, list[dict[str, float]]] = {"sdk": [], "bare": []}
    for round_ in range(plan.download_rounds * 2):
        how = ("sdk", "bare")[(round_ + round_ // 2) % 2]  # sdk, bare, bare, sdk, sdk, bare...
        results[how].append(_download(how, url, dest_dir / f"{how}.bin", plan.download_bytes))
    results["sdk8"] = [
        _download("sdk8", url, dest_dir / "sdk8.bin", plan.download_bytes)
        for _ in range(plan.download_rounds)
    ]
    mib = plan.download_bytes / (1 << 20)
    speed = {
        how: statistics.median(mib / r["seconds"] for r in runs) for how, runs in results.items()
    }
    bare_interpreter = subprocess.run(
        [sys.executable, "-c", BARE_INTERPRETER], capture_output=True, text=True, check=True
    )
    interpreter = float(bare_interpreter.stdout)
    above = max(r["peak"] for r in (*results["sdk"], *results["sdk8"])) - interpreter
    size = f"{mib / 1024:g} GiB" if mib >= 1024 else f"{mib:g} MiB"
    return [
        Row(
            f"files.download of {size}, connections=1 (vs httpx stream to disk)",
            speed["sdk"],
            speed["bare"],
            "MiB/s",
            "ratio >= 0.9",
            speed["sdk"] / speed["bare"] >= 0.9,
        ),
        Row(
            f"files.download of {size}, 8 connections (the default) on loopback",
            speed["sdk8"],
            speed["bare"],
            "MiB/s",
            "shown",
            True,
        ),
        limit_row(
            f"files.download of {size}, 1 or 8 connections: peak RSS above a bare "
            f"interpreter ({interpreter:.0f} MiB)",
            above,
            "MiB",
            60,
            strict=True,
        ),
    ]
