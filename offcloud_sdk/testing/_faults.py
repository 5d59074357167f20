"""Faults the fake Offcloud can inject, for testing how code copes with a bad day.

    fake.inject(RateLimit(retry_after=2), times=3)
    fake.inject(ServerErrors(503), times=2, path="/api/cloud/status")
    fake.inject(DropConnection(after_bytes=1 << 20), path="/cloud/download/")
    fake.inject(Drift({"status.fileSize": 12099016.0, "status.server": None}))

Each fault spoils the next `times` requests whose path starts with `path` (`times=None`: every
one until `fake.clear_faults()`). A request meets at most one fault, the oldest waiting for it,
so faults injected one after another hit requests one after another.
"""

from __future__ import annotations

import email.utils
import json
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ._answer import Answer, json_answer, text_answer


@attrs.frozen
class RateLimit:
    """HTTP 429 with `Retry-After` in seconds, or as an HTTP date when `as_date`."""

    retry_after: float = 1.0
    as_date: bool = False

    def spoil(self, answer: Answer | None, now_wall: float) -> Answer:
        """The answer sent instead of `answer` (`now_wall`: the fake\'s wall-clock time)."""
        seconds = float(self.retry_after)
        value = (
            email.utils.formatdate(now_wall + seconds, usegmt=True)
            if self.as_date
            else str(int(seconds) if seconds.is_integer() else seconds)
        )
        return json_answer({"error": "Too many requests"}, 429, **{"Retry-After": value})


@attrs.frozen
class ServerErrors:
    """A 5xx answer (503 by default) with a JSON error body."""

    status: int = 503

    def spoil(self, answer: Answer | None, now_wall: float) -> Answer:
        """The answer sent instead of `answer` (`now_wall`: the fake\'s wall-clock time)."""
        return json_answer({"error": "Service temporarily unavailable"}, self.status)


@attrs.frozen
class HtmlError:
    """An HTML error page, as a CDN in front of Offcloud sends (520 by default)."""

    status: int = 520

    def spoil(self, answer: Answer | None, now_wall: float) -> Answer:
        """The answer sent instead of `answer` (`now_wall`: the fake\'s wall-clock time)."""
        page = (
            "<!DOCTYPE html><html><head><title>offcloud.com | 520: Web server is returning an "
            f"unknown error</title></head><body><h1>Error {self.status}</h1></body></html>"
        )
        return text_answer(page, self.status, "text/html")


@attrs.frozen
class DropConnection:
    """The connection closes after `after_bytes` of the body (0: before any answer)."""

    after_bytes: int = 0

    def spoil(self, answer: Answer, now_wall: float) -> Answer:
        """The answer sent instead of `answer` (`now_wall`: the fake\'s wall-clock time)."""
        return attrs.evolve(answer, drop_after=self.after_bytes)


@attrs.frozen
class Truncate:
    """A well-formed answer whose body is only the first `keep` fraction of the real one."""

    keep: float = 0.5

    def spoil(self, answer: Answer, now_wall: float) -> Answer:
        """The answer sent instead of `answer` (`now_wall`: the fake\'s wall-clock time)."""
        body = answer.body if isinstance(answer.body, bytes) else b"".join(answer.body)
        cut = body[: int(len(body) * self.keep)]
        return attrs.evolve(answer, body=cut, length=None)


@attrs.frozen
class Latency:
    """The answer comes `seconds` late (past the client's read timeout: a stalled server)."""

    seconds: float

    def spoil(self, answer: Answer, now_wall: float) -> Answer:
        """The answer sent instead of `answer` (`now_wall`: the fake\'s wall-clock time)."""
        return attrs.evolve(answer, stall=answer.stall + self.seconds)


@attrs.frozen
class Drift:
    """The real answer with values the spec does not promise, as a changed API would send.

    `values` maps a dotted path of JSON keys to the value to put there (`None` sends null):
    `{"status.fileSize": "6114656256"}`; `[]` stands for every item of a list, so
    `{"requests[].isDirectory": 1}` or, for a list answer, `{"[].createdOn": 1772359200000}`.
    `wrap="data"` sends the answer inside `{"data": ...}`. Only JSON answers are changed; a
    path whose object is not there is left alone.
    """

    values: Mapping[str, object] = attrs.field(factory=dict)
    wrap: str | None = None

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "values", dict(self.values))  # a copy the caller cannot change

    def spoil(self, answer: Answer, now_wall: float) -> Answer:
        """The answer sent instead of `answer` (`now_wall`: the fake\'s wall-clock time)."""
        if not isinstance(answer.body, bytes):
            return answer
        try:
            payload = json.loads(answer.body)
        except ValueError:
            return answer
        for path, value in self.values.items():
            _put(payload, path.replace("[]", ".[]").lstrip(".").split("."), value)
        if self.wrap is not None:
            payload = {self.wrap: payload}
        body = json.dumps(payload, separators=(",", ":")).encode()
        return attrs.evolve(answer, body=body, length=None)


def _put(node: Any, keys: list[str], value: object) -> None:
    key, rest = keys[0], keys[1:]
    if key == "[]":
        for item in node if isinstance(node, list) else ():
            if rest:
                _put(item, rest, value)
        return
    if not isinstance(node, dict):
        return
    if not rest:
        node[key] = value
    elif key in node:
        _put(node[key], rest, value)


Fault = RateLimit | ServerErrors | HtmlError | DropConnection | Truncate | Latency | Drift
REPLACING = (RateLimit, ServerErrors, HtmlError)


@attrs.define
class _Injected:
    fault: Fault
    times: int | None
    path: str


@attrs.define
class FaultPlan:
    """The faults waiting for requests, in the order they were injected."""

    pending: list[_Injected] = attrs.field(factory=list)

    def add(self, fault: Fault, times: int | None, path: str) -> None:
        self.pending.append(_Injected(fault, times, path))

    def clear(self) -> None:
        self.pending.clear()

    def answer(self, path: str, handle: Callable[[], Answer], now_wall: float) -> Answer:
        """The answer to a request for `path`, spoiled by the oldest fault waiting for it.

        A fault that replaces the answer (429, 5xx, HTML page) keeps the request from being
        handled at all, as a proxy in front of Offcloud would; the others spoil the real answer.
        """
        fault = self._take(path)
        if isinstance(fault, REPLACING):
            return fault.spoil(None, now_wall)
        answer = handle()
        return answer if fault is None else fault.spoil(answer, now_wall)

    def _take(self, path: str) -> Fault | None:
        for injected in self.pending:
            if path.startswith(injected.path):
                if injected.times is not None:
                    injected.times -= 1
                    if injected.times <= 0:
                        self.pending.remove(injected)
                return injected.fault
        return None
