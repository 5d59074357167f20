"""Checked by mypy --strict in scripts/test: the clients' resources and helpers are typed.

Not collected by pytest. The generated resources are checked in `resources.py`; here the same
methods through `Offcloud`/`AsyncOffcloud`, and the helpers the facade adds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, assert_type

from offcloud_api_client.models import (
    AccountInfo,
    CacheCheckResponse,
    DownloadRequest,
    ExploreDetailed,
    HistoryItem,
    RequestStatus,
    StatusBatchResponse,
    StatusResponse,
)

from offcloud_sdk import AsyncOffcloud, CloudFile, Offcloud, OffcloudAPI
from offcloud_sdk.exceptions import (
    APITimeoutError,
    HTTPError,
    NotAvailableError,
    OffcloudError,
    RateLimitError,
)


def sync_client(oc: Offcloud) -> None:
    assert_type(oc.account.info(), AccountInfo)
    assert_type(oc.cloud.add(url="magnet:?"), DownloadRequest)
    assert_type(oc.cloud.status(request_id="r"), StatusBatchResponse | StatusResponse)
    assert_type(oc.cloud.explore("r"), ExploreDetailed | list[str])
    assert_type(oc.cloud.wait("r", timeout=60), RequestStatus)
    assert_type(oc.cloud.wait_all(["r"]), dict[str, RequestStatus])
    assert_type(oc.cloud.files("r"), list[CloudFile])
    assert_type(oc.cloud.download("r", "dir"), list[Path])
    assert_type(oc.files.download("https://x/f", Path("f"), on_progress=print), Path)
    assert_type(oc.cache.check(["a" * 40]), dict[str, bool])
    assert_type(oc.cache.check_hashes(hashes=["a"]), CacheCheckResponse)
    assert_type(oc.login("u", "p"), str)
    assert_type(oc.device_login(lambda code, url: print(code, url)), str)
    assert_type(oc.with_options(timeout=5.0), Offcloud)
    assert_type(oc.api_key, str | None)


async def async_client(oc: AsyncOffcloud) -> None:
    assert_type(await oc.account.info(), AccountInfo)
    assert_type(await oc.cloud.add(url="magnet:?"), DownloadRequest)
    assert_type(await oc.cloud.wait("r"), RequestStatus)
    assert_type(await oc.cloud.wait_all(["r"]), dict[str, RequestStatus])
    assert_type(await oc.cloud.files("r"), list[CloudFile])
    assert_type(await oc.cloud.download("r", "dir"), list[Path])
    assert_type(await oc.files.download("https://x/f", "f", resume=False), Path)
    assert_type(await oc.cache.check(["a" * 40]), dict[str, bool])
    assert_type(await oc.login("u", "p"), str)
    assert_type(await oc.device_login(lambda code, url: None), str)
    assert_type(oc.with_options(max_retries=0), AsyncOffcloud)


def errors(error: OffcloudError) -> None:
    assert_type(error.status_code, int | None)
    assert_type(error.message, str)
    if isinstance(error, RateLimitError):
        assert_type(error.retry_after, float | None)
    if isinstance(error, NotAvailableError):
        assert_type(error.reason, str)
    if isinstance(error, HTTPError):
        assert_type(error.code, str | None)
    assert issubclass(APITimeoutError, OffcloudError)


def seed(client: OffcloudAPI) -> None:
    assert_type(client.cloud("magnet:?"), dict[str, Any])
    assert_type(client.list_cloud("r"), list[str])


def escape_hatches(oc: Offcloud) -> None:
    added = oc.cloud.add(url="m", extra_body={"folderName": "x"}, extra_query={"v": 2}, timeout=5)
    assert_type(added, DownloadRequest)
    raw = oc.with_raw_response.account.info(extra_headers={"X-Test": "1"})
    assert_type(raw.parse(), AccountInfo)
    assert_type(raw.status_code, int)
    assert_type(raw.retries_taken, int)
    assert_type(oc.with_options(strict=True).with_raw_response.cloud.explore("r").parse(),
                ExploreDetailed | list[str])  # fmt: skip
    assert_type(oc.request("GET", "/api/account/info", cast_to=AccountInfo), AccountInfo)
    assert_type(oc.request("GET", "/api/account/info"), Any)
    assert_type(oc.strict, bool)


async def async_escape_hatches(oc: AsyncOffcloud) -> None:
    raw = await oc.with_raw_response.account.info(timeout=2.5)
    assert_type(raw.parse(), AccountInfo)
    assert_type(await oc.request("GET", "/x", cast_to=AccountInfo), AccountInfo)
    assert_type(await oc.cloud.history(extra_query={"limit": 5}), list[HistoryItem])
