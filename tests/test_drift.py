"""Answers that differ from the spec: read leniently and said once by default; raised if strict."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import respx
from offcloud_api_client.models import AccountInfo
from offcloud_api_client.types import UNSET
from sdk_support import BASE, KEY, Harness
from typer.testing import CliRunner

from offcloud_sdk._calls import drift
from offcloud_sdk.cli._app import app
from offcloud_sdk.exceptions import InvalidArgumentError, UnexpectedResponseError
from offcloud_sdk.testing import Drift, FakeClock, FakeOffcloud

STATUS = f"{BASE}/api/cloud/status"
HISTORY = f"{BASE}/api/cloud/history"
INFO = f"{BASE}/api/account/info"
EXPLORE = f"{BASE}/api/cloud/explore/r1"


def status_body(**fields: object) -> dict[str, Any]:
    return {"status": {"requestId": "r1", "status": "downloading", **fields}}


def history_item(**fields: object) -> dict[str, Any]:
    return {"requestId": "r1", "fileName": "a.iso", **fields}


def info_body(**fields: object) -> dict[str, Any]:
    return {"user_id": "u1", "is_premium": True, "can_download": True, **fields}


def status(oc: Any) -> Any:
    return oc.cloud.status(request_id="r1")


def history(oc: Any) -> Any:
    return oc.cloud.history()


def info(oc: Any) -> Any:
    return oc.account.info()


def explore(oc: Any) -> Any:
    return oc.cloud.explore("r1")


Case = tuple[str, Callable[[Any], Any], object, Callable[[Any], object], object, str | None]
# (url, call, body, what to read from the result, what it must be, the warning's words or None)
DRIFTS: dict[str, Case] = {
    "null fileSize": (
        STATUS, status, status_body(fileSize=None), lambda r: r.status.file_size, UNSET, None,
    ),
    "null server": (
        STATUS, status, status_body(server=None), lambda r: r.status.server, UNSET, None,
    ),
    "null message": (
        STATUS, status, status_body(message=None), lambda r: r.status.message, UNSET, None,
    ),
    "float fileSize": (
        STATUS, status, status_body(fileSize=12099016.0), lambda r: r.status.file_size, 12099016,
        "status.file_size arrived as float 12099016.0 where the spec says int | str; "
        "read as int 12099016",
    ),
    "float amount": (
        STATUS, status, status_body(amount=1048576.0), lambda r: r.status.amount, 1048576,
        "status.amount arrived as float 1048576.0",
    ),
    "text amount": (
        STATUS, status, status_body(amount="1048576"), lambda r: r.status.amount, 1048576,
        "status.amount arrived as str '1048576' where the spec says int; read as int 1048576",
    ),
    "text progress": (
        STATUS, status, status_body(progress="8.7"), lambda r: r.status.progress, 8.7,
        "status.progress arrived as str '8.7' where the spec says float; read as float 8.7",
    ),
    "0/1 isDirectory": (
        STATUS, status, status_body(isDirectory=1), lambda r: r.status.is_directory, True,
        "status.is_directory arrived as int 1 where the spec says bool; read as bool True",
    ),
    "text isDirectory": (
        STATUS, status, status_body(isDirectory="TRUE"), lambda r: r.status.is_directory, True,
        "status.is_directory arrived as str 'TRUE'",
    ),
    "text false isCompleted": (
        STATUS, status, status_body(isCompleted="false"), lambda r: r.status.is_completed, False,
        "status.is_completed arrived as str 'false'",
    ),
    "epoch ms createdOn": (
        HISTORY, history, [history_item(createdOn=1772359200000)], lambda r: r[0].created_on,
        "1772359200000",
        "[].created_on arrived as int 1772359200000 where the spec says str; "
        "read as str '1772359200000'",
    ),
    "data wrapper": (
        HISTORY, history, {"data": [history_item()]}, lambda r: [i.request_id for i in r], ["r1"],
        "answer arrived as an object holding the list under 'data'",
    ),
    "list wrapper": (
        HISTORY, history, {"list": [history_item()], "count": 1}, lambda r: len(r), 1,
        "under 'list'",
    ),
    "text int in a list": (
        EXPLORE, explore, {"files": [{"name": "a", "url": "u", "size": "12"}]},
        lambda r: r.files[0].size, 12, "files[].size arrived as str '12'",
    ),
    "kept mismatch": (
        STATUS, status, status_body(amount="lots"), lambda r: r.status.amount, "lots",
        "status.amount arrived as str 'lots' where the spec says int; kept as sent",
    ),
    "non-integral float for int": (
        STATUS, status, status_body(amount=1.5), lambda r: r.status.amount, 1.5,
        "kept as sent",
    ),
    "number for required str": (
        INFO, info, {**info_body(), "user_id": 7}, lambda r: r.user_id, "7",
        "user_id arrived as int 7 where the spec says str; read as str '7'",
    ),
}  # fmt: skip


@pytest.fixture(autouse=True)
def fresh_reports() -> Iterator[None]:
    drift._reported.clear()
    yield
    drift._reported.clear()


def drift_warnings(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """The WARNINGs of `offcloud_sdk.drift` (another test may have left the SDK's logger at
    INFO, so its call lines are captured too)."""
    return [
        r for r in caplog.records if r.name == "offcloud_sdk.drift" and r.levelno == logging.WARNING
    ]


def answer(url: str, body: object, call: Callable[[Any], Any], oc: Any, harness: Harness) -> Any:
    with respx.mock() as mock:
        mock.route(url=url).respond(200, json=body)
        return harness.go(call(oc))


@pytest.mark.parametrize("name", sorted(DRIFTS))
def test_lenient_by_default_reads_the_answer_and_warns_once(
    harness: Harness, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    url, call, body, read, expected, words = DRIFTS[name]
    oc = harness.client(strict=False, max_retries=0)
    caplog.set_level(logging.DEBUG, logger="offcloud_sdk")

    first = answer(url, body, call, oc, harness)
    again = answer(url, body, call, oc, harness)

    assert read(first) == expected
    assert read(again) == expected
    assert type(read(first)) is type(expected)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    if words is None:  # a null for an optional field: absent, at most a DEBUG record
        assert warnings == []
        assert any(r.name == "offcloud_sdk.drift" for r in caplog.records)
    else:
        assert len(warnings) == 1, "one warning per operation, field and type, per process"
        (warning,) = warnings
        assert warning.name == "offcloud_sdk.drift"
        message = warning.getMessage()
        assert words in message
        assert "offcloud doctor" in message
        assert KEY not in message


@pytest.mark.parametrize("name", sorted(DRIFTS))
def test_strict_raises_with_the_path(harness: Harness, name: str) -> None:
    url, call, body, _, _, _ = DRIFTS[name]
    for oc in (harness.client(strict=True, max_retries=0), harness.client(max_retries=0)):
        with pytest.raises(UnexpectedResponseError) as caught:
            answer(url, body, call, oc, harness)
        assert KEY not in str(caught.value)


def test_the_env_variable_sets_strictness_and_an_argument_overrides_it(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFCLOUD_STRICT", "0")
    assert harness.client().strict is False
    assert harness.client(strict=True).strict is True
    monkeypatch.setenv("OFFCLOUD_STRICT", "Yes")
    assert harness.client().strict is True
    assert harness.client(strict=False).strict is False
    monkeypatch.delenv("OFFCLOUD_STRICT")
    lenient = harness.client()
    assert lenient.strict is False
    assert lenient.with_options(strict=True).strict is True
    assert lenient.with_options(strict=True).with_options(max_retries=1).strict is True
    assert "strict=False" in repr(lenient)
    monkeypatch.setenv("OFFCLOUD_STRICT", "sometimes")
    with pytest.raises(InvalidArgumentError, match="OFFCLOUD_STRICT must be 1 or 0"):
        harness.client()
    with pytest.raises(InvalidArgumentError, match="strict must be True or False"):
        harness.client(strict="yes")


def test_with_options_strict_changes_only_the_copy(harness: Harness) -> None:
    lenient = harness.client(strict=False, max_retries=0)
    strict = lenient.with_options(strict=True)
    body = status_body(amount="1048576")
    assert answer(STATUS, body, status, lenient, harness).status.amount == 1048576
    with pytest.raises(UnexpectedResponseError, match=r"status\.amount is str '1048576'"):
        answer(STATUS, body, status, strict, harness)


UNREADABLE: dict[str, tuple[str, Callable[[Any], Any], object]] = {
    "a list where an object is declared": (INFO, info, [info_body()]),
    "a missing required field": (INFO, info, {"is_premium": True, "can_download": True}),
    "a null required object": (STATUS, status, {"status": None}),
    "an object without a known wrapper": (HISTORY, history, {"items": [history_item()]}),
    "text where an object is declared": (STATUS, status, {"status": "downloading"}),
    "a list where a nested object is declared": (STATUS, status, {"status": [1, 2]}),
    "a null answer": (INFO, info, None),
    "a list of lists where a list of objects is declared": (HISTORY, history, [[history_item()]]),
    "a list where a nested object is declared, in a list": (
        EXPLORE,
        explore,
        {"files": [["name", "url"]]},
    ),
}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_what_cannot_become_the_model_is_unexpected_even_when_lenient(
    harness: Harness, name: str
) -> None:
    url, call, body = UNREADABLE[name]
    for strict in (False, True):
        oc = harness.client(strict=strict, max_retries=0)
        with pytest.raises(UnexpectedResponseError):
            answer(url, body, call, oc, harness)


def test_not_json_is_unexpected_even_when_lenient(harness: Harness) -> None:
    oc = harness.client(strict=False, max_retries=0)
    with respx.mock() as mock:
        mock.get(INFO).respond(200, text="<html>maintenance</html>")
        with pytest.raises(UnexpectedResponseError, match="maintenance"):
            harness.go(info(oc))


def test_several_drifts_in_one_answer_are_all_read(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    body = {
        "requests": [
            {"requestId": "a", "status": "downloaded", "fileSize": 10.0, "server": None},
            {"requestId": "b", "status": "downloading", "amount": "5", "isDirectory": 0},
            {"requestId": "c", "status": "queued", "fileSize": 11.0, "brandNew": {"x": 1}},
        ]
    }
    oc = harness.client(strict=False, max_retries=0)
    result = answer(
        STATUS, body, lambda o: o.cloud.status(request_ids=["a", "b", "c"]), oc, harness
    )
    a, b, c = result.requests
    assert (a.file_size, a.server) == (10, UNSET)
    assert (b.amount, b.is_directory) == (5, False)
    assert c.file_size == 11
    assert c.additional_properties == {"brandNew": {"x": 1}}, "new fields are kept, not refused"
    paths = sorted(r.getMessage().split(" arrived")[0] for r in drift_warnings(caplog))
    assert paths == [
        "cloud_status: requests[].amount",
        "cloud_status: requests[].file_size",
        "cloud_status: requests[].is_directory",
    ], "one warning per field and type, not one per list item"


def test_a_conforming_answer_is_not_reread(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> object:
        raise AssertionError("the lenient reader ran on a conforming answer")

    monkeypatch.setattr(drift, "reread", refuse)
    oc = harness.client(strict=False, max_retries=0)
    body = status_body(fileSize=5, amount=1, progress=1, isDirectory=False)
    assert answer(STATUS, body, status, oc, harness).status.progress == 1


def test_a_secret_in_a_drifted_value_is_masked_in_the_warning(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    oc = harness.client(strict=False, max_retries=0)
    body = status_body(amount=f"key={KEY}", isDirectory="\x1b[31mred")
    result = answer(STATUS, body, status, oc, harness)
    assert result.status.amount == f"key={KEY}"
    text = " ".join(r.getMessage() for r in caplog.records)
    assert KEY not in text
    assert KEY[:8] not in text
    assert "\x1b" not in text, "values are shown as repr, so escapes stay inert"


def test_drift_logs_nothing_once_its_logger_is_silenced(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="offcloud_sdk.drift")
    oc = harness.client(strict=False, max_retries=0)
    assert answer(STATUS, status_body(amount="3"), status, oc, harness).status.amount == 3
    assert [r for r in caplog.records if r.name == "offcloud_sdk.drift"] == []


def test_the_fakes_drift_fault_reaches_both_clients(harness: Harness) -> None:
    fake = harness.fake()
    lenient = harness.fake_client(fake, strict=False)
    strict = harness.fake_client(fake, strict=True)
    request = harness.go(lenient.cloud.add(url=fake.add_torrent("show", cached=True)))
    drifted = Drift({"status.fileSize": 12099016.0, "status.server": None, "status.amount": "7"})
    fake.inject(drifted, path="/api/cloud/status")
    status = harness.go(lenient.cloud.status(request_id=request.request_id)).status
    assert (status.file_size, status.server, status.amount) == (12099016, UNSET, 7)
    fake.inject(drifted, path="/api/cloud/status")
    with pytest.raises(UnexpectedResponseError, match="status"):
        harness.go(strict.cloud.status(request_id=request.request_id))
    fake.inject(Drift({"[].createdOn": 1772359200000}, wrap="data"), path="/api/cloud/history")
    (item,) = harness.go(lenient.cloud.history())
    assert item.created_on == "1772359200000"


def test_the_command_is_lenient_by_default_and_fails_with_strict(tmp_path: Path) -> None:
    fake = FakeOffcloud(clock=FakeClock())
    with fake.serve() as base_url:
        env = {
            "OFFCLOUD_BASE_URL": base_url,
            "OFFCLOUD_API_KEY": fake.api_key,
            "OFFCLOUD_STRICT": "0",
            "XDG_CONFIG_HOME": str(tmp_path),
        }
        fake.inject(Drift({"is_premium": 1}), path="/api/account/info")
        lenient = CliRunner().invoke(app, ["--json", "whoami"], env=env)
        fake.inject(Drift({"is_premium": 1}), path="/api/account/info")
        strict = CliRunner().invoke(app, ["--strict", "--json", "whoami"], env=env)
        fake.inject(Drift({"is_premium": 1}), path="/api/account/info")
        from_env = CliRunner().invoke(app, ["whoami"], env={**env, "OFFCLOUD_STRICT": "1"})
    assert lenient.exit_code == 0, lenient.output
    assert json.loads(lenient.stdout)["is_premium"] is True
    assert strict.exit_code != 0
    assert "is_premium" in strict.stderr
    assert from_env.exit_code == strict.exit_code


def test_helpers_read_convertible_drift_but_refuse_values_they_cannot_use(
    harness: Harness,
) -> None:
    oc = harness.client(strict=False, max_retries=0)
    converted = {"files": [{"name": "a.mkv", "url": f"{BASE}/dl/a.mkv", "size": "12"}]}
    kept = {"files": [{"name": "a.mkv", "url": {"not": "a link"}}]}
    assert answer(EXPLORE, kept, explore, oc, harness).files[0].url == {"not": "a link"}
    (file,) = answer(
        f"{EXPLORE}?format=detailed", converted, lambda o: o.cloud.files("r1"), oc, harness
    )
    assert file.size == 12
    with pytest.raises(UnexpectedResponseError, match=r"files\[0\]\.url is dict"):
        answer(f"{EXPLORE}?format=detailed", kept, lambda o: o.cloud.files("r1"), oc, harness)
    with pytest.raises(UnexpectedResponseError, match="amount"):
        answer(STATUS, status_body(amount="lots"), lambda o: o.cloud.wait("r1"), oc, harness)


def test_a_large_drifted_answer_builds_each_warning_once(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[object] = []
    original = drift._Reader._shown

    def counting(self: Any, value: object, path: str, *, typed: bool = True) -> str:
        shown.append(value)
        return original(self, value, path, typed=typed)

    monkeypatch.setattr(drift._Reader, "_shown", counting)
    items = [
        history_item(isDirectory=1, fileSize="1", progress="0.5", userId=1, createdOn=1)
        for _ in range(2000)
    ]
    oc = harness.client(strict=False, max_retries=0)
    result = answer(HISTORY, items, history, oc, harness)
    assert len(result) == 2000
    assert result[-1].is_directory is True
    assert len(shown) <= 2 * 5, "a warning's text is made only when it is logged"


def test_a_new_key_in_a_login_answer_is_never_shown(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    new_key = 987654321098765432109876
    oc = harness.client(api_key=None, strict=False, max_retries=0)
    with respx.mock() as mock:
        mock.post(f"{BASE}/api/key").respond(200, json={"apiKey": new_key})
        assert harness.go(oc.auth.api_key()).api_key == str(new_key)
        strict = oc.with_options(strict=True)
        with pytest.raises(UnexpectedResponseError) as caught:
            harness.go(strict.auth.api_key())
        mock.post(f"{BASE}/oauth/token").respond(
            200, json={"access_token": "T0kenT0kenT0ken", "token_type": "bearer", "scope": ["x"]}
        )
        with pytest.raises(UnexpectedResponseError) as token_error:
            harness.go(strict.auth.device_token(grant_type="g", device_code="d"))
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "api_key arrived as int (not shown)" in logged
    for text in (logged, str(caught.value), str(token_error.value)):
        assert str(new_key)[:8] not in text
        assert "T0kenT0ken" not in text


@pytest.mark.parametrize("key", ["abc\\defghijklmnop123", "abc'def\"ghijklmnop"])
def test_a_key_with_a_backslash_or_quotes_is_masked_where_repr_escapes_it(
    harness: Harness, key: str, caplog: pytest.LogCaptureFixture
) -> None:
    body = status_body(amount=[key])
    lenient = harness.client(api_key=key, strict=False, max_retries=0)
    answer(STATUS, body, status, lenient, harness)
    with pytest.raises(UnexpectedResponseError) as caught:
        answer(STATUS, body, status, lenient.with_options(strict=True), harness)
    for text in (" ".join(r.getMessage() for r in caplog.records), str(caught.value)):
        assert "defghijk" not in text


def test_the_kinds_of_difference_logged_are_bounded(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    oc = harness.client(strict=False, max_retries=0)
    with respx.mock() as mock:
        mock.route().respond(200, json={**info_body(), "is_premium": 1})
        for number in range(drift.MAX_REPORTED + 20):
            harness.go(oc.request("GET", f"/api/thing/{number}", cast_to=AccountInfo))
    assert len(drift._reported) == drift.MAX_REPORTED + 1
    warned = drift_warnings(caplog)
    assert len(warned) == drift.MAX_REPORTED + 1
    assert "no more are logged" in warned[-1].getMessage()


@pytest.mark.parametrize(
    ("sent", "read"),
    [
        ("12345678901234567891.0", 12345678901234567891),
        ("1e3", 1000),
        ("1.0000000000000001", "1.0000000000000001"),
        ("1e-999", "1e-999"),
    ],
)
def test_text_becomes_an_int_only_when_nothing_is_lost(
    harness: Harness, sent: str, read: object
) -> None:
    oc = harness.client(strict=False, max_retries=0)
    assert answer(STATUS, status_body(amount=sent), status, oc, harness).status.amount == read
