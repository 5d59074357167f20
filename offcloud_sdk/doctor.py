"""How Offcloud's real answers compare with the spec the SDK is built on (`offcloud doctor`).

    from offcloud_sdk import Offcloud
    from offcloud_sdk.doctor import check

    with Offcloud() as oc:
        report = check(oc)
    for found in report.checks:
        print(found.operation, found.verdict, *found.details())
    print("the spec holds" if report.ok else "Offcloud's answers differ from the spec")

`check` asks Offcloud only what changes nothing (the account, the histories, the newest finished
request's status, files and links, the remote accounts, the proxies, the sites, the cache for a
public torrent), through a lenient copy of the client and its raw answers, and holds each
answer against the JSON Schema the spec (`openapi/offcloud.yaml`, shipped with the SDK) gives
that operation for that status. Each operation gets a verdict (`match`, `drift`, `refused`,
`skipped`) with its findings named by JSON path (`requests[0].fileSize`), and what is new:
fields, known words (those a description lists) and status codes the spec does not name.
`save_fixtures` writes the answers, personal data masked, in the format of `tests/fixtures/`.

It needs `jsonschema` and `PyYAML`, which come with the `cli` extra
(`pip install "offcloud-sdk[cli]"`); without them this module still imports, and `check` raises
`MissingDependencyError`. A key refused on the first call raises `AuthError`, no answer at all
`APIConnectionError`; anything Offcloud answers is a finding, never an exception.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._doctor.report import Answer, Check, Finding, FindingKind, Report, Verdict
from ._doctor.spec import Spec
from .exceptions import MissingDependencyError

if TYPE_CHECKING:
    from ._client import AsyncOffcloud, Offcloud

__all__ = [
    "Answer",
    "Check",
    "Finding",
    "FindingKind",
    "MissingDependencyError",
    "Report",
    "Spec",
    "Verdict",
    "acheck",
    "check",
    "save_fixtures",
]


def check(oc: Offcloud, *, spec: Spec | None = None) -> Report:
    """Ask Offcloud what changes nothing and hold every answer against `spec` (the spec
    shipped with the SDK when None); the `Report`.

    Calls go through `oc.with_options(strict=False)`, so nothing Offcloud answers raises:
    a refused key on the first call (`AuthError`) and no answer at all (`APIConnectionError`)
    do, as does a missing `jsonschema` or `PyYAML` (`MissingDependencyError`).
    """
    from ._calls.clock import SystemClock
    from ._doctor.probes import doctor
    from ._flows.flows import run

    used = Spec.load() if spec is None else spec
    lenient = oc.with_options(strict=False)
    flow = doctor(used, secrets=_secrets(oc.api_key), base_url=oc.base_url)
    return run(flow, lenient.with_raw_response, SystemClock())


async def acheck(oc: AsyncOffcloud, *, spec: Spec | None = None) -> Report:
    """The async twin of `check`, for an `AsyncOffcloud`."""
    from ._calls.clock import SystemClock
    from ._doctor.probes import doctor
    from ._flows.flows import arun

    used = Spec.load() if spec is None else spec
    lenient = oc.with_options(strict=False)
    flow = doctor(used, secrets=_secrets(oc.api_key), base_url=oc.base_url)
    return await arun(flow, lenient.with_raw_response, SystemClock())


def save_fixtures(
    report: Report, directory: str | os.PathLike[str], *, secrets: Sequence[str] = ()
) -> list[Path]:
    """Write each answer of `report` under `directory` as `<operationId>/doctor.json`, in the
    format of `tests/fixtures/`, with the personal data masked (the key, e-mail addresses,
    user and account ids, names, network addresses, what the account downloads: see
    `offcloud_sdk._doctor.masking`); the paths written. `secrets` are masked too, wherever
    they appear. A folder that cannot be written is a `LocalFileError`."""
    from ._doctor.fixtures import save_fixtures as save

    return save(report, directory, secrets=secrets)


def _secrets(key: str | None) -> tuple[str, ...]:
    return (key,) if key else ()
