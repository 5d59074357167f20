"""The wheel: one distribution with both import packages, their py.typed, nothing else."""

from __future__ import annotations

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
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {
        name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")
    }

    assert top_level == {"offcloud_sdk", "offcloud_api_client"}
    assert {"offcloud_sdk/py.typed", "offcloud_api_client/py.typed"} <= set(names)
    assert "offcloud_api_client/api/cloud/__init__.py" in names
    metadata = (
        zipfile.ZipFile(wheel)
        .read(next(n for n in names if n.endswith(".dist-info/METADATA")))
        .decode()
    )
    requirements = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    runtime = [line for line in requirements if "extra ==" not in line]
    assert sorted(r.split()[1].split(">")[0].split("<")[0] for r in runtime) == ["attrs", "httpx"]
