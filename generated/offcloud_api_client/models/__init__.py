"""Contains all the data models used in inputs/outputs.

Each model's module is imported the first time the model is used (`from .models import X`,
`models.X`), so importing the client does not pay for every model in the spec.
"""

from __future__ import annotations

from importlib import import_module

# Not `typing.TYPE_CHECKING`: importing typing would be most of this module's cost, and type
# checkers read this name the same way.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

    from .account_info import AccountInfo
    from .account_limits import AccountLimits
    from .account_stats import AccountStats
    from .account_stats_additional_tags import AccountStatsAdditionalTags
    from .api_key_response import ApiKeyResponse
    from .cache_check_request import CacheCheckRequest
    from .cache_check_response import CacheCheckResponse
    from .cache_download_request import CacheDownloadRequest
    from .cache_info_item import CacheInfoItem
    from .cache_info_request import CacheInfoRequest
    from .cached_file import CachedFile
    from .cached_link import CachedLink
    from .check_response import CheckResponse
    from .cloud_add_request import CloudAddRequest
    from .device_code_response import DeviceCodeResponse
    from .device_token_request import DeviceTokenRequest
    from .device_token_response import DeviceTokenResponse
    from .download_request import DownloadRequest
    from .empty_body import EmptyBody
    from .error_body import ErrorBody
    from .explore_detailed import ExploreDetailed
    from .explore_file import ExploreFile
    from .history_item import HistoryItem
    from .instant_add_request import InstantAddRequest
    from .login_request import LoginRequest
    from .login_response import LoginResponse
    from .not_available_body import NotAvailableBody
    from .proxy import Proxy
    from .proxy_list import ProxyList
    from .remote_account import RemoteAccount
    from .remote_account_list import RemoteAccountList
    from .remote_add_request import RemoteAddRequest
    from .remote_status_request import RemoteStatusRequest
    from .remove_request import RemoveRequest
    from .request_status import RequestStatus
    from .retry_response import RetryResponse
    from .site import Site
    from .status_batch_response import StatusBatchResponse
    from .status_request import StatusRequest
    from .status_response import StatusResponse
    from .success_response import SuccessResponse
    from .torrent_upload_request import TorrentUploadRequest
    from .torrent_upload_response import TorrentUploadResponse

_MODULE_OF = {
    "AccountInfo": ".account_info",
    "AccountLimits": ".account_limits",
    "AccountStats": ".account_stats",
    "AccountStatsAdditionalTags": ".account_stats_additional_tags",
    "ApiKeyResponse": ".api_key_response",
    "CacheCheckRequest": ".cache_check_request",
    "CacheCheckResponse": ".cache_check_response",
    "CacheDownloadRequest": ".cache_download_request",
    "CacheInfoItem": ".cache_info_item",
    "CacheInfoRequest": ".cache_info_request",
    "CachedFile": ".cached_file",
    "CachedLink": ".cached_link",
    "CheckResponse": ".check_response",
    "CloudAddRequest": ".cloud_add_request",
    "DeviceCodeResponse": ".device_code_response",
    "DeviceTokenRequest": ".device_token_request",
    "DeviceTokenResponse": ".device_token_response",
    "DownloadRequest": ".download_request",
    "EmptyBody": ".empty_body",
    "ErrorBody": ".error_body",
    "ExploreDetailed": ".explore_detailed",
    "ExploreFile": ".explore_file",
    "HistoryItem": ".history_item",
    "InstantAddRequest": ".instant_add_request",
    "LoginRequest": ".login_request",
    "LoginResponse": ".login_response",
    "NotAvailableBody": ".not_available_body",
    "Proxy": ".proxy",
    "ProxyList": ".proxy_list",
    "RemoteAccount": ".remote_account",
    "RemoteAccountList": ".remote_account_list",
    "RemoteAddRequest": ".remote_add_request",
    "RemoteStatusRequest": ".remote_status_request",
    "RemoveRequest": ".remove_request",
    "RequestStatus": ".request_status",
    "RetryResponse": ".retry_response",
    "Site": ".site",
    "StatusBatchResponse": ".status_batch_response",
    "StatusRequest": ".status_request",
    "StatusResponse": ".status_response",
    "SuccessResponse": ".success_response",
    "TorrentUploadRequest": ".torrent_upload_request",
    "TorrentUploadResponse": ".torrent_upload_response",
}


# Hidden from type checkers: a module `__getattr__` would make a misspelt name `Any`.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _MODULE_OF.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *_MODULE_OF})


__all__ = (
    "AccountInfo",
    "AccountLimits",
    "AccountStats",
    "AccountStatsAdditionalTags",
    "ApiKeyResponse",
    "CacheCheckRequest",
    "CacheCheckResponse",
    "CacheDownloadRequest",
    "CacheInfoItem",
    "CacheInfoRequest",
    "CachedFile",
    "CachedLink",
    "CheckResponse",
    "CloudAddRequest",
    "DeviceCodeResponse",
    "DeviceTokenRequest",
    "DeviceTokenResponse",
    "DownloadRequest",
    "EmptyBody",
    "ErrorBody",
    "ExploreDetailed",
    "ExploreFile",
    "HistoryItem",
    "InstantAddRequest",
    "LoginRequest",
    "LoginResponse",
    "NotAvailableBody",
    "Proxy",
    "ProxyList",
    "RemoteAccount",
    "RemoteAccountList",
    "RemoteAddRequest",
    "RemoteStatusRequest",
    "RemoveRequest",
    "RequestStatus",
    "RetryResponse",
    "Site",
    "StatusBatchResponse",
    "StatusRequest",
    "StatusResponse",
    "SuccessResponse",
    "TorrentUploadRequest",
    "TorrentUploadResponse",
)
