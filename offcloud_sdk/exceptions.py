"""Every failure a public call can raise, as one tree under `OffcloudError`.

    OffcloudError
    ├── HTTPError                  Offcloud answered, and the answer is a failure
    │   ├── AuthError              401/403, NOAUTH, bad credentials, retired login, no key
    │   ├── NotFoundError          404 or "Page not found." (unknown id, retired endpoint)
    │   ├── RateLimitError         429; `retry_after` in seconds when Offcloud said
    │   ├── ServerError            5xx, including Cloudflare's 520-527
    │   └── NotAvailableError      {"not_available": reason}: the account lacks that feature
    ├── APIConnectionError         no answer: refused, reset, DNS, TLS
    │   └── APITimeoutError        no answer in time
    │       └── WaitTimeoutError   `cloud.wait` / `wait_all` ran out of time (not the network)
    ├── UnexpectedResponseError    an answer that is not what the spec promises
    ├── DownloadFailedError        a request ended `error` or `canceled`
    ├── LocalFileError             a download could not be written to disk (also an OSError)
    │   └── DownloadInProgressError  another download is writing the same file right now
    ├── ClientClosedError          a call on a client after `close()` or its `with` block
    ├── InvalidArgumentError       the SDK was given something it cannot use (also a ValueError)
    └── MissingDependencyError     an optional extra is not installed (also an ImportError)

Each carries `message`, `status_code` (None when there was no answer) and the raw `response`
(an `httpx.Response` whose request has the API key masked) where there was one. No message,
repr or stored URL holds the API key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from ._text import INVISIBLE_RANGES

if TYPE_CHECKING:
    from offcloud_api_client.models.request_status import RequestStatus

__all__ = [
    "APIConnectionError",
    "APITimeoutError",
    "AuthError",
    "ClientClosedError",
    "DownloadFailedError",
    "DownloadInProgressError",
    "HTTPError",
    "InvalidArgumentError",
    "LocalFileError",
    "MissingDependencyError",
    "NotAvailableError",
    "NotFoundError",
    "OffcloudError",
    "RateLimitError",
    "ServerError",
    "UnexpectedResponseError",
    "WaitTimeoutError",
]


_UNSHOWN = (
    *range(0x20),
    *range(0x7F, 0xA0),
    *(code for first, last in INVISIBLE_RANGES for code in range(first, last + 1)),
)
_INERT = {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in _UNSHOWN}
"""Control characters and invisible ones, written as escapes by `str(error)`: a message often
quotes the server's words, and must not move a terminal's cursor or reorder what it shows."""


class OffcloudError(Exception):
    """The base of every error the SDK raises."""

    message: str
    """What went wrong, in words; Offcloud's own text where it sent one, exact (`str(error)`
    writes its control characters as escapes)."""
    status_code: int | None
    """The HTTP status of the answer, or None when there was no answer."""
    response: httpx.Response | None
    """The raw answer, when there was one."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.response = response

    def __str__(self) -> str:
        """The message with control characters and bidi overrides written as escapes, so
        printing an error (or its traceback) cannot drive a terminal; `message` is exact."""
        return self.message.translate(_INERT)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status_code={self.status_code!r})"


class HTTPError(OffcloudError):
    """Offcloud answered with a failure: a non-2xx status or an error body."""

    code: str | None
    """Offcloud's `error` word when the body had one (e.g. `NOAUTH`, `authorization_pending`)."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        response: httpx.Response | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, response=response)
        self.code = code


class AuthError(HTTPError):
    """The key, token or credentials were refused, missing, or the login method is retired."""


class NotFoundError(HTTPError):
    """No such request id, or an endpoint Offcloud no longer serves."""


class RateLimitError(HTTPError):
    """Too many requests (429)."""

    retry_after: float | None
    """Seconds Offcloud asked to wait (from Retry-After), or None when it did not say."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        response: httpx.Response | None = None,
        code: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, response=response, code=code)
        self.retry_after = retry_after


class ServerError(HTTPError):
    """Offcloud (or the proxy in front of it) failed: any 5xx status."""


class NotAvailableError(HTTPError):
    """Offcloud answered `{"not_available": reason}`: the account cannot use that feature."""

    reason: str
    """Offcloud's word: premium, links, proxy, video, cloud, torrent, usenet…"""

    def __init__(
        self,
        message: str,
        *,
        reason: str,
        status_code: int | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, response=response, code=reason)
        self.reason = reason


class APIConnectionError(OffcloudError):
    """No answer from Offcloud: connection refused or reset, DNS or TLS failure."""


class APITimeoutError(APIConnectionError):
    """No answer in time, or a wait helper ran out of time."""


class WaitTimeoutError(APITimeoutError):
    """`cloud.wait` or `cloud.wait_all` ran out of time while the downloads were still going.

    Offcloud answered every poll: it is not a network failure. The downloads go on at Offcloud;
    wait again to pick them up. An `APITimeoutError`, so code that catches that still does.
    """

    statuses: dict[str, RequestStatus]
    """The last status of each request by id, finished ones included, so what was done before
    the time ran out is not lost."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.statuses = {}


class UnexpectedResponseError(OffcloudError):
    """Offcloud answered, but not with what the spec describes (HTML page, bad JSON, bad field)."""


class DownloadFailedError(OffcloudError):
    """A cloud request ended as `error` or `canceled`."""

    request_id: str
    status: RequestStatus | None
    """The last status Offcloud reported for the request."""

    def __init__(
        self, message: str, *, request_id: str, status: RequestStatus | None = None
    ) -> None:
        super().__init__(message)
        self.request_id = request_id
        self.status = status


class InvalidArgumentError(OffcloudError, ValueError):
    """An argument the SDK cannot use (plain-http base URL, unknown `key_in`, not a hash…)."""


class LocalFileError(OffcloudError, OSError):
    """A download could not be written: disk full, no permission, a path that is a folder."""


class DownloadInProgressError(LocalFileError):
    """Another download (a thread, a task or another process) is writing the same file now;
    nothing was written. Wait for it to end, or download to another destination."""


class ClientClosedError(OffcloudError):
    """A call on a client whose connection pool is closed (after `close()`, `aclose()` or its
    `with` block): a mistake in the calling code, not the network. Make calls inside the
    block, or make a new client."""


class MissingDependencyError(OffcloudError, ImportError):
    """A feature needs a package that is not installed; the message names the extra that
    brings it (`offcloud doctor`: `pip install "offcloud-sdk[cli]"`; `DefaultAioHttpClient`:
    `pip install "offcloud-sdk[aiohttp]"`).

    An `OffcloudError` like every failure of the SDK, and an `ImportError`, so the usual way of
    testing for an optional feature (`except ImportError`) works too.
    """
