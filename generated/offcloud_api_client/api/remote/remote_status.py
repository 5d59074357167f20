from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.empty_body import EmptyBody
from ...models.error_body import ErrorBody
from ...models.remote_status_request import RemoteStatusRequest
from ...models.status_response import StatusResponse
from ...types import Response


def _get_kwargs(
    *,
    body: RemoteStatusRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/remote/status",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyBody | ErrorBody | StatusResponse | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> EmptyBody | ErrorBody | StatusResponse:
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
                response_200_type_1 = StatusResponse.from_dict({**data})

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_2 = EmptyBody.from_dict({**data})

            return response_200_type_2

        response_200 = _parse_response_200(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmptyBody | ErrorBody | StatusResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RemoteStatusRequest,
) -> Response[EmptyBody | ErrorBody | StatusResponse]:
    """Get the status of a remote download.

     Documented by Offcloud; a payload is recorded in Offcloud/offcloud-api#8. The same issue
    shows `{}` when the call is not authorised (a key without a login session), so an empty
    object parses as an error body. Remote transfers add the status word `uploading`.

    Args:
        body (RemoteStatusRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyBody | ErrorBody | StatusResponse]
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
    body: RemoteStatusRequest,
) -> EmptyBody | ErrorBody | StatusResponse | None:
    """Get the status of a remote download.

     Documented by Offcloud; a payload is recorded in Offcloud/offcloud-api#8. The same issue
    shows `{}` when the call is not authorised (a key without a login session), so an empty
    object parses as an error body. Remote transfers add the status word `uploading`.

    Args:
        body (RemoteStatusRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyBody | ErrorBody | StatusResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RemoteStatusRequest,
) -> Response[EmptyBody | ErrorBody | StatusResponse]:
    """Get the status of a remote download.

     Documented by Offcloud; a payload is recorded in Offcloud/offcloud-api#8. The same issue
    shows `{}` when the call is not authorised (a key without a login session), so an empty
    object parses as an error body. Remote transfers add the status word `uploading`.

    Args:
        body (RemoteStatusRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyBody | ErrorBody | StatusResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RemoteStatusRequest,
) -> EmptyBody | ErrorBody | StatusResponse | None:
    """Get the status of a remote download.

     Documented by Offcloud; a payload is recorded in Offcloud/offcloud-api#8. The same issue
    shows `{}` when the call is not authorised (a key without a login session), so an empty
    object parses as an error body. Remote transfers add the status word `uploading`.

    Args:
        body (RemoteStatusRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyBody | ErrorBody | StatusResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
