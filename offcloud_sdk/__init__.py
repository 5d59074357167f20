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

from .client import AsyncOffcloud, Offcloud
from .cloud_files import CloudFile
from .compat import OffcloudAPI
from .settings import KeyIn
from .version import __version__

__all__ = ["AsyncOffcloud", "CloudFile", "KeyIn", "Offcloud", "OffcloudAPI", "__version__"]
