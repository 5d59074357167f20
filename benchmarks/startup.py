"""Start-up cost: importing the SDK vs importing httpx, and `offcloud --help`."""

from __future__ import annotations

import compileall
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from table import Plan, Row, limit_row, ratio_row

STATEMENTS = {
    "startup": "pass",  # what the interpreter imports on its own, taken off the others
    "httpx": "import httpx",
    "package": "import offcloud_sdk",
    "client": "from offcloud_sdk import Offcloud",
    "types": "import offcloud_sdk.types",
}


def import_ms(statement: str) -> float:
    """Milliseconds spent importing while running `statement` in a fresh interpreter.

    The sum of the top-level entries of `-X importtime`; each includes what it imports.
    """
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
    )
    total = 0
    for line in done.stderr.splitlines():
        fields = line.split("|")
        top_level = len(fields) == 3 and not fields[2].startswith("  ")
        if top_level and fields[1].strip().isdigit():
            total += int(fields[1])
    return total / 1000


ROOT = Path(__file__).resolve().parent.parent


def imports(plan: Plan) -> list[Row]:
    """3: medians over fresh interpreters, the statements taking turns.

    Both packages are byte-compiled first, as an installed package is: with
    PYTHONDONTWRITEBYTECODE set (or after `scripts/generate`), each run would otherwise
    compile the sources and measure the compiler.
    """
    for package in (ROOT / "offcloud_sdk", ROOT / "generated" / "offcloud_api_client"):
        compileall.compile_dir(package, quiet=1)
    times: dict[str, list[float]] = {name: [] for name in STATEMENTS}
    for _ in range(plan.import_runs):
        for name, statement in STATEMENTS.items():
            times[name].append(import_ms(statement))
    startup = statistics.median(times.pop("startup"))
    median = {name: statistics.median(values) - startup for name, values in times.items()}
    command = shutil.which("offcloud", path=str(Path(sys.executable).parent)) or "offcloud"
    help_runs: list[float] = []
    for _ in range(max(3, plan.import_runs // 2)):
        started = time.perf_counter()
        subprocess.run([command, "--help"], capture_output=True, check=True)
        help_runs.append(time.perf_counter() - started)
    httpx_ms = median["httpx"]
    return [
        ratio_row("import offcloud_sdk (vs import httpx)", median["package"], httpx_ms, "ms", 1.5),
        ratio_row(
            "from offcloud_sdk import Offcloud (vs import httpx)",
            median["client"],
            httpx_ms,
            "ms",
            1.5,
        ),
        limit_row("import offcloud_sdk.types", median["types"], "ms", 20, strict=True),
        limit_row(
            "offcloud --help, wall time", statistics.median(help_runs) * 1e3, "ms", 500, strict=True
        ),
    ]
