"""The benchmark's table: rows with their budgets, how much to measure, and side-by-side timing."""

from __future__ import annotations

import math
import os
import platform
import re
import statistics
from collections.abc import Callable

import attrs
import httpx


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


def ratio_row(measure: str, ours: float, base: float, unit: str, at_most: float) -> Row:
    """A row whose budget is `ours / base <= at_most`."""
    return Row(measure, ours, base, unit, f"ratio <= {at_most:g}", ours / base <= at_most)


def limit_row(measure: str, value: float, unit: str, limit: float, *, strict: bool = False) -> Row:
    """A row whose budget is `value <= limit` (`<` when `strict`)."""
    met = value < limit if strict else value <= limit
    return Row(measure, value, None, unit, f"{'<' if strict else '<='} {limit:g} {unit}", met)


def at_least_row(measure: str, value: float, unit: str, floor: float) -> Row:
    """A row whose budget is `value >= floor` (a speed)."""
    return Row(measure, value, None, unit, f">= {floor:g} {unit}", value >= floor)


def min_ratio_row(measure: str, ours: float, base: float, unit: str, at_least: float) -> Row:
    """A row whose budget is `ours / base >= at_least` (speeds: more is better)."""
    return Row(measure, ours, base, unit, f"ratio >= {at_least:g}", ours / base >= at_least)


def failed_row(measure: str, why: str, unit: str, budget: str) -> Row:
    """A row that could not be measured: `why` is said in it, and its budget is missed."""
    return Row(f"{measure}: {why}", math.nan, None, unit, budget, False)


@attrs.frozen
class Plan:
    """How much to measure: `--quick` shrinks every figure, not what is measured."""

    rounds: int
    calls: int
    batches: int
    import_runs: int
    download_bytes: int
    download_rounds: int
    far_bytes: int = 256 << 20
    """The file of the far-server downloads (`far_download.py`)."""
    far_rounds: int = 3
    """Rounds of the 8-connection downloads there (the one-connection ones take one each)."""


FULL = Plan(
    rounds=41, calls=250, batches=9, import_runs=21, download_bytes=1 << 30, download_rounds=3
)
QUICK = Plan(
    rounds=5,
    calls=100,
    batches=3,
    import_runs=3,
    download_bytes=64 << 20,
    download_rounds=2,
    far_bytes=64 << 20,
    far_rounds=1,
)


def alternating(
    rounds: int, ours: Callable[[], float], base: Callable[[], float]
) -> tuple[float, float]:
    """Medians of `rounds` timings of each side, the side going first alternating by round."""
    times: dict[Callable[[], float], list[float]] = {ours: [], base: []}
    for round_ in range(rounds):
        for side in (base, ours) if round_ % 2 else (ours, base):
            times[side].append(side())
    return statistics.median(times[ours]), statistics.median(times[base])


def machine() -> str:
    """The machine and versions the figures come from."""
    cpu = platform.processor() or platform.machine()
    if os.path.exists("/proc/cpuinfo"):
        with open("/proc/cpuinfo") as info:
            names = re.findall(r"model name\s*:\s*(.+)", info.read())
        cpu = names[0] if names else cpu
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs ({cpu}), "
        f"Python {platform.python_version()}, httpx {httpx.__version__}"
    )


def render(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    lines = [
        "| measure | offcloud-sdk | baseline | ratio | budget | met |",
        "|---|---:|---:|---:|---|---|",
    ]
    for row in rows:
        ours = "n/a" if math.isnan(row.ours) else f"{row.ours:,.1f} {row.unit}"
        base = "" if row.baseline is None else f"{row.baseline:,.1f} {row.unit}"
        ratio = "" if row.ratio is None or math.isnan(row.ratio) else f"{row.ratio:.2f}"
        lines.append(
            f"| {row.measure} | {ours} | {base} | {ratio} | {row.budget} | "
            f"{'yes' if row.met else 'NO'} |"
        )
    return "\n".join(lines)
