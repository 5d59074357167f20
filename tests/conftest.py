"""Fixtures shared by the SDK tests.

The suite runs strict (`OFFCLOUD_STRICT=1`, inherited by the CLI's subprocesses): the spec, the
fixtures and the sandbox are our one reading of the API and must agree exactly. Tests of the
lenient default pass `strict=False` (or clear the variable) themselves.

`harness` runs a test body against `Offcloud` and `AsyncOffcloud`; in the modules that go over
real sockets (`OVER_SOCKETS`) also against `AsyncOffcloud` on `DefaultAioHttpClient`, the
`aiohttp` extra's transport, so both async transports meet the same faults. The in-process
tests (`fake.async_client()`, respx) answer inside httpx, where no aiohttp is involved.
"""

import os
from collections.abc import Iterator
from typing import Any

import pytest
from cli_support import served
from sdk_support import KEY, Harness

os.environ["OFFCLOUD_STRICT"] = "1"

__all__ = ["harness", "served"]

OVER_SOCKETS = frozenset({"test_faults_over_sockets", "test_aiohttp_transport"})
"""Test modules whose `harness` tests also run on the aiohttp transport."""


class AiohttpHarness(Harness):
    """The async harness, its clients sending through `DefaultAioHttpClient` unless a test
    gives them an `http_client` of its own."""

    def __init__(self) -> None:
        super().__init__("async")
        self.flavour = "aiohttp"

    def client(self, api_key: str | None = KEY, **options: Any) -> Any:
        from offcloud_sdk import DefaultAioHttpClient

        options.setdefault("http_client", DefaultAioHttpClient())  # closed by `close()`
        return super().client(api_key, **options)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "harness" in metafunc.fixturenames:
        flavours = ["sync", "async"]
        if metafunc.module.__name__ in OVER_SOCKETS:
            flavours.append("aiohttp")
        metafunc.parametrize("harness", flavours, indirect=True)


@pytest.fixture
def harness(request: pytest.FixtureRequest) -> Iterator[Harness]:
    made = AiohttpHarness() if request.param == "aiohttp" else Harness(request.param)
    yield made
    made.close()
