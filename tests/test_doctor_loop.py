"""The loop a maintainer walks when Offcloud changes, end to end, on a drifting sandbox.

`offcloud doctor` names each drift of the preset (`offcloud sandbox --drift`); its patch, applied
to a copy of the spec, still validates; the client regenerated from that copy with the same
machinery as `scripts/generate` (`tools/generate.py --output`) gives a strict client that
accepts the drifted answers the committed code refuses.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate
from spec_support import ROOT, SPEC_PATH

from offcloud_sdk import Offcloud
from offcloud_sdk._doctor.patch import patched_spec, unified_diff
from offcloud_sdk.doctor import Report, check
from offcloud_sdk.exceptions import UnexpectedResponseError
from offcloud_sdk.testing import FakeClock, FakeOffcloud
from offcloud_sdk.testing._demo import DRIFT_PRESET_CHANGES

# What a fake looks like after a download has finished and another is under way (the fake's
# clock does not move, so it stays `created`), with the preset on; shared with the subprocess.
DRIFTED_FAKE = """
from offcloud_sdk import Offcloud
from offcloud_sdk.testing import FakeClock, FakeOffcloud
from offcloud_sdk.testing._demo import add_drift_preset


def drifted_fake():
    clock = FakeClock()
    fake = FakeOffcloud(clock=clock)
    done = fake.add_torrent("Done", {"a.mkv": 1000}, cached=True)
    with Offcloud(fake.api_key, http_client=fake.client(), clock=clock) as oc:
        finished = oc.cloud.add(url=done).request_id
        running = oc.cloud.add(url="https://example.com/running.bin").request_id
    add_drift_preset(fake)
    return fake, clock, finished, running
"""
namespace: dict[str, Any] = {}
exec(compile(DRIFTED_FAKE, "DRIFTED_FAKE", "exec"), namespace)
drifted_fake: Callable[[], tuple[FakeOffcloud, FakeClock, str, str]] = namespace["drifted_fake"]

# The drifted operations, called as a user would; each returns something JSON can show.
CALLS = """
def calls(oc, running):
    return {
        "account_info": lambda: type(oc.account.info().is_premium).__name__,
        "cloud_history": lambda: [type(item.progress).__name__ for item in oc.cloud.history()],
        "cloud_status": lambda: type(oc.cloud.status(request_id=running).status.amount).__name__,
        "sites_list": lambda: type(oc.sites.list()).__name__,
    }
"""
exec(compile(CALLS, "CALLS", "exec"), namespace)


def doctor_report() -> tuple[Report, FakeOffcloud, FakeClock, str]:
    fake, clock, _, running = drifted_fake()
    with Offcloud(fake.api_key, http_client=fake.client(), clock=clock) as oc:
        return check(oc), fake, clock, running


def test_the_doctor_names_each_drift_of_the_preset() -> None:
    report, *_ = doctor_report()
    assert not report.ok
    found = {
        (item.operation, finding.path)
        for item in report.checks
        for finding in (*item.problems, *item.new)
    }
    verdicts = {item.operation: item.verdict for item in report.checks}
    for operation, path, kind, _ in DRIFT_PRESET_CHANGES:
        if kind in ("dropped", "renamed"):  # an optional field left out is within the spec;
            continue  # the renamed field is found under its new name (the "added" row)
        if kind == "wrapped":
            assert verdicts[operation] == "drift"
            continue
        if operation == "cloud_status" and (kind == "status word" or path.startswith("requests")):
            continue  # the doctor asks the status of the newest finished request, by itself
        pattern = re.escape(path).replace(r"\[\]", r"\[\d+\]")
        named = [p for op, p in found if op == operation and re.fullmatch(pattern, p)]
        assert named, f"{operation} {path} ({kind}) was not named: {sorted(found)}"


def test_the_patch_keeps_the_spec_valid_and_small() -> None:
    report, *_ = doctor_report()
    before = SPEC_PATH.read_text(encoding="utf-8")
    after = patched_spec(before, report.answers())
    validate(yaml.safe_load(after))
    diff = unified_diff(before, after, "openapi/offcloud.yaml")
    added = [line for line in diff.splitlines() if line.startswith("+") and line[1:2] != "+"]
    removed = [line for line in diff.splitlines() if line.startswith("-") and line[1:2] != "-"]
    assert added
    assert len(removed) < len(added) < 150
    assert "enum" not in "".join(added)
    assert "additionalProperties" not in "".join(added)


def test_the_whole_loop_ends_in_a_strict_client_that_accepts_the_drift(tmp_path: Path) -> None:
    report, fake, clock, running = doctor_report()
    # Before: the committed code, strict, refuses every drifted operation.
    with Offcloud(fake.api_key, http_client=fake.client(), clock=clock, strict=True) as oc:
        for name, call in namespace["calls"](oc, running).items():
            with pytest.raises(UnexpectedResponseError):
                call()
            del name

    spec_copy = tmp_path / "offcloud.yaml"
    spec_copy.write_text(
        patched_spec(SPEC_PATH.read_text(encoding="utf-8"), report.answers()), encoding="utf-8"
    )
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate.py"), "--spec", spec_copy, "--output", out],
        check=True,
        capture_output=True,
    )

    # After: the regenerated package first on the path, the same drifted fake, strict.
    script = DRIFTED_FAKE + CALLS + AFTER
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(out), str(ROOT)]),
        "OFFCLOUD_STRICT": "1",
    }
    env.pop("COVERAGE_PROCESS_START", None)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    accepted = json.loads(done.stdout)
    assert accepted.pop("package").startswith(str(out))
    assert accepted == {
        "account_info": "str",
        "cloud_history": ["str", "str"],
        "cloud_status": "float",
        "sites_list": accepted["sites_list"],  # the wrapper's generated model, by name
    }
    assert accepted["sites_list"] != "list"


AFTER = """
import json

import offcloud_api_client

fake, clock, finished, running = drifted_fake()
results = {"package": offcloud_api_client.__file__}
with Offcloud(fake.api_key, http_client=fake.client(), clock=clock, strict=True) as oc:
    for name, call in calls(oc, running).items():
        results[name] = call()
print(json.dumps(results))
"""


# -- through the installed command, against `offcloud sandbox` -------------------------------

OFFCLOUD = Path(sys.executable).parent / "offcloud"


def sandbox_process(
    tmp_path: Path, *options: str
) -> tuple[subprocess.Popen[bytes], dict[str, Any]]:
    """`offcloud --json sandbox OPTIONS` running, and what it printed (address, key, magnets)."""
    out = tmp_path / "sandbox.json"
    with out.open("w") as sink:
        process = subprocess.Popen(
            [OFFCLOUD, "--json", "sandbox", *options], stdout=sink, stderr=subprocess.DEVNULL
        )
    for _ in range(1200):  # a bound on start-up (60 s), not a timing assertion
        text = out.read_text()
        if text.endswith("\n") or process.poll() is not None:
            break
        time.sleep(0.05)
    assert process.poll() is None
    return process, json.loads(text)


def offcloud(started: dict[str, Any], home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "OFFCLOUD_BASE_URL": started["base_url"],
        "OFFCLOUD_API_KEY": started["api_key"],
        "XDG_CONFIG_HOME": str(home),
        "NO_COLOR": "1",
    }
    env.pop("OFFCLOUD_STRICT", None)  # the command as users run it: lenient
    return subprocess.run(
        [OFFCLOUD, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("drift", [False, True], ids=["sandbox", "sandbox --drift"])
def test_the_doctor_against_the_sandbox_command(tmp_path: Path, drift: bool) -> None:
    process, started = sandbox_process(tmp_path, *(["--drift"] if drift else []))
    try:
        cached = started["magnets"][1]  # the sandbox's cached torrent: downloaded at once
        assert offcloud(started, tmp_path, "add", cached).returncode == 0
        done = offcloud(started, tmp_path, "--json", "doctor")
    finally:
        process.terminate()
        process.wait(timeout=30)
    report = json.loads(done.stdout)
    verdicts = {item["operation"]: item["verdict"] for item in report["checks"]}
    if not drift:
        assert done.returncode == 0, done.stdout + done.stderr
        assert set(verdicts.values()) <= {"match", "skipped"}
        assert verdicts["cloud_explore"] == "match"
        return
    assert done.returncode == 1
    named = {
        (item["operation"], finding["path"])
        for item in report["checks"]
        for finding in (*item["problems"], *item["new"])
    }
    assert {("account_info", "plan"), ("account_info", "is_premium")} <= named
    assert {("cloud_history", "[0].server"), ("cloud_history", "[0].name")} <= named
    assert ("cloud_status", "status.amount") in named
    assert verdicts["sites_list"] == "drift"
