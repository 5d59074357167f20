"""The `auth` resource: one typed method per operation, sync and async."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ... import errors
from ...models.api_key_response import ApiKeyResponse
from ...models.check_response import CheckResponse
from ...models.device_code_response import DeviceCodeResponse
from ...models.device_token_request import DeviceTokenRequest
from ...models.device_token_response import DeviceTokenResponse
from ...models.error_body import ErrorBody
from ...models.login_request import LoginRequest
from ...models.login_response import LoginResponse
from ...types import UNSET, File, Unset
from .. import AsyncRunner, Operation, RawResponse, Runner, call_options
from . import auth_api_key, auth_check, auth_device_code, auth_device_token, auth_login


def _parse_auth_api_key(response: httpx.Response) -> ApiKeyResponse:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected ApiKeyResponse, got {type(data).__name__}")
        response_200_type_1 = ApiKeyResponse.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


AUTH_API_KEY: Operation[ApiKeyResponse] = Operation(
    id="auth_api_key",
    tag="auth",
    method="POST",
    path="/api/key",
    parse=_parse_auth_api_key,
)


def _parse_auth_check(response: httpx.Response) -> CheckResponse:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected CheckResponse, got {type(data).__name__}")
        response_200_type_1 = CheckResponse.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


AUTH_CHECK: Operation[CheckResponse] = Operation(
    id="auth_check",
    tag="auth",
    method="GET",
    path="/api/check",
    parse=_parse_auth_check,
)


def _parse_auth_device_code(response: httpx.Response) -> DeviceCodeResponse:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected DeviceCodeResponse, got {type(data).__name__}")
        response_200_type_1 = DeviceCodeResponse.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


AUTH_DEVICE_CODE: Operation[DeviceCodeResponse] = Operation(
    id="auth_device_code",
    tag="auth",
    method="POST",
    path="/oauth/device/code",
    parse=_parse_auth_device_code,
)


def _parse_auth_device_token(response: httpx.Response) -> DeviceTokenResponse:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected DeviceTokenResponse, got {type(data).__name__}")
        response_200_type_1 = DeviceTokenResponse.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


AUTH_DEVICE_TOKEN: Operation[DeviceTokenResponse] = Operation(
    id="auth_device_token",
    tag="auth",
    method="POST",
    path="/oauth/token",
    parse=_parse_auth_device_token,
)


def _parse_auth_login(response: httpx.Response) -> LoginResponse:
    if response.status_code == 200:
        data = response.json()
        if not isinstance(data, dict):
            raise TypeError(f"expected LoginResponse, got {type(data).__name__}")
        response_200_type_1 = LoginResponse.from_dict({**data})

        return response_200_type_1

    raise errors.UnexpectedStatus(response.status_code, response.content)


AUTH_LOGIN: Operation[LoginResponse] = Operation(
    id="auth_login",
    tag="auth",
    method="POST",
    path="/api/login",
    parse=_parse_auth_login,
)

OPERATIONS: dict[str, Operation[Any]] = {
    AUTH_API_KEY.id: AUTH_API_KEY,
    AUTH_CHECK.id: AUTH_CHECK,
    AUTH_DEVICE_CODE.id: AUTH_DEVICE_CODE,
    AUTH_DEVICE_TOKEN.id: AUTH_DEVICE_TOKEN,
    AUTH_LOGIN.id: AUTH_LOGIN,
}


class AuthResource:
    """The `auth` operations."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def api_key(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ApiKeyResponse:
        """Fetch the account's API key with a login session (retired in 2026).

        Needs the `connect.sid` cookie from `auth_login`. Documented by Offcloud (classic API;
        the older path was `/api/account/get`) and used by four public clients. Retired in 2026:
        Offcloud now answers 404 (Comet PR #590).

        `POST /api/key` (operationId `auth_api_key`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = auth_api_key._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(AUTH_API_KEY, request, options)

    def check(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CheckResponse:
        """Tell whether the session or key is logged in.

        Documented by Offcloud (classic API; older path `/api/login/check`, which clients also
        POST to). `loggedIn` is `1` or `0`; booleans are accepted too. Offcloud staff also point
        users here to register the IP address downloads come from.

        `GET /api/check` (operationId `auth_check`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = auth_check._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(AUTH_CHECK, request, options)

    def device_code(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DeviceCodeResponse:
        """Start a device login and get the code the user confirms.

        The OAuth 2.0 device authorization grant (RFC 8628) of the 2026 API. Seen in one public
        client only (ResolveURL, 2026-06), which sends no `client_id`; the fields follow the
        RFC. Show `user_code` and `verification_uri` to the user, then poll `auth_device_token`
        every `interval` seconds (5 when absent) until it gives an access token, which is used
        as the Bearer API key.

        `POST /oauth/device/code` (operationId `auth_device_code`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = auth_device_code._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(AUTH_DEVICE_CODE, request, options)

    def device_token(
        self,
        *,
        grant_type: str,
        device_code: str,
        client_id: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DeviceTokenResponse:
        """Poll for the access token of a device login.

        Form-encoded, as RFC 8628 prescribes. Seen in one public client only (ResolveURL). Until
        the user confirms, the answer is an OAuth error: `authorization_pending` (poll again),
        `slow_down` (add 5 s to the interval), `access_denied` or `expired_token` (stop).
        Offcloud may send these with HTTP 400 (as the RFC says) or 200, so both are described.

        `POST /oauth/token` (operationId `auth_device_token`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = auth_device_token._get_kwargs(
            body=DeviceTokenRequest(
                grant_type=grant_type,
                device_code=device_code,
                client_id=client_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(AUTH_DEVICE_TOKEN, request, options)

    def login(
        self,
        *,
        username: str,
        password: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> LoginResponse:
        """Log in with username and password (retired in 2026).

        Starts a session: the answer sets the `connect.sid` cookie that `auth_api_key` needs.
        Documented by Offcloud (classic API) and used by five public clients. Retired in 2026:
        Offcloud now answers 404 (Comet PR #590). Use an API key from the account page, or the
        device login (`auth_device_code`, `auth_device_token`), instead.

        `POST /api/login` (operationId `auth_login`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = auth_login._get_kwargs(
            body=LoginRequest(
                username=username,
                password=password,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call(AUTH_LOGIN, request, options)


class AsyncAuthResource:
    """The `auth` operations, async."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def api_key(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> ApiKeyResponse:
        """Fetch the account's API key with a login session (retired in 2026).

        Needs the `connect.sid` cookie from `auth_login`. Documented by Offcloud (classic API;
        the older path was `/api/account/get`) and used by four public clients. Retired in 2026:
        Offcloud now answers 404 (Comet PR #590).

        `POST /api/key` (operationId `auth_api_key`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = auth_api_key._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(AUTH_API_KEY, request, options)

    async def check(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> CheckResponse:
        """Tell whether the session or key is logged in.

        Documented by Offcloud (classic API; older path `/api/login/check`, which clients also
        POST to). `loggedIn` is `1` or `0`; booleans are accepted too. Offcloud staff also point
        users here to register the IP address downloads come from.

        `GET /api/check` (operationId `auth_check`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = auth_check._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(AUTH_CHECK, request, options)

    async def device_code(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DeviceCodeResponse:
        """Start a device login and get the code the user confirms.

        The OAuth 2.0 device authorization grant (RFC 8628) of the 2026 API. Seen in one public
        client only (ResolveURL, 2026-06), which sends no `client_id`; the fields follow the
        RFC. Show `user_code` and `verification_uri` to the user, then poll `auth_device_token`
        every `interval` seconds (5 when absent) until it gives an access token, which is used
        as the Bearer API key.

        `POST /oauth/device/code` (operationId `auth_device_code`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = auth_device_code._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(AUTH_DEVICE_CODE, request, options)

    async def device_token(
        self,
        *,
        grant_type: str,
        device_code: str,
        client_id: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> DeviceTokenResponse:
        """Poll for the access token of a device login.

        Form-encoded, as RFC 8628 prescribes. Seen in one public client only (ResolveURL). Until
        the user confirms, the answer is an OAuth error: `authorization_pending` (poll again),
        `slow_down` (add 5 s to the interval), `access_denied` or `expired_token` (stop).
        Offcloud may send these with HTTP 400 (as the RFC says) or 200, so both are described.

        `POST /oauth/token` (operationId `auth_device_token`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = auth_device_token._get_kwargs(
            body=DeviceTokenRequest(
                grant_type=grant_type,
                device_code=device_code,
                client_id=client_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(AUTH_DEVICE_TOKEN, request, options)

    async def login(
        self,
        *,
        username: str,
        password: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> LoginResponse:
        """Log in with username and password (retired in 2026).

        Starts a session: the answer sets the `connect.sid` cookie that `auth_api_key` needs.
        Documented by Offcloud (classic API) and used by five public clients. Retired in 2026:
        Offcloud now answers 404 (Comet PR #590). Use an API key from the account page, or the
        device login (`auth_device_code`, `auth_device_token`), instead.

        `POST /api/login` (operationId `auth_login`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.
        """

        request = auth_login._get_kwargs(
            body=LoginRequest(
                username=username,
                password=password,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call(AUTH_LOGIN, request, options)


class AuthResourceWithRawResponse:
    """The `auth` operations, each answering a `RawResponse` (status, headers, `parse()`)."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def api_key(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[ApiKeyResponse]:
        """Fetch the account's API key with a login session (retired in 2026).

        Needs the `connect.sid` cookie from `auth_login`. Documented by Offcloud (classic API;
        the older path was `/api/account/get`) and used by four public clients. Retired in 2026:
        Offcloud now answers 404 (Comet PR #590).

        `POST /api/key` (operationId `auth_api_key`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = auth_api_key._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(AUTH_API_KEY, request, options)

    def check(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[CheckResponse]:
        """Tell whether the session or key is logged in.

        Documented by Offcloud (classic API; older path `/api/login/check`, which clients also
        POST to). `loggedIn` is `1` or `0`; booleans are accepted too. Offcloud staff also point
        users here to register the IP address downloads come from.

        `GET /api/check` (operationId `auth_check`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = auth_check._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(AUTH_CHECK, request, options)

    def device_code(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[DeviceCodeResponse]:
        """Start a device login and get the code the user confirms.

        The OAuth 2.0 device authorization grant (RFC 8628) of the 2026 API. Seen in one public
        client only (ResolveURL, 2026-06), which sends no `client_id`; the fields follow the
        RFC. Show `user_code` and `verification_uri` to the user, then poll `auth_device_token`
        every `interval` seconds (5 when absent) until it gives an access token, which is used
        as the Bearer API key.

        `POST /oauth/device/code` (operationId `auth_device_code`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = auth_device_code._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(AUTH_DEVICE_CODE, request, options)

    def device_token(
        self,
        *,
        grant_type: str,
        device_code: str,
        client_id: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[DeviceTokenResponse]:
        """Poll for the access token of a device login.

        Form-encoded, as RFC 8628 prescribes. Seen in one public client only (ResolveURL). Until
        the user confirms, the answer is an OAuth error: `authorization_pending` (poll again),
        `slow_down` (add 5 s to the interval), `access_denied` or `expired_token` (stop).
        Offcloud may send these with HTTP 400 (as the RFC says) or 200, so both are described.

        `POST /oauth/token` (operationId `auth_device_token`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = auth_device_token._get_kwargs(
            body=DeviceTokenRequest(
                grant_type=grant_type,
                device_code=device_code,
                client_id=client_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(AUTH_DEVICE_TOKEN, request, options)

    def login(
        self,
        *,
        username: str,
        password: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[LoginResponse]:
        """Log in with username and password (retired in 2026).

        Starts a session: the answer sets the `connect.sid` cookie that `auth_api_key` needs.
        Documented by Offcloud (classic API) and used by five public clients. Retired in 2026:
        Offcloud now answers 404 (Comet PR #590). Use an API key from the account page, or the
        device login (`auth_device_code`, `auth_device_token`), instead.

        `POST /api/login` (operationId `auth_login`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = auth_login._get_kwargs(
            body=LoginRequest(
                username=username,
                password=password,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return self._runner.call_raw(AUTH_LOGIN, request, options)


class AsyncAuthResourceWithRawResponse:
    """The async twin of `AuthResourceWithRawResponse`."""

    def __init__(self, runner: AsyncRunner) -> None:
        self._runner = runner

    async def api_key(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[ApiKeyResponse]:
        """Fetch the account's API key with a login session (retired in 2026).

        Needs the `connect.sid` cookie from `auth_login`. Documented by Offcloud (classic API;
        the older path was `/api/account/get`) and used by four public clients. Retired in 2026:
        Offcloud now answers 404 (Comet PR #590).

        `POST /api/key` (operationId `auth_api_key`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = auth_api_key._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(AUTH_API_KEY, request, options)

    async def check(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[CheckResponse]:
        """Tell whether the session or key is logged in.

        Documented by Offcloud (classic API; older path `/api/login/check`, which clients also
        POST to). `loggedIn` is `1` or `0`; booleans are accepted too. Offcloud staff also point
        users here to register the IP address downloads come from.

        `GET /api/check` (operationId `auth_check`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = auth_check._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(AUTH_CHECK, request, options)

    async def device_code(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[DeviceCodeResponse]:
        """Start a device login and get the code the user confirms.

        The OAuth 2.0 device authorization grant (RFC 8628) of the 2026 API. Seen in one public
        client only (ResolveURL, 2026-06), which sends no `client_id`; the fields follow the
        RFC. Show `user_code` and `verification_uri` to the user, then poll `auth_device_token`
        every `interval` seconds (5 when absent) until it gives an access token, which is used
        as the Bearer API key.

        `POST /oauth/device/code` (operationId `auth_device_code`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = auth_device_code._get_kwargs()

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(AUTH_DEVICE_CODE, request, options)

    async def device_token(
        self,
        *,
        grant_type: str,
        device_code: str,
        client_id: str | Unset = UNSET,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[DeviceTokenResponse]:
        """Poll for the access token of a device login.

        Form-encoded, as RFC 8628 prescribes. Seen in one public client only (ResolveURL). Until
        the user confirms, the answer is an OAuth error: `authorization_pending` (poll again),
        `slow_down` (add 5 s to the interval), `access_denied` or `expired_token` (stop).
        Offcloud may send these with HTTP 400 (as the RFC says) or 200, so both are described.

        `POST /oauth/token` (operationId `auth_device_token`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = auth_device_token._get_kwargs(
            body=DeviceTokenRequest(
                grant_type=grant_type,
                device_code=device_code,
                client_id=client_id,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(AUTH_DEVICE_TOKEN, request, options)

    async def login(
        self,
        *,
        username: str,
        password: str,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> RawResponse[LoginResponse]:
        """Log in with username and password (retired in 2026).

        Starts a session: the answer sets the `connect.sid` cookie that `auth_api_key` needs.
        Documented by Offcloud (classic API) and used by five public clients. Retired in 2026:
        Offcloud now answers 404 (Comet PR #590). Use an API key from the account page, or the
        device login (`auth_device_code`, `auth_device_token`), instead.

        `POST /api/login` (operationId `auth_login`).

        For this call only: `extra_headers` and `extra_query` are added to the request, `extra_body`
        is merged into its body, and `timeout` (seconds or an `httpx.Timeout`) replaces the client's.

        Answers the `RawResponse` as it came: status, headers, and the typed result one `parse()`
        away.
        """

        request = auth_login._get_kwargs(
            body=LoginRequest(
                username=username,
                password=password,
            ),
        )

        options = call_options(extra_headers, extra_query, extra_body, timeout)
        return await self._runner.call_raw(AUTH_LOGIN, request, options)
