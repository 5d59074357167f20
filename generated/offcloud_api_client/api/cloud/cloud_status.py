from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.status_batch_response import StatusBatchResponse
from ...models.status_request import StatusRequest
from ...models.status_response import StatusResponse
from ...types import Response


def _get_kwargs(
    *,
    body: StatusRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/cloud/status",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | StatusBatchResponse | StatusResponse | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> ErrorBody | StatusBatchResponse | StatusResponse:
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
                response_200_type_1 = StatusBatchResponse.from_dict({**data})

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_2 = StatusResponse.from_dict({**data})

            return response_200_type_2

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
) -> Response[ErrorBody | StatusBatchResponse | StatusResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: StatusRequest,
) -> Response[ErrorBody | StatusBatchResponse | StatusResponse]:
    """Get the status of one or many cloud downloads.

     Documented by Offcloud without fields; the fields come from six clients. Send
    `requestId` for one request, answered as `{"status": {…}}`, or `requestIds` for many,
    answered as `{"requests": [{…}, …]}` (batch form seen in two clients). The 2026 API adds
    `progress` (0.0–1.0) and a free-text `message` (ResolveURL, Home Assistant).

    Args:
        body (StatusRequest): Give `requestId` for one request or `requestIds` for many.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | StatusBatchResponse | StatusResponse]
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
    body: StatusRequest,
) -> ErrorBody | StatusBatchResponse | StatusResponse | None:
    """Get the status of one or many cloud downloads.

     Documented by Offcloud without fields; the fields come from six clients. Send
    `requestId` for one request, answered as `{"status": {…}}`, or `requestIds` for many,
    answered as `{"requests": [{…}, …]}` (batch form seen in two clients). The 2026 API adds
    `progress` (0.0–1.0) and a free-text `message` (ResolveURL, Home Assistant).

    Args:
        body (StatusRequest): Give `requestId` for one request or `requestIds` for many.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | StatusBatchResponse | StatusResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: StatusRequest,
) -> Response[ErrorBody | StatusBatchResponse | StatusResponse]:
    """Get the status of one or many cloud downloads.

     Documented by Offcloud without fields; the fields come from six clients. Send
    `requestId` for one request, answered as `{"status": {…}}`, or `requestIds` for many,
    answered as `{"requests": [{…}, …]}` (batch form seen in two clients). The 2026 API adds
    `progress` (0.0–1.0) and a free-text `message` (ResolveURL, Home Assistant).

    Args:
        body (StatusRequest): Give `requestId` for one request or `requestIds` for many.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | StatusBatchResponse | StatusResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: StatusRequest,
) -> ErrorBody | StatusBatchResponse | StatusResponse | None:
    """Get the status of one or many cloud downloads.

     Documented by Offcloud without fields; the fields come from six clients. Send
    `requestId` for one request, answered as `{"status": {…}}`, or `requestIds` for many,
    answered as `{"requests": [{…}, …]}` (batch form seen in two clients). The 2026 API adds
    `progress` (0.0–1.0) and a free-text `message` (ResolveURL, Home Assistant).

    Args:
        body (StatusRequest): Give `requestId` for one request or `requestIds` for many.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | StatusBatchResponse | StatusResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
