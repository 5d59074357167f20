"""`OffcloudAPI`: the interface of the `offcloud_api` client this SDK grew out of.

Same method names and arguments, plain dicts and lists as Offcloud sends them, the key sent the
classic way (`?key=`). Underneath it is an `Offcloud` client, so answers are checked and every
failure is one of `offcloud_sdk.exceptions`. New code should use `Offcloud` directly.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, Self, TypeVar

from offcloud_api_client.api import CallOptions, Operation, RawResponse, Resources
from offcloud_api_client.types import UNSET

from ._calls.runners import SyncRunner
from ._client import Offcloud
from ._flows.auth_flows import retired_login
from .exceptions import InvalidArgumentError, UnexpectedResponseError

T = TypeVar("T")

Json = Any


class OffcloudAPI:
    """The seed client's interface over `Offcloud(key_in="query")`."""

    def __init__(self, api_key: str | None = None, **options: Any) -> None:
        """`options` are passed to `Offcloud` (base_url, timeout, max_retries, http_client…)."""
        options.setdefault("key_in", "query")
        self.client: Offcloud = Offcloud(api_key, **options)
        """The `Offcloud` client underneath, for everything the seed's interface lacks."""
        # The generated resources, answering the JSON itself (so not typed as their models).
        self._api: Any = Resources(_PlainRunner(self.client._runner))

    @property
    def api_key(self) -> str | None:
        """The key sent as `?key=`; settable, as in the seed."""
        return self.client.api_key

    @api_key.setter
    def api_key(self, value: str | None) -> None:
        self.client.api_key = value

    @property
    def base_url(self) -> str:
        """The classic API's root (`…/api`), as the seed showed it."""
        return self.client.base_url + "/api"

    def login(self, username: str, password: str) -> dict[str, Json]:
        """Start a session with a password (retired in 2026: raises `AuthError` then)."""
        with retired_login():
            return _object(self._api.auth.login(username=username, password=password))

    def get_api_key(self) -> dict[str, Json]:
        """The account's key as `{"apiKey": …, "email": …}`, with the seed's `"key"` alias."""
        with retired_login():
            answer = _object(self._api.auth.api_key())
        answer.setdefault("key", answer.get("apiKey"))
        return answer

    def check_login(self) -> dict[str, Json]:
        """Whether the key or session is valid: `{"loggedIn": 1}` or `{"loggedIn": 0}`."""
        return _object(self._api.auth.check())

    def instant(self, url: str, proxy_id: str | None = None) -> dict[str, Json]:
        """An instant download of `url` through a proxy (`proxy_id` from `get_proxies`)."""
        return _object(
            self._api.instant.add(url=url, proxy_id=UNSET if proxy_id is None else proxy_id)
        )

    def cloud(self, url: str) -> dict[str, Json]:
        """A cloud download of `url` (a link or a magnet): the new request."""
        return _object(self._api.cloud.add(url=url))

    def remote(
        self, url: str, remote_option_id: str | None = None, folder_id: str | None = None
    ) -> dict[str, Json]:
        """A download of `url` to the user's own storage (`remote_option_id`: a remote account)."""
        if remote_option_id is None:
            raise InvalidArgumentError(
                "remote downloads need remote_option_id (an account id from remote accounts)"
            )
        return _object(
            self._api.remote.add(
                url=url,
                remote_option_id=remote_option_id,
                folder_id=UNSET if folder_id is None else folder_id,
            )
        )

    def get_proxies(self) -> Json:
        """The proxies instant downloads can go through, as Offcloud sends them."""
        return self._api.proxies.list()

    def cloud_status(self, request_id: str) -> dict[str, Json]:
        """The status of one cloud request."""
        return _object(self._api.cloud.status(request_id=request_id))

    def remote_status(self, request_id: str) -> dict[str, Json]:
        """The status of one remote request."""
        return _object(self._api.remote.status(request_id=request_id))

    def cache_info(self, hashes: list[str]) -> dict[str, Json]:
        """The classic `POST /api/cache`: `{"cachedItems": [hash…]}`."""
        return _object(self._api.cache.check(hashes=list(hashes)))

    def explore_cloud(self, request_id: str) -> Json:
        """The links of a finished request (a list), as `GET /api/cloud/explore` sends them."""
        return self._api.cloud.explore(request_id)

    def list_cloud(self, request_id: str) -> list[str]:
        """The links of a finished request, one per line of Offcloud's text answer."""
        text = self._api.cloud.list(request_id)
        return [line.strip() for line in text.splitlines() if line.strip()]

    def retry_cloud(self, request_id: str) -> dict[str, Json]:
        """Start a failed cloud request again."""
        return _object(self._api.cloud.retry(request_id))

    def retry_remote(self, request_id: str) -> dict[str, Json]:
        """Start a failed remote request again."""
        return _object(self._api.remote.retry(request_id))

    def close(self) -> None:
        """Close the connections (also done by leaving a `with` block)."""
        self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"OffcloudAPI(api_key={'None' if self.api_key is None else repr('***')})"


class _PlainRunner:
    """Runs operations like the typed client (checked, same errors), but returns the JSON
    Offcloud sent, in its order, or the text for a text answer: what the seed returned."""

    def __init__(self, runner: SyncRunner) -> None:
        self._runner = runner

    def call(
        self, operation: Operation[Any], request: dict[str, Any], options: CallOptions | None = None
    ) -> Any:
        answer = self.call_raw(operation, request, options)
        answer.parse()
        response = answer.http_response
        try:
            return response.json()
        except ValueError:
            return response.text

    def call_raw(
        self, operation: Operation[T], request: dict[str, Any], options: CallOptions | None = None
    ) -> RawResponse[T]:
        return self._runner.call_raw(operation, request, options)


def _object(answer: Any) -> dict[str, Json]:
    if not isinstance(answer, dict):
        raise UnexpectedResponseError(f"expected a JSON object, got {type(answer).__name__}")
    return answer
