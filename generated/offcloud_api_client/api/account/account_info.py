from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_info import AccountInfo
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/account/info",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountInfo | ErrorBody | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> AccountInfo | ErrorBody:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ErrorBody.from_dict({**data})

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = AccountInfo.from_dict({**data})

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict({**response.json()})

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccountInfo | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AccountInfo | ErrorBody]:
    """Get the account's premium state and expiry (2026 API).

     Observed on the wire (Comet PR #590, 2026-06) and used by five clients. `email` is read
    by ResolveURL and the Home Assistant integration but absent from the observed payload,
    so it is optional. A bad key gets HTTP 401 `{"error":"NOAUTH"}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountInfo | ErrorBody | ErrorBody]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> AccountInfo | ErrorBody | None:
    """Get the account's premium state and expiry (2026 API).

     Observed on the wire (Comet PR #590, 2026-06) and used by five clients. `email` is read
    by ResolveURL and the Home Assistant integration but absent from the observed payload,
    so it is optional. A bad key gets HTTP 401 `{"error":"NOAUTH"}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountInfo | ErrorBody | ErrorBody
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AccountInfo | ErrorBody]:
    """Get the account's premium state and expiry (2026 API).

     Observed on the wire (Comet PR #590, 2026-06) and used by five clients. `email` is read
    by ResolveURL and the Home Assistant integration but absent from the observed payload,
    so it is optional. A bad key gets HTTP 401 `{"error":"NOAUTH"}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountInfo | ErrorBody | ErrorBody]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> AccountInfo | ErrorBody | None:
    """Get the account's premium state and expiry (2026 API).

     Observed on the wire (Comet PR #590, 2026-06) and used by five clients. `email` is read
    by ResolveURL and the Home Assistant integration but absent from the observed payload,
    so it is optional. A bad key gets HTTP 401 `{"error":"NOAUTH"}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountInfo | ErrorBody | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
