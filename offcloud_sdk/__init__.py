"""offcloud-sdk: the typed Python SDK for the Offcloud API.

The typed resources and models are generated from `openapi/offcloud.yaml` into the
`offcloud_api_client` package; this package is the hand-written layer over them.
"""

__version__ = "0.1.0"
