from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.check_response import CheckResponse
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/check",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CheckResponse | ErrorBody | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> CheckResponse | ErrorBody:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ErrorBody.from_dict({**data})

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = CheckResponse.from_dict({**data})

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CheckResponse | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CheckResponse | ErrorBody]:
    """Tell whether the session or key is logged in.

     Documented by Offcloud (classic API; older path `/api/login/check`, which clients also
    POST to). `loggedIn` is `1` or `0`; booleans are accepted too. Offcloud staff also point
    users here to register the IP address downloads come from.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckResponse | ErrorBody]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> CheckResponse | ErrorBody | None:
    """Tell whether the session or key is logged in.

     Documented by Offcloud (classic API; older path `/api/login/check`, which clients also
    POST to). `loggedIn` is `1` or `0`; booleans are accepted too. Offcloud staff also point
    users here to register the IP address downloads come from.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckResponse | ErrorBody
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CheckResponse | ErrorBody]:
    """Tell whether the session or key is logged in.

     Documented by Offcloud (classic API; older path `/api/login/check`, which clients also
    POST to). `loggedIn` is `1` or `0`; booleans are accepted too. Offcloud staff also point
    users here to register the IP address downloads come from.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckResponse | ErrorBody]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> CheckResponse | ErrorBody | None:
    """Tell whether the session or key is logged in.

     Documented by Offcloud (classic API; older path `/api/login/check`, which clients also
    POST to). `loggedIn` is `1` or `0`; booleans are accepted too. Offcloud staff also point
    users here to register the IP address downloads come from.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckResponse | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
