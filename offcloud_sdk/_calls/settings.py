"""What a client is configured with, checked once at the edge.

`Settings` is immutable; `with_options()` and the `api_key` setter make new ones.
"""

from __future__ import annotations

import ipaddress
import os
import re
from typing import Any, Literal, NamedTuple, get_args

import httpx

from ..exceptions import InvalidArgumentError

KeyIn = Literal["header", "query", "both"]
"""Where the API key goes: `Authorization: Bearer` (2026 API), `?key=` (classic API), or both."""

DEFAULT_BASE_URL = "https://offcloud.com"
DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_READ_TIMEOUT = 30.0
DEFAULT_TIMEOUT = httpx.Timeout(DEFAULT_READ_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_ANSWER_SIZE = 16 << 20
"""Bytes an API answer may hold, decompressed; Offcloud's largest (a long history) are ~1 MiB."""
TOTAL_TIMEOUT_FACTOR = 4
"""Unless `total_timeout` is set, one attempt may take this many read timeouts in all."""
API_KEY_ENV = "OFFCLOUD_API_KEY"
BASE_URL_ENV = "OFFCLOUD_BASE_URL"
STRICT_ENV = "OFFCLOUD_STRICT"
_YES, _NO = ("1", "true", "yes", "on"), ("", "0", "false", "no", "off")

TimeoutArg = float | httpx.Timeout
_KEY = re.compile(r"[\x21-\x7e]+")


def as_timeout(value: TimeoutArg) -> httpx.Timeout:
    """A float is the read/write/pool timeout, with at most 5 s to connect; an `httpx.Timeout`
    is taken part by part. Each part must be a number of seconds above 0 and at most a million
    (about 11 days; more overflows the sockets' clocks): None, inf, nan and bools are refused."""

    def seconds(part: object, what: str) -> float:
        if part is None:
            raise InvalidArgumentError("every part of the timeout must be set: no waiting forever")
        if isinstance(part, bool) or not isinstance(part, int | float) or not 0 < part <= 1e6:
            raise InvalidArgumentError(  # `not 0 < nan` holds; an int of any size compares
                f"{what} must be a number of seconds above 0 and at most 1000000, not {part!r:.40}"
            )
        return float(part)

    if isinstance(value, httpx.Timeout):
        return httpx.Timeout(
            connect=seconds(value.connect, "timeout's connect part"),
            read=seconds(value.read, "timeout's read part"),
            write=seconds(value.write, "timeout's write part"),
            pool=seconds(value.pool, "timeout's pool part"),
        )
    read = seconds(value, "timeout")
    return httpx.Timeout(read, connect=min(DEFAULT_CONNECT_TIMEOUT, read))


def as_total_timeout(value: float | None) -> float | None:
    """Seconds one attempt may take from sending to the answer's last byte; None derives it.
    A finite number above 0 and at most a million; inf, nan and bools are refused."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1e6:
        raise InvalidArgumentError(
            "total_timeout must be a number of seconds above 0 and at most 1000000, "
            f"not {value!r:.40}"
        )
    return float(value)


def as_max_answer_size(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidArgumentError(f"max_answer_size must be a number of bytes ≥ 1, not {value!r}")
    return value


def as_strict(value: bool | None) -> bool:
    """`strict`, or `OFFCLOUD_STRICT` (1/true/yes/on or 0/false/no/off) when None."""
    if isinstance(value, bool):
        return value
    if value is not None:
        raise InvalidArgumentError(f"strict must be True or False, not {value!r}")
    setting = os.environ.get(STRICT_ENV, "").strip().lower()
    if setting in _YES or setting in _NO:
        return setting in _YES
    raise InvalidArgumentError(
        f"{STRICT_ENV} must be 1 or 0 (or true/false, yes/no, on/off), not {setting[:20]!r}"
    )


def as_max_retries(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidArgumentError(f"max_retries must be an int ≥ 0, not {value!r}")
    return value


def as_key_in(value: str) -> KeyIn:
    for choice in get_args(KeyIn):
        if value == choice:
            return choice  # type: ignore[no-any-return]
    raise InvalidArgumentError(f"key_in must be 'header', 'query' or 'both', not {value!r}")


def as_base_url(value: str) -> str:
    """The base URL without a trailing slash; plain http only to a loopback host."""
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, TypeError) as exc:
        raise InvalidArgumentError(f"base_url is not a URL: {exc}") from None
    if url.scheme == "http" and not is_loopback(url.host):
        raise InvalidArgumentError(
            f"base_url {value!r} is plain http: the API key would cross the network in clear "
            "text. Use https (plain http is allowed only for localhost)."
        )
    if url.scheme not in ("http", "https") or not url.host:
        raise InvalidArgumentError(f"base_url must be an https URL, not {value!r}")
    if url.query or url.fragment:
        raise InvalidArgumentError(f"base_url must not have a query or fragment: {value!r}")
    return str(url).rstrip("/")


def is_loopback(host: str) -> bool:
    """`localhost` or a loopback address; not `*.localhost`, which a resolver may send to DNS."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# A NamedTuple, not attrs: it is made at import, where an attrs class costs ~1 ms and attrs
# itself ~25 ms (it loads with the first model instead).
class Settings(NamedTuple):
    """A client's configuration. The key is kept out of the repr."""

    api_key: str | None
    base_url: str = DEFAULT_BASE_URL
    key_in: KeyIn = "header"
    timeout: httpx.Timeout = DEFAULT_TIMEOUT
    max_retries: int = DEFAULT_MAX_RETRIES
    max_answer_size: int = DEFAULT_MAX_ANSWER_SIZE
    total_timeout: float | None = None
    strict: bool = False
    """Raise `UnexpectedResponseError` for any answer that differs from the spec's types,
    instead of reading it leniently (`drift`)."""
    keep_drift: bool = True
    """When lenient, keep a value that cannot be converted to its declared type. The SDK's
    own helpers rely on the types, so they turn this off and raise for such a value."""

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{k}={v!r}" for k, v in zip(self._fields, self, strict=True) if k != "api_key"
        )
        return f"Settings({shown})"

    def replace(self, **changes: Any) -> Settings:
        """A copy with `changes` (unchecked: check them with the `as_*` functions first)."""
        return self._replace(**changes)

    @property
    def deadline(self) -> float:
        """Seconds one attempt of an API call may take in all: `total_timeout`, or
        `TOTAL_TIMEOUT_FACTOR` read timeouts; a trickling answer cannot last longer."""
        if self.total_timeout is not None:
            return self.total_timeout
        return TOTAL_TIMEOUT_FACTOR * float(self.timeout.read or DEFAULT_READ_TIMEOUT)

    @classmethod
    def build(
        cls,
        api_key: str | None,
        base_url: str | None,
        key_in: str,
        timeout: TimeoutArg,
        max_retries: int,
        max_answer_size: int = DEFAULT_MAX_ANSWER_SIZE,
        total_timeout: float | None = None,
        strict: bool | None = None,
    ) -> Settings:
        """Checked settings; `api_key` and `base_url` fall back to the environment."""
        if api_key is None:
            api_key = os.environ.get(API_KEY_ENV) or None
        if base_url is None:
            base_url = os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
        return cls(
            api_key=as_api_key(api_key),
            base_url=as_base_url(base_url),
            key_in=as_key_in(key_in),
            timeout=as_timeout(timeout),
            max_retries=as_max_retries(max_retries),
            max_answer_size=as_max_answer_size(max_answer_size),
            total_timeout=as_total_timeout(total_timeout),
            strict=as_strict(strict),
        )


def as_api_key(value: str | None) -> str | None:
    """The key stripped of blanks; None when there is none. Anything but printable ASCII
    without spaces is refused (it could not go in a header), without echoing the key."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidArgumentError(f"api_key must be a str, not {type(value).__name__}")
    key = value.strip()
    if key and not _KEY.fullmatch(key):
        raise InvalidArgumentError(
            "api_key holds a character an API key cannot have (a space, a line break, a "
            "non-ASCII or invisible character): copy it again from your account page"
        )
    return key or None
