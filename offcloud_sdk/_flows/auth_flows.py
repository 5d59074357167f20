"""Getting an API key: password login (classic, retired in 2026) and the OAuth device flow.

Both are flows (see `flows`) run on the client, so the sync and async clients share them and
the login's session cookie stays in the client's one cookie jar between the two calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from offcloud_api_client.models.api_key_response import ApiKeyResponse
from offcloud_api_client.models.device_code_response import DeviceCodeResponse
from offcloud_api_client.models.device_token_response import DeviceTokenResponse
from offcloud_api_client.types import Unset

from ..exceptions import AuthError, HTTPError, NotFoundError
from .flows import Flow

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
DEFAULT_INTERVAL = 5.0
MAX_SECONDS = 86_400
SLOW_DOWN_STEP = 5.0
RETIRED_LOGIN = (
    "password login is retired: Offcloud answers 404 to /api/login and /api/key since 2026. "
    "Get a key instead: copy it from your account page (https://offcloud.com/#/account) and "
    "pass api_key= or set OFFCLOUD_API_KEY, or sign in with device_login()"
)

DEVICE_LOGIN_ENDED = {
    "access_denied": "device login was denied by the user",
    "expired_token": "device login code expired before it was confirmed; call device_login() again",
}
"""OAuth errors that end a device login, with what to tell the user."""

OnCode = Callable[[str, str], object]
"""Called with the user code and the URL where the user enters it."""


def login_flow(username: str, password: str) -> Flow[str]:
    """Log in with the password, then fetch the account's API key on the same session."""
    with retired_login():
        yield 0.0, lambda client: client.auth.login(username=username, password=password)
        answer: ApiKeyResponse = yield 0.0, lambda client: client.auth.api_key()
    return answer.api_key


@contextmanager
def retired_login() -> Iterator[None]:
    """Turn the 404 of a retired login endpoint into an `AuthError` that says what to do."""
    try:
        yield
    except NotFoundError as exc:
        raise AuthError(
            RETIRED_LOGIN, status_code=exc.status_code, response=exc.response, code=exc.code
        ) from None


def device_login_flow(on_code: OnCode, *, timeout: float, now: Callable[[], float]) -> Flow[str]:
    """RFC 8628: show the code, poll the token endpoint until the user confirms."""
    code: DeviceCodeResponse = yield 0.0, lambda client: client.auth.device_code()
    on_code(code.user_code, code.verification_uri)
    interval = _positive(code.interval) or DEFAULT_INTERVAL
    expires_in = _positive(code.expires_in)
    deadline = now() + (timeout if expires_in is None else min(timeout, expires_in))
    while True:
        if now() + interval > deadline:
            raise AuthError(
                f"device login not confirmed in time: the code {code.user_code} has expired; "
                "call device_login() again"
            )
        try:
            token: DeviceTokenResponse = yield (
                interval,
                lambda client: client.auth.device_token(
                    grant_type=DEVICE_GRANT, device_code=code.device_code
                ),
            )
        except HTTPError as exc:
            if exc.code == "authorization_pending":
                continue
            if exc.code == "slow_down":
                interval += SLOW_DOWN_STEP
                continue
            if exc.code in DEVICE_LOGIN_ENDED:
                raise AuthError(
                    DEVICE_LOGIN_ENDED[exc.code],
                    status_code=exc.status_code,
                    response=exc.response,
                    code=exc.code,
                ) from None
            raise
        return token.access_token


def _positive(value: int | Unset) -> float | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return float(min(value, MAX_SECONDS))  # Offcloud's number: no float overflow
    return None
