"""The fake's drift knob: operations that answer, for good, as a changed Offcloud would.

`fake.drift(operation, Drift(...))` changes every 2xx JSON answer of an operation until
`fake.clear_drift()`; `add_drift_preset` is what `offcloud sandbox --drift` serves. For each kind
of drift these tests read the raw answer (plain httpx through the fake) and what a lenient and
a strict client make of it.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from offcloud_api_client.types import UNSET
from sdk_support import Harness
from spec_support import operations, response_schema, schema_errors

from offcloud_sdk._calls import drift as drift_log
from offcloud_sdk.exceptions import InvalidArgumentError, UnexpectedResponseError
from offcloud_sdk.testing import Drift, FakeClock, FakeOffcloud, ServerErrors
from offcloud_sdk.testing._demo import DRIFT_PRESET, DRIFT_PRESET_CHANGES, add_drift_preset
from offcloud_sdk.testing._fake import OPERATIONS

ORIGIN = "https://offcloud.test"
OFFCLOUD = Path(sys.executable).with_name("offcloud")


@pytest.fixture(autouse=True)
def fresh_reports() -> Iterator[None]:
    """The SDK says each kind of drift once per process: forget what earlier tests saw."""
    drift_log._reported.clear()
    yield
    drift_log._reported.clear()


def drift_records(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "offcloud_sdk.drift" and r.levelno == level
    ]


class Raw:
    """Plain HTTP to the fake: the answers as sent, before any client reads them."""

    def __init__(self, fake: FakeOffcloud) -> None:
        self.fake = fake
        self.http = fake.client(
            base_url=ORIGIN, headers={"Authorization": f"Bearer {fake.api_key}"}
        )

    def answer(self, operation: str, request_id: str = "") -> httpx.Response:
        method, path, body = RAW_CALLS[operation]
        return self.http.request(method, path.format(id=request_id), json=body(request_id))

    def json(self, operation: str, request_id: str = "") -> Any:
        return self.answer(operation, request_id).json()


RAW_CALLS: dict[str, tuple[str, str, Callable[[str], object]]] = {
    "account_info": ("GET", "/api/account/info", lambda _: None),
    "account_stats": ("GET", "/api/account/stats", lambda _: None),
    "cloud_status": ("POST", "/api/cloud/status", lambda rid: {"requestId": rid}),
    "cloud_status_many": ("POST", "/api/cloud/status", lambda rid: {"requestIds": [rid]}),
    "cloud_history": ("GET", "/api/cloud/history", lambda _: None),
    "cloud_explore": ("GET", "/api/cloud/explore/{id}", lambda _: None),
    "sites_list": ("GET", "/api/sites", lambda _: None),
    "proxies_list": ("GET", "/api/proxy", lambda _: None),
}

SDK_CALLS: dict[str, Callable[[Any, str], Any]] = {
    "account_info": lambda oc, _: oc.account.info(),
    "account_stats": lambda oc, _: oc.account.stats(),
    "cloud_status": lambda oc, rid: oc.cloud.status(request_id=rid),
    "cloud_status_many": lambda oc, rid: oc.cloud.status(request_ids=[rid]),
    "cloud_history": lambda oc, _: oc.cloud.history(),
    "cloud_explore": lambda oc, rid: oc.cloud.explore(rid),
    "sites_list": lambda oc, _: oc.sites.list(),
    "proxies_list": lambda oc, _: oc.proxies.list(),
}


@attrs.frozen
class Kind:
    """One kind of drift: what the fake is told, what the raw answer then holds, what a lenient
    client reads, and how the SDK reacts."""

    operation: str
    drift: Drift
    sent: Callable[[Any], object]
    """What to read from the raw JSON."""
    expected_sent: object
    read: Callable[[Any], object]
    """What to read from the lenient client's model."""
    expected_read: object
    logged: int | None
    """The level the SDK logs it at on `offcloud_sdk.drift`; None: the spec allows it."""
    words: str = ""
    """What the log record says."""


KINDS: dict[str, Kind] = {
    "add a field": Kind(
        "account_info", Drift({"plan": "premium"}),
        lambda j: j["plan"], "premium",
        lambda r: r.additional_properties, {"plan": "premium"},
        None,
    ),
    "drop an optional field": Kind(
        "cloud_history", Drift(drop=["[].userId"]),
        lambda j: "userId" in j[0], False,
        lambda r: r[0].user_id, UNSET,
        None,
    ),
    "rename a field": Kind(
        "cloud_history", Drift(rename={"[].fileName": "name"}),
        lambda j: (j[0]["name"], "fileName" in j[0]), ("Show", False),
        lambda r: (r[0].file_name, r[0].additional_properties), (UNSET, {"name": "Show"}),
        None,
    ),
    "number as a float where an integer is declared": Kind(
        "cloud_status", Drift(convert={"status.amount": float}),
        lambda j: j["status"]["amount"], 0.0,
        lambda r: (r.status.amount, type(r.status.amount)), (0, int),
        logging.WARNING, "status.amount arrived as float 0.0 where the spec says int",
    ),
    "number as text": Kind(
        "cloud_history", Drift(convert={"[].fileSize": str, "[].progress": str}),
        lambda j: (j[0]["fileSize"], j[0]["progress"]), ("1048576", "0.0"),
        lambda r: (r[0].file_size, r[0].progress), ("1048576", 0.0),
        logging.WARNING, "[].progress arrived as str '0.0' where the spec says float",
    ),
    "text as a number": Kind(
        "cloud_history", Drift(convert={"[].createdOn": lambda _: 1772359200000}),
        lambda j: j[0]["createdOn"], 1772359200000,
        lambda r: r[0].created_on, "1772359200000",
        logging.WARNING, "[].created_on arrived as int 1772359200000 where the spec says str",
    ),
    "boolean as text": Kind(
        "account_info", Drift(convert={"is_premium": lambda v: str(v).lower()}),
        lambda j: j["is_premium"], "true",
        lambda r: r.is_premium, True,
        logging.WARNING, "is_premium arrived as str 'true' where the spec says bool",
    ),
    "null": Kind(
        "cloud_status", Drift({"status.server": None}),
        lambda j: j["status"]["server"], None,
        lambda r: r.status.server, UNSET,
        logging.DEBUG, "status.server arrived as null; read as absent",
    ),
    "wrap a list": Kind(
        "sites_list", Drift(wrap="data"),
        lambda j: [s["name"] for s in j["data"]], ["BitTorrent", "rapidgator.net", "uploaded.net"],
        lambda r: len(r), 3,
        logging.WARNING, "answer arrived as an object holding the list under 'data'",
    ),
    "a new status word": Kind(
        "cloud_status_many", Drift({"requests[].status": "seeding"}),
        lambda j: j["requests"][0]["status"], "seeding",
        lambda r: r.requests[0].status, "seeding",
        None,
    ),
}  # fmt: skip


def drifting_fake(harness: Harness) -> tuple[FakeOffcloud, str]:
    """A fake with one cloud request (`created`, 1 MiB, named Show) on the harness clock."""
    fake = harness.fake()
    magnet = fake.add_torrent("Show")
    lenient = harness.fake_client(fake, strict=False)
    request_id: str = harness.go(lenient.cloud.add(url=magnet)).request_id
    return fake, request_id


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_kind_of_drift_is_sent_and_read_leniently(
    harness: Harness, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    kind = KINDS[name]
    operation = kind.operation.removesuffix("_many")
    fake, request_id = drifting_fake(harness)
    caplog.set_level(logging.DEBUG, logger="offcloud_sdk")
    fake.drift(operation, kind.drift)
    raw = Raw(fake).json(kind.operation, request_id)
    assert kind.sent(raw) == kind.expected_sent, raw

    lenient = harness.fake_client(fake, strict=False)
    result = harness.go(SDK_CALLS[kind.operation](lenient, request_id))
    assert kind.read(result) == kind.expected_read
    strict = harness.fake_client(fake, strict=True)
    if kind.logged is None:  # the spec keeps objects open and status words free
        assert drift_records(caplog, logging.WARNING) == []
        assert kind.read(harness.go(SDK_CALLS[kind.operation](strict, request_id))) == (
            kind.expected_read
        ), "strict reads what the spec allows"
    else:
        (record,) = drift_records(caplog, kind.logged)
        assert record.startswith(f"{operation}: ")
        assert kind.words in record
        with pytest.raises(UnexpectedResponseError):
            harness.go(SDK_CALLS[kind.operation](strict, request_id))


@pytest.mark.parametrize(
    ("operation", "drift"),
    [
        ("cloud_status", Drift(drop=["status.status"])),
        ("cloud_status", Drift(rename={"status.status": "state"})),
        ("account_info", Drift(wrap="data")),
    ],
)
def test_a_required_field_gone_or_a_wrapped_object_is_unreadable_even_leniently(
    harness: Harness, operation: str, drift: Drift
) -> None:
    """Why the preset drops and renames only optional fields and wraps only a list."""
    fake, request_id = drifting_fake(harness)
    fake.drift(operation, drift)
    for strict in (False, True):
        oc = harness.fake_client(fake, strict=strict)
        with pytest.raises(UnexpectedResponseError):
            harness.go(SDK_CALLS[operation](oc, request_id))


def test_drift_lasts_until_cleared_and_apart_from_one_shot_faults() -> None:
    fake = FakeOffcloud(clock=FakeClock(), drift={"sites_list": Drift(wrap="data")})
    raw = Raw(fake)
    assert fake.drifts == {"sites_list": (Drift(wrap="data"),)}
    for _ in range(3):
        assert list(raw.json("sites_list")) == ["data"]
    fake.inject(Drift({"data[].status": "busy"}), path="/api/sites")
    assert {site["status"] for site in raw.json("sites_list")["data"]} == {"busy"}
    fake.inject(ServerErrors(503), times=None, path="/api/sites")
    assert raw.answer("sites_list").status_code == 503
    fake.clear_faults()
    assert list(raw.json("sites_list")) == ["data"], "clear_faults leaves drift alone"
    fake.drift("sites_list", Drift(wrap="list"))
    assert list(raw.json("sites_list")) == ["list"]
    assert list(raw.json("sites_list")["list"]) == ["data"], "drifts apply in the order given"
    fake.drift("proxies_list", Drift({"total": 2}))
    fake.clear_drift("sites_list")
    assert isinstance(raw.json("sites_list"), list)
    assert raw.json("proxies_list")["total"] == 2
    fake.clear_drift()
    assert "total" not in raw.json("proxies_list")
    assert fake.drifts == {}


def test_only_2xx_json_successes_drift(harness: Harness) -> None:
    fake, request_id = drifting_fake(harness)
    fake.drift("cloud_status", Drift({"extra": 1}, wrap="data"))
    fake.drift("sites_list", Drift(wrap="data"))
    fake.drift("cloud_list", Drift(wrap="data"))
    raw = Raw(fake)
    assert raw.json("cloud_status", request_id)["data"]["extra"] == 1
    assert raw.json("cloud_status", "6a0000000000000000ffffff") == {
        "error": "Requested download not found"
    }, "an error body sent with 200 is left alone"
    bad_key = fake.client(base_url=ORIGIN).get("/api/sites", params={"key": "wrong"})
    assert (bad_key.status_code, bad_key.json()) == (401, {"error": "NOAUTH"})
    assert isinstance(fake.clock, FakeClock)
    fake.clock.advance(60)
    listed = raw.http.get(f"/api/cloud/list/{request_id}", params={"key": fake.api_key})
    assert listed.text.startswith(f"{ORIGIN}/cloud/download/{request_id}/")
    downloaded = raw.http.get(listed.text.strip())
    assert downloaded.status_code == 200
    assert downloaded.content == fake.file(request_id).read()


def test_unknown_operations_are_refused_with_the_known_ones() -> None:
    fake = FakeOffcloud(clock=FakeClock())
    with pytest.raises(ValueError, match="unknown operation 'cloud_statuses'") as caught:
        fake.drift("cloud_statuses", Drift())
    assert isinstance(caught.value, InvalidArgumentError)
    for operation in ("cloud_status", "account_info", "sites_list"):
        assert operation in str(caught.value)
    with pytest.raises(ValueError, match="unknown operation '/api/sites'"):
        FakeOffcloud(drift={"/api/sites": Drift(wrap="data")})
    with pytest.raises(ValueError, match="unknown operation 'cloud-status'"):
        fake.clear_drift("cloud-status")
    with pytest.raises(ValueError, match="unknown operation 'storage_file'"):
        fake.drift("storage_file", Drift(wrap="data"))  # file downloads are not in the spec
    with pytest.raises(InvalidArgumentError, match="must be a Drift"):
        fake.drift("sites_list", {"wrap": "data"})  # type: ignore[arg-type]
    assert set(OPERATIONS) == set(operations()), "every operation of the spec, no other"


def test_drift_paths_drop_rename_and_convert() -> None:
    payload = {"a": {"b": 1, "c": "x"}, "items": [{"n": 1}, {"n": 2}, {"m": 3}]}
    drift = Drift(
        {"items[].n": 0, "a.new": True},
        drop="a.c",
        rename={"items[].n": "number", "a.missing": "gone", "nowhere.b": "x"},
        convert={"items[].number": str, "a.b": float},
    )
    assert drift.drop == ("a.c",), "one path given as a string is one path"
    assert drift.apply(payload) == {
        "a": {"b": 1.0, "new": True},
        "items": [{"number": "1", "n": 0}, {"number": "2", "n": 0}, {"m": 3, "n": 0}],
    }
    assert payload["a"] == {"b": 1, "c": "x"}, "apply changes a copy"
    assert Drift(drop=["[].x"]).apply([{"x": 1, "y": 2}, "not an object"]) == [
        {"y": 2},
        "not an object",
    ]
    assert Drift({"x": 1}, "data").apply([]) == {"data": []}, "the old signature still works"


# -- the preset ----------------------------------------------------------------------------------


def preset_fake(harness: Harness) -> tuple[FakeOffcloud, str]:
    """The sandbox's drift on a fake with one request under way and one downloaded."""
    fake, request_id = drifting_fake(harness)
    done = harness.fake_client(fake, strict=False).cloud.add(
        url=fake.add_torrent("Done", cached=True)
    )
    harness.go(done)
    add_drift_preset(fake)
    return fake, request_id


def at(payload: Any, path: str) -> list[tuple[dict[str, Any], str]]:
    """The objects a drift path reaches in `payload`, each with the path's last key."""
    keys = path.replace("[]", ".[]").lstrip(".").split(".")
    nodes: list[Any] = [payload]
    for key in keys[:-1]:
        if key == "[]":
            nodes = [item for node in nodes for item in node]
        else:
            nodes = [node[key] for node in nodes]
    if keys[-1] == "[]":
        return []
    return [(node, keys[-1]) for node in nodes]


def test_the_preset_sends_every_change_it_lists(harness: Harness) -> None:
    fake, request_id = preset_fake(harness)
    raw = Raw(fake)
    answers = {
        "account_info": raw.json("account_info"),
        "cloud_history": raw.json("cloud_history"),
        "cloud_status": raw.json("cloud_status", request_id),
        "cloud_status_many": raw.json("cloud_status_many", request_id),
        "sites_list": raw.json("sites_list"),
    }
    assert len(answers["cloud_history"]) == 2
    for operation, path, kind, _ in DRIFT_PRESET_CHANGES:
        many = path.startswith("requests[]")
        payload = answers[f"{operation}_many" if many else operation]
        if kind == "wrapped":
            assert list(payload) == ["data"]
            assert isinstance(payload["data"], list)
            continue
        reached = at(payload, path)
        assert reached, (operation, path)
        for node, key in reached:
            if kind == "dropped" or kind == "renamed":
                assert key not in node, (operation, path)
            elif kind == "added":
                assert key in node, (operation, path)
            elif kind == "null":
                assert node[key] is None
            elif kind == "type":
                assert type(node[key]) in (str, float), (operation, path, node[key])
            else:
                assert kind == "status word"
                assert node[key] in ("seeding", "downloaded"), (operation, path)
    statuses = [item["status"] for item in answers["cloud_history"]]
    assert sorted(statuses) == ["downloaded", "seeding"]
    assert answers["cloud_status"]["status"]["status"] == "seeding"
    assert answers["account_info"]["is_premium"] == "true"
    assert type(answers["cloud_status"]["status"]["amount"]) is float


def test_the_preset_documents_what_it_drifts() -> None:
    listed = {change[0] for change in DRIFT_PRESET_CHANGES}
    assert (
        listed
        == set(DRIFT_PRESET)
        == {
            "account_info",
            "cloud_history",
            "cloud_status",
            "sites_list",
        }
    )
    doc = add_drift_preset.__doc__ or ""
    for operation, path, _, _ in DRIFT_PRESET_CHANGES:
        assert f"`{operation}`" in doc
        key = path.rpartition(".")[2].removeprefix("[]")
        assert not key or f"`{key}`" in doc, (operation, path)
    for word in ("`plan`", "`seeding`", "renamed `name`", '`{"data": [...]}`'):
        assert word in doc
    fake = FakeOffcloud(clock=FakeClock())
    add_drift_preset(fake)
    assert fake.drifts == {operation: (drift,) for operation, drift in DRIFT_PRESET.items()}


def test_the_preset_is_read_leniently_and_refused_strictly(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    fake, request_id = preset_fake(harness)
    caplog.set_level(logging.DEBUG, logger="offcloud_sdk")
    lenient = harness.fake_client(fake, strict=False)
    strict = harness.fake_client(fake, strict=True)
    drifted = ("account_info", "cloud_history", "cloud_status", "cloud_status_many", "sites_list")
    for operation in drifted:
        assert harness.go(SDK_CALLS[operation](lenient, request_id)) is not None
        with pytest.raises(UnexpectedResponseError):
            harness.go(SDK_CALLS[operation](strict, request_id))
    warned = {m.split(":")[0] for m in drift_records(caplog, logging.WARNING)}
    assert warned == set(DRIFT_PRESET)
    info = harness.go(lenient.account.info())
    assert (info.is_premium, info.additional_properties) == (True, {"plan": "premium"})
    assert harness.go(lenient.cloud.status(request_id=request_id)).status.status == "seeding"
    history = harness.go(lenient.cloud.history())
    assert {item.additional_properties["name"] for item in history} == {"Show", "Done"}
    for operation in ("account_stats", "proxies_list"):
        assert harness.go(SDK_CALLS[operation](strict, request_id)) is not None
    waited = harness.go(lenient.cloud.wait(request_id))
    assert waited.status == "downloaded", "waiting still ends: seeding is only for under way"


def test_clear_drift_brings_back_answers_the_spec_describes(harness: Harness) -> None:
    fake, request_id = preset_fake(harness)
    raw = Raw(fake)
    strict = harness.fake_client(fake, strict=True)
    assert schema_errors(
        response_schema("cloud_history", 200, "application/json"), raw.json("cloud_history")
    ), "the drifted history breaks the spec"
    fake.clear_drift()
    for operation in ("account_info", "cloud_history", "cloud_status", "sites_list"):
        payload = raw.json(operation, request_id)
        schema = response_schema(operation, 200, "application/json")
        assert schema_errors(schema, payload) == [], (operation, payload)
        harness.go(SDK_CALLS[operation](strict, request_id))
    assert raw.json("cloud_status", request_id)["status"]["status"] == "created"


# -- offcloud sandbox --drift ------------------------------------------------------------------


def test_the_sandbox_command_serves_the_preset_with_drift(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OFFCLOUD_", "XDG_"))}
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    process = subprocess.Popen(
        [str(OFFCLOUD), "--json", "sandbox", "--drift"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        text = ""
        while not text.startswith("{") or not text.rstrip().endswith("}"):
            line = process.stdout.readline()
            assert line, "the sandbox ended before printing its address"
            text += line
        started = json.loads(text)
        assert set(started) == {"base_url", "api_key", "magnets"}, "the same JSON as ever"
        sites = httpx.get(f"{started['base_url']}/api/sites?key={started['api_key']}")
        assert list(sites.json()) == ["data"], "answers drift"
        base = ["--json", "--base-url", started["base_url"], "--api-key", started["api_key"]]

        def offcloud(*args: str, strict: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [str(OFFCLOUD), *base, *args],
                capture_output=True,
                text=True,
                env={**env, "OFFCLOUD_STRICT": strict},
                timeout=60,
            )

        lenient = offcloud("whoami", strict="0")
        assert lenient.returncode == 0, lenient.stderr
        assert json.loads(lenient.stdout)["is_premium"] is True
        assert "is_premium arrived as str 'true'" in lenient.stderr
        refused = offcloud("sites", strict="1")
        assert refused.returncode != 0
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
    assert process.returncode == 0
