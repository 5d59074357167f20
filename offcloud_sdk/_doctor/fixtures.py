"""Saving a report's answers as fixtures, in the format of `tests/fixtures/<operation>/*.json`:

    {"operation": "cloud_status", "kind": "response", "status": 200,
     "content_type": "application/json", "source": "recorded with offcloud doctor …",
     "body": {…}}

(`"text": "…"` instead of `"body"` for an answer that is not JSON), each masked first
(`masking`). Each goes to `<dir>/<operationId>/doctor.json`: the names come from the doctor's
own operation ids, never from an answer, and a folder in the way that is a symbolic link is
refused, so nothing is written outside `<dir>`. A file already there is replaced whole (a
new file renamed over it: a symlink there is replaced, never followed).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from .._downloads.local_files import replace_atomically
from .._version import __version__
from ..exceptions import LocalFileError
from .masking import Masker
from .report import Check, Report

FILE_NAME = "doctor.json"
_OPERATION = re.compile(r"[a-z][a-z0-9_]{0,63}")


def fixture(check: Check, masker: Masker, source: str) -> dict[str, object] | None:
    """The fixture of one check's answer, masked (None when there was no answer)."""
    answer = check.answer
    if answer is None:
        return None
    data: dict[str, object] = {
        "operation": check.operation,
        "kind": "response",
        "status": answer.status,
        "content_type": answer.content_type or "application/octet-stream",
        "source": source,
    }
    if answer.is_json:
        data["body"] = masker.json(check.operation, answer.json)
    else:
        data["text"] = masker.text(check.operation, answer.text)
    return data


def save_fixtures(
    report: Report, directory: str | os.PathLike[str], *, secrets: Sequence[str] = ()
) -> list[Path]:
    """Write every answer of `report` as a masked fixture under `directory` (made if missing),
    one `<operationId>/doctor.json` each; the paths written, in order. `secrets` are masked
    wherever they appear (the doctor has masked the client's key already)."""
    root = Path(directory)
    masker = Masker(secrets)
    today = datetime.now(UTC).date().isoformat()
    source = (
        f"recorded with offcloud doctor (offcloud-sdk {__version__}) on {today}; personal data "
        "masked"
    )
    written: list[Path] = []
    try:
        root.mkdir(parents=True, exist_ok=True)
        base = root.resolve(strict=True)
        for check in report.checks:
            data = fixture(check, masker, source)
            if data is None:
                continue
            if not _OPERATION.fullmatch(check.operation):
                raise LocalFileError(f"{check.operation!r} is not an operation id to name a file")
            folder = root / check.operation
            if folder.is_symlink():
                raise LocalFileError(f"{folder}: a symbolic link; not written through")
            folder.mkdir(exist_ok=True)
            if folder.resolve(strict=True).parent != base:
                raise LocalFileError(f"{folder}: outside {root}; not written")
            path = folder / FILE_NAME
            text = json.dumps(data, indent=2, ensure_ascii=True) + "\n"
            replace_atomically(path, text.encode("utf-8"))
            written.append(path)
    except LocalFileError:
        raise
    except OSError as exc:
        where = exc.filename or root
        raise LocalFileError(f"{where}: cannot save the answers: {exc.strerror or exc}") from None
    return written


def masked_answers(report: Report, *, secrets: Sequence[str] = ()) -> list[tuple[str, int, object]]:
    """`report.answers()` with the personal data masked as in the saved fixtures (the shapes,
    types and status words kept): what a spec patch meant to be shared is made from."""
    masker = Masker(secrets)
    return [(op, status, masker.json(op, body)) for op, status, body in report.answers()]
