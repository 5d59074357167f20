"""The wheel: one distribution with both import packages, their py.typed, nothing else."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

from spec_support import ROOT


def test_wheel_ships_the_facade_and_the_generated_client_typed(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory", tmp_path],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("offcloud_sdk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    top_level = {name.split("/")[0] for name in names} - {
        name.split("/")[0] for name in names if ".dist-info/" in name
    }

    assert top_level == {"offcloud_sdk", "offcloud_api_client"}
    assert {"offcloud_sdk/py.typed", "offcloud_api_client/py.typed"} <= set(names)
    assert "offcloud_api_client/api/cloud/__init__.py" in names
    facade = {path.relative_to(ROOT).as_posix() for path in (ROOT / "offcloud_sdk").rglob("*.py")}
    assert facade <= set(names)
    assert {"offcloud_sdk/testing/fake.py", "offcloud_sdk/cli/app.py"} <= facade
    entry_points = archive_text(wheel, ".dist-info/entry_points.txt")
    assert "offcloud = offcloud_sdk.cli:main" in entry_points
    runtime = [
        re.match(r"Requires-Dist: ([A-Za-z0-9_.-]+)", line).group(1)  # type: ignore[union-attr]
        for line in metadata.decode().splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    ]
    assert sorted(runtime) == ["attrs", "httpx"]
    cli = [
        line.split(";")[0].split(":")[1].strip()
        for line in metadata.decode().splitlines()
        if line.startswith("Requires-Dist:") and "extra == 'cli'" in line
    ]
    assert sorted(re.split(r"[<>=]", name)[0] for name in cli) == ["platformdirs", "rich", "typer"]


def archive_text(wheel: Path, suffix: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(next(n for n in archive.namelist() if n.endswith(suffix))).decode()
