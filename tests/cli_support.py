"""What the `offcloud` command's tests share: a sandbox served on 127.0.0.1, a run of the
command against it (in process), and the check that an error is one line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from offcloud_sdk.cli._app import app
from offcloud_sdk.testing import FakeClock, FakeOffcloud

Served = tuple[FakeOffcloud, str]


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    """A `FakeOffcloud` over a loopback socket, and its base URL."""
    fake = FakeOffcloud(clock=FakeClock())
    with fake.serve() as base_url:
        yield fake, base_url


def run(
    served: Served, home: Path, *args: str, input: str | None = None, **env: str | None
) -> Result:
    """`offcloud ARGS` against `served`, its config under `home`; `env` adds or removes
    variables (a pipe, no `COLUMNS`, unless given)."""
    fake, base_url = served
    settings: dict[str, str | None] = {
        "XDG_CONFIG_HOME": str(home / "config"),
        "OFFCLOUD_BASE_URL": base_url,
        "OFFCLOUD_API_KEY": fake.api_key,
        "OFFCLOUD_LOG": None,
        "NO_COLOR": "1",
        "COLUMNS": None,
        **env,
    }
    return CliRunner().invoke(app, list(args), env=settings, input=input)


def one_line(text: str) -> str:
    """`text`, which must be exactly one line."""
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]
