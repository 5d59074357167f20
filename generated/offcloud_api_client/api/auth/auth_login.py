from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.login_request import LoginRequest
from ...models.login_response import LoginResponse
from ...types import Response


def _get_kwargs(
    *,
    body: LoginRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/login",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | LoginResponse | str | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorBody | LoginResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ErrorBody.from_dict({**data})

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = LoginResponse.from_dict({**data})

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = response.text
        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | LoginResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> Response[ErrorBody | LoginResponse | str]:
    """Log in with username and password (retired in 2026).

     Starts a session: the answer sets the `connect.sid` cookie that `auth_api_key` needs.
    Documented by Offcloud (classic API) and used by five public clients. Retired in 2026:
    Offcloud now answers 404 (Comet PR #590). Use an API key from the account page, or the
    device login (`auth_device_code`, `auth_device_token`), instead.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | LoginResponse | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> ErrorBody | LoginResponse | str | None:
    """Log in with username and password (retired in 2026).

     Starts a session: the answer sets the `connect.sid` cookie that `auth_api_key` needs.
    Documented by Offcloud (classic API) and used by five public clients. Retired in 2026:
    Offcloud now answers 404 (Comet PR #590). Use an API key from the account page, or the
    device login (`auth_device_code`, `auth_device_token`), instead.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | LoginResponse | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> Response[ErrorBody | LoginResponse | str]:
    """Log in with username and password (retired in 2026).

     Starts a session: the answer sets the `connect.sid` cookie that `auth_api_key` needs.
    Documented by Offcloud (classic API) and used by five public clients. Retired in 2026:
    Offcloud now answers 404 (Comet PR #590). Use an API key from the account page, or the
    device login (`auth_device_code`, `auth_device_token`), instead.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | LoginResponse | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> ErrorBody | LoginResponse | str | None:
    """Log in with username and password (retired in 2026).

     Starts a session: the answer sets the `connect.sid` cookie that `auth_api_key` needs.
    Documented by Offcloud (classic API) and used by five public clients. Retired in 2026:
    Offcloud now answers 404 (Comet PR #590). Use an API key from the account page, or the
    device login (`auth_device_code`, `auth_device_token`), instead.

    Args:
        body (LoginRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | LoginResponse | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
