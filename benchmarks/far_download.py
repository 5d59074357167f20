"""Downloads from a far server: the SDK on 1 and 8 connections, bare httpx, aria2c and curl.

The sandbox runs in its own process (`offcloud sandbox`) as a far server: each connection
capped at 8 MiB/s, 20 ms before the first byte of each file request, 100 ms before each API
answer, and one file of 256 MiB (64 MiB with `--quick`). Each download runs in a fresh process
(the SDK's and bare httpx's, timed around the download call; aria2c's and curl's, timed around
the command) and is checked byte for byte. `AsyncOffcloud.cache.check` of 10,000 hashes is
timed against the same server.

    .venv/bin/python benchmarks/far_download.py            # about two minutes
    .venv/bin/python benchmarks/far_download.py --quick    # a 64 MiB file, one round
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs
from big_download import PEAK_MIB
from table import (
    FULL,
    QUICK,
    Plan,
    Row,
    at_least_row,
    failed_row,
    limit_row,
    machine,
    min_ratio_row,
    render,
)

from offcloud_sdk import AsyncOffcloud
from offcloud_sdk.exceptions import OffcloudError
from offcloud_sdk.testing import FakeFile

MiB = 1 << 20
SPEED = 8 * MiB
"""Bytes per second each connection may carry."""
CONNECTIONS = 8
FIRST_BYTE = "20ms"
API_LATENCY = "100ms"
HASHES = 10_000
FILE_NAME = "big.bin"
"""The name `offcloud sandbox --file-size` gives its file, which seeds the file's bytes."""
RSS_LIMIT = 60
CHECK_SECONDS = 2.0
ARIA2 = ["-x8", "-s8", "-k1M", "--file-allocation=none", "--allow-overwrite=true"]
ARIA2_QUIET = ["--auto-file-renaming=false", "-q"]

DOWNLOADER = (
    PEAK_MIB
    + r"""
import json, sys, time
how, url, dest, key, connections = sys.argv[1:6]
try:
    import httpx
    from offcloud_sdk import Offcloud
    oc = Offcloud(key, base_url=url.split("/cloud/download/")[0])
    http = httpx.Client()
    oc.files  # everything imported and built before the clock starts
    started = time.perf_counter()
    if how == "sdk":
        oc.files.download(url, dest, connections=int(connections))
    else:
        with http.stream("GET", url) as response, open(dest, "wb") as file:
            response.raise_for_status()
            for chunk in response.iter_bytes():
                file.write(chunk)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak": peak_mib()}))
except Exception as exc:  # reported in the table: a row that failed, with why
    print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}))
"""
)


@attrs.frozen
class Sandbox:
    """The far sandbox as it announced itself."""

    base_url: str
    api_key: str
    file_url: str


@attrs.frozen
class Run:
    """One download: its seconds and peak RSS (MiB), or why it failed."""

    seconds: float = math.nan
    peak: float = math.nan
    error: str | None = None


@contextmanager
def far_sandbox(size: int) -> Iterator[Sandbox]:
    """`offcloud sandbox` as a far server with a file of `size` bytes, in its own process."""
    command = [
        sys.executable, "-m", "offcloud_sdk.cli", "--json", "sandbox",
        "--connection-speed", str(SPEED), "--latency", FIRST_BYTE,
        "--api-latency", API_LATENCY, "--file-size", str(size),
    ]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        lines: list[str] = []
        while not lines or lines[-1] != "}\n":  # the JSON object, printed with indent=2
            line = server.stdout.readline()
            if not line:
                _, said = server.communicate(timeout=10)
                raise RuntimeError(f"the sandbox ended before it served: {said.strip()}")
            lines.append(line)
        announced = json.loads("".join(lines))
        yield Sandbox(announced["base_url"], announced["api_key"], announced["file_url"])
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)  # stops it as Ctrl-C does
        try:
            server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()


def check_file(path: Path, size: int) -> str | None:
    """Why `path` is not the sandbox's file of `size` bytes (None: it is); removes it."""
    try:
        if not path.is_file():
            return "no file written"
        if path.stat().st_size != size:
            return f"{path.stat().st_size} bytes written, not {size}"
        with path.open("rb") as file:
            for position, expected in _positions(FakeFile(FILE_NAME, size)):
                if file.read(len(expected)) != expected:
                    return f"wrong bytes at {position}"
        return None
    finally:
        path.unlink(missing_ok=True)


def _positions(file: FakeFile) -> Iterator[tuple[int, bytes]]:
    position = 0
    for chunk in file.chunks():
        yield position, chunk
        position += len(chunk)


def in_child(how: str, sandbox: Sandbox, dest: Path, size: int, connections: int = 1) -> Run:
    """A download by the SDK (`how="sdk"`) or bare httpx (`"bare"`) in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", DOWNLOADER, how, sandbox.file_url, str(dest), sandbox.api_key,
         str(connections)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    try:
        result = json.loads(done.stdout)
    except ValueError:
        return Run(error=f"exit {done.returncode}: {done.stderr.strip()[-200:]}")
    if "error" in result:
        dest.unlink(missing_ok=True)
        return Run(error=str(result["error"]))
    wrong = check_file(dest, size)
    return Run(result["seconds"], result["peak"], wrong)


def with_tool(command: list[str], dest: Path, size: int) -> Run:
    """A download by an external command, timed around it."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode:
        dest.unlink(missing_ok=True)
        return Run(error=f"exit {done.returncode}: {(done.stderr or done.stdout).strip()[:200]}")
    return Run(seconds, error=check_file(dest, size))


def aria2c(sandbox: Sandbox, dest: Path, size: int) -> Run:
    """`aria2c -x8 -s8` (1 MiB pieces at the least, no preallocation, quiet)."""
    command = ["aria2c", *ARIA2, "-d", str(dest.parent), "-o", dest.name, *ARIA2_QUIET]
    return with_tool([*command, sandbox.file_url], dest, size)


def curl(sandbox: Sandbox, dest: Path, size: int) -> Run:
    """`curl` on one connection."""
    return with_tool(["curl", "-sSf", "-o", str(dest), sandbox.file_url], dest, size)


def cache_check(sandbox: Sandbox) -> Run:
    """`AsyncOffcloud.cache.check` over 10,000 hashes (none cached), timed."""
    hashes = [secrets.token_hex(20) for _ in range(HASHES)]

    async def check() -> Run:
        async with AsyncOffcloud(sandbox.api_key, base_url=sandbox.base_url) as oc:
            started = time.perf_counter()
            cached = await oc.cache.check(hashes)
            seconds = time.perf_counter() - started
        if len(cached) != HASHES or any(cached.values()):
            return Run(error=f"a wrong answer: {len(cached)} items")
        return Run(seconds)

    try:
        return asyncio.run(check())
    except OffcloudError as exc:
        return Run(error=f"{type(exc).__name__}: {exc}")


def measure(plan: Plan, dest_dir: Path) -> dict[str, list[Run]]:
    """Every download of the table, by contender; `check` holds the cache.check time."""
    size = plan.far_bytes
    runs: dict[str, list[Run]] = {"sdk1": [], "bare": [], "sdk8": [], "aria2c": [], "curl": []}
    with far_sandbox(size) as sandbox:
        # one each on one connection (capped: they vary little), then the fast ones in turns
        runs["sdk1"].append(in_child("sdk", sandbox, dest_dir / "sdk1.bin", size))
        runs["bare"].append(in_child("bare", sandbox, dest_dir / "bare.bin", size))
        if shutil.which("curl"):
            runs["curl"].append(curl(sandbox, dest_dir / "curl.bin", size))
        for round_ in range(plan.far_rounds):
            sdk8 = dest_dir / "sdk8.bin"
            contenders = ["sdk8", "aria2c"] if round_ % 2 == 0 else ["aria2c", "sdk8"]
            for who in contenders:
                if who == "sdk8":
                    runs[who].append(in_child("sdk", sandbox, sdk8, size, CONNECTIONS))
                elif shutil.which("aria2c"):
                    runs[who].append(aria2c(sandbox, dest_dir / "aria2c.bin", size))
        runs["check"] = [cache_check(sandbox)]
    return runs


def speed(runs: list[Run], size: int) -> float | str:
    """The median MiB/s of `runs`, or why there is none (the first error)."""
    failed = [run.error for run in runs if run.error]
    if failed:
        return failed[0]
    if not runs:
        return "not run"
    return statistics.median(size / MiB / run.seconds for run in runs)


def rows(runs: dict[str, list[Run]], size: int) -> list[Row]:
    """The table's rows from the runs (a contender that failed fails its rows, saying why)."""
    label = f"{size / MiB:g} MiB at 8 MiB/s per connection, {FIRST_BYTE} to first byte"
    sdk1, bare, sdk8 = (speed(runs[who], size) for who in ("sdk1", "bare", "sdk8"))
    aria, curl_speed = speed(runs["aria2c"], size), speed(runs["curl"], size)
    floor = 0.9 * CONNECTIONS * SPEED / MiB
    table: list[Row] = []

    one = f"files.download, connections=1, {label} (vs a bare httpx stream)"
    if isinstance(sdk1, str) or isinstance(bare, str):
        why = sdk1 if isinstance(sdk1, str) else f"httpx: {bare}"
        table.append(failed_row(one, str(why), "MiB/s", "ratio >= 0.9"))
    else:
        table.append(min_ratio_row(one, sdk1, bare, "MiB/s", 0.9))

    eight = f"files.download, connections={CONNECTIONS}"
    if isinstance(sdk8, str):
        table.append(failed_row(f"{eight} (vs 0.9 x 8 x 8 MiB/s)", sdk8, "MiB/s", f">= {floor}"))
        table.append(failed_row(f"{eight} (vs aria2c)", sdk8, "MiB/s", "ratio >= 1"))
    else:
        table.append(at_least_row(f"{eight} (vs 0.9 x 8 x 8 MiB/s)", sdk8, "MiB/s", floor))
        if isinstance(aria, str):
            table.append(
                failed_row(f"{eight} (vs aria2c)", "no aria2c figure", "MiB/s", "ratio >= 1")
            )
        else:
            table.append(min_ratio_row(f"{eight} (vs aria2c -x8 -s8)", sdk8, aria, "MiB/s", 1.0))

    reference = "aria2c -x8 -s8 -k1M (the reference, not the SDK)"
    if not shutil.which("aria2c"):
        table.append(failed_row("aria2c", "missing: apt-get install aria2", "MiB/s", "reference"))
    elif isinstance(aria, str):
        table.append(failed_row(reference, aria, "MiB/s", "reference"))
    else:
        table.append(Row(reference, aria, None, "MiB/s", "reference", True))

    if shutil.which("curl"):
        if isinstance(curl_speed, str):
            table.append(Row(f"curl, one connection: {curl_speed}", math.nan, None, "MiB/s",
                             "shown", True))  # fmt: skip
        else:
            table.append(Row("curl, one connection (not the SDK)", curl_speed, None, "MiB/s",
                             "shown", True))  # fmt: skip

    memory = f"files.download, connections={CONNECTIONS}: peak RSS of its process"
    peaks = [run.peak for run in runs["sdk8"] if not run.error]
    if peaks:
        table.append(limit_row(memory, max(peaks), "MiB", RSS_LIMIT, strict=True))
    else:
        table.append(failed_row(memory, str(sdk8), "MiB", f"< {RSS_LIMIT} MiB"))

    check = f"AsyncOffcloud.cache.check of {HASHES:,} hashes, {API_LATENCY} per API call"
    (checked,) = runs["check"]
    if checked.error:
        table.append(failed_row(check, checked.error, "s", f"<= {CHECK_SECONDS:g} s"))
    else:
        table.append(limit_row(check, checked.seconds, "s", CHECK_SECONDS))
    return table


def far_download(plan: Plan, dest_dir: Path) -> list[Row]:
    """7: the far-server downloads and the bulk check, as rows of the table."""
    return rows(measure(plan, dest_dir), plan.far_bytes)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 64 MiB file, one round")
    parser.add_argument("--dest-dir", type=Path, help="where downloads go (default: /dev/shm)")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    shm = Path("/dev/shm")
    parent = args.dest_dir or (shm if shm.is_dir() and os.access(shm, os.W_OK) else None)
    with tempfile.TemporaryDirectory(dir=parent, prefix="offcloud-far-") as folder:
        table = far_download(plan, Path(folder))
    print(f"Machine: {machine()}")
    print()
    print(render(table))
    return 0 if all(row.met for row in table) else 1


if __name__ == "__main__":
    sys.exit(main())
