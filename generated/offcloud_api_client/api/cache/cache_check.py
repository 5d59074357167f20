from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cache_check_request import CacheCheckRequest
from ...models.cache_check_response import CacheCheckResponse
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: CacheCheckRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/cache",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CacheCheckResponse | ErrorBody | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> CacheCheckResponse | ErrorBody:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ErrorBody.from_dict({**data})

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = CacheCheckResponse.from_dict({**data})

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
) -> Response[CacheCheckResponse | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CacheCheckRequest,
) -> Response[CacheCheckResponse | ErrorBody]:
    """Tell which torrent info hashes Offcloud has cached (classic API).

     Documented by Offcloud (request only); the answer comes from seven clients. Send
    lowercase info hashes, at most 100 per call (what clients do). `claimedItems` answers
    the usenet `messageIds` (Gaia). The 2026 API's counterpart is `cache_info`.

    Args:
        body (CacheCheckRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CacheCheckResponse | ErrorBody | ErrorBody]
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
    body: CacheCheckRequest,
) -> CacheCheckResponse | ErrorBody | None:
    """Tell which torrent info hashes Offcloud has cached (classic API).

     Documented by Offcloud (request only); the answer comes from seven clients. Send
    lowercase info hashes, at most 100 per call (what clients do). `claimedItems` answers
    the usenet `messageIds` (Gaia). The 2026 API's counterpart is `cache_info`.

    Args:
        body (CacheCheckRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CacheCheckResponse | ErrorBody | ErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CacheCheckRequest,
) -> Response[CacheCheckResponse | ErrorBody]:
    """Tell which torrent info hashes Offcloud has cached (classic API).

     Documented by Offcloud (request only); the answer comes from seven clients. Send
    lowercase info hashes, at most 100 per call (what clients do). `claimedItems` answers
    the usenet `messageIds` (Gaia). The 2026 API's counterpart is `cache_info`.

    Args:
        body (CacheCheckRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CacheCheckResponse | ErrorBody | ErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CacheCheckRequest,
) -> CacheCheckResponse | ErrorBody | None:
    """Tell which torrent info hashes Offcloud has cached (classic API).

     Documented by Offcloud (request only); the answer comes from seven clients. Send
    lowercase info hashes, at most 100 per call (what clients do). `claimedItems` answers
    the usenet `messageIds` (Gaia). The 2026 API's counterpart is `cache_info`.

    Args:
        body (CacheCheckRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CacheCheckResponse | ErrorBody | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
