"""The runners that send every generated operation: auth, retries, error mapping, logging.

A generated resource builds the request (`_get_kwargs`) and hands it to a runner with its
`Operation`. The runner adds the key where `key_in` says, sends it on the client's one
connection pool, retries by `RetryPolicy`, turns the answer into the typed result or an
`OffcloudError` (`answers.check_answer`, then `answers.parse_answer`, strict or lenient), and
logs one line. A newly generated operation gets all of this without hand-written code.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Generic, Self, TypeVar

import httpx
from offcloud_api_client.api import CallOptions, Operation, RawResponse, with_options

from .._version import __version__
from ..exceptions import AuthError, ClientClosedError, InvalidArgumentError, OffcloudError
from .answer_bodies import ACCEPT_ENCODING, AnswerRefused, Inflater, inflater_for
from .answers import check_answer, connection_failure, parse_answer
from .clock import Clock
from .deadlines import DEADLINE, too_slow
from .logs import logger
from .redaction import mask_response, redact
from .retries import RETRY_STATUSES, RetryPolicy
from .settings import Settings, as_timeout

T = TypeVar("T")
USER_AGENT = f"offcloud-sdk/{__version__} (+python; httpx/{httpx.__version__})"
DEFAULT_HEADERS = {"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING}
"""Sent with every API call: set on the clients the SDK makes, added per call to a user's."""
_SENDABLE_ERRORS = (httpx.HTTPError, httpx.InvalidURL, AnswerRefused)
NO_KEY_HINT = (
    "no API key is set: pass api_key=, set OFFCLOUD_API_KEY, or call device_login() "
    "(the key is on https://offcloud.com/#/account)"
)


# The classes here are plain, not attrs: they are made at import, and attrs itself costs
# ~25 ms to import (it loads with the first model instead, when a call is parsed).
class _Exchange:
    """Everything about one call that does not depend on sync or async."""

    __slots__ = (
        "_ends_at",
        "_received",
        "attempt",
        "clock",
        "deadline",
        "missing_defaults",
        "operation",
        "options",
        "policy",
        "request",
        "settings",
        "started",
    )

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        policy: RetryPolicy,
        operation: Operation[Any],
        request: dict[str, Any],
        missing_defaults: dict[str, str],
        options: CallOptions | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.policy = policy
        self.operation = operation
        self.request = request
        self.missing_defaults = missing_defaults
        self.options = options
        self.started = 0.0
        self.attempt = 0
        self._ends_at = 0.0
        self._received = 0
        self.deadline: tuple[Clock, float, float] | None = None
        """The current attempt's (clock, end, total_timeout), for `deadlines.DEADLINE`."""

    def prepared(self, pool_timeout: httpx.Timeout) -> dict[str, Any]:
        """The `request()` arguments of every attempt (`pool_timeout`: the pool's own, which
        httpx applies when the call does not give one)."""
        settings = self.settings
        request = with_options(self.request, self.options) if self.options else dict(self.request)
        request["url"] = parsed_url(settings.base_url + request["url"])
        # Every header costs httpx some work on every call: send only what it does not add.
        headers = dict(request.get("headers", ()))
        if "json" in request:
            headers.pop("Content-Type", None)  # httpx sets the same from json=
        if self.missing_defaults:
            headers.update(self.missing_defaults)
        key = settings.api_key
        if key is not None:
            if settings.key_in in ("header", "both"):
                headers["Authorization"] = f"Bearer {key}"
            if settings.key_in in ("query", "both"):
                request["params"] = {**request.get("params", {}), "key": key}
        request["headers"] = headers
        if settings.timeout != pool_timeout:  # an equal one would cost httpx work for nothing
            request["timeout"] = settings.timeout
        self.started = self.clock.now()
        return request

    def begin_attempt(self) -> list[bytes]:
        """Start the clocks and counters of one attempt; the list its body chunks go to."""
        seconds = self.settings.deadline
        self._ends_at = self.clock.now() + seconds
        self._received = 0
        self.deadline = (self.clock, self._ends_at, seconds)
        return []

    def take(
        self, raw: bytes, inflater: Inflater | None, chunks: list[bytes], response: httpx.Response
    ) -> bool:
        """Add a raw piece of the body to `chunks`, decoded; True once the answer has ended."""
        if inflater is None:
            chunks.append(raw)
            self.took(raw, response)
            return False
        for chunk in inflater.pieces(raw):
            chunks.append(chunk)
            self.took(chunk, response)
        return inflater.done

    def took(self, chunk: bytes, response: httpx.Response) -> None:
        """Count a chunk of the (decompressed) body against the size and time bounds."""
        self._received += len(chunk)
        if self._received > self.settings.max_answer_size:
            raise AnswerRefused(
                response,
                f"the answer is larger than {self.settings.max_answer_size} bytes "
                "(max_answer_size)",
            )
        if self.clock.now() > self._ends_at:  # a user's client: no deadline backend there
            raise httpx.ReadTimeout(too_slow(self.settings.deadline), request=response.request)

    def retry_delay(self, outcome: httpx.Response | Exception) -> float | None:
        if isinstance(outcome, httpx.Response) and outcome.status_code not in RETRY_STATUSES:
            return None  # the common case, decided before asking the policy
        delay = self.policy.delay(
            self.operation.id,
            outcome,
            attempt=self.attempt,
            max_retries=self.settings.max_retries,
        )
        if delay is not None:
            self.attempt += 1
            logger.debug(
                "retry %d of %d for %s %s in %.2f s after %s",
                self.attempt,
                self.settings.max_retries,
                self.operation.method,
                self.request["url"],
                delay,
                _outcome_name(outcome),
            )
        return delay

    def finish(self, outcome: httpx.Response | Exception) -> tuple[httpx.Response, object]:
        """The last attempt's answer, and its JSON when telling success from failure needed
        it; or raise the `OffcloudError` the outcome stands for."""
        elapsed_ms = (self.clock.now() - self.started) * 1000
        if isinstance(outcome, Exception):
            self._log("no answer", elapsed_ms)
            where = f"{self.operation.method} {self.request['url']}"
            raise connection_failure(outcome, where, self._secrets()) from None
        self._log(outcome.status_code, elapsed_ms)
        try:
            return outcome, check_answer(outcome, self._secrets())
        except OffcloudError as exc:
            raise self._failed(exc, outcome) from None

    def parse(self, response: httpx.Response, body: object) -> Any:
        """The typed result of an answer `finish` let through, strict or lenient as set."""
        try:
            settings = self.settings
            return parse_answer(
                self.operation,
                response,
                self._secrets(),
                strict=settings.strict,
                body=body,
                keep_drift=settings.keep_drift,
            )
        except OffcloudError as exc:
            raise self._failed(exc, response) from None

    def raw(self, response: httpx.Response, body: object) -> RawResponse[Any]:
        """The answer as a `RawResponse` (its request masked), parsed when asked."""
        mask_response(response)
        elapsed = datetime.timedelta(seconds=max(self.clock.now() - self.started, 0.0))
        parse = lambda: self.parse(response, body)  # noqa: E731
        return RawResponse(response, self.attempt, elapsed, parse=parse)

    def _failed(self, exc: OffcloudError, response: httpx.Response) -> OffcloudError:
        # Only a response that leaves with an error is kept by anyone: mask it then.
        mask_response(response)
        if isinstance(exc, AuthError) and self.settings.api_key is None:
            exc.message = f"{exc.message} ({NO_KEY_HINT})"
            exc.args = (exc.message,)
        return exc

    def _secrets(self) -> tuple[str, ...]:
        key = self.settings.api_key
        return (key,) if key else ()  # a tuple: `parse_answer` takes it as it is

    def _log(self, status: int | str, elapsed_ms: float) -> None:
        logger.info(
            "%s %s -> %s in %.0f ms, %d retries",
            self.operation.method,
            self.request["url"],
            status,
            elapsed_ms,
            self.attempt,
        )


H = TypeVar("H", httpx.Client, httpx.AsyncClient)


class _Runner(Generic[H]):
    """What both runners hold, and how both start a call."""

    def __init__(
        self, settings: Settings, http: H, clock: Clock, policy: RetryPolicy | None = None
    ) -> None:
        self.settings: Settings = settings
        """The client's settings (a copy per `with_options`)."""
        self.http: H = http
        """The connection pool the calls go through."""
        self.clock: Clock = clock
        """What the retries wait on."""
        self.policy: RetryPolicy = RetryPolicy() if policy is None else policy
        """When to retry and how long to wait."""
        self.missing_defaults: dict[str, str] = missing_defaults(http)
        """The SDK's default headers the pool does not already send."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.settings!r})"

    def replace(self, settings: Settings) -> Self:
        """This runner (same pool, clock and policy) with other settings."""
        return type(self)(settings, self.http, self.clock, self.policy)

    def for_helpers(self) -> Self:
        """This runner (same pool, clock and key) for the SDK's own helpers, which rely on
        the spec's types: when lenient, a value that cannot be converted raises."""
        return self.replace(self.settings.replace(keep_drift=False))

    def _begin(
        self, operation: Operation[Any], request: dict[str, Any], options: CallOptions | None
    ) -> tuple[_Exchange, dict[str, Any]]:
        """The call's exchange and the `request()` arguments of its first attempt."""
        settings = self.settings
        if options is not None:
            _check_options(options, request)
            if options.timeout is not None:
                settings = settings.replace(timeout=as_timeout(options.timeout))
        exchange = _Exchange(
            settings, self.clock, self.policy, operation, request, self.missing_defaults, options
        )
        prepared = exchange.prepared(self.http.timeout)
        if self.http.is_closed:
            raise closed_client(operation)
        return exchange, prepared


class SyncRunner(_Runner[httpx.Client]):
    """Sends operations on an `httpx.Client` (implements the generated `Runner`)."""

    def call(
        self, operation: Operation[T], request: dict[str, Any], options: CallOptions | None = None
    ) -> T:
        """Send the operation (auth, retries, bounds) and answer its typed result, or raise
        the `OffcloudError` its answer means."""
        exchange, response, body = self._send(operation, request, options)
        result: T = exchange.parse(response, body)
        return result

    def call_raw(
        self, operation: Operation[T], request: dict[str, Any], options: CallOptions | None = None
    ) -> RawResponse[T]:
        """Like `call`, but the answer as it came, parsed when asked."""
        exchange, response, body = self._send(operation, request, options)
        return exchange.raw(response, body)

    def _send(
        self, operation: Operation[Any], request: dict[str, Any], options: CallOptions | None
    ) -> tuple[_Exchange, httpx.Response, object]:
        """Send until an answer to keep, retrying by the policy; raise for a failed one."""
        exchange, prepared = self._begin(operation, request, options)
        while True:
            outcome: httpx.Response | Exception
            try:
                outcome = self._attempt(exchange, prepared)
            except _SENDABLE_ERRORS as exc:
                outcome = exc
            delay = exchange.retry_delay(outcome)
            if delay is None:
                return (exchange, *exchange.finish(outcome))
            self.clock.sleep(delay)

    def _attempt(self, exchange: _Exchange, prepared: dict[str, Any]) -> httpx.Response:
        """Send once and read the answer within the call's size and time bounds."""
        chunks = exchange.begin_attempt()
        bound = DEADLINE.set(exchange.deadline)
        try:
            response = self.http.send(build(self.http, prepared), stream=True)
            try:
                if response.is_stream_consumed:  # read already, by a transport in this process
                    exchange.took(response.content, response)
                    return response
                inflater = inflater_for(response)
                for raw in response.iter_raw():
                    if exchange.take(raw, inflater, chunks, response):
                        break
            finally:
                response.close()
        finally:
            DEADLINE.reset(bound)
        return keep_body(response, chunks)


class AsyncRunner(_Runner[httpx.AsyncClient]):
    """Sends operations on an `httpx.AsyncClient` (implements the generated `AsyncRunner`)."""

    async def call(
        self, operation: Operation[T], request: dict[str, Any], options: CallOptions | None = None
    ) -> T:
        """The async twin of `SyncRunner.call`."""
        exchange, response, body = await self._send(operation, request, options)
        result: T = exchange.parse(response, body)
        return result

    async def call_raw(
        self, operation: Operation[T], request: dict[str, Any], options: CallOptions | None = None
    ) -> RawResponse[T]:
        """Like `call`, but the answer as it came, parsed when asked."""
        exchange, response, body = await self._send(operation, request, options)
        return exchange.raw(response, body)

    async def _send(
        self, operation: Operation[Any], request: dict[str, Any], options: CallOptions | None
    ) -> tuple[_Exchange, httpx.Response, object]:
        """Async `SyncRunner._send`."""
        exchange, prepared = self._begin(operation, request, options)
        while True:
            outcome: httpx.Response | Exception
            try:
                outcome = await self._attempt(exchange, prepared)
            except _SENDABLE_ERRORS as exc:
                outcome = exc
            delay = exchange.retry_delay(outcome)
            if delay is None:
                return (exchange, *exchange.finish(outcome))
            await self.clock.asleep(delay)

    async def _attempt(self, exchange: _Exchange, prepared: dict[str, Any]) -> httpx.Response:
        """Async `SyncRunner._attempt`."""
        chunks = exchange.begin_attempt()
        bound = DEADLINE.set(exchange.deadline)
        try:
            response = await self.http.send(build(self.http, prepared), stream=True)
            try:
                if response.is_stream_consumed:  # read already, by a transport in this process
                    exchange.took(response.content, response)
                    return response
                inflater = inflater_for(response)
                async for raw in response.aiter_raw():
                    if exchange.take(raw, inflater, chunks, response):
                        break
            finally:
                await response.aclose()
        finally:
            DEADLINE.reset(bound)
        return keep_body(response, chunks)


def keep_body(response: httpx.Response, chunks: list[bytes]) -> httpx.Response:
    """`response` with the body read in `chunks` as its content, as `response.read()` would
    leave it (httpx keeps it in `_content`; pinned to httpx < 0.29)."""
    response._content = b"".join(chunks)
    return response


def missing_defaults(http: httpx.Client | httpx.AsyncClient) -> dict[str, str]:
    """The `DEFAULT_HEADERS` that `http` does not send itself (the clients the SDK make send
    them all), to add to each call."""
    return {
        name: value for name, value in DEFAULT_HEADERS.items() if http.headers.get(name) != value
    }


def _check_options(options: CallOptions, request: dict[str, Any]) -> None:
    """Refuse per-call options httpx would choke on mid-send, with a message that says so."""
    headers = options.extra_headers
    if headers is not None:
        if not isinstance(headers, Mapping):
            raise InvalidArgumentError("extra_headers must be a mapping of str to str")
        for name, text in headers.items():
            if not isinstance(name, str) or not isinstance(text, str):
                raise InvalidArgumentError("extra_headers names and values must be str")
            if not _HEADER_NAME.fullmatch(name) or not _HEADER_VALUE.fullmatch(text):
                raise InvalidArgumentError(
                    f"extra_headers has a header httpx cannot send: {name[:40]!r} (names are "
                    "letters, digits and !#$%&'*+-.^_`|~; values printable ASCII)"
                )
            if name.lower() == "authorization":
                raise InvalidArgumentError(
                    "extra_headers cannot set Authorization: the client sends its own key"
                )
    for label, given in (("extra_query", options.extra_query), ("extra_body", options.extra_body)):
        if given is not None and not (
            isinstance(given, Mapping) and all(isinstance(key, str) for key in given)
        ):
            raise InvalidArgumentError(f"{label} must be a mapping with str keys")
    if options.extra_body and ("data" in request or "files" in request):
        for field, value in options.extra_body.items():
            if value is not None and not isinstance(value, str | int | float):
                raise InvalidArgumentError(
                    f"extra_body[{field[:40]!r}] is a {type(value).__name__}: a form or "
                    "multipart body takes text, numbers, booleans or None"
                )


_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_HEADER_VALUE = re.compile(r"[\t\x20-\x7e]*")


def build(http: httpx.Client | httpx.AsyncClient, prepared: dict[str, Any]) -> httpx.Request:
    """The request `prepared` describes, or `InvalidArgumentError` when a body or parameter
    given to the call cannot be sent (a set in JSON, a NaN, a file that is not one…)."""
    try:
        return http.build_request(**prepared)
    except (TypeError, ValueError, AttributeError) as exc:
        where = f"{prepared['method'].upper()} {httpx.URL(prepared['url']).path}"
        raise InvalidArgumentError(
            f"{where}: the request cannot be built from what was given: {type(exc).__name__}: "
            f"{redact(str(exc))[:200]}"
        ) from None


def closed_client(operation: Operation[Any]) -> ClientClosedError:
    """The error for a call on a client whose pool is closed (after `with` or `close()`)."""
    return ClientClosedError(
        f"{operation.method} {operation.path}: this client is closed; "
        "make calls inside its `with` block, or make a new client"
    )


@lru_cache(maxsize=512)
def parsed_url(url: str) -> httpx.URL | str:
    """`url` parsed once for every call to it: httpx would parse the text on every request
    (checking an IP address host costs some 30 us a call), and an `httpx.URL`, which is
    immutable, it takes as it is. Text httpx cannot parse is left for `build` to refuse."""
    try:
        return httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        return url


def _outcome_name(outcome: httpx.Response | Exception) -> str:
    if isinstance(outcome, httpx.Response):
        return str(outcome.status_code)
    return type(outcome).__name__
