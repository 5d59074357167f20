"""Which operation of the spec a (method, path) is, and how it authenticates."""

from __future__ import annotations

import re
from typing import Literal

import attrs

Auth = Literal["key", "classic", "none"]
"""`key`: a bad key gets 401 NOAUTH; `classic`: HTTP 200 `{"error"}`; `none`: open."""


@attrs.frozen
class Route:
    methods: frozenset[str]
    pattern: re.Pattern[str]
    operation: str
    auth: Auth


def _route(methods: str, path: str, operation: str, auth: Auth = "key") -> Route:
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path)
    return Route(frozenset(methods.split()), re.compile(f"^{regex}$"), operation, auth)


ROUTES = (
    _route("POST", "/api/login", "auth_login", "none"),
    _route("POST", "/api/key", "auth_api_key", "none"),
    _route("GET POST", "/api/check", "auth_check", "none"),
    _route("POST", "/oauth/device/code", "auth_device_code", "none"),
    _route("POST", "/oauth/token", "auth_device_token", "none"),
    _route("GET", "/api/account/info", "account_info"),
    _route("GET", "/api/account/stats", "account_stats"),
    _route("POST", "/api/cloud", "cloud_add"),
    _route("POST", "/api/cloud/status", "cloud_status"),
    _route("GET", "/api/cloud/explore/{requestId}", "cloud_explore"),
    _route("GET", "/api/cloud/list/{requestId}", "cloud_list", "classic"),
    _route("GET", "/api/cloud/history", "cloud_history"),
    _route("GET", "/api/cloud/retry/{requestId}", "cloud_retry"),
    _route("POST", "/api/cloud/remove", "cloud_remove"),
    _route("GET", "/cloud/remove/{requestId}", "cloud_remove_one", "classic"),
    _route("POST", "/api/instant", "instant_add"),
    _route("GET", "/api/instant/history", "instant_history"),
    _route("POST", "/api/remote", "remote_add"),
    _route("POST", "/api/remote/status", "remote_status", "classic"),
    _route("GET", "/api/remote/retry/{requestId}", "remote_retry", "classic"),
    _route("GET POST", "/api/remote/accounts", "remote_accounts", "classic"),
    _route("GET", "/api/remote/history", "remote_history", "classic"),
    _route("POST", "/api/cache", "cache_check"),
    _route("POST", "/api/cache/info", "cache_info"),
    _route("POST", "/api/cache/download", "cache_download"),
    _route("GET POST", "/api/proxy", "proxies_list"),
    _route("GET", "/api/sites", "sites_list"),
    _route("POST", "/torrent/upload", "torrents_upload"),
    Route(
        frozenset({"GET", "HEAD"}),
        re.compile(
            r"^/cloud/download/(?P<requestId>[^/]+)(?:/(?P<index>\d+)(?=/))?(?:/(?P<path>.+))?$"
        ),
        "storage_file",
        "none",
    ),
)


def route_for(method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    """The route a request takes and its path parameters, or None (Offcloud answers 404)."""
    for route in ROUTES:
        match = route.pattern.match(path)
        if match and method in route.methods:
            params = {k: v for k, v in match.groupdict().items() if v is not None}
            return route, params
    return None
