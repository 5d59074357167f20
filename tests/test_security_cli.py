"""Security findings on the `offcloud` command and the sandbox server.

A: names and errors from Offcloud cannot drive the terminal (escape sequences, C1, bidi).
B: the saved key is written atomically, privately, never through a symlink or a planted file.
C: `--help` says that `--api-key` shows in `ps`.
D: the sandbox server survives bad Content-Length values and idle clients, and stays on loopback.

The CLI runs in process (`CliRunner`) against a `FakeOffcloud` on 127.0.0.1; nothing binds a
public address, and nothing here imports what the fixes added at module level, so each test
fails on its own on the code before them.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import socket
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import respx
from cli_support import Served, one_line
from cli_support import run as run_cli
from typer.testing import CliRunner, Result

from offcloud_sdk import Offcloud
from offcloud_sdk._text import INVISIBLE
from offcloud_sdk.cli._app import app
from offcloud_sdk.exceptions import InvalidArgumentError
from offcloud_sdk.testing import FakeClock, FakeOffcloud
from offcloud_sdk.testing import _server as server_module

EVIL = "\x1b]0;pwned\x07evil\x1b[31mred\x1b]52;c;ZWNobyBoaQ==\x07.mkv"
SPOOF = "cat\u202egpj.exe\x9b31m\u200f\u2028\U000e0041.mkv"
UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{INVISIBLE}]")
"""What must never reach a terminal: C0 (but newline and tab), DEL, C1, bidi overrides and
marks, invisible characters, line separators."""
POSIX = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX modes and owners")


def run(served: Served, home: Path, *args: str, **env: str | None) -> Result:
    """The command as `cli_support.run` runs it, on a 200-column terminal."""
    return run_cli(served, home, *args, **{"COLUMNS": "200", **env})


# -- A: what Offcloud names cannot do to a terminal ------------------------------------------------


@pytest.fixture
def evil_request(served: tuple[FakeOffcloud, str], tmp_path: Path) -> str:
    fake, _ = served
    magnet = fake.add_torrent(EVIL + SPOOF, {SPOOF: b"spoof"}, cached=True)
    added = run(served, tmp_path, "--json", "add", magnet)
    assert added.exit_code == 0, added.output
    request_id: str = json.loads(added.stdout)[0]["requestId"]
    assert isinstance(fake.clock, FakeClock)
    fake.clock.advance(3600)
    return request_id


@pytest.mark.parametrize("command", ["ls", "status", "history"])
def test_tables_show_names_without_escapes(
    served: tuple[FakeOffcloud, str], tmp_path: Path, evil_request: str, command: str
) -> None:
    args = [command] if command == "history" else [command, evil_request]
    done = run(served, tmp_path, *args)
    assert done.exit_code == 0, done.output
    assert not UNSAFE.findall(done.stdout + done.stderr)
    assert "pwned" not in done.stdout
    assert "ZWNobyBoaQ" not in done.stdout
    assert "evilred.mkvcatgpj.exe.mkv" in done.stdout  # the 8-bit CSI `\x9b31m` went too


@pytest.mark.parametrize("command", ["ls", "status", "history"])
def test_json_keeps_names_exact_and_escaped(
    served: tuple[FakeOffcloud, str], tmp_path: Path, evil_request: str, command: str
) -> None:
    args = [command] if command == "history" else [command, evil_request]
    done = run(served, tmp_path, "--json", *args)
    assert done.exit_code == 0, done.output
    assert not UNSAFE.findall(done.stdout), "JSON carries raw control or bidi characters"
    found = json.loads(done.stdout)
    if command == "ls":
        assert [f["path"] for f in found] == [f"{EVIL}{SPOOF}/{SPOOF}"]
    else:
        assert EVIL + SPOOF in [item.get("fileName") for item in found]


ERROR = "bad\x1b[2K\x1b[1Gthing\u202e\x9b2J"


def test_an_error_from_offcloud_prints_no_escapes(tmp_path: Path) -> None:
    with respx.mock(base_url="https://offcloud.test") as router:
        router.get("/api/account/info").respond(json={"error": ERROR})
        done = CliRunner().invoke(
            app,
            ["--base-url", "https://offcloud.test", "--api-key", "k", "whoami"],
            env={"XDG_CONFIG_HOME": str(tmp_path), "OFFCLOUD_LOG": None},
        )
    assert done.exit_code == 1
    line = one_line(done.stderr)
    assert not UNSAFE.findall(line)
    assert line.startswith("offcloud: error: badthing")


def test_an_error_in_json_is_exact_and_escaped(tmp_path: Path) -> None:
    with respx.mock(base_url="https://offcloud.test") as router:
        router.get("/api/account/info").respond(json={"error": ERROR})
        done = CliRunner().invoke(
            app,
            ["--json", "--base-url", "https://offcloud.test", "--api-key", "k", "whoami"],
            env={"XDG_CONFIG_HOME": str(tmp_path), "OFFCLOUD_LOG": None},
        )
    assert done.exit_code == 1
    line = one_line(done.stderr)
    assert not UNSAFE.findall(line)
    assert json.loads(line)["error"]["message"] == ERROR


def test_progress_bars_show_names_and_states_without_escapes() -> None:
    import io

    from offcloud_api_client.models.request_status import RequestStatus
    from rich.console import Console

    from offcloud_sdk.cli._output import Output
    from offcloud_sdk.cli._progress import Bars

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, color_system=None, width=200)
    status = RequestStatus.from_dict(
        {"requestId": "r1", "fileName": EVIL + SPOOF, "status": "downloading\x1b]0;x\x07!"}
    )
    with (
        mock.patch.object(sys.stderr, "isatty", return_value=True),
        Bars(Output(stderr=console), bytes_mode=False) as bars,
    ):
        bars.status(status)
    shown = screen.getvalue()
    # rich moves the cursor itself (CSI); no OSC, no colour, no C1, no bidi may come from names
    assert "\x1b]" not in shown
    assert "\x1b[31m" not in shown
    assert not re.findall("[\x07\x7f-\x9f\u202a-\u202e\u2066-\u2069]", shown)
    assert "evilred.mkv" in shown
    assert "downloading!" in shown


def test_say_keeps_lines_but_drops_escapes(capsys: pytest.CaptureFixture[str]) -> None:
    from offcloud_sdk.cli._output import Output

    Output().say(f"Logged in as {EVIL}\nthe code: ", bold="\x1b[5mABCD\u2066\n")
    assert capsys.readouterr().err == "Logged in as evilred.mkv\nthe code: ABCD \n"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (EVIL, "evilred.mkv"),
        ("a\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),  # OSC 8, ST-ended
        ("a\x1bP1$r0m\x1b\\b", "ab"),  # DCS
        ("a\x1b_apc\x1b\\b\x1b^pm\x1b\\c\x1bXsos\x1b\\d", "abcd"),  # APC, PM, SOS
        ("a\x9b31mb\x9d0;t\x07c", "abc"),  # 8-bit CSI and OSC
        ("a\x1bcb\x1b(Bc\x1b7d", "abcd"),  # two- and three-char ESC sequences
        ("a\x00b\x7fc\x85d\x08e\rf", "abcdef"),  # C0, DEL, C1
        ("a\u202eb\u2066c\u2069d\u202ae", "abcde"),  # bidi overrides and isolates
        ("tab\there\nand\r\nthere", "tab here and there"),
        ("日本語 [b] ok", "日本語 [b] ok"),
    ],
)
def test_inert(raw: str, shown: str) -> None:
    from offcloud_sdk.cli._output import inert

    assert inert(raw) == shown


def test_json_text_is_exact_and_inert() -> None:
    from offcloud_sdk.cli._output import json_text

    data = {"name": EVIL + SPOOF + "\u2069\x7f\x85", "plain": "日本語"}
    text = json_text(data, indent=2)
    assert json.loads(text) == data
    assert not UNSAFE.findall(text.replace("\n", ""))
    assert "日本語" in text


# -- B: saving the key --------------------------------------------------------------------------


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The offcloud config folder (not made yet) under a private XDG_CONFIG_HOME."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "offcloud"


@POSIX
def test_a_symlinked_key_file_is_refused_and_its_target_untouched(
    config_home: Path, tmp_path: Path
) -> None:
    from offcloud_sdk.cli._config import save_key
    from offcloud_sdk.cli._output import Failure

    config_home.mkdir(parents=True, mode=0o700)
    target = tmp_path / "target.txt"
    target.write_text("precious")
    target.chmod(0o644)
    (config_home / "credentials.json").symlink_to(target)
    with pytest.raises(Failure) as refused:
        save_key("the-key")
    assert "symbolic link" in refused.value.message
    assert target.read_text() == "precious"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


@POSIX
def test_login_through_a_symlink_is_one_line_and_writes_nothing(
    served: tuple[FakeOffcloud, str], tmp_path: Path
) -> None:
    folder = tmp_path / "config" / "offcloud"
    folder.mkdir(parents=True, mode=0o700)
    target = tmp_path / "target.txt"
    target.write_text("precious")
    (folder / "credentials.json").symlink_to(target)
    fake, _ = served
    done = run(served, tmp_path, "--api-key", fake.api_key, "login", OFFCLOUD_API_KEY=None)
    assert done.exit_code == 1, done.output
    line = one_line(done.stderr)
    assert line.startswith("offcloud: error: not saving the API key: ")
    assert "symbolic link" in line
    assert target.read_text() == "precious"
    assert done.stdout == ""


@POSIX
def test_a_planted_key_file_is_replaced_never_written_into(
    config_home: Path, tmp_path: Path
) -> None:
    from offcloud_sdk.cli._config import save_key, saved_key

    config_home.mkdir(parents=True)
    config_home.chmod(0o777)
    planted = config_home / "credentials.json"
    planted.write_text("planted")
    planted.chmod(0o666)
    attacker_view = tmp_path / "attacker-view"  # another name for the planted file's inode
    os.link(planted, attacker_view)
    planted_inode = planted.stat().st_ino

    assert save_key("the-key") == planted
    assert attacker_view.read_text() == "planted"
    assert planted.stat().st_ino != planted_inode
    assert stat.S_IMODE(planted.stat().st_mode) == 0o600
    assert planted.stat().st_uid == os.getuid()
    assert stat.S_IMODE(config_home.stat().st_mode) == 0o700
    assert saved_key() == "the-key"


@POSIX
def test_the_key_file_is_private_from_its_creation(
    config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from offcloud_sdk.cli._config import save_key

    real_replace = os.replace
    seen: list[tuple[int, Path, str]] = []

    def replace(source: Any, destination: Any) -> None:
        seen.append(
            (stat.S_IMODE(os.stat(source).st_mode), Path(source).parent, Path(source).read_text())
        )
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    old_umask = os.umask(0)  # the mode must not depend on the umask
    try:
        path = save_key("the-key")
    finally:
        os.umask(old_umask)
    assert seen == [(0o600, config_home, json.dumps({"api_key": "the-key"}))]
    assert [p.name for p in config_home.iterdir()] == ["credentials.json"]  # no temporary left
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@POSIX
def test_a_folder_of_another_user_is_refused(
    config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from offcloud_sdk.cli._config import save_key
    from offcloud_sdk.cli._output import Failure

    config_home.mkdir(parents=True, mode=0o700)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(config_home).st_uid + 1)
    with pytest.raises(Failure) as refused:
        save_key("the-key")
    assert "another user" in refused.value.message
    assert list(config_home.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="no O_NOFOLLOW")
def test_reading_the_key_does_not_follow_a_symlink(config_home: Path, tmp_path: Path) -> None:
    from offcloud_sdk.cli._config import saved_key

    config_home.mkdir(parents=True, mode=0o700)
    planted = tmp_path / "planted.json"
    planted.write_text(json.dumps({"api_key": "someone-elses-key"}))
    (config_home / "credentials.json").symlink_to(planted)
    assert saved_key() is None


# -- C: --api-key is visible in ps --------------------------------------------------------------


def test_help_says_the_api_key_flag_shows_in_ps() -> None:
    done = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"}, terminal_width=200)
    assert done.exit_code == 0
    words = " ".join(done.stdout.replace("│", " ").split())
    api_key_help = words[words.index("--api-key") : words.index("--base-url")]
    assert re.search(r"\bps\b", api_key_help)
    assert "offcloud login" in api_key_help
    assert "OFFCLOUD_API_KEY" in api_key_help


# -- D: the sandbox server ----------------------------------------------------------------------


@pytest.fixture
def quick_server() -> Iterator[tuple[str, int]]:
    """A served fake whose connections time out after 0.2 s of silence."""
    with server_module.running_server(FakeOffcloud(), "127.0.0.1", 0, timeout=0.2) as base_url:
        host, port = base_url.removeprefix("http://").rsplit(":", 1)
        yield host, int(port)


def exchange(address: tuple[str, int], data: bytes, *, wait: float = 5.0) -> bytes:
    """Send `data`, then read until the server closes (or `wait` seconds pass: TimeoutError)."""
    with socket.create_connection(address, timeout=wait) as connection:
        connection.sendall(data)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
        return received


@pytest.mark.parametrize(
    ("length", "status"),
    [("abc", 400), ("-1", 400), ("1_0", 400), ("", 400), (str(1 << 40), 413)],
)
def test_a_bad_content_length_is_refused_in_one_line(
    quick_server: tuple[str, int], capfd: pytest.CaptureFixture[str], length: str, status: int
) -> None:
    request = f"POST /api/cloud HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n"
    answer = exchange(quick_server, request.encode())
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(f"HTTP/1.1 {status} ".encode()), answer
    assert b"text/plain" in head
    assert len(body.decode().splitlines()) == 1
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize(
    "sent",
    [
        b"",
        b"GET /api/sites HTTP/1.1\r\n",
        b"POST /api/cloud HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab",
    ],
    ids=["nothing", "half the headers", "half the body"],
)
def test_a_silent_client_is_dropped_after_the_timeout(
    quick_server: tuple[str, int], capfd: pytest.CaptureFixture[str], sent: bytes
) -> None:
    started = time.monotonic()
    answer = exchange(quick_server, sent, wait=3.0)  # TimeoutError if the server never closes
    assert time.monotonic() - started < 2.0
    assert b"HTTP/1.1 200" not in answer
    assert "Traceback" not in capfd.readouterr().err


@pytest.fixture
def no_binding(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Hosts `running_server` was asked for; it records them instead of binding any."""
    asked: list[str] = []

    @contextlib.contextmanager
    def never_bound(fake: FakeOffcloud, host: str, port: int, **options: Any) -> Iterator[str]:
        asked.append(host)
        yield f"http://{host}:1"

    monkeypatch.setattr(server_module, "running_server", never_bound)
    return asked


PUBLIC = ["0.0.0.0", "", "::", "192.168.1.10", "8.8.8.8", "example.com", "evil.localhost"]


@pytest.mark.parametrize("host", PUBLIC)
def test_serve_refuses_a_public_host(no_binding: list[str], host: str) -> None:
    with pytest.raises(InvalidArgumentError, match="allow_public"), FakeOffcloud().serve(host):
        pass
    assert no_binding == []


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "localhost", "::1"])
def test_serve_takes_a_loopback_host(no_binding: list[str], host: str) -> None:
    with FakeOffcloud().serve(host):
        pass
    assert no_binding == [host]


def test_serve_on_a_public_host_when_allowed_warns(
    no_binding: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="offcloud_sdk"),
        FakeOffcloud().serve("0.0.0.0", allow_public=True),
    ):
        pass
    assert no_binding == ["0.0.0.0"]
    warnings = [r for r in caplog.records if r.name == "offcloud_sdk" and r.levelname == "WARNING"]
    assert len(warnings) == 1
    assert "0.0.0.0" in warnings[0].getMessage()


def interrupted(seconds: float) -> None:
    raise KeyboardInterrupt  # ends the sandbox's wait for Ctrl-C at once


def test_the_sandbox_command_refuses_a_public_host(
    no_binding: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "sleep", interrupted)
    done = CliRunner().invoke(app, ["sandbox", "--host", "0.0.0.0"], env={"OFFCLOUD_LOG": None})
    assert done.exit_code == 2, done.output
    line = one_line(done.stderr)
    assert line.startswith("offcloud: error: --host 0.0.0.0 is not a loopback address")
    assert "--i-know" in line
    assert no_binding == []


def test_the_sandbox_command_serves_a_public_host_with_i_know_and_warns(
    no_binding: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "sleep", interrupted)
    done = CliRunner().invoke(
        app, ["--json", "sandbox", "--host", "0.0.0.0", "--i-know"], env={"OFFCLOUD_LOG": None}
    )
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["base_url"] == "http://0.0.0.0:1"
    assert no_binding == ["0.0.0.0"]
    assert "Warning" in done.stderr
    assert "0.0.0.0" in done.stderr.splitlines()[0]


def test_a_request_no_parser_can_read_is_a_400(capfd: pytest.CaptureFixture[str]) -> None:
    fake = FakeOffcloud()
    magnet = fake.add_torrent("T", {"a.bin": b"0123456789", "b.bin": b"x"}, cached=True)
    with fake.serve() as base_url, Offcloud(fake.api_key, base_url=base_url) as oc:
        request_id = oc.cloud.add(url=magnet).request_id
        host, port = base_url.removeprefix("http://").rsplit(":", 1)
        deep = b'{"a":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
        deep_json = (
            b"POST /api/cloud HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(deep) + deep
        )
        huge_index = (
            f"GET /cloud/download/{request_id}/{'9' * 5000}/a.bin HTTP/1.1\r\n"
            "Host: x\r\nConnection: close\r\n\r\n"
        ).encode()
        for request in (deep_json, huge_index):
            answer = exchange((host, int(port)), request)
            assert answer.startswith(b"HTTP/1.1 400 "), answer[:80]
    assert "Traceback" not in capfd.readouterr().err


def test_a_key_file_another_user_planted_is_not_read(
    config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from offcloud_sdk.cli._config import saved_key

    config_home.mkdir(parents=True, mode=0o700)
    (config_home / "credentials.json").write_text(json.dumps({"api_key": "ATTACKER-KEY"}))
    assert saved_key() == "ATTACKER-KEY"  # ours: read
    monkeypatch.setattr(os, "getuid", lambda: os.stat(config_home).st_uid + 1)
    assert saved_key() is None
