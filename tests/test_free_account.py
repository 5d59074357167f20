"""A free account: `account/info` has no expiry (`null` from the sandbox), and every client and
the `offcloud` command take that."""

from __future__ import annotations

import json
from pathlib import Path

from sdk_support import Harness
from typer.testing import CliRunner

from offcloud_sdk.cli._app import app
from offcloud_sdk.testing import FakeClock, FakeOffcloud


def test_both_clients_read_a_free_accounts_info(harness: Harness) -> None:
    fake = harness.fake(premium=False)
    info = harness.go(harness.fake_client(fake).account.info())
    assert info.is_premium is False
    assert info.expiration_date is None


def test_whoami_and_login_work_for_a_free_account(tmp_path: Path) -> None:
    fake = FakeOffcloud(clock=FakeClock(), premium=False)
    with fake.serve() as base_url:
        env = {"OFFCLOUD_BASE_URL": base_url, "XDG_CONFIG_HOME": str(tmp_path / "config")}
        login = CliRunner().invoke(app, ["--json", "--api-key", fake.api_key, "login"], env=env)
        assert login.exit_code == 0, login.output
        assert json.loads(login.stdout)["user_id"] == fake.user_id
        whoami = CliRunner().invoke(app, ["--json", "whoami"], env=env)  # the saved key
    assert whoami.exit_code == 0, whoami.output
    shown = json.loads(whoami.stdout)
    assert shown["is_premium"] is False
    assert shown["expiration_date"] is None
