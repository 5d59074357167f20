from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.device_token_request import DeviceTokenRequest
from ...models.device_token_response import DeviceTokenResponse
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: DeviceTokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeviceTokenResponse | ErrorBody | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> DeviceTokenResponse | ErrorBody:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ErrorBody.from_dict({**data})

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = DeviceTokenResponse.from_dict({**data})

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict({**response.json()})

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DeviceTokenResponse | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceTokenRequest,
) -> Response[DeviceTokenResponse | ErrorBody]:
    """Poll for the access token of a device login.

     Form-encoded, as RFC 8628 prescribes. Seen in one public client only (ResolveURL). Until
    the user confirms, the answer is an OAuth error: `authorization_pending` (poll again),
    `slow_down` (add 5 s to the interval), `access_denied` or `expired_token` (stop).
    Offcloud may send these with HTTP 400 (as the RFC says) or 200, so both are described.

    Args:
        body (DeviceTokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceTokenResponse | ErrorBody | ErrorBody]
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
    body: DeviceTokenRequest,
) -> DeviceTokenResponse | ErrorBody | None:
    """Poll for the access token of a device login.

     Form-encoded, as RFC 8628 prescribes. Seen in one public client only (ResolveURL). Until
    the user confirms, the answer is an OAuth error: `authorization_pending` (poll again),
    `slow_down` (add 5 s to the interval), `access_denied` or `expired_token` (stop).
    Offcloud may send these with HTTP 400 (as the RFC says) or 200, so both are described.

    Args:
        body (DeviceTokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceTokenResponse | ErrorBody | ErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceTokenRequest,
) -> Response[DeviceTokenResponse | ErrorBody]:
    """Poll for the access token of a device login.

     Form-encoded, as RFC 8628 prescribes. Seen in one public client only (ResolveURL). Until
    the user confirms, the answer is an OAuth error: `authorization_pending` (poll again),
    `slow_down` (add 5 s to the interval), `access_denied` or `expired_token` (stop).
    Offcloud may send these with HTTP 400 (as the RFC says) or 200, so both are described.

    Args:
        body (DeviceTokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceTokenResponse | ErrorBody | ErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceTokenRequest,
) -> DeviceTokenResponse | ErrorBody | None:
    """Poll for the access token of a device login.

     Form-encoded, as RFC 8628 prescribes. Seen in one public client only (ResolveURL). Until
    the user confirms, the answer is an OAuth error: `authorization_pending` (poll again),
    `slow_down` (add 5 s to the interval), `access_denied` or `expired_token` (stop).
    Offcloud may send these with HTTP 400 (as the RFC says) or 200, so both are described.

    Args:
        body (DeviceTokenRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceTokenResponse | ErrorBody | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
