"""Checked by mypy --strict in scripts/test: every resource method returns its exact model.

Not collected by pytest; a wrong or `Any` return type anywhere here fails the type check.
"""

from __future__ import annotations

from typing import assert_type

from offcloud_api_client.api import AsyncResources, AsyncRunner, Resources, Runner
from offcloud_api_client.models import (
    AccountInfo,
    AccountStats,
    ApiKeyResponse,
    CacheCheckResponse,
    CachedLink,
    CacheInfoItem,
    CheckResponse,
    DeviceCodeResponse,
    DeviceTokenResponse,
    DownloadRequest,
    ExploreDetailed,
    HistoryItem,
    LoginResponse,
    Proxy,
    ProxyList,
    RemoteAccount,
    RemoteAccountList,
    RetryResponse,
    Site,
    StatusBatchResponse,
    StatusResponse,
    SuccessResponse,
    TorrentUploadResponse,
)
from offcloud_api_client.types import File


def every_sync_call(runner: Runner, torrent: File) -> None:
    oc = Resources(runner)
    assert_type(oc.auth.login(username="u", password="p"), LoginResponse)
    assert_type(oc.auth.api_key(), ApiKeyResponse)
    assert_type(oc.auth.check(), CheckResponse)
    assert_type(oc.auth.device_code(), DeviceCodeResponse)
    assert_type(oc.auth.device_token(grant_type="g", device_code="d"), DeviceTokenResponse)
    assert_type(oc.account.info(), AccountInfo)
    assert_type(oc.account.stats(), AccountStats)
    assert_type(oc.cloud.add(url="magnet:?xt=urn:btih:x"), DownloadRequest)
    assert_type(oc.cloud.status(request_id="r"), StatusBatchResponse | StatusResponse)
    assert_type(oc.cloud.explore("r", format_="detailed"), ExploreDetailed | list[str])
    assert_type(oc.cloud.list("r"), str)
    assert_type(oc.cloud.history(), list[HistoryItem])
    assert_type(oc.cloud.retry("r"), RetryResponse)
    assert_type(oc.cloud.remove(requests=["r"]), SuccessResponse)
    assert_type(oc.cloud.remove_one("r"), SuccessResponse)
    assert_type(oc.instant.add(url="https://x", proxy_id="1"), DownloadRequest)
    assert_type(oc.instant.history(), list[HistoryItem])
    assert_type(oc.remote.add(url="https://x", remote_option_id="o"), DownloadRequest)
    assert_type(oc.remote.status(request_id="r"), StatusResponse)
    assert_type(oc.remote.retry("r"), RetryResponse)
    assert_type(oc.remote.accounts(), RemoteAccountList | list[RemoteAccount])
    assert_type(oc.remote.history(), list[HistoryItem])
    assert_type(oc.cache.check(hashes=["h"]), CacheCheckResponse)
    assert_type(oc.cache.info(urls=["magnet:"], include_files=True), list[CacheInfoItem])
    assert_type(oc.cache.download(url="magnet:"), list[CachedLink])
    assert_type(oc.proxies.list(), ProxyList | list[Proxy])
    assert_type(oc.sites.list(), list[Site])
    assert_type(oc.torrents.upload(file=torrent), TorrentUploadResponse)


async def every_async_call(runner: AsyncRunner, torrent: File) -> None:
    oc = AsyncResources(runner)
    assert_type(await oc.auth.login(username="u", password="p"), LoginResponse)
    assert_type(await oc.auth.api_key(), ApiKeyResponse)
    assert_type(await oc.auth.check(), CheckResponse)
    assert_type(await oc.auth.device_code(), DeviceCodeResponse)
    assert_type(await oc.auth.device_token(grant_type="g", device_code="d"), DeviceTokenResponse)
    assert_type(await oc.account.info(), AccountInfo)
    assert_type(await oc.account.stats(), AccountStats)
    assert_type(await oc.cloud.add(url="magnet:?xt=urn:btih:x"), DownloadRequest)
    assert_type(await oc.cloud.status(request_ids=["r"]), StatusBatchResponse | StatusResponse)
    assert_type(await oc.cloud.explore("r"), ExploreDetailed | list[str])
    assert_type(await oc.cloud.list("r"), str)
    assert_type(await oc.cloud.history(), list[HistoryItem])
    assert_type(await oc.cloud.retry("r"), RetryResponse)
    assert_type(await oc.cloud.remove(requests=["r"]), SuccessResponse)
    assert_type(await oc.cloud.remove_one("r"), SuccessResponse)
    assert_type(await oc.instant.add(url="https://x"), DownloadRequest)
    assert_type(await oc.instant.history(), list[HistoryItem])
    assert_type(await oc.remote.add(url="u", remote_option_id="o", folder_id="/"), DownloadRequest)
    assert_type(await oc.remote.status(request_id="r"), StatusResponse)
    assert_type(await oc.remote.retry("r"), RetryResponse)
    assert_type(await oc.remote.accounts(), RemoteAccountList | list[RemoteAccount])
    assert_type(await oc.remote.history(), list[HistoryItem])
    assert_type(await oc.cache.check(hashes=["h"]), CacheCheckResponse)
    assert_type(await oc.cache.info(urls=["magnet:"]), list[CacheInfoItem])
    assert_type(await oc.cache.download(url="magnet:"), list[CachedLink])
    assert_type(await oc.proxies.list(), ProxyList | list[Proxy])
    assert_type(await oc.sites.list(), list[Site])
    assert_type(await oc.torrents.upload(file=torrent), TorrentUploadResponse)
