from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cache_download_request import CacheDownloadRequest
from ...models.cached_link import CachedLink
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: CacheDownloadRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/cache/download",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | list[CachedLink] | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorBody | list[CachedLink]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ErrorBody.from_dict({**data})

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            response_200_type_1 = []
            _response_200_type_1 = data
            for response_200_type_1_item_data in _response_200_type_1:
                response_200_type_1_item = CachedLink.from_dict(
                    {**response_200_type_1_item_data}
                )

                response_200_type_1.append(response_200_type_1_item)

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
) -> Response[ErrorBody | list[CachedLink]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CacheDownloadRequest,
) -> Response[ErrorBody | list[CachedLink]]:
    """Get direct links to a cached magnet's files without a cloud request (2026 API).

     Used by three 2026 clients. A link that cannot be served directly answers
    `{"error": "Unsupported link for direct download"}`.

    Args:
        body (CacheDownloadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | list[CachedLink]]
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
    client: AuthenticatedClient,
    body: CacheDownloadRequest,
) -> ErrorBody | list[CachedLink] | None:
    """Get direct links to a cached magnet's files without a cloud request (2026 API).

     Used by three 2026 clients. A link that cannot be served directly answers
    `{"error": "Unsupported link for direct download"}`.

    Args:
        body (CacheDownloadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | list[CachedLink]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CacheDownloadRequest,
) -> Response[ErrorBody | list[CachedLink]]:
    """Get direct links to a cached magnet's files without a cloud request (2026 API).

     Used by three 2026 clients. A link that cannot be served directly answers
    `{"error": "Unsupported link for direct download"}`.

    Args:
        body (CacheDownloadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | list[CachedLink]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CacheDownloadRequest,
) -> ErrorBody | list[CachedLink] | None:
    """Get direct links to a cached magnet's files without a cloud request (2026 API).

     Used by three 2026 clients. A link that cannot be served directly answers
    `{"error": "Unsupported link for direct download"}`.

    Args:
        body (CacheDownloadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | list[CachedLink]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
