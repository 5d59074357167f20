"""Every operation of the spec as a test case: the call, the request it must send, an answer.

Shared by the tests of the generated resources and of the `Offcloud` clients.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from offcloud_api_client.types import File

RID = "5f2b6c3e9d1a4b7c8e0f1a2b"

# operationId, the call, method, path, request body (JSON unless said), fixture of the answer
CASES: list[tuple[str, Callable[[Any], Any], str, str, object, str]] = [
    ("auth_login", lambda oc: oc.auth.login(username="me@example.com", password="pw"),
     "POST", "/api/login", {"username": "me@example.com", "password": "pw"},
     "auth_login/recorded-success"),
    ("auth_api_key", lambda oc: oc.auth.api_key(), "POST", "/api/key", None,
     "auth_api_key/success"),
    ("auth_check", lambda oc: oc.auth.check(), "GET", "/api/check", None, "auth_check/logged-in"),
    ("auth_device_code", lambda oc: oc.auth.device_code(), "POST", "/oauth/device/code", None,
     "auth_device_code/success"),
    ("auth_device_token",
     lambda oc: oc.auth.device_token(grant_type="urn:ietf:params:oauth:grant-type:device_code",
                                     device_code="dc"),
     "POST", "/oauth/token",
     ("form", "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=dc"),
     "auth_device_token/success"),
    ("account_info", lambda oc: oc.account.info(), "GET", "/api/account/info", None,
     "account_info/recorded-success"),
    ("account_stats", lambda oc: oc.account.stats(), "GET", "/api/account/stats", None,
     "account_stats/classic"),
    ("cloud_add", lambda oc: oc.cloud.add(url="magnet:?xt=urn:btih:abc", custom_file_name="n"),
     "POST", "/api/cloud", {"url": "magnet:?xt=urn:btih:abc", "customFileName": "n"},
     "cloud_add/created"),
    ("cloud_status", lambda oc: oc.cloud.status(request_id=RID), "POST", "/api/cloud/status",
     {"requestId": RID}, "cloud_status/downloading-2026"),
    ("cloud_explore", lambda oc: oc.cloud.explore(RID, format_="detailed"), "GET",
     f"/api/cloud/explore/{RID}?format=detailed", None, "cloud_explore/detailed"),
    ("cloud_list", lambda oc: oc.cloud.list(RID), "GET", f"/api/cloud/list/{RID}", None,
     "cloud_list/links"),
    ("cloud_history", lambda oc: oc.cloud.history(), "GET", "/api/cloud/history", None,
     "cloud_history/classic"),
    ("cloud_retry", lambda oc: oc.cloud.retry(RID), "GET", f"/api/cloud/retry/{RID}", None,
     "cloud_retry/status-object"),
    ("cloud_remove", lambda oc: oc.cloud.remove(requests=[RID]), "POST", "/api/cloud/remove",
     {"requests": [RID]}, "cloud_remove/success"),
    ("cloud_remove_one", lambda oc: oc.cloud.remove_one(RID), "GET", f"/cloud/remove/{RID}", None,
     "cloud_remove_one/success"),
    ("instant_add", lambda oc: oc.instant.add(url="https://rg.to/f", proxy_id="5"), "POST",
     "/api/instant", {"url": "https://rg.to/f", "proxyId": "5"}, "instant_add/created"),
    ("instant_history", lambda oc: oc.instant.history(), "GET", "/api/instant/history", None,
     "instant_history/items"),
    ("remote_add",
     lambda oc: oc.remote.add(url="https://rg.to/f", remote_option_id="o", folder_id="/Movies/"),
     "POST", "/api/remote",
     {"url": "https://rg.to/f", "remoteOptionId": "o", "folderId": "/Movies/"},
     "remote_add/recorded-created"),
    ("remote_status", lambda oc: oc.remote.status(request_id=RID), "POST", "/api/remote/status",
     {"requestId": RID}, "remote_status/recorded-downloaded"),
    ("remote_retry", lambda oc: oc.remote.retry(RID), "GET", f"/api/remote/retry/{RID}", None,
     "remote_retry/status-object"),
    ("remote_accounts", lambda oc: oc.remote.accounts(), "POST", "/api/remote/accounts", None,
     "remote_accounts/wrapped"),
    ("remote_history", lambda oc: oc.remote.history(), "GET", "/api/remote/history", None,
     "remote_history/items"),
    ("cache_check", lambda oc: oc.cache.check(hashes=["abc", "def"]), "POST", "/api/cache",
     {"hashes": ["abc", "def"]}, "cache_check/some-cached"),
    ("cache_info", lambda oc: oc.cache.info(urls=["magnet:?a", "magnet:?b"], include_files=True),
     "POST", "/api/cache/info", {"urls": ["magnet:?a", "magnet:?b"], "includeFiles": True},
     "cache_info/aligned"),
    ("cache_download", lambda oc: oc.cache.download(url="magnet:?a"), "POST",
     "/api/cache/download", {"url": "magnet:?a"}, "cache_download/links"),
    ("proxies_list", lambda oc: oc.proxies.list(), "POST", "/api/proxy", None,
     "proxies_list/wrapped"),
    ("sites_list", lambda oc: oc.sites.list(), "GET", "/api/sites", None, "sites_list/2026"),
    ("torrents_upload",
     lambda oc: oc.torrents.upload(file=File(payload=io.BytesIO(b"d4:infoe"), file_name="a.torrent",
                                             mime_type="application/x-bittorrent")),
     "POST", "/torrent/upload", ("multipart", b'filename="a.torrent"'), "torrents_upload/success"),
]  # fmt: skip

Call = Callable[[Any], Any]


def facade_call(operation_id: str, call: Call) -> Call:
    """The case's call on `Offcloud`/`AsyncOffcloud` (whose `cache.check` is the helper)."""
    if operation_id == "cache_check":
        return lambda oc: oc.cache.check_hashes(hashes=["abc", "def"])
    return call


CALLS: dict[str, Call] = {case[0]: facade_call(case[0], case[1]) for case in CASES}
ROUTES: dict[str, tuple[str, str]] = {case[0]: (case[2], case[3]) for case in CASES}
