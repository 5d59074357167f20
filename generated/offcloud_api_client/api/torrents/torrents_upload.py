from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.torrent_upload_request import TorrentUploadRequest
from ...models.torrent_upload_response import TorrentUploadResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TorrentUploadRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/torrent/upload",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | TorrentUploadResponse | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorBody | TorrentUploadResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ErrorBody.from_dict({**data})

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = TorrentUploadResponse.from_dict({**data})

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | TorrentUploadResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TorrentUploadRequest,
) -> Response[ErrorBody | TorrentUploadResponse]:
    """Upload a .torrent or .nzb file; add the returned URL with `cloud_add`.

     Undocumented web endpoint outside `/api`, multipart field `file`; seen in three clients.
    MediaFusion dropped it in 2026-02 and StremThru's 2026 store does not support torrent
    files, so it may no longer work; converting a .torrent to a magnet is the safer path.

    Args:
        body (TorrentUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TorrentUploadResponse]
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
    body: TorrentUploadRequest,
) -> ErrorBody | TorrentUploadResponse | None:
    """Upload a .torrent or .nzb file; add the returned URL with `cloud_add`.

     Undocumented web endpoint outside `/api`, multipart field `file`; seen in three clients.
    MediaFusion dropped it in 2026-02 and StremThru's 2026 store does not support torrent
    files, so it may no longer work; converting a .torrent to a magnet is the safer path.

    Args:
        body (TorrentUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TorrentUploadResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TorrentUploadRequest,
) -> Response[ErrorBody | TorrentUploadResponse]:
    """Upload a .torrent or .nzb file; add the returned URL with `cloud_add`.

     Undocumented web endpoint outside `/api`, multipart field `file`; seen in three clients.
    MediaFusion dropped it in 2026-02 and StremThru's 2026 store does not support torrent
    files, so it may no longer work; converting a .torrent to a magnet is the safer path.

    Args:
        body (TorrentUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TorrentUploadResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TorrentUploadRequest,
) -> ErrorBody | TorrentUploadResponse | None:
    """Upload a .torrent or .nzb file; add the returned URL with `cloud_add`.

     Undocumented web endpoint outside `/api`, multipart field `file`; seen in three clients.
    MediaFusion dropped it in 2026-02 and StremThru's 2026 store does not support torrent
    files, so it may no longer work; converting a .torrent to a magnet is the safer path.

    Args:
        body (TorrentUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TorrentUploadResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
