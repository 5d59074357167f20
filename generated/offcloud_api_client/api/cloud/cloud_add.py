from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cloud_add_request import CloudAddRequest
from ...models.download_request import DownloadRequest
from ...models.error_body import ErrorBody
from ...models.not_available_body import NotAvailableBody
from ...types import Response


def _get_kwargs(
    *,
    body: CloudAddRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/cloud",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DownloadRequest | ErrorBody | NotAvailableBody | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> DownloadRequest | ErrorBody | NotAvailableBody:
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
                response_200_type_1 = NotAvailableBody.from_dict({**data})

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_2 = DownloadRequest.from_dict({**data})

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
) -> Response[DownloadRequest | ErrorBody | NotAvailableBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CloudAddRequest,
) -> Response[DownloadRequest | ErrorBody | NotAvailableBody]:
    """Add a cloud download.

     Fetches a hoster link, magnet, .torrent URL (or the URL `torrents_upload` returned) into
    Offcloud's storage. Documented by Offcloud and used by at least eight clients in both
    API generations. A cached torrent may come back already `downloaded`. The 2026 API may
    leave out `site`, `url` and `createdOn` (StremThru dropped them). `customFileName` is
    undocumented (one client, for NZB files). Failures come with HTTP 200: `{"error": …}`
    or `{"not_available": "premium"|"links"|"cloud"|"torrent"|"usenet"|…}`.

    Args:
        body (CloudAddRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadRequest | ErrorBody | NotAvailableBody | ErrorBody]
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
    body: CloudAddRequest,
) -> DownloadRequest | ErrorBody | NotAvailableBody | None:
    """Add a cloud download.

     Fetches a hoster link, magnet, .torrent URL (or the URL `torrents_upload` returned) into
    Offcloud's storage. Documented by Offcloud and used by at least eight clients in both
    API generations. A cached torrent may come back already `downloaded`. The 2026 API may
    leave out `site`, `url` and `createdOn` (StremThru dropped them). `customFileName` is
    undocumented (one client, for NZB files). Failures come with HTTP 200: `{"error": …}`
    or `{"not_available": "premium"|"links"|"cloud"|"torrent"|"usenet"|…}`.

    Args:
        body (CloudAddRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadRequest | ErrorBody | NotAvailableBody | ErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CloudAddRequest,
) -> Response[DownloadRequest | ErrorBody | NotAvailableBody]:
    """Add a cloud download.

     Fetches a hoster link, magnet, .torrent URL (or the URL `torrents_upload` returned) into
    Offcloud's storage. Documented by Offcloud and used by at least eight clients in both
    API generations. A cached torrent may come back already `downloaded`. The 2026 API may
    leave out `site`, `url` and `createdOn` (StremThru dropped them). `customFileName` is
    undocumented (one client, for NZB files). Failures come with HTTP 200: `{"error": …}`
    or `{"not_available": "premium"|"links"|"cloud"|"torrent"|"usenet"|…}`.

    Args:
        body (CloudAddRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadRequest | ErrorBody | NotAvailableBody | ErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CloudAddRequest,
) -> DownloadRequest | ErrorBody | NotAvailableBody | None:
    """Add a cloud download.

     Fetches a hoster link, magnet, .torrent URL (or the URL `torrents_upload` returned) into
    Offcloud's storage. Documented by Offcloud and used by at least eight clients in both
    API generations. A cached torrent may come back already `downloaded`. The 2026 API may
    leave out `site`, `url` and `createdOn` (StremThru dropped them). `customFileName` is
    undocumented (one client, for NZB files). Failures come with HTTP 200: `{"error": …}`
    or `{"not_available": "premium"|"links"|"cloud"|"torrent"|"usenet"|…}`.

    Args:
        body (CloudAddRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadRequest | ErrorBody | NotAvailableBody | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
