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
    facade = {f"offcloud_sdk/{path.name}" for path in (ROOT / "offcloud_sdk").glob("*.py")}
    assert facade <= set(names)
    runtime = [
        re.match(r"Requires-Dist: ([A-Za-z0-9_.-]+)", line).group(1)  # type: ignore[union-attr]
        for line in metadata.decode().splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    ]
    assert sorted(runtime) == ["attrs", "httpx"]
