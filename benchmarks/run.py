"""What offcloud-sdk costs over hand-written httpx (and over the seed's requests), in one table.

    .venv/bin/python benchmarks/run.py            # about five minutes
    .venv/bin/python benchmarks/run.py --quick    # fewer rounds, a smaller file: a smoke run

Every figure is measured side by side with its baseline in the same run, against a server on
a loopback port started here (`loopback_server.py`, in its own process), as the median over
rounds that alternate which side goes first. The table ends with each budget (also kept in
RESULTS.md) and whether it was met; the exit status is 1 if one was missed. Needs the `dev`
extra (for `requests`, the seed's HTTP library). The measures live in `calls.py` (1, 2, 4),
`startup.py` (3), `economy.py` (5), `big_download.py` (6) and `far_download.py` (7: the
sandbox as a far server, in its own process, against aria2c and curl).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import requests
from big_download import download
from calls import aiohttp_calls, async_calls, loopback_server, sync_calls
from economy import call_economy
from far_download import far_download
from startup import imports
from table import FULL, QUICK, Row, machine, render


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
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
        rows += aiohttp_calls(base_url, plan)  # the `aiohttp` extra (in `dev`)
        rows += imports(plan)
        rows += call_economy()
        with tempfile.TemporaryDirectory(dir=parent, prefix="offcloud-bench-") as folder:
            rows += download(base_url, plan, Path(folder))
            rows += far_download(plan, Path(folder))
    print(f"Machine: {machine()}, requests {requests.__version__}")
    print(f"Downloads written to: {parent or tempfile.gettempdir()}")
    print()
    print(render(rows))
    if args.quick:
        print("\n--quick: a smoke run; too few rounds for the budgets to be judged.")
    return 0 if all(row.met for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
