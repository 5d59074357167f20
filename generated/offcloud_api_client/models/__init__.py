"""Contains all the data models used in inputs/outputs"""

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
