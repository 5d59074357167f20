"""What the doctor asks Offcloud, in which order: a flow (`_flows.flows`) over the raw resources.

Only operations that change nothing are asked (`READ_ONLY`): the account, the login check, the
three histories, the remote accounts, the proxies, the sites, the cache for a public torrent
(Sintel), and, for the newest finished cloud request of the history, its status, its files
(`format=detailed`) and its links, and for the newest remote request its status. Nothing is
added, removed, retried or uploaded, and nobody logs in. A request id from the history goes
into a path only when it is a plain id (letters, digits, `-`, `_`), so no answer can turn a
question into another call.

Each answer, or the `HTTPError`/`UnexpectedResponseError` the SDK raised for it, becomes a
`Check` (`checks.judge`). An answer that says Offcloud is failing right now (5xx, 429, after
the client's retries) or no answer to a later question makes that operation `skipped`, with
the reason: an outage says nothing about the spec, and the other answers are still worth
having. Only the first question ends the run, when its key is refused (`AuthError`) or it gets
no answer (`APIConnectionError`): then there is nothing to hold against the spec. A spec with
none of the doctor's operations is refused before anything is asked.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Sequence
from datetime import UTC, datetime
from typing import Any

from .._flows.flows import Flow, Step
from ..exceptions import (
    APIConnectionError,
    AuthError,
    HTTPError,
    InvalidArgumentError,
    OffcloudError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
)
from .checks import capture, judge
from .report import Answer, Check, Report
from .spec import Spec

SINTEL = "08ada5a7a6183aae1e09d831df6748d566095a10"
"""The infohash of Sintel (Blender's open film, a public torrent) that `cache_info` is asked."""
SINTEL_MAGNET = f"magnet:?xt=urn:btih:{SINTEL}"
READ_ONLY: tuple[str, ...] = (
    "account_info",
    "account_stats",
    "auth_check",
    "cloud_history",
    "cloud_status",
    "cloud_explore",
    "cloud_list",
    "instant_history",
    "remote_history",
    "remote_status",
    "remote_accounts",
    "proxies_list",
    "sites_list",
    "cache_info",
)
"""Every operation the doctor may call: none of them changes anything."""
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


class _Call:
    """One question: `<tag>.<method>(*args, **kwargs)` on the raw resources."""

    def __init__(self, operation: str, *args: object, **kwargs: object) -> None:
        if operation not in READ_ONLY:
            raise AssertionError(f"{operation} is not a read-only operation")
        self.operation = operation
        self.args = args
        self.kwargs = kwargs

    def __call__(self, resources: Any) -> Any:
        tag, method = self.operation.split("_", 1)
        return getattr(getattr(resources, tag), method)(*self.args, **self.kwargs)


def doctor(spec: Spec, *, secrets: Sequence[str], base_url: str) -> Flow[Report]:
    """The doctor's questions, for `flows.run` (sync) or `flows.arun` (async) over
    `client.with_raw_response` of a lenient client; answers the `Report`."""
    checks: list[Check] = []
    if not any(spec.has(operation) for operation in READ_ONLY):
        raise InvalidArgumentError(
            f"{spec.source}: not Offcloud's spec: it has none of the operations the doctor asks "
            "about (account_info, cloud_history, …)"
        )

    def ask(call: _Call) -> Generator[Step, Any, Answer | None]:
        if not spec.has(call.operation):
            checks.append(skipped(call.operation, f"{spec.source} has no {call.operation}"))
            return None
        error: OffcloudError | None = None
        try:
            raw = yield 0.0, call
            response = raw.http_response
        except APIConnectionError as exc:
            if call.operation == "account_info":
                raise
            checks.append(skipped(call.operation, f"no answer: {exc.message}"))
            return None
        except (HTTPError, UnexpectedResponseError) as exc:
            if call.operation == "account_info" and isinstance(exc, AuthError):
                raise
            if isinstance(exc, ServerError | RateLimitError):
                reason = f"Offcloud is failing right now, not a matter for the spec: {exc.message}"
                checks.append(skipped(call.operation, reason))
                return None
            response, error = exc.response, exc
        answer = capture(response, secrets)
        checks.append(judge(spec, call.operation, answer, error, secrets))
        return answer

    yield from ask(_Call("account_info"))
    yield from ask(_Call("account_stats"))
    yield from ask(_Call("auth_check"))
    history = yield from ask(_Call("cloud_history"))
    finished, why = newest(history, "cloud", finished=True)
    if finished is None:
        checks += [skipped(op, why) for op in ("cloud_status", "cloud_explore", "cloud_list")]
    else:
        yield from ask(_Call("cloud_status", request_id=finished))
        yield from ask(_Call("cloud_explore", finished, format_="detailed"))
        yield from ask(_Call("cloud_list", finished))
    yield from ask(_Call("instant_history"))
    remote_history = yield from ask(_Call("remote_history"))
    remote, why = newest(remote_history, "remote", finished=False)
    if remote is None:
        checks.append(skipped("remote_status", why))
    else:
        yield from ask(_Call("remote_status", request_id=remote))
    yield from ask(_Call("remote_accounts"))
    yield from ask(_Call("proxies_list"))
    yield from ask(_Call("sites_list"))
    yield from ask(_Call("cache_info", urls=[SINTEL_MAGNET], include_files=True))
    return Report(tuple(checks), spec.source, base_url)


def skipped(operation: str, reason: str) -> Check:
    """The check of an operation the doctor did not ask, and why."""
    return Check(operation, "skipped", reason=reason)


def newest(answer: Answer | None, kind: str, *, finished: bool) -> tuple[str | None, str]:
    """The id of the newest request in a history answer (the newest `downloaded` one when
    `finished`), by `createdOn`, else by its place (the later the newer); or None and why."""
    history = f"the {kind} history"
    items = _items(answer)
    if items is None:
        return None, f"{history} gave no list to pick a request from"
    candidates = [
        (index, item)
        for index, item in enumerate(items)
        if isinstance(item, dict) and (not finished or item.get("status") == "downloaded")
    ]
    if not candidates:
        what = "finished (`downloaded`) " if finished else ""
        return None, f"no {what}{kind} request in {history} to look at"
    _, item = max(candidates, key=lambda pair: (_when(pair[1]) or float("-inf"), pair[0]))
    request_id = item.get("requestId")
    if not isinstance(request_id, str) or not _ID.fullmatch(request_id):
        return None, f"the newest {kind} request in {history} has no usable requestId"
    return request_id, ""


def _items(answer: Answer | None) -> list[Any] | None:
    body = answer.json if answer is not None and answer.is_json else None
    if isinstance(body, dict):  # a wrapped list, as the SDK reads it too
        body = next(
            (body[key] for key in ("data", "list") if isinstance(body.get(key), list)), None
        )
    return body if isinstance(body, list) else None


def _when(item: dict[str, Any]) -> float | None:
    """When a history item was created, in seconds since the epoch, from its `createdOn` (ISO
    8601 text, or a number of seconds or milliseconds); None when it has no such date."""
    value = item.get("createdOn")
    try:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip()[:20])
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value) / 1000 if value > 1e11 else float(value)
        if isinstance(value, str):
            when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()
    except (ValueError, OverflowError, OSError):
        pass
    return None
