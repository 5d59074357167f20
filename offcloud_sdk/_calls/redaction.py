"""Keep the API key out of everything the SDK shows, stores or logs.

`redact` masks `key=`/`apikey=` query values and any known secret in a text; `masked_request`
is a copy of a request fit to keep on a response that users may print (`mask_response` puts
such copies on a response and on those it was redirected from); `RedactingFilter` does
the same for the log lines httpx writes (it logs full URLs, key included, at INFO).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping

import httpx

MASK = "***"
MIN_PARTIAL = 8
"""The shortest start of a secret that is masked too (texts are often cut before masking)."""
_QUERY_KEY = re.compile(r"(?i)\b((?:api_?)?key=)[^&#\s'\"]+")
_SECRET_HEADERS = ("authorization", "cookie")
_LOGGERS = (
    "httpx",
    *(f"httpcore.{part}" for part in ("connection", "http11", "http2", "proxy", "socks")),
)


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """`text` with `key=<anything>` and every non-empty secret replaced by `***`, and also the
    start of a secret (8 characters or more) that a cut left in the text. A secret is also
    found as `repr` or JSON write it (a `\\` or a quote in it escaped)."""
    text = _QUERY_KEY.sub(lambda m: m.group(1) + MASK, text)
    for secret in secrets:
        if secret:
            for form in _written_forms(secret):
                text = text.replace(form, MASK)
                for length in range(len(form) - 1, MIN_PARTIAL - 1, -1):
                    if form[:length] in text:
                        text = text.replace(form[:length], MASK)
    return text


def _written_forms(secret: str) -> list[str]:
    """`secret`, and how `repr` and JSON escape it when that differs."""
    forms = [secret]
    for written in (repr(secret)[1:-1], json.dumps(secret)[1:-1], repr(f'"{secret}')[2:-1]):
        if written not in forms:
            forms.append(written)
    return forms


_SECRET_NAME = re.compile(r"(?i)(key|token|secret|password|passwd|session|cookie|auth)")
_SECRET_FIELD = re.compile(
    r'(?i)("[A-Za-z0-9_]*(?:key|token|secret|password|passwd|session)[A-Za-z0-9_]*"\s*:\s*)'
    r'("(?:[^"\\]|\\.)*"?|[^,}\]\s]+)'
)


def is_secret_name(name: str) -> bool:
    """Whether a field called `name` may hold a credential (an API key, a token, a session),
    so its value is never shown: answers to a login carry a key the client does not know yet."""
    return _SECRET_NAME.search(name) is not None


def mask_secret_fields(text: str) -> str:
    """`text` (JSON, maybe cut) with the value of every credential-like field (`"apiKey": …`,
    `"access_token": …`) replaced by `"***"`."""
    return _SECRET_FIELD.sub(lambda m: m.group(1) + f'"{MASK}"', text)


def masked_url(url: httpx.URL) -> httpx.URL:
    """`url` with the value of any key parameter replaced by `***`."""
    query = url.query.decode("ascii", "replace")
    masked = redact(query)
    return url if masked == query else url.copy_with(query=masked.encode("ascii"))


def masked_request(request: httpx.Request) -> httpx.Request:
    """A body-less copy of `request` with the key masked in its URL and secret headers."""
    headers = httpx.Headers(request.headers)
    for name in _SECRET_HEADERS:
        if name in headers:
            value = headers[name]
            scheme, _, _ = value.partition(" ")
            headers[name] = f"{scheme} {MASK}" if name == "authorization" else MASK
    return httpx.Request(request.method, masked_url(request.url), headers=headers)


def mask_response(response: httpx.Response) -> None:
    """Mask the key in `response`'s request, in the redirect it points to, and in every answer
    it was redirected from (`history`), so an error that keeps `response` keeps no key."""
    for answer in (*response.history, response):
        answer.request = masked_request(answer.request)
        if answer.next_request is not None:
            answer.next_request = masked_request(answer.next_request)
        if "location" in answer.headers:  # a redirect may carry the query, key and all
            answer.headers["location"] = redact(answer.headers["location"])


class RedactingFilter(logging.Filter):
    """Masks key parameters in records (installed on the `httpx` logger by the clients)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_redact_arg(arg) for arg in record.args)
        elif isinstance(record.args, Mapping):
            record.args = {name: _redact_arg(arg) for name, arg in record.args.items()}
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def _redact_arg(arg: object) -> object:
    if isinstance(arg, httpx.URL):
        return masked_url(arg)
    return redact(arg) if isinstance(arg, str) else arg


def protect_httpx_logger() -> None:
    """Install `RedactingFilter` on the `httpx` and `httpcore.*` loggers once (httpcore logs
    headers, a redirect's `Location` among them, at DEBUG; a filter acts only on the logger a
    record is made on, so each of httpcore's is named)."""
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactingFilter) for f in logger.filters):
            logger.addFilter(RedactingFilter())
