"""Checked by mypy --strict in scripts/test: the public modules as a type checker sees them.

Not collected by pytest. Every model and value class comes from `offcloud_sdk.types` (a star
import included), and a misspelt name is an error, not `Any`: the `type: ignore`s below are
needed, and mypy's `warn_unused_ignores` (part of --strict) fails if one stops being needed.
"""

from __future__ import annotations

from typing import assert_type

import offcloud_sdk
import offcloud_sdk.types
from offcloud_sdk import Offcloud
from offcloud_sdk.testing import FakeOffcloud, Fault, RateLimit
from offcloud_sdk.types import *  # noqa: F403
from offcloud_sdk.types import CloudResource
from offcloud_sdk.types import RequestStatus as Status

misspelt = (
    offcloud_sdk.Ofcloud,  # type: ignore[attr-defined]
    offcloud_sdk.types.RequestStatuss,  # type: ignore[attr-defined]
)


def report(status: RequestStatus, request: DownloadRequest, file: CloudFile) -> str:  # noqa: F405
    """Models and value classes by their names in `offcloud_sdk.types`."""
    return f"{status.status} {request.request_id} {file.name}"


def resources(oc: Offcloud) -> CloudResource:
    """The class of `oc.cloud`, with its helpers, is nameable."""
    assert_type(oc.cloud.files("id"), list[CloudFile])  # noqa: F405
    return oc.cloud


def first(statuses: dict[str, Status]) -> RawResponse[Status] | None:  # noqa: F405
    """The per-call types are there too."""
    return None


def faults(fake: FakeOffcloud) -> Fault:
    """What `inject` takes is nameable."""
    fault: Fault = RateLimit(retry_after=2)
    fake.inject(fault, times=1)
    return fault
