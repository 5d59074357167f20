"""Issue 13: the `offcloud` command in everyday use.

Multi-item commands report every item; tables never cut ids or links; a wait that runs out of
time has its own exit code; usage errors are one line and global options go anywhere; local
paths are not sent as links; the sandbox checks its options; messages speak the command's
words; and the smaller edges (config folder, key file, empty stdin, `-o` a file, bad keys).

In process (`CliRunner`) against a `FakeOffcloud` on 127.0.0.1; one test runs the installed
entry point. Nothing sleeps: waits go through a `FakeClock`.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_support import Served, one_line, run
from typer.testing import CliRunner

from offcloud_sdk import _client as client
from offcloud_sdk.cli._app import app
from offcloud_sdk.testing import FakeClock, FakeOffcloud

UNKNOWN = "5f2b6c3e9d1a4b7c8e0f9999"
LONG_NAME = "A film whose name is long enough to fill most of a screen [1080p] x264"


def cloud_adds(fake: FakeOffcloud) -> int:
    return sum(1 for method, path in fake.calls if (method, path) == ("POST", "/api/cloud"))


@pytest.fixture
def never_sleeps(monkeypatch: pytest.MonkeyPatch) -> None:
    """The client's clock is a fake one: a wait runs out of time at once, the server's
    downloads do not move."""
    monkeypatch.setattr(client, "SystemClock", FakeClock)


class InterruptedClock(FakeClock):
    """A clock on which the first pause is a Ctrl-C."""

    def sleep(self, seconds: float) -> None:
        raise KeyboardInterrupt


# -- 8. every item is reported ---------------------------------------------------------------------


def test_add_reports_each_success_and_failure(served: Served, tmp_path: Path) -> None:
    fake, _ = served
    first = fake.add_link("https://hoster.example/first.mkv", cached=True)
    last = fake.add_link("https://hoster.example/last.mkv", cached=True)
    known = set(fake.requests)
    done = run(served, tmp_path, "add", first, "bad url", last)
    assert done.exit_code == 1, done.output
    created = [request_id for request_id in fake.requests if request_id not in known]
    assert len(created) == 2
    assert all(request_id in done.stdout for request_id in created)
    assert one_line(done.stderr) == "offcloud: error: bad url: Incorrect url"


def test_add_json_lists_every_item_in_order(served: Served, tmp_path: Path) -> None:
    fake, _ = served
    link = fake.add_link("https://hoster.example/json.mkv", cached=True)
    done = run(served, tmp_path, "add", "--json", link, "bad url")
    assert done.exit_code == 1
    added, failed = json.loads(done.stdout)
    assert added["requestId"] in fake.requests
    error = {"type": "HTTPError", "message": "Incorrect url", "exit_code": 1}
    assert failed == {"item": "bad url", "error": error}
    assert json.loads(one_line(done.stderr)) == failed


def test_get_goes_on_after_a_failed_item(served: Served, tmp_path: Path) -> None:
    fake, base_url = served
    from offcloud_sdk import Offcloud

    magnets = [fake.add_torrent(name, {f"{name}.bin": b"data"}, cached=True) for name in "AB"]
    with Offcloud(fake.api_key, base_url=base_url) as oc:
        first, second = (oc.cloud.add(url=magnet).request_id for magnet in magnets)
    out = tmp_path / "out"
    done = run(served, tmp_path, "--json", "get", first, UNKNOWN, second, "-o", str(out))
    assert done.exit_code == 4, done.output
    got_first, failed, got_second = json.loads(done.stdout)
    assert Path(got_first) == out / "A" / "A.bin"
    assert Path(got_second) == out / "B" / "B.bin"
    assert failed["item"] == UNKNOWN
    assert failed["error"]["exit_code"] == 4
    assert (out / "B" / "B.bin").read_bytes() == b"data"
    assert json.loads(one_line(done.stderr))["item"] == UNKNOWN


def test_status_rm_and_cache_report_each_item(served: Served, tmp_path: Path) -> None:
    fake, _ = served
    magnet = fake.add_torrent("Listed", cached=True)
    (added,) = json.loads(run(served, tmp_path, "--json", "add", magnet).stdout)
    request_id = added["requestId"]

    status = run(served, tmp_path, "status", request_id, UNKNOWN)
    assert status.exit_code == 4
    assert request_id in status.stdout
    assert one_line(status.stderr).startswith(f"offcloud: error: {UNKNOWN}: ")

    cache = run(served, tmp_path, "--json", "cache", magnet, "not-a-hash")
    assert cache.exit_code == 2
    hit, refused = json.loads(cache.stdout)
    assert hit == {"item": magnet, "cached": True}
    assert (refused["item"], refused["error"]["exit_code"]) == ("not-a-hash", 2)

    removed = run(served, tmp_path, "--json", "rm", request_id)
    assert removed.exit_code == 0, removed.output
    assert json.loads(removed.stdout) == [{"requestId": request_id, "success": True}]
    assert fake.requests[request_id].removed


def test_an_interrupted_add_wait_still_shows_the_new_ids(
    served: Served, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake, _ = served
    monkeypatch.setattr(client, "SystemClock", InterruptedClock)
    magnet = fake.add_torrent("Interrupted", {"big.bin": 10**9})
    known = set(fake.requests)
    done = run(served, tmp_path, "add", "--wait", magnet)
    assert done.exit_code == 130
    (request_id,) = (r for r in fake.requests if r not in known)
    assert request_id in done.stdout
    line = one_line(done.stderr)
    assert line.startswith("offcloud: error: interrupted")
    assert f"offcloud wait {request_id}" in line


# -- 9. tables never cut ids or links --------------------------------------------------------------


def test_piped_tables_keep_ids_and_links_whole(served: Served, tmp_path: Path) -> None:
    fake, _ = served
    magnet = fake.add_torrent(LONG_NAME, cached=True)
    (added,) = json.loads(run(served, tmp_path, "--json", "add", magnet).stdout)
    history = run(served, tmp_path, "history")
    assert history.exit_code == 0
    (row,) = [line for line in history.stdout.splitlines() if LONG_NAME in line]
    assert row.startswith(added["requestId"] + " ")
    link = "https://hoster.example/" + "a-rather-long-folder/" * 4 + "clip.mp4"
    instant = run(served, tmp_path, "add", "--instant", link)
    assert instant.exit_code == 0, instant.output
    (shown,) = [line for line in instant.stdout.splitlines()[1:] if line.strip()]
    assert shown.split()[-1].endswith("/clip.mp4")
    assert "…" not in history.stdout + instant.stdout


@pytest.mark.parametrize("columns", ["40", "20"])
def test_narrow_terminals_drop_columns_not_characters(
    served: Served, tmp_path: Path, columns: str
) -> None:
    fake, _ = served
    magnet = fake.add_torrent(LONG_NAME + columns, cached=True)
    (added,) = json.loads(run(served, tmp_path, "--json", "add", magnet).stdout)
    history = run(served, tmp_path, "history", COLUMNS=columns)
    assert history.exit_code == 0
    assert added["requestId"] in history.stdout.split()
    assert "created" not in history.stdout.splitlines()[0]  # the least useful column went
    link = "https://hoster.example/" + "folder/" * 8 + "clip.mp4"
    known = set(fake.requests)
    shown = run(served, tmp_path, "add", "--instant", link, COLUMNS=columns)
    (request_id,) = (r for r in fake.requests if r not in known)
    direct = f"{served[1]}/cloud/download/{request_id}/clip.mp4"
    assert direct in "".join(shown.stdout.split())  # folded maybe, never cut
    assert "…" not in history.stdout + shown.stdout


# -- 10. a wait that runs out of time --------------------------------------------------------------


@pytest.mark.usefixtures("never_sleeps")
def test_a_wait_out_of_time_has_its_own_exit_code(served: Served, tmp_path: Path) -> None:
    fake, _ = served
    (added,) = json.loads(
        run(served, tmp_path, "--json", "add", fake.add_torrent("Slow", {"s.bin": 10**9})).stdout
    )
    request_id = added["requestId"]
    done = run(served, tmp_path, "wait", request_id, "--timeout", "2")
    assert done.exit_code == 7
    line = one_line(done.stderr)
    assert f"not downloaded after 2 s: {request_id}" in line
    assert "connection" not in line
    assert "offcloud wait" in line
    as_json = run(served, tmp_path, "--json", "wait", request_id, "--timeout", "2")
    error = json.loads(one_line(as_json.stderr))["error"]
    assert (error["type"], error["exit_code"]) == ("WaitTimeoutError", 7)


def test_the_library_raises_wait_timeout_error(served: Served) -> None:
    from offcloud_sdk import Offcloud, exceptions

    assert issubclass(exceptions.WaitTimeoutError, exceptions.APITimeoutError)
    assert "WaitTimeoutError" in (exceptions.__doc__ or "")
    fake = FakeOffcloud(clock=FakeClock())
    magnet = fake.add_torrent("Slow", {"s.bin": 10**9})
    with Offcloud(fake.api_key, http_client=fake.client(), clock=FakeClock()) as oc:
        request_id = oc.cloud.add(url=magnet).request_id
        with pytest.raises(exceptions.WaitTimeoutError, match="not downloaded after 5 s"):
            oc.cloud.wait(request_id, timeout=5)


# -- 11. usage errors, global options --------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["bogus"],
        ["status"],
        ["--timeout", "abc", "whoami"],
        ["whoami", "--no-such-option"],
        ["--timeout", "0", "whoami"],
        ["--timeout", "-5", "whoami"],
        ["--timeout", "inf", "whoami"],
        ["--timeout", "nan", "whoami"],
        ["wait", UNKNOWN, "--timeout", "nan"],
    ],
)
def test_usage_errors_are_one_line(served: Served, tmp_path: Path, args: list[str]) -> None:
    done = run(served, tmp_path, *args)
    assert done.exit_code == 2, done.output
    assert done.stdout == ""
    assert one_line(done.stderr).startswith("offcloud: error: ")
    as_json = run(served, tmp_path, "--json", *args)
    assert as_json.exit_code == 2
    error = json.loads(one_line(as_json.stderr))["error"]
    assert (error["type"], error["exit_code"]) == ("UsageError", 2)


def test_global_options_go_after_the_sub_command(served: Served, tmp_path: Path) -> None:
    fake, base_url = served
    login = run(served, tmp_path, "login", "--api-key", fake.api_key, OFFCLOUD_API_KEY=None)
    assert login.exit_code == 0, login.output
    saved = tmp_path / "config" / "offcloud" / "credentials.json"
    assert json.loads(saved.read_text()) == {"api_key": fake.api_key}
    whoami = run(
        served,
        tmp_path,
        "whoami",
        f"--base-url={base_url}",
        "--max-retries",
        "0",
        "--timeout",
        "5",
        "--strict",
        "--json",
        OFFCLOUD_BASE_URL="http://127.0.0.1:9",
    )
    assert whoami.exit_code == 0, whoami.output
    assert json.loads(whoami.stdout)["user_id"] == fake.user_id


def test_the_entry_point_prints_usage_errors_in_one_line() -> None:
    offcloud = Path(sys.executable).with_name("offcloud")
    done = subprocess.run(
        [str(offcloud), "status"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2
    assert one_line(done.stderr).startswith("offcloud: error: Missing argument")


# -- 12. a local path is not a link ----------------------------------------------------------------


@pytest.mark.parametrize(
    "item", ["{tmp}/nonexistent.torrent", "missing.torrent", "dir/file.nzb", "{tmp}"]
)
def test_a_missing_local_file_is_a_usage_error(served: Served, tmp_path: Path, item: str) -> None:
    fake, _ = served
    item = item.format(tmp=tmp_path)
    before = cloud_adds(fake)
    done = run(served, tmp_path, "add", item)
    assert done.exit_code == 2, done.output
    line = one_line(done.stderr)
    assert line.startswith(f"offcloud: error: {item}: ")
    assert "no such file" in line or "is a folder" in line
    assert cloud_adds(fake) == before  # nothing was sent


# -- 13. the sandbox checks its options ------------------------------------------------------------


def interrupted(seconds: float) -> None:
    raise KeyboardInterrupt  # ends the sandbox's wait for Ctrl-C at once, should it start


@pytest.mark.parametrize(
    "args",
    [
        ["--port", "99999"],
        ["--port", "-1"],
        ["--speed", "0"],
        ["--speed", "-1"],
        ["--speed", "nan"],
        ["--speed", "inf"],
    ],
)
def test_the_sandbox_refuses_bad_options(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str]
) -> None:
    monkeypatch.setattr(time, "sleep", interrupted)
    done = CliRunner().invoke(app, ["sandbox", *args], env={"XDG_CONFIG_HOME": str(tmp_path)})
    assert done.exit_code == 2, done.output
    assert one_line(done.stderr).startswith("offcloud: error: Invalid value for '--")


def test_the_sandbox_on_a_port_in_use_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(time, "sleep", interrupted)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = CliRunner().invoke(
            app, ["sandbox", "--port", str(port)], env={"XDG_CONFIG_HOME": str(tmp_path)}
        )
    assert done.exit_code == 2, done.output
    line = one_line(done.stderr)
    assert line.startswith(f"offcloud: error: cannot listen on 127.0.0.1 port {port}: ")
    assert "choose another --port" in line
    assert "unexpected" not in line


def test_the_sandbox_on_an_address_not_of_this_machine_says_to_check_the_host(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(time, "sleep", interrupted)
    done = CliRunner().invoke(  # TEST-NET-1: never an address of this machine
        app,
        ["sandbox", "--host", "192.0.2.1", "--i-know"],
        env={"XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert done.exit_code == 2, done.output
    line = done.stderr.splitlines()[-1]  # after the warning that the key is public there
    assert line.startswith("offcloud: error: cannot listen on 192.0.2.1 port 0: ")
    assert "check --host" in line
    assert "--port" not in line.split("(")[-1]


# -- 14. the command's words -----------------------------------------------------------------------


def test_password_login_points_to_the_commands_ways(served: Served, tmp_path: Path) -> None:
    done = run(
        served, tmp_path, "login", "--password", input="me@example.com\npw\n", OFFCLOUD_API_KEY=None
    )
    assert done.exit_code == 3
    line = done.stderr.splitlines()[-1]
    assert "retired" in line
    assert "offcloud login --device" in line
    for library_words in ("device_login()", "api_key=", "the API key was refused"):
        assert library_words not in line


def test_an_interrupted_get_says_how_to_resume(
    served: Served, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from offcloud_sdk.cli import _progress as progress

    fake, base_url = served
    from offcloud_sdk import Offcloud

    def ctrl_c(self: object, progress: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(progress.Bars, "download", ctrl_c)
    magnet = fake.add_torrent("Halfway", {"h.bin": 300_000}, cached=True)
    with Offcloud(fake.api_key, base_url=base_url) as oc:
        request_id = oc.cloud.add(url=magnet).request_id
    done = run(served, tmp_path, "get", request_id, "-o", str(tmp_path / "out"))
    assert done.exit_code == 130
    line = one_line(done.stderr)
    assert line.startswith("offcloud: error: interrupted")
    assert "run the same command again to resume" in line


def test_library_words_become_the_commands() -> None:
    from offcloud_sdk.cli._output import failure_of
    from offcloud_sdk.exceptions import APIConnectionError, AuthError

    broken = APIConnectionError(
        "download x: ended at 5 of 9 bytes; 5 bytes kept: resume=True goes on"
    )
    failure = failure_of(broken)
    assert failure.message.endswith("run the same command again to resume" + failure_of_hint())
    assert "resume=True" not in failure.message
    expired = failure_of(AuthError("device login code expired; call device_login() again"))
    assert "run `offcloud login --device` again" in expired.message


def failure_of_hint() -> str:
    from offcloud_sdk.cli._output import HINTS, NETWORK

    return HINTS[NETWORK]


# -- 15. the smaller edges -------------------------------------------------------------------------


def test_get_into_a_file_is_a_usage_error(served: Served, tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("mine")
    done = run(served, tmp_path, "--json", "get", UNKNOWN, "-o", str(afile))
    assert done.exit_code == 2
    error = json.loads(one_line(done.stderr))["error"]
    assert (error["type"], error["exit_code"]) == ("UsageError", 2)
    assert afile.read_text() == "mine"


def test_an_unusable_config_folder_is_named(served: Served, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    config = str(tmp_path / "afile" / "config")
    done = run(served, tmp_path, "logout", XDG_CONFIG_HOME=config)
    assert done.exit_code == 1
    line = one_line(done.stderr)
    assert "unexpected" not in line
    assert line.startswith("offcloud: error: cannot remove the saved API key ")
    assert config in line


def test_a_corrupt_key_file_is_named(served: Served, tmp_path: Path) -> None:
    saved = tmp_path / "config" / "offcloud" / "credentials.json"
    saved.parent.mkdir(parents=True, mode=0o700)
    saved.write_text('{"api_key": ')
    saved.chmod(0o600)
    done = run(served, tmp_path, "whoami", OFFCLOUD_API_KEY=None)
    assert done.exit_code == 3
    line = one_line(done.stderr)
    assert f"{saved} is unreadable" in line
    assert "offcloud login" in line


def test_an_empty_stdin_at_the_key_prompt_is_a_usage_error(served: Served, tmp_path: Path) -> None:
    done = run(served, tmp_path, "login", input="", OFFCLOUD_API_KEY=None)
    assert done.exit_code == 2
    line = one_line(done.stderr)
    assert "stdin is empty" in line
    assert "interrupted" not in line


@pytest.mark.parametrize("key", ["Secret123\nabc", "Secrét123abc"])
def test_a_malformed_key_is_refused_without_echo(served: Served, tmp_path: Path, key: str) -> None:
    for args in (["--api-key", key, "whoami"], ["whoami"], ["login", "--api-key", key]):
        done = run(served, tmp_path, *args, OFFCLOUD_API_KEY=key)
        assert done.exit_code == 2, done.output
        line = one_line(done.stderr)
        assert line.startswith("offcloud: error: the API key holds a character")
        assert "Secret" not in line
        assert "Secrét" not in line


# -- what an attack found ------------------------------------------------------------------------


@pytest.mark.usefixtures("never_sleeps")
def test_wait_reports_each_id_when_time_runs_out(served: Served, tmp_path: Path) -> None:
    fake, _ = served
    ids = []
    for name, cached in (("Ready", True), ("Crawl", False)):
        out = run(
            served, tmp_path, "--json", "add", fake.add_torrent(name, {"f": 10**9}, cached=cached)
        )
        ids.append(json.loads(out.stdout)[0]["requestId"])
    done = run(served, tmp_path, "--json", "wait", *ids, "--timeout", "2")
    assert done.exit_code == 7
    ready, slow = json.loads(done.stdout)
    assert ready["status"] == "downloaded"
    assert (slow["item"], slow["error"]["exit_code"]) == (ids[1], 7)


@pytest.mark.usefixtures("never_sleeps")
def test_wait_reports_each_id_when_one_is_unknown(served: Served, tmp_path: Path) -> None:
    fake, _ = served
    out = run(served, tmp_path, "--json", "add", fake.add_torrent("Here", {"f": 10}, cached=True))
    good = json.loads(out.stdout)[0]["requestId"]
    done = run(served, tmp_path, "--json", "wait", good, UNKNOWN)
    first, second = json.loads(done.stdout)
    assert first["requestId"] == good
    assert second["item"] == UNKNOWN
    assert done.exit_code == second["error"]["exit_code"] != 0


def test_get_shows_the_files_that_landed_when_another_fails(served: Served, tmp_path: Path) -> None:
    fake, _ = served
    files = {"a.bin": 1000, "b.bin": 2000, "c.bin": 3000}
    out = run(served, tmp_path, "--json", "add", fake.add_torrent("Three", files, cached=True))
    request_id = json.loads(out.stdout)[0]["requestId"]
    dest = tmp_path / "dl"
    (dest / "Three" / "b.bin").mkdir(parents=True)  # a folder where a file goes
    done = run(served, tmp_path, "--json", "get", request_id, "-o", str(dest))
    entries = json.loads(done.stdout)
    landed = sorted(Path(e).name for e in entries if isinstance(e, str))
    assert landed == ["a.bin", "c.bin"]
    assert [e["item"] for e in entries if isinstance(e, dict)] == [request_id]
    assert done.exit_code != 0


def test_the_key_never_shows_in_an_item(served: Served, tmp_path: Path) -> None:
    fake, base_url = served
    link = f"{base_url}/nothing/here?key={fake.api_key}"
    for args in (("--json", "get", link, "-o", str(tmp_path)), ("get", link, "-o", str(tmp_path))):
        done = run(served, tmp_path, *args)
        assert done.exit_code != 0
        assert fake.api_key not in done.stdout + done.stderr


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_key_file_that_is_not_a_file_is_named_not_a_traceback(
    served: Served, tmp_path: Path, kind: str
) -> None:
    import os

    path = tmp_path / "config" / "offcloud" / "credentials.json"
    path.parent.mkdir(parents=True)
    path.mkdir() if kind == "folder" else os.mkfifo(path)
    done = run(served, tmp_path, "whoami", OFFCLOUD_API_KEY=None)
    line = one_line(done.stderr)
    assert str(path) in line
    assert "Traceback" not in done.output
    assert done.exit_code == 3


@pytest.mark.parametrize(
    "args",
    [("whoami", "--api-key"), ("--json", "whoami", "--base-url"), ("sandbox", "--speed", "1e308")],
)
def test_option_edges_found_by_an_attack_are_usage_errors(
    served: Served, tmp_path: Path, args: tuple[str, ...]
) -> None:
    done = run(served, tmp_path, *args)
    assert done.exit_code == 2
    one_line(done.stderr)
