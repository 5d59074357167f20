from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_key_response import ApiKeyResponse
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/key",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiKeyResponse | ErrorBody | str | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ApiKeyResponse | ErrorBody:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ErrorBody.from_dict({**data})

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = ApiKeyResponse.from_dict({**data})

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
) -> Response[ApiKeyResponse | ErrorBody | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ApiKeyResponse | ErrorBody | str]:
    """Fetch the account's API key with a login session (retired in 2026).

     Needs the `connect.sid` cookie from `auth_login`. Documented by Offcloud (classic API;
    the older path was `/api/account/get`) and used by four public clients. Retired in 2026:
    Offcloud now answers 404 (Comet PR #590).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyResponse | ErrorBody | str]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ApiKeyResponse | ErrorBody | str | None:
    """Fetch the account's API key with a login session (retired in 2026).

     Needs the `connect.sid` cookie from `auth_login`. Documented by Offcloud (classic API;
    the older path was `/api/account/get`) and used by four public clients. Retired in 2026:
    Offcloud now answers 404 (Comet PR #590).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyResponse | ErrorBody | str
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ApiKeyResponse | ErrorBody | str]:
    """Fetch the account's API key with a login session (retired in 2026).

     Needs the `connect.sid` cookie from `auth_login`. Documented by Offcloud (classic API;
    the older path was `/api/account/get`) and used by four public clients. Retired in 2026:
    Offcloud now answers 404 (Comet PR #590).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyResponse | ErrorBody | str]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ApiKeyResponse | ErrorBody | str | None:
    """Fetch the account's API key with a login session (retired in 2026).

     Needs the `connect.sid` cookie from `auth_login`. Documented by Offcloud (classic API;
    the older path was `/api/account/get`) and used by four public clients. Retired in 2026:
    Offcloud now answers 404 (Comet PR #590).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyResponse | ErrorBody | str
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
