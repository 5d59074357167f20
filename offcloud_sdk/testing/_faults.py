"""Faults the fake Offcloud can inject, for testing how code copes with a bad day.

    fake.inject(RateLimit(retry_after=2), times=3)
    fake.inject(ServerErrors(503), times=2, path="/api/cloud/status")
    fake.inject(DropConnection(after_bytes=1 << 20), path="/cloud/download/")
    fake.inject(Drift({"status.fileSize": 12099016.0, "status.server": None}))

Each fault spoils the next `times` requests whose path starts with `path` (`times=None`: every
one until `fake.clear_faults()`). A request meets at most one fault, the oldest waiting for it,
so faults injected one after another hit requests one after another.

A `Drift` can also be given to one operation for good, apart from these one-shot faults:
`fake.drift("cloud_status", Drift(convert={"status.amount": float}))` changes every 2xx JSON
answer of `cloud_status` until `fake.clear_drift()`.
"""

from __future__ import annotations

import copy
import email.utils
import functools
import json
from collections.abc import Callable, Collection, Mapping
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
    A key that is not there is added: `{"plan": "premium"}` sends a field the spec lacks.
    `wrap="data"` sends the answer inside `{"data": ...}`. Only JSON answers are changed; a
    path whose object is not there is left alone.

    `drop` lists paths whose keys are taken out (`["[].userId"]`); `rename` maps a path to the
    key's new name in the same object (`{"[].fileName": "name"}`); `convert` maps a path to a
    function of the value there (`{"status.amount": float}`, `{"[].progress": str}`): a value
    of a new type, or a new status word, that keeps what was sent. All three skip keys that are
    not there. They apply in the order drop, rename, convert, values, wrap, so `convert` and
    `values` name keys as they are after renaming.
    """

    values: Mapping[str, object] = attrs.field(factory=dict)
    wrap: str | None = None
    drop: Collection[str] = ()
    rename: Mapping[str, str] = attrs.field(factory=dict)
    convert: Mapping[str, Callable[[Any], object]] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        # copies the caller cannot change; one path given as a string is one path, not letters
        drop = (self.drop,) if isinstance(self.drop, str) else tuple(self.drop)
        object.__setattr__(self, "values", dict(self.values))
        object.__setattr__(self, "drop", drop)
        object.__setattr__(self, "rename", dict(self.rename))
        object.__setattr__(self, "convert", dict(self.convert))

    def spoil(self, answer: Answer, now_wall: float) -> Answer:
        """The answer sent instead of `answer` (`now_wall`: the fake\'s wall-clock time)."""
        if not isinstance(answer.body, bytes):
            return answer
        try:
            payload = json.loads(answer.body)
        except ValueError:
            return answer
        body = json.dumps(self._apply(payload), separators=(",", ":")).encode()
        return attrs.evolve(answer, body=body, length=None)

    def apply(self, payload: object) -> object:
        """`payload` (a decoded JSON answer) as this drift sends it; `payload` is not changed."""
        return self._apply(copy.deepcopy(payload))

    def _apply(self, payload: object) -> object:
        for path in self.drop:
            _at(payload, _keys(path), _drop)
        for path, name in self.rename.items():
            _at(payload, _keys(path), functools.partial(_rename, name=name))
        for path, change in self.convert.items():
            _at(payload, _keys(path), functools.partial(_convert, change=change))
        for path, value in self.values.items():
            _put(payload, _keys(path), value)
        if self.wrap is not None:
            payload = {self.wrap: payload}
        return payload


def _keys(path: str) -> list[str]:
    return path.replace("[]", ".[]").lstrip(".").split(".")


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


def _at(node: Any, keys: list[str], act: Callable[[dict[str, Any], str], None]) -> None:
    """`act(object, key)` for each object on the path whose last key is there."""
    key, rest = keys[0], keys[1:]
    if key == "[]":
        for item in node if isinstance(node, list) else ():
            if rest:
                _at(item, rest, act)
    elif isinstance(node, dict) and key in node:
        if rest:
            _at(node[key], rest, act)
        else:
            act(node, key)


def _drop(node: dict[str, Any], key: str) -> None:
    del node[key]


def _rename(node: dict[str, Any], key: str, *, name: str) -> None:
    node[name] = node.pop(key)


def _convert(node: dict[str, Any], key: str, *, change: Callable[[Any], object]) -> None:
    node[key] = change(node[key])


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
