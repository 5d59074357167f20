"""Every type a user of the SDK may name in an annotation, from one place.

    from offcloud_sdk.types import CloudFile, DownloadRequest, RequestStatus

    def report(status: RequestStatus) -> str: ...

It holds every model generated from the spec (`scripts/generate` writes their list here, and
its drift check fails when the list is stale), the generated layer's `File`, `Unset` and
`UNSET`, the per-call `CallOptions` and `RawResponse`, the SDK's own value classes and callback
types, and the classes of `oc.cloud`, `oc.cache` and `oc.files`. Nothing is imported until it
is first used, so `import offcloud_sdk.types` costs almost nothing.
"""

from __future__ import annotations

from importlib import import_module

import offcloud_api_client.models as _models

from ._type_checking import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from offcloud_api_client.api import CallOptions, RawResponse
    from offcloud_api_client.models import *  # noqa: F403
    from offcloud_api_client.types import UNSET, File, Unset

    from ._calls.clock import Clock
    from ._calls.custom_calls import FromDict
    from ._calls.settings import KeyIn, TimeoutArg
    from ._downloads.downloads import DownloadProgress, OnDownloadProgress
    from ._downloads.files import AsyncFilesResource, FilesResource
    from ._flows.auth_flows import OnCode
    from ._flows.cloud_files import CloudFile
    from ._flows.polling import OnProgress
    from ._resources import AsyncCacheResource, AsyncCloudResource, CacheResource, CloudResource

# The SDK's own names, and the module each is imported from on first use.
_HOMES = {
    "CallOptions": "offcloud_api_client.api",
    "RawResponse": "offcloud_api_client.api",
    "File": "offcloud_api_client.types",
    "UNSET": "offcloud_api_client.types",
    "Unset": "offcloud_api_client.types",
    "Clock": "offcloud_sdk._calls.clock",
    "KeyIn": "offcloud_sdk._calls.settings",
    "TimeoutArg": "offcloud_sdk._calls.settings",
    "FromDict": "offcloud_sdk._calls.custom_calls",
    "CloudResource": "offcloud_sdk._resources",
    "AsyncCloudResource": "offcloud_sdk._resources",
    "CacheResource": "offcloud_sdk._resources",
    "AsyncCacheResource": "offcloud_sdk._resources",
    "FilesResource": "offcloud_sdk._downloads.files",
    "AsyncFilesResource": "offcloud_sdk._downloads.files",
    "CloudFile": "offcloud_sdk._flows.cloud_files",
    "DownloadProgress": "offcloud_sdk._downloads.downloads",
    "OnDownloadProgress": "offcloud_sdk._downloads.downloads",
    "OnCode": "offcloud_sdk._flows.auth_flows",
    "OnProgress": "offcloud_sdk._flows.polling",
}

__all__ = [
    "UNSET",
    "AsyncCacheResource",
    "AsyncCloudResource",
    "AsyncFilesResource",
    "CacheResource",
    "CallOptions",
    "Clock",
    "CloudFile",
    "CloudResource",
    "DownloadProgress",
    "File",
    "FilesResource",
    "FromDict",
    "KeyIn",
    "OnCode",
    "OnDownloadProgress",
    "OnProgress",
    "RawResponse",
    "TimeoutArg",
    "Unset",
]
# -- every model of the spec: written by scripts/generate, do not edit --
__all__ += [
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
]
# -- end of the models --


# Hidden from type checkers: a module `__getattr__` would make a misspelt name `Any`.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        home = _HOMES.get(name)
        if home is not None:
            value = getattr(import_module(home), name)
        elif name in _models.__all__:
            value = getattr(_models, name)
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(__all__)
