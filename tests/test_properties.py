"""Property tests: whatever Offcloud (or the network) answers, the SDK raises only `OffcloudError`
and never shows the API key.

Every operation of the spec and every helper is fed answers drawn by hypothesis: any status
code, random headers (`Retry-After`, `Content-Encoding`, `Content-Type`…), bodies that are
random JSON, JSON of nearly the right shape, the recorded fixtures, random bytes, nothing,
huge, or that quote the key back; and transport failures between them. The call may succeed
or raise an `OffcloudError`; anything else escaping fails the test, and so does the key in the
exception's printed traceback, its request, or any log record. Clients are drawn strict or
lenient (the default, which reads drifted answers and logs what differed). The seed is fixed
(`derandomize`), so a run is reproducible.
"""

from __future__ import annotations

import asyncio
import email.utils
import inspect
import json
import logging
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from offcloud_api_client.models import AccountInfo
from operation_cases import CALLS, RID
from spec_support import fixtures

from offcloud_sdk import AsyncOffcloud, Offcloud
from offcloud_sdk.exceptions import OffcloudError
from offcloud_sdk.testing import FakeClock

BASE = "https://offcloud.test"
KEY = "PropKeyZq7Xw3Vn8Rt5Ym2Lp9Hs4Jd6Gf"
FILE_URL = f"{BASE}/cloud/download/{RID}/movie.mkv"
HASH = "a" * 40
EXAMPLES_PER_CALL = 45  # x 39 calls x 2 clients: 3,510 examples a run

FUZZ = settings(
    max_examples=EXAMPLES_PER_CALL,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# -- what Offcloud might answer -----------------------------------------------------------------


def _json(value: object) -> bytes:
    return json.dumps(value).encode()


FIXTURE_BODIES = [
    f.text.encode() if f.text is not None else json.dumps(f.body).encode() for f in fixtures()
]
KNOWN_KEYS = sorted(
    {key for f in fixtures() if isinstance(f.body, dict) for key in f.body}
    | {"requestId", "status", "fileName", "url", "error", "not_available", "requests", "files"}
)
HUGE = [  # made once: building megabytes per example would dominate the run
    b'{"error": "' + b"x" * (2 << 20) + b'"}',
    _json([{"requestId": str(n), "status": "downloaded"} for n in range(20_000)]),
    _json({"status": {"requestId": RID, "fileName": "y" * (1 << 20)}}),
]
printable = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KNOWN_KEYS) | st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


bodies = st.one_of(
    json_values.map(_json),  # random JSON
    st.dictionaries(st.sampled_from(KNOWN_KEYS), json_values, max_size=5).map(_json),  # near shape
    st.sampled_from(FIXTURE_BODIES),  # what Offcloud really sends
    st.binary(max_size=64),  # garbage
    st.just(b""),
    st.sampled_from(HUGE),
    st.sampled_from(  # the key quoted back
        [
            _json({"error": f"bad key {KEY}"}),
            f"<html>key={KEY}</html>".encode(),
            _json({"url": f"{BASE}/x?key={KEY}", "requestId": KEY}),
        ]
    ),
)
statuses = st.one_of(
    st.sampled_from([200, 200, 200, 201, 204, 206, 301, 400, 401, 403, 404, 410, 416, 429]),
    st.sampled_from([500, 502, 503, 520, 521, 522]),
    st.integers(100, 599),
    st.integers(600, 999),
)
retry_after = st.one_of(
    st.integers(-5, 10**7).map(str),
    st.floats(0, 100, allow_nan=False).map(str),
    st.integers(0, 4 * 10**9).map(lambda t: email.utils.formatdate(t, usegmt=True)),
    printable,
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "content-type": st.sampled_from(
            ["application/json", "application/json; charset=utf-8", "text/html", "text/plain"]
        )
        | printable,
        "retry-after": retry_after,
        "content-encoding": st.sampled_from(["gzip", "br", "deflate", "identity", "zz"]),
        "content-range": st.sampled_from(["bytes 0-9/10", "bytes */5", "bytes 5-9/*"]) | printable,
        "location": st.just(f"{BASE}/login?key={KEY}") | printable,
        "set-cookie": st.just("connect.sid=abc; Path=/") | printable,
        "x-anything": printable,
    },
)
failures = st.sampled_from(
    [
        httpx.ConnectError("connection refused"),
        httpx.ConnectTimeout("timed out"),
        httpx.ReadTimeout("timed out"),
        httpx.ReadError("connection reset by peer"),
        httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
        httpx.ConnectError(f"cannot reach {BASE}/api?key={KEY}"),
    ]
)
Answer = tuple[int, dict[str, str], bytes] | Exception
answer: st.SearchStrategy[Answer] = st.one_of(st.tuples(statuses, headers, bodies), failures)
answers = st.lists(answer, min_size=1, max_size=4)


def replay(drawn: list[Answer]) -> Callable[[httpx.Request], httpx.Response]:
    """A respx side effect giving the drawn answers in turn (the last one ever after)."""
    sent = iter(drawn)

    def respond(request: httpx.Request) -> httpx.Response:
        got = next(sent, drawn[-1])
        if isinstance(got, Exception):
            raise type(got)(str(got), request=request)
        status, header_map, body = got
        # a stream, not content=: the client, not this mock, undoes a Content-Encoding
        return httpx.Response(status, headers=header_map, stream=httpx.ByteStream(body))

    return respond


# -- every call -------------------------------------------------------------------------------


def _on_code(code: str, url: str) -> None:
    pass


def _raw_status(oc: Any) -> Any:
    answer = oc.with_raw_response.cloud.status(request_id=RID)
    if not inspect.isawaitable(answer):
        return answer.parse()

    async def parsed() -> Any:
        return (await answer).parse()

    return parsed()


def helper_calls(tmp: Path) -> dict[str, Callable[[Any], Any]]:
    return {
        "raw.cloud.status": _raw_status,
        "request": lambda oc: oc.request("GET", "/api/account/info", cast_to=AccountInfo),
        "request.post": lambda oc: oc.request("POST", "/api/x", json={"a": KEY[:4]}),
        "cloud.wait": lambda oc: oc.cloud.wait(RID, timeout=120),
        "cloud.wait_all": lambda oc: oc.cloud.wait_all([RID, "x" * 24], timeout=120),
        "cloud.files": lambda oc: oc.cloud.files(RID),
        "cloud.download": lambda oc: oc.cloud.download(RID, tmp / "all"),
        "cache.check": lambda oc: oc.cache.check([HASH, f"magnet:?xt=urn:btih:{'b' * 40}"]),
        "files.download": lambda oc: oc.files.download(FILE_URL, tmp / "one"),
        "login": lambda oc: oc.login("me@example.com", "pw"),
        "device_login": lambda oc: oc.device_login(_on_code, timeout=60),
    }


NAMES = sorted(CALLS) + sorted(helper_calls(Path()))


class Clients:
    """One client per flavour and `key_in`, made once (an `httpx.Client` costs ~30 ms)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.made: dict[tuple[bool, str], Any] = {}

    def get(self, is_async: bool, key_in: str, max_retries: int, strict: bool) -> Any:
        if (is_async, key_in) not in self.made:
            kind = AsyncOffcloud if is_async else Offcloud
            self.made[is_async, key_in] = kind(
                KEY, base_url=BASE, key_in=key_in, clock=FakeClock(), timeout=5
            )
        return self.made[is_async, key_in].with_options(max_retries=max_retries, strict=strict)

    def close(self) -> None:
        for (is_async, _), client in self.made.items():
            if is_async:
                self.loop.run_until_complete(client.aclose())
            else:
                client.close()
        self.loop.close()


@pytest.fixture(scope="module")
def clients() -> Iterator[Clients]:
    made = Clients()
    yield made
    made.close()


class KeyWatch(logging.Handler):
    """Every log record of the SDK and of httpx/httpcore, fully formatted."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture(scope="module")
def log_lines() -> Iterator[list[str]]:
    watch = KeyWatch()
    names = ["offcloud_sdk", "httpx", "httpcore"]
    levels = {name: logging.getLogger(name).level for name in names}
    for name in names:
        logging.getLogger(name).addHandler(watch)
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield watch.lines
    for name in names:
        logging.getLogger(name).removeHandler(watch)
        logging.getLogger(name).setLevel(levels[name])


def leaks(exc: BaseException) -> list[str]:
    """Where the key shows in an exception: its traceback as printed, its request."""
    places = []
    if KEY in "".join(traceback.format_exception(exc)):
        places.append("traceback")
    if KEY in repr(exc) or any(KEY in repr(arg) for arg in exc.args):
        places.append("repr/args")
    response = getattr(exc, "response", None)
    if isinstance(response, httpx.Response):
        request = response.request
        if KEY in str(request.url) or any(KEY in value for value in request.headers.values()):
            places.append("response.request")
    return places


def check_one(
    clients: Clients,
    log_lines: list[str],
    tmp: Path,
    name: str,
    is_async: bool,
    key_in: str,
    max_retries: int,
    strict: bool,
    drawn: list[Answer],
) -> None:
    oc = clients.get(is_async, key_in, max_retries, strict)
    call = CALLS.get(name) or helper_calls(tmp)[name]
    log_lines.clear()
    error: OffcloudError | None = None
    with respx.mock(assert_all_called=False) as mock:
        mock.route().mock(side_effect=replay(drawn))
        try:
            result = call(oc)
            if is_async:
                clients.loop.run_until_complete(result)
        except OffcloudError as exc:  # anything else propagates and fails the example
            error = exc
    if error is not None:
        assert str(error).strip(), f"{name}: {type(error).__name__} without a message"
        assert leaks(error) == [], f"{name}: the key shows in {leaks(error)}: {error!r}"
    leaked = [line for line in log_lines if KEY in line]
    assert leaked == [], f"{name}: the key is in the log: {leaked[0]}"


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(
    key_in=st.sampled_from(["header", "query", "both"]),
    max_retries=st.integers(0, 2),
    strict=st.booleans(),
    drawn=answers,
)
def test_only_offcloud_errors_escape_and_the_key_never_shows(
    clients: Clients,
    log_lines: list[str],
    tmp_path: Path,
    flavour: str,
    name: str,
    key_in: str,
    max_retries: int,
    strict: bool,
    drawn: list[Answer],
) -> None:
    is_async = flavour == "async"
    check_one(clients, log_lines, tmp_path, name, is_async, key_in, max_retries, strict, drawn)
