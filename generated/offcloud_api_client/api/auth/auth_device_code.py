from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.device_code_response import DeviceCodeResponse
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/device/code",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeviceCodeResponse | ErrorBody | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> DeviceCodeResponse | ErrorBody:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ErrorBody.from_dict({**data})

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = DeviceCodeResponse.from_dict({**data})

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DeviceCodeResponse | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[DeviceCodeResponse | ErrorBody]:
    """Start a device login and get the code the user confirms.

     The OAuth 2.0 device authorization grant (RFC 8628) of the 2026 API. Seen in one public
    client only (ResolveURL, 2026-06), which sends no `client_id`; the fields follow the
    RFC. Show `user_code` and `verification_uri` to the user, then poll `auth_device_token`
    every `interval` seconds (5 when absent) until it gives an access token, which is used
    as the Bearer API key.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceCodeResponse | ErrorBody]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> DeviceCodeResponse | ErrorBody | None:
    """Start a device login and get the code the user confirms.

     The OAuth 2.0 device authorization grant (RFC 8628) of the 2026 API. Seen in one public
    client only (ResolveURL, 2026-06), which sends no `client_id`; the fields follow the
    RFC. Show `user_code` and `verification_uri` to the user, then poll `auth_device_token`
    every `interval` seconds (5 when absent) until it gives an access token, which is used
    as the Bearer API key.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceCodeResponse | ErrorBody
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[DeviceCodeResponse | ErrorBody]:
    """Start a device login and get the code the user confirms.

     The OAuth 2.0 device authorization grant (RFC 8628) of the 2026 API. Seen in one public
    client only (ResolveURL, 2026-06), which sends no `client_id`; the fields follow the
    RFC. Show `user_code` and `verification_uri` to the user, then poll `auth_device_token`
    every `interval` seconds (5 when absent) until it gives an access token, which is used
    as the Bearer API key.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceCodeResponse | ErrorBody]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> DeviceCodeResponse | ErrorBody | None:
    """Start a device login and get the code the user confirms.

     The OAuth 2.0 device authorization grant (RFC 8628) of the 2026 API. Seen in one public
    client only (ResolveURL, 2026-06), which sends no `client_id`; the fields follow the
    RFC. Show `user_code` and `verification_uri` to the user, then poll `auth_device_token`
    every `interval` seconds (5 when absent) until it gives an access token, which is used
    as the Bearer API key.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceCodeResponse | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
