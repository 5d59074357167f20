from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.proxy import Proxy
from ...models.proxy_list import ProxyList
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/proxy",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | list[Proxy] | ProxyList | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorBody | list[Proxy] | ProxyList:
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
                response_200_type_1 = ProxyList.from_dict({**data})

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            response_200_type_2 = []
            _response_200_type_2 = data
            for response_200_type_2_item_data in _response_200_type_2:
                response_200_type_2_item = Proxy.from_dict(
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
) -> Response[ErrorBody | list[Proxy] | ProxyList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | list[Proxy] | ProxyList]:
    """List the proxies instant downloads can use.

     Documented by Offcloud as a bare array of `{id, name, region}`; clients read a
    `{"list": […]}` wrapper. Both shapes parse. Names look like `Main (US, New York)`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[Proxy] | ProxyList]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ErrorBody | list[Proxy] | ProxyList | None:
    """List the proxies instant downloads can use.

     Documented by Offcloud as a bare array of `{id, name, region}`; clients read a
    `{"list": […]}` wrapper. Both shapes parse. Names look like `Main (US, New York)`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[Proxy] | ProxyList
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorBody | list[Proxy] | ProxyList]:
    """List the proxies instant downloads can use.

     Documented by Offcloud as a bare array of `{id, name, region}`; clients read a
    `{"list": […]}` wrapper. Both shapes parse. Names look like `Main (US, New York)`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[Proxy] | ProxyList]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ErrorBody | list[Proxy] | ProxyList | None:
    """List the proxies instant downloads can use.

     Documented by Offcloud as a bare array of `{id, name, region}`; clients read a
    `{"list": […]}` wrapper. Both shapes parse. Names look like `Main (US, New York)`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[Proxy] | ProxyList
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
