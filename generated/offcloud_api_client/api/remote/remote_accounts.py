from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.remote_account import RemoteAccount
from ...models.remote_account_list import RemoteAccountList
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/remote/accounts",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | list[RemoteAccount] | RemoteAccountList | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> ErrorBody | list[RemoteAccount] | RemoteAccountList:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ErrorBody.from_dict({**data})

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_1 = RemoteAccountList.from_dict({**data})

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            response_200_type_2 = []
            _response_200_type_2 = data
            for response_200_type_2_item_data in _response_200_type_2:
                response_200_type_2_item = RemoteAccount.from_dict(
                    {**response_200_type_2_item_data}
                )

                response_200_type_2.append(response_200_type_2_item)

            return response_200_type_2

        response_200 = _parse_response_200(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | list[RemoteAccount] | RemoteAccountList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | list[RemoteAccount] | RemoteAccountList]:
    """List the user's remote accounts (FTP, Google Drive, …).

     Documented by Offcloud as a bare array of `{accountId, type, username, status, host,
    port, usage}`; every client reads a `{"data": […]}` wrapper whose items also carry
    `remoteOptionId` and `path`. Both shapes parse. Use `remoteOptionId` (or `accountId` when
    it is missing) with `remote_add`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[RemoteAccount] | RemoteAccountList]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ErrorBody | list[RemoteAccount] | RemoteAccountList | None:
    """List the user's remote accounts (FTP, Google Drive, …).

     Documented by Offcloud as a bare array of `{accountId, type, username, status, host,
    port, usage}`; every client reads a `{"data": […]}` wrapper whose items also carry
    `remoteOptionId` and `path`. Both shapes parse. Use `remoteOptionId` (or `accountId` when
    it is missing) with `remote_add`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[RemoteAccount] | RemoteAccountList
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | list[RemoteAccount] | RemoteAccountList]:
    """List the user's remote accounts (FTP, Google Drive, …).

     Documented by Offcloud as a bare array of `{accountId, type, username, status, host,
    port, usage}`; every client reads a `{"data": […]}` wrapper whose items also carry
    `remoteOptionId` and `path`. Both shapes parse. Use `remoteOptionId` (or `accountId` when
    it is missing) with `remote_add`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[RemoteAccount] | RemoteAccountList]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ErrorBody | list[RemoteAccount] | RemoteAccountList | None:
    """List the user's remote accounts (FTP, Google Drive, …).

     Documented by Offcloud as a bare array of `{accountId, type, username, status, host,
    port, usage}`; every client reads a `{"data": […]}` wrapper whose items also carry
    `remoteOptionId` and `path`. Both shapes parse. Use `remoteOptionId` (or `accountId` when
    it is missing) with `remote_add`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[RemoteAccount] | RemoteAccountList
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
