"""The package from the outside: the built sdist and wheel as a user gets them.

Builds both with hatchling, checks them with `twine check`, installs the wheel (with the `cli`
extra) into a fresh venv from `.venv/wheelhouse` (filled by `scripts/bootstrap`, so nothing
here reaches the network), and from there: runs `examples/tour.py` against the installed
`offcloud sandbox`, and measures type completeness with `basedpyright --verifytypes`, which
must be 100 % for both import packages, with exactly the public names the README documents.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import offcloud_api_client.models as models
import pytest
from spec_support import ROOT

import offcloud_sdk

VENV_BIN = Path(sys.executable).parent
WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
PUBLIC_MODULES = (
    "offcloud_sdk",
    "offcloud_sdk.exceptions",
    "offcloud_sdk.types",
    "offcloud_sdk.testing",
    "offcloud_sdk.doctor",
    "offcloud_sdk.cli",
)


class Installed:
    """The built distributions and a fresh venv with the wheel installed."""

    def __init__(self, dist: Path, env: Path) -> None:
        self.dist = dist
        self.env = env
        self.python = env / "bin" / "python"
        self.wheel = next(dist.glob("offcloud_sdk-*.whl"))
        self.sdist = next(dist.glob("offcloud_sdk-*.tar.gz"))

    def run(self, *args: str | Path, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        """Run a command with the fresh venv first on PATH, from outside the source tree."""
        env = {
            **os.environ,
            "PATH": f"{self.env / 'bin'}{os.pathsep}{os.environ['PATH']}",
            "VIRTUAL_ENV": str(self.env),
        }
        for name in ("PYTHONPATH", "COVERAGE_PROCESS_START", "OFFCLOUD_API_KEY"):
            env.pop(name, None)
        env.update(kwargs.pop("env", {}))
        return subprocess.run(
            [str(a) for a in args],
            cwd=self.dist,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            **kwargs,
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    if not WHEELHOUSE.is_dir():
        pytest.fail(f"{WHEELHOUSE} is missing: run scripts/bootstrap dev (scripts/test does)")
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--directory", dist],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    env = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True, clear=True).create(env)
    built = Installed(dist, env)
    pip = built.run(
        built.python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "--no-index", "--find-links", WHEELHOUSE, f"{built.wheel}[cli]",
    )  # fmt: skip
    assert pip.returncode == 0, pip.stderr
    return built


def test_twine_accepts_the_sdist_and_the_wheel(installed: Installed) -> None:
    check = installed.run(VENV_BIN / "twine", "check", "--strict", installed.wheel, installed.sdist)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count("PASSED") == 2


def test_the_wheel_holds_both_packages_typed_and_nothing_else(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
        entry_points = archive.read(next(n for n in names if n.endswith("entry_points.txt")))
    top_level = {name.split("/")[0] for name in names if ".dist-info/" not in name}
    assert top_level == {"offcloud_sdk", "offcloud_api_client"}
    assert {"offcloud_sdk/py.typed", "offcloud_api_client/py.typed"} <= set(names)
    facade = {path.relative_to(ROOT).as_posix() for path in (ROOT / "offcloud_sdk").rglob("*.py")}
    assert facade <= set(names)
    assert "offcloud = offcloud_sdk.cli:main" in entry_points.decode()

    fields = metadata.decode().split("\n\n")[0].splitlines()
    assert f"Version: {offcloud_sdk.__version__}" in fields
    runtime = sorted(
        re.split(r"[<>=;\s]", line.removeprefix("Requires-Dist: "))[0]
        for line in fields
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    )
    assert runtime == ["attrs", "httpx", "sniffio"]
    cli = sorted(
        re.split(r"[<>=;\s]", line.removeprefix("Requires-Dist: "))[0]
        for line in fields
        if line.startswith("Requires-Dist:") and "extra == 'cli'" in line
    )
    assert cli == ["jsonschema", "platformdirs", "pyyaml", "rich", "typer"]
    versions = [
        line.rsplit(":: ", 1)[1]
        for line in fields
        if "Programming Language :: Python :: 3." in line
    ]
    assert versions == [f"{sys.version_info.major}.{sys.version_info.minor}"]


def test_the_sdist_can_rebuild_everything(installed: Installed) -> None:
    with tarfile.open(installed.sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for needed in ("openapi/offcloud.yaml", "api.md", "CHANGELOG.md", "scripts/test", "LICENSE"):
        assert needed in names


def test_the_installed_package_is_the_wheels(installed: Installed) -> None:
    where = installed.run(
        installed.python, "-c",
        "import offcloud_sdk, offcloud_api_client, sniffio; "
        "print(offcloud_sdk.__file__, offcloud_api_client.__file__, offcloud_sdk.__version__)",
    )  # fmt: skip
    assert where.returncode == 0, where.stderr
    sdk, client, version = where.stdout.split()
    site = str(installed.env)
    assert sdk.startswith(site)
    assert client.startswith(site)
    assert version == offcloud_sdk.__version__


@pytest.fixture
def sandbox(installed: Installed) -> Iterator[dict[str, Any]]:
    """The installed `offcloud sandbox`, running; its address, key and magnets."""
    out = installed.dist / "sandbox.json"
    with out.open("w") as sink:
        process = subprocess.Popen(
            [installed.env / "bin" / "offcloud", "--json", "sandbox"],
            cwd=installed.dist,
            stdout=sink,
            stderr=subprocess.PIPE,
            env={k: v for k, v in os.environ.items() if k != "COVERAGE_PROCESS_START"},
        )
    try:
        deadline = time.monotonic() + 60  # a bound on start-up, not a timing assertion
        while not (text := out.read_text()).endswith("\n") and process.poll() is None:
            assert time.monotonic() < deadline, "the sandbox gave no address in 60 s"
            time.sleep(0.05)
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        yield json.loads(text)
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stderr:
            process.stderr.close()


def test_the_tour_runs_from_the_installed_wheel(
    installed: Installed, sandbox: dict[str, Any]
) -> None:
    tour = installed.dist / "tour.py"
    shutil.copy(ROOT / "examples" / "tour.py", tour)
    cached = sandbox["magnets"][1]  # the sandbox's cached torrent: done without waiting
    ran = installed.run(
        installed.python, tour, cached,
        env={"OFFCLOUD_BASE_URL": sandbox["base_url"], "OFFCLOUD_API_KEY": sandbox["api_key"]},
        timeout=120,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "cached: True" in ran.stdout
    assert "downloaded: Sintel" in ran.stdout
    assert "Sintel.mkv" in ran.stdout


def verify_types(installed: Installed, package: str) -> dict[str, Any]:
    ran = installed.run(
        VENV_BIN / "basedpyright", "--verifytypes", package, "--ignoreexternal", "--outputjson"
    )
    report: dict[str, Any] = json.loads(ran.stdout)
    return report["typeCompleteness"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("package", ["offcloud_sdk", "offcloud_api_client"])
def test_type_completeness_is_complete(installed: Installed, package: str) -> None:
    report = verify_types(installed, package)
    problems = [
        f"{symbol['name']}: {d['message']}"
        for symbol in report["symbols"]
        for d in symbol["diagnostics"]
    ]
    assert problems == []
    assert report["missingFunctionDocStringCount"] == 0
    assert report["missingClassDocStringCount"] == 0
    assert report["exportedSymbolCounts"]["withAmbiguousType"] == 0
    assert report["exportedSymbolCounts"]["withUnknownType"] == 0
    assert report["completenessScore"] == 1


def test_the_public_names_are_the_documented_ones(installed: Installed) -> None:
    report = verify_types(installed, "offcloud_sdk")
    modules = {module["name"] for module in report["modules"]}
    assert modules == {*PUBLIC_MODULES, "offcloud_sdk.cli.__main__"}
    exported: dict[str, set[str]] = {name: set() for name in modules}
    for symbol in report["symbols"]:
        if not symbol["isExported"]:
            continue
        module, _, name = symbol["name"].rpartition(".")
        if module in exported and not name.startswith("__"):  # pyright leaves out dunders
            exported[module].add(name)
    for module in PUBLIC_MODULES:
        documented = public_names(module)
        assert exported[module] == {name for name in documented if not name.startswith("__")}
        assert sorted(importlib.import_module(module).__all__) == sorted(documented), module
    assert exported["offcloud_sdk.cli.__main__"] == set()


def public_names(module: str) -> set[str]:
    """The names the README's public-surface table lists for `module`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### The public surface", 1)[1].split("\n#", 1)[0]
    for row in (line for line in section.splitlines() if line.startswith("| `")):
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        if cells[0] == f"`{module}`":
            names = set(re.findall(r"`([A-Za-z_]\w*)`", cells[1]))
            if "every model" in cells[1]:
                names |= set(models.__all__)
            return names
    raise AssertionError(f"{module} is not in the README's public-surface table")
