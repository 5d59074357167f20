"""The `offcloud` command, run through its installed entry point against the sandbox server.

The server is a `FakeOffcloud` on 127.0.0.1 whose clock the test moves, so `wait` finds
downloads finished without anybody sleeping.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from cli_support import one_line

import offcloud_sdk
from offcloud_sdk.testing import FakeClock, FakeOffcloud

OFFCLOUD = Path(sys.executable).with_name("offcloud")
FAILING = "File will not be downloaded due to an error."


class Sandbox:
    """A served fake and a way to run the command against it."""

    def __init__(self, fake: FakeOffcloud, base_url: str, home: Path) -> None:
        self.fake = fake
        self.base_url = base_url
        self.home = home
        self.clock = fake.clock
        assert isinstance(self.clock, FakeClock)

    def env(self, **changes: str | None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OFFCLOUD_", "XDG_"))}
        env.update(
            XDG_CONFIG_HOME=str(self.home / "config"),
            OFFCLOUD_BASE_URL=self.base_url,
            OFFCLOUD_API_KEY=self.fake.api_key,
            NO_COLOR="1",
            COLUMNS="200",
        )
        for name, value in changes.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        return env

    def run(
        self, *args: str, input: str | None = None, **env: str | None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(OFFCLOUD), *args],
            capture_output=True,
            text=True,
            input=input,
            env=self.env(**env),
            cwd=self.home,
            timeout=60,
        )

    def json(self, *args: str, **env: str | None) -> Any:
        done = self.run("--json", *args, **env)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        return json.loads(done.stdout)

    def finished_request(self, magnet: str) -> str:
        request_id: str = self.json("add", magnet)[0]["requestId"]
        self.clock.advance(3600)
        return request_id


@pytest.fixture
def sandbox(served: tuple[FakeOffcloud, str], tmp_path: Path) -> Sandbox:
    fake, base_url = served
    fake.premium = True
    fake.clear_faults()
    return Sandbox(fake, base_url, tmp_path)


def test_the_entry_point_is_installed_and_helps() -> None:
    done = subprocess.run([str(OFFCLOUD), "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    commands = "login logout whoami add status wait ls get history rm retry cache proxies sites"
    for command in [*commands.split(), "remotes", "sandbox"]:
        assert f" {command} " in done.stdout


def test_the_version_is_printed() -> None:
    done = subprocess.run([str(OFFCLOUD), "--version"], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, f"offcloud-sdk {offcloud_sdk.__version__}\n")


def test_the_main_job(sandbox: Sandbox) -> None:
    magnet = sandbox.fake.add_torrent("Show", {"S1/e01.mkv": 300_000, "e02.mkv": b"two"})
    added = sandbox.json("add", magnet)
    request_id = added[0]["requestId"]
    assert added[0]["status"] == "created"
    status = sandbox.json("status", request_id)
    assert [s["status"] for s in status] == ["created"]
    sandbox.clock.advance(60)
    waited = sandbox.json("wait", request_id)
    assert waited[0]["status"] == "downloaded"
    files = sandbox.json("ls", request_id)
    assert [f["path"] for f in files] == ["Show/S1/e01.mkv", "Show/e02.mkv"]
    paths = sandbox.json("get", request_id, "-o", "out")
    assert [Path(p).relative_to(sandbox.home / "out").as_posix() for p in paths] == [
        "Show/S1/e01.mkv",
        "Show/e02.mkv",
    ]
    assert Path(paths[0]).read_bytes() == sandbox.fake.file(request_id, "S1/e01.mkv").read()
    assert request_id in [item["requestId"] for item in sandbox.json("history")]
    assert sandbox.json("rm", request_id) == [{"requestId": request_id, "success": True}]
    assert request_id not in [item["requestId"] for item in sandbox.json("history")]


def test_add_wait_and_get_a_single_link(sandbox: Sandbox) -> None:
    link = sandbox.fake.add_link("https://hoster.example/film.mkv", cached=True)
    (done,) = sandbox.json("add", "--wait", link)
    assert done["status"] == "downloaded"
    (path,) = sandbox.json("get", done["requestId"], "-o", "out")
    assert Path(path) == sandbox.home / "out" / "film.mkv"
    instant = sandbox.json("add", "--instant", "https://hoster.example/clip.mp4")
    (direct,) = sandbox.json("get", instant[0]["url"], "-o", "direct")
    assert Path(direct).name == "clip.mp4"


def test_add_remote_and_torrent_files(sandbox: Sandbox) -> None:
    (account,) = sandbox.json("remotes")
    option = account["remoteOptionId"]
    (remote,) = sandbox.json(
        "add", "--remote", option, "--folder", "/Movies/", "https://h.example/r"
    )
    assert remote["status"] == "created"
    torrent = sandbox.home / "linux.torrent"
    torrent.write_bytes(b"d4:infod4:name5:linuxee")
    (uploaded,) = sandbox.json("add", str(torrent))
    assert uploaded["fileName"] == "linux"


def test_retry_cache_and_the_lists(sandbox: Sandbox) -> None:
    failing = sandbox.fake.add_torrent("Broken", fails=FAILING)
    request_id = sandbox.finished_request(failing)
    wait = sandbox.run("wait", request_id)
    assert wait.returncode == 1
    assert FAILING in one_line(wait.stderr)
    assert sandbox.json("retry", request_id)["success"] is True
    cached = sandbox.fake.add_torrent("Cached", cached=True)
    assert sandbox.json("cache", cached, "0" * 40) == [
        {"item": cached, "cached": True},
        {"item": "0" * 40, "cached": False},
    ]
    assert [p["id"] for p in sandbox.json("proxies")] == ["1", "2"]
    assert "BitTorrent" in [s["name"] for s in sandbox.json("sites")]
    assert sandbox.json("whoami")["user_id"] == sandbox.fake.user_id


def test_tables_for_people(sandbox: Sandbox) -> None:
    magnet = sandbox.fake.add_torrent("[b] Show", {"[/] a.txt": b"a"})  # names, not markup
    request_id = sandbox.finished_request(magnet)
    done = sandbox.run("ls", request_id)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["path", "size", "[b]", "Show/[/]", "a.txt", "1", "B"]
    assert "\x1b[" not in done.stdout + done.stderr


def test_no_progress_bars_when_stderr_is_not_a_terminal(sandbox: Sandbox) -> None:
    request_id = sandbox.finished_request(sandbox.fake.add_torrent("Quiet", {"q.bin": 200_000}))
    done = sandbox.run("get", request_id, "-o", "out")
    assert done.returncode == 0
    assert done.stderr == ""


# -- the key ------------------------------------------------------------------------------------


def test_login_saves_the_key_for_the_user_only(sandbox: Sandbox) -> None:
    done = sandbox.run("--api-key", sandbox.fake.api_key, "login", OFFCLOUD_API_KEY=None)
    assert done.returncode == 0, done.stderr
    saved = sandbox.home / "config" / "offcloud" / "credentials.json"
    assert saved.stat().st_mode & 0o777 == 0o600
    assert json.loads(saved.read_text()) == {"api_key": sandbox.fake.api_key}
    assert sandbox.json("whoami", OFFCLOUD_API_KEY=None)["user_id"] == sandbox.fake.user_id
    assert sandbox.json("logout") == {"removed": str(saved)}
    assert sandbox.run("whoami", OFFCLOUD_API_KEY=None).returncode == 3


def test_login_prompts_for_the_key(sandbox: Sandbox) -> None:
    done = sandbox.run("login", input=sandbox.fake.api_key + "\n", OFFCLOUD_API_KEY=None)
    assert done.returncode == 0, done.stderr
    assert sandbox.fake.api_key not in done.stdout + done.stderr
    assert sandbox.json("whoami", OFFCLOUD_API_KEY=None)["user_id"] == sandbox.fake.user_id


def test_login_without_any_input_ends_in_one_line(sandbox: Sandbox) -> None:
    done = sandbox.run("login", input="", OFFCLOUD_API_KEY=None)
    assert done.returncode == 2  # a usage error, not an interruption
    assert one_line(done.stderr).startswith("offcloud: error: no api key given: stdin is empty")


def test_login_with_a_bad_key_saves_nothing(sandbox: Sandbox) -> None:
    done = sandbox.run("--api-key", "wrong", "login", OFFCLOUD_API_KEY=None)
    assert done.returncode == 3
    assert not (sandbox.home / "config" / "offcloud" / "credentials.json").exists()


def test_device_login(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    # In process, so the pauses between polls go to a fake clock instead of really sleeping.
    from typer.testing import CliRunner

    from offcloud_sdk import _client as client
    from offcloud_sdk.cli._app import app

    monkeypatch.setattr(client, "SystemClock", FakeClock)
    env = sandbox.env(OFFCLOUD_API_KEY=None)
    monkeypatch.delenv("OFFCLOUD_API_KEY", raising=False)
    done = CliRunner().invoke(app, ["--json", "login", "--device"], env=env)
    assert done.exit_code == 0, done.output
    assert "enter the code" in done.stderr
    assert json.loads(done.stdout)["user_id"] == sandbox.fake.user_id
    saved = sandbox.home / "config" / "offcloud" / "credentials.json"
    assert json.loads(saved.read_text()) == {"api_key": sandbox.fake.api_key}


def test_password_login_explains_it_is_retired(sandbox: Sandbox) -> None:
    done = sandbox.run("login", "--password", input="me@example.com\npw\n", OFFCLOUD_API_KEY=None)
    assert done.returncode == 3
    assert "retired" in done.stderr.splitlines()[-1]


def test_the_flag_beats_the_environment_which_beats_the_file(sandbox: Sandbox) -> None:
    good = sandbox.fake.api_key
    assert sandbox.run("--api-key", good, "login").returncode == 0
    assert sandbox.run("whoami", OFFCLOUD_API_KEY="bad-env").returncode == 3
    assert sandbox.run("--api-key", good, "whoami", OFFCLOUD_API_KEY="bad-env").returncode == 0
    assert sandbox.run("--api-key", "bad-flag", "whoami").returncode == 3


# -- failures -----------------------------------------------------------------------------------


def test_a_bad_key_is_exit_3_and_one_line(sandbox: Sandbox) -> None:
    done = sandbox.run("whoami", OFFCLOUD_API_KEY="not-the-key")
    assert done.returncode == 3
    assert done.stdout == ""
    line = one_line(done.stderr)
    assert line.startswith("offcloud: error: ")
    assert "offcloud login" in line
    assert "Traceback" not in done.stderr


def test_errors_are_json_with_json(sandbox: Sandbox) -> None:
    done = sandbox.run("--json", "whoami", OFFCLOUD_API_KEY="not-the-key")
    assert done.returncode == 3
    assert done.stdout == ""
    error = json.loads(one_line(done.stderr))["error"]
    assert (error["type"], error["exit_code"]) == ("AuthError", 3)
    assert "not-the-key" not in done.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["status", "5f2b6c3e9d1a4b7c8e0f9999"], 4),
        (["ls", "5f2b6c3e9d1a4b7c8e0f9999"], 4),
        (["retry", "5f2b6c3e9d1a4b7c8e0f9999"], 4),
        (["add", "not a link"], 1),
        (["add", "--instant", "--remote", "x", "https://h.example/f"], 2),
        (["add", "--wait", "--instant", "https://h.example/f"], 2),
        (["add"], 2),
        (["status"], 2),
        (["--no-such-option", "whoami"], 2),
        (["no-such-command"], 2),
        (["cache", "not-a-hash"], 2),
    ],
)
def test_exit_codes(sandbox: Sandbox, args: list[str], code: int) -> None:
    done = sandbox.run(*args)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr


def test_not_available_is_exit_5(sandbox: Sandbox) -> None:
    sandbox.fake.premium = False
    done = sandbox.run("add", sandbox.fake.add_torrent("Premium only"))
    assert done.returncode == 5
    assert "premium" in one_line(done.stderr)


def test_no_server_is_exit_6(sandbox: Sandbox) -> None:
    done = sandbox.run("--max-retries", "0", "whoami", OFFCLOUD_BASE_URL="http://127.0.0.1:9")
    assert done.returncode == 6
    assert one_line(done.stderr).startswith("offcloud: error: ")


@pytest.mark.parametrize(
    "args",
    [["logout"], ["whoami"], ["history"], ["proxies"], ["sites"], ["remotes"],
     ["cache", "0" * 40]],
)  # fmt: skip
def test_json_everywhere(sandbox: Sandbox, args: list[str]) -> None:
    assert sandbox.json(*args) is not None


# -- the sandbox command ------------------------------------------------------------------------


def test_the_sandbox_command_serves_until_interrupted(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OFFCLOUD_")}
    process = subprocess.Popen(
        [str(OFFCLOUD), "--json", "sandbox"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        text = ""
        while True:
            line = process.stdout.readline()
            assert line, "the sandbox ended before printing its address"
            text += line
            if line.startswith("}"):
                break
        started = json.loads(text)
        assert started["base_url"].startswith("http://127.0.0.1:")
        assert len(started["magnets"]) == 3
        whoami = subprocess.run(
            [str(OFFCLOUD), "--json", "--base-url", started["base_url"], "--api-key",
             started["api_key"], "whoami"],
            capture_output=True, text=True, env=env, timeout=60,
        )  # fmt: skip
        assert whoami.returncode == 0, whoami.stderr
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0
    assert stderr.strip().splitlines()[-1] == "Sandbox stopped."


# -- in process: what a terminal would see --------------------------------------------------------


def test_progress_bars_are_drawn_on_a_terminal(tmp_path: Path) -> None:
    from rich.console import Console

    from offcloud_sdk import Offcloud
    from offcloud_sdk.cli._output import Output
    from offcloud_sdk.cli._progress import Bars

    screen = io.StringIO()
    output = Output(stderr=Console(file=screen, force_terminal=True, width=120))
    fake = FakeOffcloud()
    magnet = fake.add_torrent("Drawn", {"[b]drawn.bin": 300_000}, cached=True)
    with Offcloud(fake.api_key, http_client=fake.client()) as oc:
        request = oc.cloud.add(url=magnet)
        with (
            mock.patch.object(sys.stderr, "isatty", return_value=True),
            Bars(output, bytes_mode=True) as bars,
        ):
            oc.cloud.download(request.request_id, tmp_path, on_progress=bars.download)
    assert "[b]drawn.bin" in screen.getvalue()
    assert "293.0/293.0 KiB" in screen.getvalue()  # binary units, as in the tables


def test_no_color_is_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    from offcloud_sdk.cli._output import Output

    monkeypatch.setenv("NO_COLOR", "1")
    assert Output().stderr.no_color
    assert Output().stdout.no_color


def test_an_unexpected_failure_is_still_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    from offcloud_sdk.cli._output import Output, failures_handled

    with pytest.raises(typer.Exit) as ended, failures_handled(Output(secrets=["s3cret"])):
        raise RuntimeError("broke with key s3cret")
    assert ended.value.exit_code == 1
    line = one_line(capsys.readouterr().err)
    assert line == "offcloud: error: unexpected failure (RuntimeError: broke with key ***)"
