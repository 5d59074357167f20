"""Test code that uses the SDK without an Offcloud account: a faithful fake Offcloud.

    from offcloud_sdk import Offcloud
    from offcloud_sdk.testing import FakeClock, FakeOffcloud

    clock = FakeClock()
    fake = FakeOffcloud(clock=clock)
    magnet = fake.add_torrent("Show", {"e01.mkv": 5_000_000, "e02.mkv": 5_000_000})
    with Offcloud(fake.api_key, http_client=fake.client(), clock=clock) as oc:
        request = oc.cloud.add(url=magnet)
        oc.cloud.wait(request.request_id)   # sleeps on the fake clock: instant
        paths = oc.cloud.download(request.request_id, tmp_path)

`fake.serve()` runs the same fake as an HTTP server on 127.0.0.1 for code in other processes
or languages (and `offcloud sandbox` runs it from the command line). `fake.inject(...)` adds
the faults below (`RateLimit`, `ServerErrors`, `HtmlError`, `DropConnection`, `Truncate`,
`Latency`, `Drift`; `Fault` is any of them). `fake.drift("cloud_status", Drift(...))` (or
`FakeOffcloud(drift={...})`) makes every answer of one operation differ from the spec until
`fake.clear_drift()`, as a changed Offcloud would (`offcloud sandbox --drift`).
`FakeOffcloud(far=FarServer(speed=8 << 20, first_byte=0.02, max_connections=4))` serves files
as a far host would: each connection capped, a latency before each answer, a limit of
connections per file past which it answers 503 (or 429); `api_latency` delays the API calls.
"""

from ._clock import FakeClock
from ._content import FakeContent, FakeFile
from ._fake import FakeOffcloud, FakeRequest
from ._far import FarServer
from ._faults import (
    Drift,
    DropConnection,
    Fault,
    HtmlError,
    Latency,
    RateLimit,
    ServerErrors,
    Truncate,
)

__all__ = [
    "Drift",
    "DropConnection",
    "FakeClock",
    "FakeContent",
    "FakeFile",
    "FakeOffcloud",
    "FakeRequest",
    "FarServer",
    "Fault",
    "HtmlError",
    "Latency",
    "RateLimit",
    "ServerErrors",
    "Truncate",
]
