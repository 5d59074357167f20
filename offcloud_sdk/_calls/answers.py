"""Turn what came back from Offcloud into a typed result or the right `OffcloudError`.

Offcloud reports failures three ways: an HTTP status, an `{"error": …}` or
`{"not_available": …}` body under HTTP 200, or a text page. `check_answer` looks for all three
before the operation's parser sees the body; `parse_answer` then parses it and checks the types
(`validation`), reading a difference leniently (`drift`) unless strict. Nothing but an
`OffcloudError` leaves this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TypeVar

import httpx
from offcloud_api_client.api import Operation
from offcloud_api_client.errors import UnexpectedStatus

from ..exceptions import (
    APIConnectionError,
    APITimeoutError,
    AuthError,
    HTTPError,
    NotAvailableError,
    NotFoundError,
    OffcloudError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
)
from .answer_bodies import AnswerRefused
from .redaction import mask_response, mask_secret_fields, redact
from .retries import parse_retry_after
from .validation import type_problem

T = TypeVar("T")

AUTH_WORDS = ("noauth", "unauthorized", "not authorized", "credentials", "invalid api key")
"""Lower-case fragments of Offcloud's `error` texts that mean the key or login was refused."""
EXCERPT_LENGTH = 200


def check_answer(response: httpx.Response, secrets: Iterable[str]) -> object:
    """Raise the `OffcloudError` a failed answer (status, error body, text page) stands for;
    otherwise return its JSON when it had to be read to tell, for `parse_answer`."""
    if 200 <= response.status_code < 300 and not _may_report_failure(response.content):
        return NOT_READ  # the common case: a success, parsed once by the operation
    body = _json_body(response)
    failure = http_failure(response, body, secrets)
    if failure is not None:
        raise failure
    return body


def parse_answer(
    operation: Operation[T],
    response: httpx.Response,
    secrets: Iterable[str],
    *,
    strict: bool,
    body: object = None,
    keep_drift: bool = True,
) -> T:
    """The typed result of an answer that `check_answer` let through.

    Strict: any difference from the spec's types is an `UnexpectedResponseError`. Lenient:
    a difference is read as well as it can be (`drift`) and logged once; a value that could
    not be converted is kept, unless `keep_drift` is False (then it is an error too).
    """
    secrets = tuple(secrets)
    try:
        result = operation.parse(response)
    except _PARSE_ERRORS as exc:
        if body is NOT_READ or body is None:
            body = _json_body(response)
        if body == {}:
            raise AuthError(
                f"{_where(response)}: Offcloud answered an empty object, which it sends when a "
                "call is not authorised (some classic calls need a login session, not a key)",
                status_code=response.status_code,
                response=response,
            ) from None
        failed = f"{type(exc).__name__}: {exc}"
        if strict or body is None:
            raise unexpected(response, failed, secrets) from None
        return _reread(operation, response, body, failed, secrets, keep_drift)
    problem = type_problem(result, operation.parse)
    if problem is None:
        return result
    if strict:
        raise unexpected(response, problem, secrets)
    body = _json_body(response)
    if body is not None:
        return _reread(operation, response, body, problem, secrets, keep_drift)
    if not keep_drift:
        raise unexpected(response, problem, secrets)
    return result  # not an object or a list: nothing to reread, kept as it came


_PARSE_ERRORS = (
    KeyError,
    TypeError,
    ValueError,
    AttributeError,
    RecursionError,  # JSON nested deeper than Python goes
    UnexpectedStatus,
)


def _reread(
    operation: Operation[T],
    response: httpx.Response,
    body: object,
    problem: str,
    secrets: tuple[str, ...],
    keep_drift: bool,
) -> T:
    """The answer read leniently (`drift.reread`), or an `UnexpectedResponseError` naming
    the first `problem` when even that cannot make the model (or, unless `keep_drift`, when
    a value had to be kept as sent)."""
    from .drift import reread

    try:
        data = reread(body, operation.parse, operation.id, secrets, keep=keep_drift)
        content = json.dumps(data).encode()
        result = operation.parse(
            httpx.Response(response.status_code, content=content, request=_request_of(response))
        )
    except (*_PARSE_ERRORS, OverflowError):
        raise unexpected(response, problem, secrets) from None
    if not keep_drift:
        kept = type_problem(result, operation.parse)
        if kept is not None:
            raise unexpected(response, kept, secrets)
    return result


def _request_of(response: httpx.Response) -> httpx.Request | None:
    try:
        return response.request
    except RuntimeError:
        return None


def http_failure(
    response: httpx.Response, body: object, secrets: Iterable[str] = ()
) -> OffcloudError | None:
    """The error a response stands for, or None when it is a success to parse."""
    status = response.status_code
    text, code = _error_text(body)
    if 200 <= status < 300:
        if isinstance(body, dict) and "not_available" in body:
            reason = redact(str(body["not_available"]), secrets)[:EXCERPT_LENGTH]
            return NotAvailableError(
                f"{_where(response)}: not available for this account: {reason}",
                reason=reason,
                status_code=status,
                response=response,
            )
        if text is None and body is None and _is_not_found_page(response.content):
            text = response.text.strip()
        if text is None:
            return None
    message = redact(text or _status_text(response, secrets), secrets)
    code = None if code is None else redact(code, secrets)
    error_class = _error_class(status, text or "")
    if error_class is RateLimitError:
        return RateLimitError(
            message,
            status_code=status,
            response=response,
            code=code,
            retry_after=parse_retry_after(response.headers.get("retry-after")),
        )
    return error_class(message, status_code=status, response=response, code=code)


def _error_class(status: int, text: str) -> type[HTTPError]:
    lowered = text.lower()
    if status in (401, 403) or any(word in lowered for word in AUTH_WORDS):
        return AuthError
    if status == 404:
        return NotFoundError
    if status == 429:
        return RateLimitError
    if status >= 500:
        return ServerError
    if "not found" in lowered:  # "Page not found.", "transfer not found"
        return NotFoundError
    return HTTPError


def connection_failure(exc: Exception, where: str, secrets: Iterable[str]) -> OffcloudError:
    """The error for a request (`where`: method and path) whose answer did not arrive whole:
    `APIConnectionError` (`APITimeoutError` for a timeout), or `UnexpectedResponseError` when
    the body came but its `Content-Encoding` could not be undone or it was too large."""
    detail = redact(str(exc) or type(exc).__name__, secrets)
    if isinstance(exc, AnswerRefused):
        mask_response(exc.response)
        return UnexpectedResponseError(
            f"{where}: {detail}; not read further",
            status_code=exc.response.status_code,
            response=exc.response,
        )
    if isinstance(exc, httpx.DecodingError):
        return UnexpectedResponseError(
            f"{where}: the answer's body could not be decoded ({detail})"
        )
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{where}: no answer in time ({type(exc).__name__}: {detail})")
    return APIConnectionError(f"{where}: no answer from Offcloud ({type(exc).__name__}: {detail})")


def unexpected(
    response: httpx.Response, problem: str, secrets: Iterable[str]
) -> UnexpectedResponseError:
    """An `UnexpectedResponseError` naming the problem, the status and the body's start."""
    return UnexpectedResponseError(
        f"{_where(response)}: unexpected answer (HTTP {response.status_code}): "
        f"{redact(problem, secrets)}; body starts {excerpt(response, secrets)!r}",
        status_code=response.status_code,
        response=response,
    )


def excerpt(response: httpx.Response, secrets: Iterable[str] = ()) -> str:
    """The first characters of the body, whitespace collapsed, secrets masked."""
    try:
        text = response.text
    except (UnicodeDecodeError, LookupError, httpx.ResponseNotRead):
        return "<undecodable body>"
    secrets = tuple(secrets)
    room = EXCERPT_LENGTH + max((len(secret) for secret in secrets), default=0) + 64
    # masked before it is cut, so a secret across the cut cannot leave its first characters;
    # credential-like fields are masked whatever they hold (a login answers a new key)
    text = redact(mask_secret_fields(" ".join(text[: room * 4].split())[:room]), secrets)
    return text[:EXCERPT_LENGTH] + ("…" if len(text) > EXCERPT_LENGTH else "")


NOT_READ = object()
"""`check_answer` did not need to read the body."""


def _may_report_failure(content: bytes) -> bool:
    """Whether a 2xx body could be an error: a cheap scan, so most bodies are parsed once."""
    return (
        b'"error"' in content
        or b'"not_available"' in content
        or content.strip() == b"{}"
        or _is_not_found_page(content)
    )


def _is_not_found_page(content: bytes) -> bool:
    return len(content) < 64 and content.strip().rstrip(b".").lower() == b"page not found"


def _json_body(response: httpx.Response) -> object:
    content = response.content.lstrip()
    if content[:1] not in (b"{", b"["):
        return None
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return None


def _error_text(body: object) -> tuple[str | None, str | None]:
    if not isinstance(body, dict) or "error" not in body:
        return None, None
    error = body["error"]
    code = error if isinstance(error, str) else json.dumps(error)
    description = body.get("error_description")
    return (description if isinstance(description, str) and description else code), code


def _status_text(response: httpx.Response, secrets: Iterable[str]) -> str:
    reason = response.reason_phrase or "unknown status"
    start = excerpt(response, secrets)
    return f"{_where(response)}: HTTP {response.status_code} {reason}; body starts {start!r}"


def _where(response: httpx.Response) -> str:
    try:
        request = response.request
    except RuntimeError:
        return "answer"
    return f"{request.method} {request.url.path}"
