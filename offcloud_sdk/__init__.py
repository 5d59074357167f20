"""offcloud-sdk: the typed Python SDK for the Offcloud API.

    from offcloud_sdk import Offcloud

    with Offcloud() as oc:                      # key from OFFCLOUD_API_KEY
        request = oc.cloud.add(url="magnet:?xt=urn:btih:…")
        oc.cloud.wait(request.request_id)
        for file in oc.cloud.files(request.request_id):
            print(file.name, file.url)

The typed resources and models are generated from `openapi/offcloud.yaml` into the
`offcloud_api_client` package; this package is the hand-written layer over them: keys and
login, errors (`offcloud_sdk.exceptions`), retries, helpers, and the seed's `OffcloudAPI`.
"""

from __future__ import annotations

import importlib

from ._type_checking import TYPE_CHECKING
from ._version import __version__

if TYPE_CHECKING:
    from typing import Any

    from ._aiohttp import DefaultAioHttpClient
    from ._calls.settings import KeyIn
    from ._client import AsyncOffcloud, Offcloud
    from ._compat import OffcloudAPI
    from ._downloads.downloads import DownloadProgress
    from ._flows.cloud_files import CloudFile

__all__ = [
    "AsyncOffcloud",
    "CloudFile",
    "DefaultAioHttpClient",
    "DownloadProgress",
    "KeyIn",
    "Offcloud",
    "OffcloudAPI",
    "__version__",
]

# Imported on first use, so `import offcloud_sdk.exceptions` or the CLI's `--help` do not pay
# for the HTTP stack and the generated models.
_HOMES = {
    "AsyncOffcloud": "_client",
    "Offcloud": "_client",
    "CloudFile": "_flows.cloud_files",
    "DefaultAioHttpClient": "_aiohttp",  # aiohttp itself only when one is made (the extra)
    "OffcloudAPI": "_compat",
    "DownloadProgress": "_downloads.downloads",
    "KeyIn": "_calls.settings",
}


# Hidden from type checkers: a module `__getattr__` would make a misspelt name `Any`.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*__all__, "cli", "exceptions", "testing", "types"})
