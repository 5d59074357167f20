from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.explore_detailed import ExploreDetailed
from ...types import UNSET, Response, Unset


def _get_kwargs(
    request_id: str,
    *,
    format_: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["format"] = format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/cloud/explore/{request_id}".format(
            request_id=quote(str(request_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ExploreDetailed | list[str] | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> ErrorBody | ExploreDetailed | list[str]:
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
                response_200_type_1 = ExploreDetailed.from_dict({**data})

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            response_200_type_2 = cast(list[str], data)

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
) -> Response[ErrorBody | ExploreDetailed | list[str]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = UNSET,
) -> Response[ErrorBody | ExploreDetailed | list[str]]:
    """List the files of a finished cloud download.

     Documented by Offcloud (classic: an array of download links) and used by six clients.
    With `format=detailed` the 2026 API answers `{"files": [{id, name, size, path, url}]}`
    (five clients). A request that holds a single file, not an archive or folder, answers
    `{"error": "Bad archive"}`; its link is then
    `https://{server}.offcloud.com/cloud/download/{requestId}/{fileName}`. Links may contain
    spaces, directory entries ending in `/` and `.aria2` control files. The 2026 links may
    be short-lived, so fetch them just before use.

    Args:
        request_id (str):
        format_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | ExploreDetailed | list[str]]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request_id: str,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = UNSET,
) -> ErrorBody | ExploreDetailed | list[str] | None:
    """List the files of a finished cloud download.

     Documented by Offcloud (classic: an array of download links) and used by six clients.
    With `format=detailed` the 2026 API answers `{"files": [{id, name, size, path, url}]}`
    (five clients). A request that holds a single file, not an archive or folder, answers
    `{"error": "Bad archive"}`; its link is then
    `https://{server}.offcloud.com/cloud/download/{requestId}/{fileName}`. Links may contain
    spaces, directory entries ending in `/` and `.aria2` control files. The 2026 links may
    be short-lived, so fetch them just before use.

    Args:
        request_id (str):
        format_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | ExploreDetailed | list[str]
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    request_id: str,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = UNSET,
) -> Response[ErrorBody | ExploreDetailed | list[str]]:
    """List the files of a finished cloud download.

     Documented by Offcloud (classic: an array of download links) and used by six clients.
    With `format=detailed` the 2026 API answers `{"files": [{id, name, size, path, url}]}`
    (five clients). A request that holds a single file, not an archive or folder, answers
    `{"error": "Bad archive"}`; its link is then
    `https://{server}.offcloud.com/cloud/download/{requestId}/{fileName}`. Links may contain
    spaces, directory entries ending in `/` and `.aria2` control files. The 2026 links may
    be short-lived, so fetch them just before use.

    Args:
        request_id (str):
        format_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ErrorBody | ExploreDetailed | list[str]]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: str,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = UNSET,
) -> ErrorBody | ExploreDetailed | list[str] | None:
    """List the files of a finished cloud download.

     Documented by Offcloud (classic: an array of download links) and used by six clients.
    With `format=detailed` the 2026 API answers `{"files": [{id, name, size, path, url}]}`
    (five clients). A request that holds a single file, not an archive or folder, answers
    `{"error": "Bad archive"}`; its link is then
    `https://{server}.offcloud.com/cloud/download/{requestId}/{fileName}`. Links may contain
    spaces, directory entries ending in `/` and `.aria2` control files. The 2026 links may
    be short-lived, so fetch them just before use.

    Args:
        request_id (str):
        format_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ErrorBody | ExploreDetailed | list[str]
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            format_=format_,
        )
    ).parsed
