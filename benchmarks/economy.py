"""Call economy: requests the polling and cache helpers send, counted against FakeOffcloud."""

from __future__ import annotations

import secrets

from calls import STATUS_PATH
from table import Row, limit_row

from offcloud_sdk import Offcloud
from offcloud_sdk.testing import FakeClock, FakeOffcloud


def call_economy() -> list[Row]:
    """5: `cloud.wait_all` over 1,000 running requests; `cache.check` of 10,000 hashes."""
    clock = FakeClock()
    fake = FakeOffcloud(clock=clock)
    with Offcloud(fake.api_key, http_client=fake.client(), clock=clock) as oc:
        ids = [oc.cloud.add(url=fake.add_torrent(f"Show {n}")).request_id for n in range(1000)]
        running = [fake.status_of(fake.requests[i])["status"] for i in ids]
        assert "downloaded" not in running, "the requests must still be running"
        calls_before, clock.sleeps[:] = len(fake.calls), []
        oc.cloud.wait_all(ids)
        status_calls = sum(1 for _, path in fake.calls[calls_before:] if path == STATUS_PATH)
        polls = len(clock.sleeps) + 1  # a pause between polls, none after the last
        hashes = [secrets.token_hex(20) for _ in range(10_000)]
        calls_before = len(fake.calls)
        assert len(oc.cache.check(hashes)) == len(hashes)
        check_calls = len(fake.calls) - calls_before
    return [
        limit_row(
            "cloud.wait_all of 1,000 requests: requests per poll",
            status_calls / polls,
            "requests",
            10,
        ),
        limit_row("cache.check of 10,000 hashes: requests", check_calls, "requests", 100),
    ]
