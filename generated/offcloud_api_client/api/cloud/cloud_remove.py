from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.remove_request import RemoveRequest
from ...models.success_response import SuccessResponse
from ...types import Response


def _get_kwargs(
    *,
    body: RemoveRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/cloud/remove",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | SuccessResponse | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorBody | SuccessResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ErrorBody.from_dict({**data})

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = SuccessResponse.from_dict({**data})

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
) -> Response[ErrorBody | SuccessResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RemoveRequest,
) -> Response[ErrorBody | SuccessResponse]:
    """Remove cloud downloads (2026 API).

     Seen in three 2026 clients (ResolveURL, Home Assistant, MediaFusion); StremThru says the
    2026 API does not support removal, so this is less sure than most. The web form of the
    same call took at most 200 ids at a time.

    Args:
        body (RemoveRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | SuccessResponse]
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
    body: RemoveRequest,
) -> ErrorBody | SuccessResponse | None:
    """Remove cloud downloads (2026 API).

     Seen in three 2026 clients (ResolveURL, Home Assistant, MediaFusion); StremThru says the
    2026 API does not support removal, so this is less sure than most. The web form of the
    same call took at most 200 ids at a time.

    Args:
        body (RemoveRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | SuccessResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RemoveRequest,
) -> Response[ErrorBody | SuccessResponse]:
    """Remove cloud downloads (2026 API).

     Seen in three 2026 clients (ResolveURL, Home Assistant, MediaFusion); StremThru says the
    2026 API does not support removal, so this is less sure than most. The web form of the
    same call took at most 200 ids at a time.

    Args:
        body (RemoveRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | SuccessResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RemoveRequest,
) -> ErrorBody | SuccessResponse | None:
    """Remove cloud downloads (2026 API).

     Seen in three 2026 clients (ResolveURL, Home Assistant, MediaFusion); StremThru says the
    2026 API does not support removal, so this is less sure than most. The web form of the
    same call took at most 200 ids at a time.

    Args:
        body (RemoveRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | SuccessResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
