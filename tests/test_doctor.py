"""Issue 15: `offcloud doctor` holds Offcloud's real answers against the spec.

Against `FakeOffcloud`: in process (`fake.client()` on a `FakeClock`, both clients), and for
the command over a served sandbox, through the installed entry point and in process. A clean
fake matches everywhere and is only read; drift injected with `Drift` (a changed type, a null,
a new field, a new status word, a wrapped list) is named by its JSON path; refusals are not
drift; an undeclared status is new; garbage (an HTML page, a cut body) is a finding, never a
traceback; `--save` writes masked fixtures in the format of tests/fixtures.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cli_support import one_line, run
from sdk_support import Harness
from spec_support import SPEC_PATH, load_fixture, response_schema, schema_errors

from offcloud_sdk import Offcloud
from offcloud_sdk._doctor.checks import json_path
from offcloud_sdk._doctor.masking import Masker
from offcloud_sdk._doctor.probes import READ_ONLY, SINTEL
from offcloud_sdk._doctor.spec import Spec, field_lists, own_list
from offcloud_sdk.doctor import MissingDependencyError, Report, acheck, check, save_fixtures
from offcloud_sdk.exceptions import APIConnectionError, AuthError, OffcloudError
from offcloud_sdk.testing import (
    Drift,
    DropConnection,
    FakeClock,
    FakeOffcloud,
    HtmlError,
    RateLimit,
    ServerErrors,
    Truncate,
)
from offcloud_sdk.testing._routes import route_for
from offcloud_sdk.testing._transport import FakeTransport

OFFCLOUD = Path(sys.executable).with_name("offcloud")
REMOTE = "5f2b6c3e9d1a4b7c8e0fa001"
USER_ID = "5f2b6c3e9d1a4b7c8e0f0001"
EMAIL = "user@example.com"
HTML_PAGE = "<!DOCTYPE html>"


# -- helpers ---------------------------------------------------------------------------------------


def populate(fake: FakeOffcloud, clock: FakeClock, oc: Any, go: Callable[[Any], Any]) -> str:
    """A finished cloud request of two files and a remote request, in the fake's histories;
    the cloud request's id."""
    magnet = fake.add_torrent("Season", {"S1/e01.mkv": 2_000_000, "S1/e02.mkv": b"two"})
    request = go(oc.cloud.add(url=magnet))
    go(oc.remote.add(url="https://hoster.example/film.mkv", remote_option_id=REMOTE))
    clock.advance(3600)
    return str(request.request_id)


def doctored(*faults: tuple[Any, str], premium: bool = True, **populated: bool) -> Report:
    """The report on a populated fake with `faults` injected for good (fault, path prefix)."""
    clock = FakeClock()
    fake = FakeOffcloud(clock=clock, premium=premium)
    with Offcloud(fake.api_key, http_client=fake.client(), clock=clock) as oc:
        if populated.get("populate", True):
            populate(fake, clock, oc, lambda x: x)
        for fault, path in faults:
            fake.inject(fault, times=None, path=path)
        return check(oc)


def operations_called(fake: FakeOffcloud) -> list[str]:
    found = []
    for method, path in fake.calls:
        routed = route_for(method, path)
        assert routed is not None, (method, path)
        found.append(routed[0].operation)
    return found


def kinds_and_paths(report: Report, operation: str) -> set[tuple[str, str]]:
    checked = report.get(operation)
    assert checked is not None
    return {(f.kind, f.path) for f in (*checked.problems, *checked.new)}


class Answering(httpx.BaseTransport):
    """The fake, except for the paths given an answer of their own."""

    def __init__(self, fake: FakeOffcloud, answers: dict[str, httpx.Response]) -> None:
        self.fake = fake
        self.inner = FakeTransport(fake)
        self.answers = answers

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        given = self.answers.get(request.url.path)
        if given is None:
            return self.inner.handle_request(request)
        self.fake.calls.append((request.method, request.url.path))
        return httpx.Response(given.status_code, headers=given.headers, content=given.content)


def answered(answers: dict[str, httpx.Response]) -> Report:
    clock = FakeClock()
    fake = FakeOffcloud(clock=clock)
    http = httpx.Client(transport=Answering(fake, answers))
    with Offcloud(fake.api_key, http_client=http, clock=clock) as oc:
        populate(fake, clock, oc, lambda x: x)
        return check(oc)


# -- a clean fake: everything matches, nothing is changed ------------------------------------------


def test_a_clean_fake_matches_everywhere_and_is_only_read(harness: Harness) -> None:
    fake = harness.fake()
    oc = harness.fake_client(fake)
    request_id = populate(fake, harness.clock, oc, harness.go)
    fake.calls.clear()
    before = {rid: (r.removed, r.started) for rid, r in fake.requests.items()}

    report = harness.go(acheck(oc) if harness.is_async else check(oc))

    assert [c.operation for c in report.checks] == list(READ_ONLY)
    assert {c.operation: c.verdict for c in report.checks} == dict.fromkeys(READ_ONLY, "match")
    assert report.ok
    assert all(not c.problems and not c.new for c in report.checks)
    # the read-only proof: every call the fake saw is one of the operations that change nothing
    called = operations_called(fake)
    assert sorted(called) == sorted(READ_ONLY)
    assert set(called) <= set(READ_ONLY)
    assert {rid: (r.removed, r.started) for rid, r in fake.requests.items()} == before
    assert ("GET", f"/api/cloud/explore/{request_id}") in fake.calls
    # the answers a patch is made from
    answers = report.answers()
    assert ("account_info", 200) in [(op, status) for op, status, _ in answers]
    assert "cloud_list" not in [op for op, _, _ in answers]  # text, not JSON


def test_without_finished_or_remote_requests_those_are_skipped() -> None:
    report = doctored(populate=False)
    skipped = {c.operation: c.reason for c in report.checks if c.verdict == "skipped"}
    assert set(skipped) == {"cloud_status", "cloud_explore", "cloud_list", "remote_status"}
    assert "no finished (`downloaded`) cloud request" in skipped["cloud_explore"]
    assert "no remote request" in skipped["remote_status"]
    assert report.ok


def test_cache_info_is_asked_about_sintel() -> None:
    clock = FakeClock()
    fake = FakeOffcloud(clock=clock)
    seen: list[bytes] = []

    def spy(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/cache/info":
            seen.append(request.read())
        return FakeTransport(fake).handle_request(request)

    with Offcloud(fake.api_key, http_client=httpx.Client(transport=httpx.MockTransport(spy))) as oc:
        check(oc)
    assert len(seen) == 1
    assert json.loads(seen[0])["urls"] == [f"magnet:?xt=urn:btih:{SINTEL}"]


def test_an_id_from_the_history_never_becomes_another_call() -> None:
    sneaky = "../../../cloud/remove/6a0000000000000000000001"
    report = doctored((Drift({"[].requestId": sneaky}), "/api/cloud/history"))
    assert {report.get(op).verdict for op in ("cloud_status", "cloud_explore")} == {"skipped"}  # type: ignore[union-attr]
    assert "no usable requestId" in report.get("cloud_list").reason  # type: ignore[union-attr]


# -- drift, named by its path ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("drift", "path", "operation", "verdict", "found"),
    [
        pytest.param(
            Drift({"status.fileSize": 12099016.5}),
            "/api/cloud/status",
            "cloud_status",
            "drift",
            ("wrong_type", "status.fileSize"),
            id="changed-type",
        ),
        pytest.param(
            Drift({"is_premium": None}),
            "/api/account/info",
            "account_info",
            "drift",
            ("wrong_type", "is_premium"),
            id="null",
        ),
        pytest.param(
            Drift({"[].plan": "gold"}),
            "/api/cloud/history",
            "cloud_history",
            "match",
            ("new_field", "[0].plan"),
            id="new-field",
        ),
        pytest.param(
            Drift({"status.status": "paused"}),
            "/api/cloud/status",
            "cloud_status",
            "match",
            ("new_value", "status.status"),
            id="new-status-word",
        ),
        pytest.param(
            Drift(wrap="data"),
            "/api/cloud/history",
            "cloud_history",
            "drift",
            ("wrong_shape", ""),
            id="wrapped-list",
        ),
        pytest.param(
            Drift({"data[].port": [21]}),
            "/api/remote/accounts",
            "remote_accounts",
            "drift",
            ("wrong_type", "data[0].port"),
            id="nested-in-a-variant",
        ),
        pytest.param(
            Drift({"files[].size": "2000000"}),
            "/api/cloud/explore/",
            "cloud_explore",
            "drift",
            ("wrong_type", "files[0].size"),
            id="in-a-list-item",
        ),
    ],
)
def test_drift_is_found_and_named_by_its_path(
    drift: Drift, path: str, operation: str, verdict: str, found: tuple[str, str]
) -> None:
    report = doctored((drift, path))
    checked = report.get(operation)
    assert checked is not None
    assert checked.verdict == verdict
    assert found in kinds_and_paths(report, operation)
    assert not report.ok
    assert [c.operation for c in report.drifted] == [operation]


def test_a_finding_says_what_arrived_and_what_the_spec_says() -> None:
    report = doctored(
        (Drift({"status.fileSize": 1.5, "status.status": "paused"}), "/api/cloud/status")
    )
    checked = report.get("cloud_status")
    assert checked is not None
    (problem,) = checked.problems
    assert (problem.arrived, problem.expected) == ("number 1.5", "integer | string")
    (new,) = checked.new
    assert new.arrived == 'string "paused"'
    assert "created" in new.expected
    assert "fragile" in new.expected
    assert checked.details() == [
        "status.fileSize: arrived number 1.5; the spec says integer | string",
        f'new value at status.status: string "paused"; {new.expected}',
    ]


def test_a_repeated_finding_is_listed_once() -> None:
    clock = FakeClock()
    fake = FakeOffcloud(clock=clock)
    with Offcloud(fake.api_key, http_client=fake.client(), clock=clock) as oc:
        for index in range(5):
            oc.cloud.add(url=f"https://hoster.example/{index}.mkv")
        fake.inject(
            Drift({"[].fileSize": 1.5, "[].plan": "x"}), times=None, path="/api/cloud/history"
        )
        report = check(oc)
    assert kinds_and_paths(report, "cloud_history") == {
        ("wrong_type", "[0].fileSize"),
        ("new_field", "[0].plan"),
    }


def test_the_key_and_escapes_never_reach_a_finding() -> None:
    clock = FakeClock()
    fake = FakeOffcloud(clock=clock)
    with Offcloud(fake.api_key, http_client=fake.client(), clock=clock) as oc:
        populate(fake, clock, oc, lambda x: x)
        evil = {
            "status.status": f"\x1b[31m{fake.api_key}\u202e",
            f"status.\x1b]0;{fake.api_key}": 1,
        }
        fake.inject(Drift(evil), times=None, path="/api/cloud/status")
        report = check(oc)
    shown = json.dumps(report.to_json()) + "".join(
        line for c in report.checks for line in c.details()
    )
    assert fake.api_key not in shown
    assert fake.api_key[:8] not in shown
    assert "\x1b" not in shown
    assert "\u202e" not in shown
    assert ("new_value", "status.status") in kinds_and_paths(report, "cloud_status")


# -- refusals are not drift ------------------------------------------------------------------------


def test_a_free_account_is_no_drift() -> None:
    report = doctored(premium=False, populate=False)
    assert report.ok
    assert {c.verdict for c in report.checks} <= {"match", "skipped"}


def test_an_error_body_the_spec_lists_is_a_refusal_as_specified() -> None:
    report = answered(
        {"/api/account/stats": httpx.Response(200, json={"error": "NOPREMIUMACCOUNTS"})}
    )
    checked = report.get("account_stats")
    assert checked is not None
    assert (checked.verdict, checked.specified, checked.reason) == (
        "refused",
        True,
        "NOPREMIUMACCOUNTS",
    )
    assert checked.ok
    assert report.ok


def test_an_empty_object_from_a_classic_call_is_a_refusal_as_specified() -> None:
    report = answered({"/api/remote/status": httpx.Response(200, json={})})
    checked = report.get("remote_status")
    assert checked is not None
    assert (checked.verdict, checked.specified) == ("refused", True)
    assert report.ok


def test_not_available_is_a_refusal_the_spec_does_not_list() -> None:
    report = answered(
        {"/api/cloud/history": httpx.Response(200, json={"not_available": "premium"})}
    )
    checked = report.get("cloud_history")
    assert checked is not None
    assert (checked.verdict, checked.specified) == ("refused", False)
    assert checked.reason == "not available: premium"
    assert [f.kind for f in checked.problems] == ["wrong_shape"]
    assert not report.ok
    assert report.get("cloud_explore").verdict == "skipped"  # type: ignore[union-attr]


def test_an_undeclared_status_code_is_new() -> None:
    report = answered({"/api/sites": httpx.Response(403, json={"error": "Forbidden"})})
    checked = report.get("sites_list")
    assert checked is not None
    assert (checked.verdict, checked.specified, checked.status) == ("refused", False, 403)
    (new,) = checked.new
    assert (new.kind, new.arrived, new.expected) == (
        "new_status",
        "HTTP 403",
        "sites_list lists 200, 401",
    )
    assert checked.reason == "HTTP 403: Forbidden"


def test_a_listed_error_status_is_a_refusal_as_specified() -> None:
    report = answered({"/api/cloud/history": httpx.Response(401, json={"error": "NOAUTH"})})
    checked = report.get("cloud_history")
    assert checked is not None
    assert (checked.verdict, checked.specified, checked.new) == ("refused", True, ())


def test_a_refused_key_and_no_answer_end_the_run() -> None:
    fake = FakeOffcloud(clock=FakeClock())
    with Offcloud("WrongKeyWrongKey", http_client=fake.client()) as oc, pytest.raises(AuthError):
        check(oc)
    assert fake.calls == [("GET", "/api/account/info")]

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    http = httpx.Client(transport=httpx.MockTransport(refuse))
    with (
        Offcloud("SomeKeySomeKey00", http_client=http, max_retries=0) as oc,
        pytest.raises(APIConnectionError),
    ):
        check(oc)


# -- garbage is a finding, never a traceback -------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "path", "operation", "verdict", "kind"),
    [
        (HtmlError(200), "/api/account/stats", "account_stats", "drift", "content_type"),
        (Truncate(0.5), "/api/cloud/history", "cloud_history", "drift", "not_json"),
        (Truncate(0.3), "/api/cloud/explore/", "cloud_explore", "drift", "not_json"),
    ],
)
def test_garbage_is_a_finding(
    fault: Any, path: str, operation: str, verdict: str, kind: str
) -> None:
    report = doctored((fault, path))
    checked = report.get(operation)
    assert checked is not None
    assert checked.verdict == verdict
    assert kind in {f.kind for f in (*checked.problems, *checked.new)}
    assert checked.reason or checked.problems
    assert not report.ok


@pytest.mark.parametrize(
    ("fault", "path", "operation"),
    [
        (HtmlError(520), "/api/sites", "sites_list"),
        (ServerErrors(503), "/api/proxy", "proxies_list"),
        (RateLimit(retry_after=1), "/api/remote/accounts", "remote_accounts"),
    ],
)
def test_an_outage_is_skipped_not_drift(fault: Any, path: str, operation: str) -> None:
    report = doctored((fault, path))
    checked = report.get(operation)
    assert checked is not None
    assert checked.verdict == "skipped"
    assert "failing right now" in checked.reason
    assert not checked.new
    assert report.ok  # an outage is nothing to change in the spec


def test_a_cut_history_skips_what_depends_on_it() -> None:
    report = doctored((Truncate(0.5), "/api/cloud/history"))
    for operation in ("cloud_status", "cloud_explore", "cloud_list"):
        checked = report.get(operation)
        assert checked is not None
        assert (checked.verdict, checked.reason) == (
            "skipped",
            "the cloud history gave no list to pick a request from",
        )


# -- the spec and its known values -----------------------------------------------------------------


def test_known_values_are_read_from_the_descriptions() -> None:
    spec = Spec.load()
    schemas = spec._document["components"]["schemas"]
    words = {"created", "queued", "downloading", "processing", "uploading", "downloaded"}
    words |= {"error", "canceled", "fragile"}
    assert spec.known_values(schemas["RequestStatus"], "status") == words
    assert spec.known_values(schemas["HistoryItem"], "status") == words  # "See `RequestStatus`"
    assert spec.known_values(schemas["DownloadRequest"], "status") == words  # "… see `…`"
    assert spec.known_values(schemas["NotAvailableBody"], "not_available") == {
        "premium",
        "links",
        "proxy",
        "video",
        "cloud",
        "torrent",
        "usenet",
    }
    # examples are not lists of known values
    assert spec.known_values(schemas["Site"], "status") is None  # "`up` when usable"
    assert spec.known_values(schemas["Site"], "isActive") is None  # "e.g. `Healthy`, …"
    assert spec.known_values(schemas["RemoteAccount"], "type") is None  # "e.g. `ftp`, …"
    assert spec.known_values(schemas["RequestStatus"], "errorMessage") is None


def test_the_phrasings_of_known_values() -> None:
    text = "Known `state` values: `a.b`, `c` (see `Other`), `d`; `e` too. Then `x` and `y`."
    assert field_lists(text) == {"state": (frozenset({"a.b", "c", "d", "e"}), ("Other",))}
    assert field_lists("`kind` is `one` or `two`.") == {"kind": (frozenset({"one", "two"}), ())}
    assert field_lists("`kind` is `one`.") == {}  # one word is not a list
    assert own_list("Known words: `up`, `down`.") == (frozenset({"up", "down"}), ())
    assert own_list("One of `a`, `b`.") == (frozenset({"a", "b"}), ())
    assert own_list("See `RequestStatus` for the known words.") == (
        frozenset(),
        ("RequestStatus",),
    )
    assert own_list("e.g. `ftp`, `gdrive`.") is None


MINI_SPEC = """
openapi: 3.1.0
info: {title: a small spec, version: "1"}
paths:
  /thing:
    get:
      operationId: thing_get
      responses:
        "2XX":
          description: A thing.
          content:
            application/*:
              schema: {$ref: "#/components/schemas/Thing"}
components:
  schemas:
    Base:
      type: object
      properties:
        id: {type: string}
    Thing:
      description: "A thing. Known `state` words: `on`, `off`."
      allOf:
        - $ref: "#/components/schemas/Base"
      type: object
      required: [id, tags]
      properties:
        state: {type: string}
        tags: {type: array, minItems: 1, items: {type: string}}
        extra:
          type: object
          properties: {fixed: {type: string}}
          additionalProperties: {type: integer}
        pattern:
          type: object
          properties: {a: {type: string}}
          patternProperties: {"^x-": {type: string}}
        either:
          oneOf: [{type: string}, {type: [string, integer]}]
"""


def test_the_schema_keywords_the_doctor_follows() -> None:
    from offcloud_sdk._doctor.checks import judge
    from offcloud_sdk._doctor.report import Answer

    spec = Spec(MINI_SPEC)
    body = {
        "state": "dim",
        "tags": [],
        "extra": {"fixed": "a", "counted": 1},
        "pattern": {"a": "b", "x-more": "c", "q": 1},
        "either": "both",
    }
    answer = Answer(201, "application/vnd.thing+json", json.dumps(body), body, True)
    checked = judge(spec, "thing_get", answer, None)
    assert checked.verdict == "drift"
    assert [(f.kind, f.path, f.expected) for f in checked.problems] == [
        ("missing_field", "id", "string"),
        ("broken_rule", "tags", "minItems 1"),
        ("wrong_shape", "either", "exactly one of string | string | integer"),
    ]
    assert [(f.kind, f.path) for f in checked.new] == [
        ("new_value", "state"),
        ("new_field", "pattern.q"),
    ]
    assert checked.new[0].expected == "the known state values are off, on"
    fine = {"id": "1", "tags": ["t"], "state": "on", "extra": {"counted": 2}, "either": 3}
    good = Answer(200, "application/json", json.dumps(fine), fine, True)
    assert judge(spec, "thing_get", good, None).verdict == "match"
    text = Answer(200, "text/plain", "hello")
    checked = judge(spec, "thing_get", text, None)
    assert [(f.kind, f.arrived) for f in checked.problems] == [
        ("content_type", "text/plain"),
        ("wrong_type", 'string "hello"'),
    ]
    assert checked.verdict == "drift"


def test_another_spec_is_used_as_given(tmp_path: Path) -> None:
    text = Spec.load().text.replace(
        "        progress: {type: number}\n    RetryResponse:",
        "        progress: {type: number}\n        plan: {type: string}\n    RetryResponse:",
    )
    assert text != Spec.load().text
    changed = tmp_path / "offcloud.yaml"
    changed.write_text(text, encoding="utf-8")
    clock = FakeClock()
    fake = FakeOffcloud(clock=clock)
    with Offcloud(fake.api_key, http_client=fake.client(), clock=clock) as oc:
        populate(fake, clock, oc, lambda x: x)
        fake.inject(Drift({"[].plan": "gold"}), times=None, path="/api/cloud/history")
        assert not check(oc).ok
        report = check(oc, spec=Spec.load(changed))
    assert report.ok
    assert report.spec == str(changed)


def test_a_spec_that_is_not_one_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("just: [a, list\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a YAML document"):
        Spec.load(bad)
    bad.write_text("openapi: 3.1.0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no `paths`"):
        Spec.load(bad)
    with pytest.raises(ValueError, match="cannot read the spec"):
        Spec.load(tmp_path / "missing.yaml")


def test_without_its_packages_the_doctor_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "jsonschema", None)
    with pytest.raises(MissingDependencyError) as raised:
        Spec.load()
    assert 'pip install "offcloud-sdk[cli]"' in raised.value.message
    assert isinstance(raised.value, OffcloudError)
    assert isinstance(raised.value, ImportError)
    assert raised.value.name == "jsonschema"
    with (
        Offcloud("SomeKeySomeKey00", http_client=FakeOffcloud().client()) as oc,
        pytest.raises(ImportError, match="jsonschema"),
    ):
        check(oc)


def test_the_doctor_module_imports_without_its_packages() -> None:
    code = (
        "import sys\n"
        "sys.modules['jsonschema'] = sys.modules['yaml'] = sys.modules['referencing'] = None\n"
        "import offcloud_sdk.doctor as d\n"
        "try:\n    d.Spec.load()\nexcept d.MissingDependencyError as e:\n    print(e.name)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "yaml\n", "")


def test_json_paths() -> None:
    assert json_path(("requests", 0, "fileSize")) == "requests[0].fileSize"
    assert json_path((0, "plan")) == "[0].plan"
    assert json_path(()) == ""
    assert json_path(("a b", "c")) == '["a b"].c'


# -- masking ---------------------------------------------------------------------------------------


def test_masking_keeps_shapes_and_types_and_drops_the_personal() -> None:
    masker = Masker(["TheKeyTheKeyTheKey"])
    stats = load_fixture(Path(__file__).parent / "fixtures/account_stats/classic.json")
    masked = masker.json("account_stats", stats.body)
    assert isinstance(masked, dict)
    assert masked["userId"] == "000000000000000000000001"
    assert masked["email"] == "user-1@example.invalid"
    assert masked["limits"] == stats.body["limits"]
    assert not schema_errors(response_schema("account_stats", 200, "application/json"), masked)
    answer = {
        "status": {
            "fileName": "Holiday 2026.mkv",
            "message": "from 10.0.0.7 by me@home.example at 12:30:00",
            "server": "fr-3",
            "errorMessage": "key TheKeyTheKeyTheKey refused",
        }
    }
    status = masker.json("cloud_status", answer)["status"]  # type: ignore[index]
    assert status["fileName"] == "file-1.mkv"
    assert status["message"] == "from 192.0.2.2 by user-2@example.invalid at 12:30:00"
    assert status["server"] == "fr-3"
    assert status["errorMessage"] == "key *** refused"
    # the same value gets the same placeholder throughout
    assert masker.json("account_info", {"user_id": stats.body["userId"]}) == {
        "user_id": "000000000000000000000001"
    }
    link = "https://fr-3.offcloud.com/cloud/download/5f2b6c3e9d1a4b7c8e0f1a2b/1/My%20Film.mkv?k=1"
    assert masker.text("cloud_list", link + "\n") == (
        "https://fr-3.offcloud.com/cloud/download/5f2b6c3e9d1a4b7c8e0f1a2b/1/file-2.mkv?k=***\n"
    )
    assert masker.json("cloud_history", [{"originalLink": "magnet:?xt=urn:btih:abc&dn=x"}]) == [
        {"originalLink": "magnet:?xt=urn:btih:" + "0" * 40}
    ]
    sites = [{"name": "rapidgator.net", "status": "up"}]
    assert masker.json("sites_list", sites) == sites  # public lists are kept


# -- the command -----------------------------------------------------------------------------------


class Sandbox:
    """A served fake, populated, and ways to run `offcloud` against it."""

    def __init__(self, fake: FakeOffcloud, base_url: str, home: Path) -> None:
        self.fake = fake
        self.base_url = base_url
        self.home = home
        self.clock = fake.clock
        assert isinstance(self.clock, FakeClock)
        with Offcloud(fake.api_key, base_url=base_url, clock=self.clock) as oc:
            self.request_id = populate(fake, self.clock, oc, lambda x: x)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """The installed entry point."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OFFCLOUD_", "XDG_"))}
        env.update(
            XDG_CONFIG_HOME=str(self.home / "config"),
            OFFCLOUD_BASE_URL=self.base_url,
            OFFCLOUD_API_KEY=self.fake.api_key,
            NO_COLOR="1",
            COLUMNS="200",
        )
        return subprocess.run(
            [str(OFFCLOUD), *args], capture_output=True, text=True, env=env, timeout=60
        )

    def invoke(self, *args: str, **env: str | None) -> Any:
        """In process."""
        return run((self.fake, self.base_url), self.home, *args, **env)


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    fake = FakeOffcloud(clock=FakeClock())
    with fake.serve() as base_url:
        yield Sandbox(fake, base_url, tmp_path)


def test_the_command_on_a_clean_sandbox_exits_0(sandbox: Sandbox) -> None:
    done = sandbox.run("doctor")
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()
    assert rows[0].split() == ["operation", "verdict", "details"]
    assert {row.split()[0]: row.split()[1] for row in rows[1:]} == dict.fromkeys(READ_ONLY, "match")
    assert "14 operations: 14 match, 0 drift, 0 refused, 0 skipped; 0 new" in done.stderr
    assert "Offcloud answers as the spec says." in done.stderr
    assert set(operations_called(sandbox.fake)) - {"cloud_add", "remote_add"} <= set(READ_ONLY)


def test_the_command_names_drift_and_exits_1(sandbox: Sandbox) -> None:
    sandbox.fake.inject(
        Drift({"status.fileSize": 1.5, "status.plan": "gold"}),
        times=None,
        path="/api/cloud/status",
    )
    done = sandbox.run("doctor")
    assert done.returncode == 1, done.stderr
    assert "cloud_status     drift +new  status.fileSize: arrived number 1.5" in done.stdout
    assert "new field status.plan" in done.stdout
    assert "--save DIR keeps them" in done.stderr


def test_the_json_report(sandbox: Sandbox) -> None:
    sandbox.fake.inject(Drift({"[].fileSize": None}), times=None, path="/api/cloud/history")
    done = sandbox.invoke("doctor", "--json")
    assert done.exit_code == 1, done.output
    assert done.stderr == ""
    report = json.loads(done.stdout)
    assert set(report) == {"ok", "spec", "base_url", "summary", "checks"}
    assert report["ok"] is False
    assert report["base_url"] == sandbox.base_url
    assert report["summary"] == {
        "match": 13,
        "drift": 1,
        "refused": 0,
        "skipped": 0,
        "new": 0,
    }
    by_operation = {entry["operation"]: entry for entry in report["checks"]}
    assert list(by_operation) == list(READ_ONLY)
    history = by_operation["cloud_history"]
    assert set(history) == {
        "operation",
        "verdict",
        "ok",
        "reason",
        "status",
        "content_type",
        "specified",
        "problems",
        "new",
    }
    assert history["problems"] == [
        {
            "kind": "wrong_type",
            "path": "[0].fileSize",
            "arrived": "null",
            "expected": "integer | string",
        }
    ]
    assert (history["verdict"], history["status"], history["content_type"]) == (
        "drift",
        200,
        "application/json",
    )


def test_saved_fixtures_have_the_format_and_no_personal_data(sandbox: Sandbox) -> None:
    saved = sandbox.home / "saved"
    done = sandbox.invoke("doctor", "--json", "--save", str(saved))
    assert done.exit_code == 0, done.output
    paths = [Path(p) for p in json.loads(done.stdout)["saved"]]
    assert [p.relative_to(saved).as_posix() for p in paths] == [
        f"{op}/doctor.json" for op in READ_ONLY
    ]
    assert sorted(saved.rglob("*.json")) == sorted(paths)  # nothing anywhere else
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for secret in (sandbox.fake.api_key, EMAIL, USER_ID, REMOTE, "127.0.0.1", "Season"):
            assert secret not in text, (path, secret)
        raw = json.loads(text)
        assert set(raw) == {"operation", "kind", "status", "content_type", "source", "body"} or (
            set(raw) == {"operation", "kind", "status", "content_type", "source", "text"}
        )
        fixture = load_fixture(path)  # as tests/fixtures are read
        assert (fixture.operation, fixture.kind, fixture.status) == (
            path.parent.name,
            "response",
            200,
        )
        assert fixture.recorded
        schema = response_schema(fixture.operation, fixture.status, fixture.content_type)
        assert schema_errors(schema, fixture.payload()) == [], path
    account = load_fixture(saved / "account_info" / "doctor.json")
    assert account.body["email"] == "user-1@example.invalid"
    assert account.body["user_id"] == "000000000000000000000001"
    listed = load_fixture(saved / "cloud_list" / "doctor.json")
    assert listed.text is not None
    assert f"/cloud/download/{sandbox.request_id}/1/" in listed.text


def test_save_never_writes_outside_its_folder(tmp_path: Path) -> None:
    report = doctored(populate=False)
    outside = tmp_path / "outside"
    outside.mkdir()
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "account_info").symlink_to(outside, target_is_directory=True)
    with pytest.raises(OSError, match="symbolic link"):
        save_fixtures(report, saved)
    assert list(outside.iterdir()) == []
    (saved / "account_info").unlink()
    (saved / "account_info").mkdir()
    planted = saved / "account_info" / "doctor.json"
    planted.symlink_to(outside / "planted.json")
    written = save_fixtures(report, saved)
    assert planted in written
    assert not planted.is_symlink()
    assert list(outside.iterdir()) == []


def test_the_command_never_shows_a_traceback_for_garbage(sandbox: Sandbox) -> None:
    sandbox.fake.inject(HtmlError(520), times=None, path="/api/sites")
    sandbox.fake.inject(Truncate(0.5), times=None, path="/api/cloud/history")
    done = sandbox.invoke("--max-retries", "0", "doctor")
    assert done.exit_code == 1, done.output
    assert "Traceback" not in done.output
    lines = {line.split()[0]: line for line in done.stdout.splitlines() if line[:1] != " "}
    assert lines["sites_list"].split()[1:6] == ["skipped", "Offcloud", "is", "failing", "right"]
    assert lines["cloud_history"].split()[1] == "drift"
    assert "is not valid JSON" in lines["cloud_history"]


def test_the_command_uses_the_usual_exit_codes(sandbox: Sandbox, tmp_path: Path) -> None:
    refused = sandbox.invoke("doctor", OFFCLOUD_API_KEY="WrongKeyWrongKey")
    assert refused.exit_code == 3
    assert one_line(refused.stderr).startswith("offcloud: error: ")
    bad_spec = tmp_path / "bad.yaml"
    bad_spec.write_text("openapi: 3.1.0\n", encoding="utf-8")
    usage = sandbox.invoke("doctor", "--spec", str(bad_spec))
    assert usage.exit_code == 2
    assert "no `paths`" in one_line(usage.stderr)
    nowhere = sandbox.invoke("--max-retries", "0", "doctor", OFFCLOUD_BASE_URL="http://127.0.0.1:9")
    assert nowhere.exit_code == 6


def test_a_spec_without_the_doctors_operations_is_a_usage_error(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: {}\n", "utf-8")
    done = sandbox.invoke("doctor", "--spec", str(empty))
    assert done.exit_code == 2
    assert "none of the operations" in one_line(done.stderr)


def test_the_patch_never_replaces_a_file(sandbox: Sandbox, tmp_path: Path) -> None:
    spec = tmp_path / "offcloud.yaml"
    spec.write_text(SPEC_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    kept = tmp_path / "kept.diff"
    kept.write_text("keep", encoding="utf-8")
    for target, said in ((spec, "the spec itself"), (kept, "a file")):
        done = sandbox.invoke("doctor", "--spec", str(spec), "--patch", str(target))
        assert done.exit_code == 2
        assert said in one_line(done.stderr)
    assert spec.read_text(encoding="utf-8") == SPEC_PATH.read_text(encoding="utf-8")
    assert kept.read_text(encoding="utf-8") == "keep"
    nowhere = sandbox.invoke("doctor", "--patch", str(tmp_path / "no" / "x.diff"))
    assert nowhere.exit_code == 2
    a_file = sandbox.invoke("doctor", "--save", str(kept))
    assert a_file.exit_code == 2
    assert "not a folder" in one_line(a_file.stderr)


def test_no_answer_to_a_later_question_skips_it_and_keeps_the_rest() -> None:
    report = doctored((DropConnection(), "/api/sites"))
    checked = report.get("sites_list")
    assert checked is not None
    assert checked.verdict == "skipped"
    assert checked.reason.startswith("no answer")
    assert report.get("proxies_list") is not None


def test_masking_reaches_inside_free_text_and_links() -> None:
    from offcloud_sdk._doctor.masking import Masker

    masker = Masker(["TheKey0000000000"])
    saved = json.dumps(
        masker.json(
            "remote_accounts",
            {
                "message": "http://alice:s3cret@ftp.alice-home.net/movies/Private.Home.mkv"
                "?token=SECRETTOKEN&sig=xyz failed for alice%40corp.com with Bearer "
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
                "server": "ftp://alice:pw1@ftp.alice-home.net:21/home/alice",
                "pwd": "hunter2",
                "displayName": "Alice Example",
            },
        )
    )
    for personal in (
        "alice",
        "s3cret",
        "ftp.alice-home.net",
        "Private.Home",
        "SECRETTOKEN",
        "xyz",
        "corp.com",
        "eyJhbGci",
        "pw1",
        "hunter2",
        "Alice Example",
    ):
        assert personal not in saved, personal
    # Offcloud's own hosts are kept: they identify no one.
    link = "https://fr-1.offcloud.com/cloud/download/5f2b6c3e9d1a4b7c8e0f0001/1/Movie.mkv"
    (masked,) = masker.json("cloud_list", [link])  # type: ignore[misc]
    assert re.fullmatch(
        r"https://fr-1\.offcloud\.com/cloud/download/5f2b6c3e9d1a4b7c8e0f0001/1/file-\d+\.mkv",
        masked,
    )
