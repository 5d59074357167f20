"""Every type a user of the SDK may name in an annotation, from one place.

    from offcloud_sdk.types import CloudFile, DownloadRequest, RequestStatus

    def report(status: RequestStatus) -> str: ...

It holds every model generated from the spec (the list is `offcloud_api_client.models`'s own,
so a model added to the spec appears here by itself), the generated layer's `File`, `Unset`
and `UNSET`, the per-call `CallOptions` and `RawResponse`, and the SDK's own value classes and
callback types. Nothing is imported until it is first used, so `import offcloud_sdk.types`
costs almost nothing.
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
    from ._calls.settings import KeyIn
    from ._downloads.downloads import DownloadProgress, OnDownloadProgress
    from ._flows.auth_flows import OnCode
    from ._flows.cloud_files import CloudFile
    from ._flows.polling import OnProgress

# The SDK's own names, and the module each is imported from on first use.
_HOMES = {
    "CallOptions": "offcloud_api_client.api",
    "RawResponse": "offcloud_api_client.api",
    "File": "offcloud_api_client.types",
    "UNSET": "offcloud_api_client.types",
    "Unset": "offcloud_api_client.types",
    "Clock": "offcloud_sdk._calls.clock",
    "KeyIn": "offcloud_sdk._calls.settings",
    "CloudFile": "offcloud_sdk._flows.cloud_files",
    "DownloadProgress": "offcloud_sdk._downloads.downloads",
    "OnDownloadProgress": "offcloud_sdk._downloads.downloads",
    "OnCode": "offcloud_sdk._flows.auth_flows",
    "OnProgress": "offcloud_sdk._flows.polling",
}

__all__ = [
    "UNSET",
    "CallOptions",
    "Clock",
    "CloudFile",
    "DownloadProgress",
    "File",
    "KeyIn",
    "OnCode",
    "OnDownloadProgress",
    "OnProgress",
    "RawResponse",
    "Unset",
]
__all__ += _models.__all__


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
    return sorted({*globals(), *__all__})
