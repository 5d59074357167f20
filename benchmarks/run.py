"""What offcloud-sdk costs over hand-written httpx (and over the seed's requests), in one table.

    .venv/bin/python benchmarks/run.py            # about two minutes
    .venv/bin/python benchmarks/run.py --quick    # fewer rounds, a smaller file: a smoke run

Every figure is measured side by side with its baseline in the same run, against a server on
a loopback port started by this script (`loopback_server.py`, in its own process), as the
median over rounds that alternate which side goes first. The table ends with each budget
(also kept in RESULTS.md) and whether it was met; the exit status is 1 if one was missed.
Needs the `dev` extra (for `requests`, the seed's HTTP library).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs
import httpx
import requests

from offcloud_sdk import AsyncOffcloud, Offcloud
from offcloud_sdk.testing import FakeClock, FakeOffcloud

HERE = Path(__file__).resolve().parent
KEY = "BenchmarkApiKey00000000000000001"
REQUEST_ID = "6a0000000000000000000001"
STATUS_PATH = "/api/cloud/status"


@attrs.frozen
class Row:
    """One line of the table: our figure, the baseline's, and the budget on the two."""

    measure: str
    ours: float
    baseline: float | None
    unit: str
    budget: str
    met: bool

    @property
    def ratio(self) -> float | None:
        return None if self.baseline is None else self.ours / self.baseline


@attrs.frozen
class Plan:
    """How much to measure: `--quick` shrinks every figure, not what is measured."""

    rounds: int
    calls: int
    batches: int
    import_runs: int
    download_bytes: int
    download_rounds: int


FULL = Plan(
    rounds=41, calls=250, batches=9, import_runs=21, download_bytes=1 << 30, download_rounds=3
)
QUICK = Plan(
    rounds=5, calls=100, batches=3, import_runs=3, download_bytes=64 << 20, download_rounds=1
)


def ratio_row(measure: str, ours: float, base: float, unit: str, at_most: float) -> Row:
    return Row(measure, ours, base, unit, f"ratio <= {at_most}", ours / base <= at_most)


# -- timing -----------------------------------------------------------------------------------


def alternating(
    rounds: int, ours: Callable[[], float], base: Callable[[], float]
) -> tuple[float, float]:
    """Medians of `rounds` timings of each side, the side going first alternating by round."""
    ours_times: list[float] = []
    base_times: list[float] = []
    for round_ in range(rounds):
        if round_ % 2:
            base_times.append(base())
            ours_times.append(ours())
        else:
            ours_times.append(ours())
            base_times.append(base())
    return statistics.median(ours_times), statistics.median(base_times)


def per_call(calls: int, call: Callable[[], object]) -> Callable[[], float]:
    def timed() -> float:
        started = time.perf_counter()
        for _ in range(calls):
            call()
        return (time.perf_counter() - started) / calls * 1e6

    return timed


@contextmanager
def loopback_server(size: int) -> Iterator[str]:
    """The minimal server in its own process; yields its base URL."""
    server = subprocess.Popen(
        [sys.executable, str(HERE / "loopback_server.py"), "--size", str(size)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        yield server.stdout.readline().strip()
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=30)


# -- 1, 2: one call at a time -----------------------------------------------------------------


def bare_status(http: httpx.Client, base_url: str) -> object:
    """`cloud.status` written by hand: what the SDK's call is compared with."""
    response = http.post(
        f"{base_url}{STATUS_PATH}",
        json={"requestId": REQUEST_ID},
        headers={"Authorization": f"Bearer {KEY}"},
    )
    response.raise_for_status()
    return response.json()


def sync_calls(base_url: str, plan: Plan) -> list[Row]:
    with httpx.Client() as http, requests.Session() as session:
        oc = Offcloud(KEY, base_url=base_url, http_client=http)

        def sdk() -> object:
            return oc.cloud.status(request_id=REQUEST_ID)

        def bare() -> object:
            return bare_status(http, base_url)

        def seed() -> object:  # the seed client: form body, key in the query, requests.Session
            response = session.post(
                f"{base_url}{STATUS_PATH}", params={"key": KEY}, data={"requestId": REQUEST_ID}
            )
            response.raise_for_status()
            return response.json()

        for call in (sdk, bare, seed):
            per_call(plan.calls // 4, call)()  # warm the pool and every cache
        ours, base = alternating(plan.rounds, per_call(plan.calls, sdk), per_call(plan.calls, bare))
        ours_again, seed_time = alternating(
            plan.rounds, per_call(plan.calls, sdk), per_call(plan.calls, seed)
        )
    return [
        ratio_row("cloud.status, sync (vs bare httpx.Client)", ours, base, "us/call", 1.10),
        Row(
            "cloud.status, sync (vs the seed's requests.Session)",
            ours_again,
            seed_time,
            "us/call",
            "ratio <= 1.0",
            ours_again <= seed_time,
        ),
    ]


def async_calls(base_url: str, plan: Plan) -> list[Row]:
    async def measure() -> list[Row]:
        limits = httpx.Limits(max_connections=50, max_keepalive_connections=50)
        async with httpx.AsyncClient(limits=limits) as http:
            oc = AsyncOffcloud(KEY, base_url=base_url, http_client=http)

            async def sdk() -> object:
                return await oc.cloud.status(request_id=REQUEST_ID)

            async def bare() -> object:
                response = await http.post(
                    f"{base_url}{STATUS_PATH}",
                    json={"requestId": REQUEST_ID},
                    headers={"Authorization": f"Bearer {KEY}"},
                )
                response.raise_for_status()
                return response.json()

            async def one_by_one(call: Callable[[], Awaitable[object]]) -> float:
                started = time.perf_counter()
                for _ in range(plan.calls):
                    await call()
                return (time.perf_counter() - started) / plan.calls * 1e6

            async def fifty_in_flight(call: Callable[[], Awaitable[object]]) -> float:
                slots = asyncio.Semaphore(50)

                async def one() -> None:
                    async with slots:
                        await call()

                started = time.perf_counter()
                await asyncio.gather(*(one() for _ in range(1000)))
                return (time.perf_counter() - started) * 1e3

            await fifty_in_flight(sdk)  # warm: opens the 50 connections
            await fifty_in_flight(bare)
            sequential = await alternating_async(plan.rounds, one_by_one, sdk, bare)
            concurrent = await alternating_async(plan.batches, fifty_in_flight, sdk, bare)
        return [
            ratio_row(
                "cloud.status, async (vs bare httpx.AsyncClient)", *sequential, "us/call", 1.10
            ),
            ratio_row("1,000 async calls, 50 in flight", *concurrent, "ms/batch", 1.15),
        ]

    return asyncio.run(measure())


async def alternating_async(
    rounds: int,
    timed: Callable[[Callable[[], Awaitable[object]]], Awaitable[float]],
    ours: Callable[[], Awaitable[object]],
    base: Callable[[], Awaitable[object]],
) -> tuple[float, float]:
    ours_times: list[float] = []
    base_times: list[float] = []
    for round_ in range(rounds):
        order = (
            [(base, base_times), (ours, ours_times)]
            if round_ % 2
            else [
                (ours, ours_times),
                (base, base_times),
            ]
        )
        for call, times in order:
            times.append(await timed(call))
    return statistics.median(ours_times), statistics.median(base_times)


# -- 3: import ----------------------------------------------------------------------------------


def import_ms(statement: str) -> float:
    """Milliseconds `statement` spends importing, by `-X importtime`, in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
    )
    total = 0
    for line in done.stderr.splitlines():
        fields = line.split("|")
        # top-level imports only: their cumulative time includes everything below them
        top_level = len(fields) == 3 and not fields[2].startswith("  ")
        if top_level and fields[1].strip().isdigit():
            total += int(fields[1])
    return total / 1000


def imports(plan: Plan) -> list[Row]:
    statements = {
        "startup": "pass",  # what the interpreter imports itself, taken off the others
        "httpx": "import httpx",
        "package": "import offcloud_sdk",
        "client": "from offcloud_sdk import Offcloud",
    }
    times: dict[str, list[float]] = {name: [] for name in statements}
    for _ in range(plan.import_runs):
        for name, statement in statements.items():
            times[name].append(import_ms(statement))
    startup = statistics.median(times.pop("startup"))
    median = {name: statistics.median(values) - startup for name, values in times.items()}
    command = shutil.which("offcloud", path=str(Path(sys.executable).parent))
    help_runs: list[float] = []
    for _ in range(max(3, plan.import_runs // 2)):
        started = time.perf_counter()
        subprocess.run([command or "offcloud", "--help"], capture_output=True, check=True)
        help_runs.append(time.perf_counter() - started)
    help_seconds = statistics.median(help_runs)
    return [
        ratio_row(
            "import offcloud_sdk (vs import httpx)", median["package"], median["httpx"], "ms", 1.5
        ),
        ratio_row(
            "from offcloud_sdk import Offcloud (vs import httpx)",
            median["client"],
            median["httpx"],
            "ms",
            1.5,
        ),
        Row(
            "offcloud --help, wall time",
            help_seconds * 1e3,
            None,
            "ms",
            "< 500 ms",
            help_seconds < 0.5,
        ),
    ]


# -- 5: call economy ----------------------------------------------------------------------------


def call_economy() -> list[Row]:
    """Requests sent by `cloud.wait_all` over 1,000 running requests and `cache.check` of 10,000."""
    clock = FakeClock()
    fake = FakeOffcloud(clock=clock)
    with Offcloud(fake.api_key, http_client=fake.client(), clock=clock) as oc:
        ids = [oc.cloud.add(url=fake.add_torrent(f"Show {n}")).request_id for n in range(1000)]
        running = [fake.status_of(fake.requests[i])["status"] for i in ids]
        assert "downloaded" not in running, "the requests must still be running"
        calls_before, clock.sleeps[:] = len(fake.calls), []
        oc.cloud.wait_all(ids)
        status_calls = sum(1 for _, path in fake.calls[calls_before:] if path == STATUS_PATH)
        polls = len(clock.sleeps) + 1  # a pause between polls, none after the last
        hashes = [secrets.token_hex(20) for _ in range(10_000)]
        calls_before = len(fake.calls)
        answer = oc.cache.check(hashes)
        assert len(answer) == len(hashes)
        check_calls = len(fake.calls) - calls_before
    per_poll = status_calls / polls
    return [
        Row(
            "cloud.wait_all of 1,000 requests: requests per poll",
            per_poll,
            None,
            "requests",
            "<= 10",
            per_poll <= 10,
        ),
        Row(
            "cache.check of 10,000 hashes: requests",
            check_calls,
            None,
            "requests",
            "<= 100",
            check_calls <= 100,
        ),
    ]


# -- 6: a big download --------------------------------------------------------------------------

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
    oc.files.download(url, dest)
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


def download(base_url: str, plan: Plan, dest_dir: Path) -> list[Row]:
    url = f"{base_url}/big.bin"

    def run(how: str) -> dict[str, float]:
        dest = dest_dir / f"{how}.bin"
        done = subprocess.run(
            [sys.executable, "-c", DOWNLOADER, how, url, str(dest), KEY],
            capture_output=True,
            text=True,
            check=True,
        )
        assert dest.stat().st_size == plan.download_bytes
        dest.unlink()
        result: dict[str, float] = json.loads(done.stdout)
        return result

    results: dict[str, list[dict[str, float]]] = {"sdk": [], "bare": []}
    for round_ in range(plan.download_rounds * 2):
        how = ("sdk", "bare")[(round_ + round_ // 2) % 2]  # sdk, bare, bare, sdk, sdk, bare...
        results[how].append(run(how))
    mib = plan.download_bytes / (1 << 20)
    speed = {
        how: statistics.median(mib / r["seconds"] for r in runs) for how, runs in results.items()
    }
    interpreter = float(
        subprocess.run(
            [sys.executable, "-c", BARE_INTERPRETER], capture_output=True, text=True
        ).stdout
    )
    peak = max(r["peak"] for r in results["sdk"])
    above = peak - interpreter
    size = f"{mib / 1024:g} GiB" if mib >= 1024 else f"{mib:g} MiB"
    return [
        Row(
            f"files.download of {size} (vs httpx stream to disk)",
            speed["sdk"],
            speed["bare"],
            "MiB/s",
            "ratio >= 0.9",
            speed["sdk"] / speed["bare"] >= 0.9,
        ),
        Row(
            f"files.download of {size}: peak RSS above a bare interpreter ({interpreter:.0f} MiB)",
            above,
            None,
            "MiB",
            "< 60 MiB",
            above < 60,
        ),
    ]


# -- the table ----------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with open("/proc/cpuinfo") if os.path.exists("/proc/cpuinfo") else open(os.devnull) as info:
        names = re.findall(r"model name\s*:\s*(.+)", info.read())
    if names:
        cpu = names[0]
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs ({cpu}), "
        f"Python {platform.python_version()}, httpx {httpx.__version__}, "
        f"requests {requests.__version__}"
    )


def table(rows: list[Row]) -> str:
    lines = [
        "| measure | offcloud-sdk | baseline | ratio | budget | met |",
        "|---|---:|---:|---:|---|---|",
    ]
    for row in rows:
        base = "" if row.baseline is None else f"{row.baseline:,.1f} {row.unit}"
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}"
        lines.append(
            f"| {row.measure} | {row.ours:,.1f} {row.unit} | {base} | {ratio} | {row.budget} | "
            f"{'yes' if row.met else 'NO'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, a 64 MiB file")
    parser.add_argument(
        "--dest-dir",
        type=Path,
        help="where downloads are written (default: a temporary folder in /dev/shm if there "
        "is one, so the disk does not decide the download figures)",
    )
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    shm = Path("/dev/shm")
    parent = args.dest_dir or (shm if shm.is_dir() and os.access(shm, os.W_OK) else None)
    rows: list[Row] = []
    with loopback_server(plan.download_bytes) as base_url:
        rows += sync_calls(base_url, plan)
        rows += async_calls(base_url, plan)
        rows += imports(plan)
        rows += call_economy()
        with tempfile.TemporaryDirectory(dir=parent, prefix="offcloud-bench-") as folder:
            rows += download(base_url, plan, Path(folder))
    print(f"Machine: {machine()}")
    print(f"Downloads written to: {parent or tempfile.gettempdir()}")
    print()
    print(table(rows))
    return 0 if all(row.met for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
