"""What the doctor found: a `Report` of one `Check` per operation, each with its `Finding`s.

All of them are small immutable attrs classes with `to_json()`. The answers themselves
(`Answer`: status, content type, text, parsed JSON) ride along on each check for whoever needs
them (`--save`, `--patch`), with the key already masked, but are never part of `to_json()` nor
of a `repr`: a report is meant to be shown and shared.
"""

from __future__ import annotations

import re
from typing import Literal

import attrs

from .._text import INVISIBLE

Verdict = Literal["match", "drift", "refused", "skipped"]
"""`match`: the answer is what the spec says; `drift`: it is not (the findings say where);
`refused`: Offcloud answered with a failure (an error or `not_available` body, an error status);
`skipped`: not asked (the reason says why)."""

FindingKind = Literal[
    "wrong_type",
    "missing_field",
    "wrong_shape",
    "broken_rule",
    "not_json",
    "content_type",
    "new_field",
    "new_value",
    "new_status",
]
"""What a finding is. Differences from the spec (drift): `wrong_type` (a value of another type,
a null), `missing_field` (a required field left out), `wrong_shape` (an answer or value that is
none of the shapes the spec allows: a wrapped list, an object for an array), `broken_rule`
(another rule of the schema: `maxProperties`, `minItems`…), `not_json` (a body that is not the
JSON it should be), `content_type` (a content type the spec does not list). New things, which
the spec allows but does not name: `new_field`, `new_value` (a word outside the known ones a
description lists), `new_status` (a status code the operation does not list)."""

NEW_KINDS: frozenset[str] = frozenset({"new_field", "new_value", "new_status"})


@attrs.frozen
class Finding:
    """One thing an answer holds that the spec does not say."""

    kind: FindingKind
    """What it is (see `FindingKind`)."""
    path: str
    """Where in the answer, as a JSON path: `requests[0].fileSize`; `""` for the answer itself."""
    arrived: str
    """What arrived: its JSON type and a short excerpt (escaped, the key masked)."""
    expected: str
    """What the spec says there."""

    @property
    def is_new(self) -> bool:
        """Whether this is something new (a field, a value, a status) rather than a difference."""
        return self.kind in NEW_KINDS

    def describe(self) -> str:
        """One line: where, what arrived and what the spec says."""
        where = self.path or "the answer"
        if self.kind == "new_field":
            return f"new field {where}: {self.arrived} ({self.expected})"
        if self.kind == "new_value":
            return f"new value at {where}: {self.arrived}; {self.expected}"
        if self.kind == "new_status":
            return f"new status: {self.arrived}; {self.expected}"
        if self.kind == "not_json":
            return f"{where} is not valid JSON: {self.arrived}; the spec says {self.expected}"
        if self.kind == "missing_field":
            return f"{where} is missing; the spec requires it ({self.expected})"
        return f"{where}: arrived {self.arrived}; the spec says {self.expected}"

    def to_json(self) -> dict[str, str]:
        """The finding as JSON data."""
        return {
            "kind": self.kind,
            "path": self.path,
            "arrived": self.arrived,
            "expected": self.expected,
        }


@attrs.frozen
class Answer:
    """An answer as it came (the key masked): for saving it and for proposing a spec change."""

    status: int
    """The HTTP status."""
    content_type: str
    """The media type, lower case, without parameters (`application/json`); `""` when none."""
    text: str = attrs.field(repr=False)
    """The body as text."""
    json: object = attrs.field(default=None, repr=False)
    """The body parsed as JSON, when `is_json`."""
    is_json: bool = False
    """Whether the body was JSON."""


@attrs.frozen
class Check:
    """What the doctor found for one operation."""

    operation: str
    """The operationId, e.g. `cloud_status`."""
    verdict: Verdict
    """`match`, `drift`, `refused` or `skipped`."""
    reason: str = ""
    """Why it was skipped, Offcloud's words when it refused, or what failed for a drift that
    has no finding of its own; empty for a match."""
    status: int | None = None
    """The HTTP status of the answer (None when skipped)."""
    content_type: str | None = None
    """The answer's media type (None when skipped)."""
    specified: bool = True
    """For a refusal: whether the spec lists that answer (an `{"error": …}` body where the
    spec has `ErrorBody`, a listed 401). True for the other verdicts."""
    problems: tuple[Finding, ...] = ()
    """How the answer differs from the spec (a drift, or a refusal the spec does not list)."""
    new: tuple[Finding, ...] = ()
    """What the answer holds that the spec does not name: fields, values, a status code."""
    answer: Answer | None = attrs.field(default=None, repr=False, eq=False)
    """The answer itself (None when skipped or when no answer came)."""

    @property
    def ok(self) -> bool:
        """Whether nothing here needs the spec to change: a match or a refusal the spec lists,
        with nothing new; or skipped."""
        if self.verdict == "skipped":
            return True
        if self.new:
            return False
        return self.verdict == "match" or (self.verdict == "refused" and self.specified)

    def details(self) -> list[str]:
        """What to show for it, one line per thing found (the reason first)."""
        lines = [self.reason] if self.reason else []
        if self.verdict == "refused" and not self.specified:
            lines.append("the spec does not list this answer for this operation")
        lines += [finding.describe() for finding in (*self.problems, *self.new)]
        return [inert(line) for line in lines]

    def to_json(self) -> dict[str, object]:
        """The check as JSON data (without the answer's body)."""
        return {
            "operation": self.operation,
            "verdict": self.verdict,
            "ok": self.ok,
            "reason": self.reason,
            "status": self.status,
            "content_type": self.content_type,
            "specified": self.specified,
            "problems": [finding.to_json() for finding in self.problems],
            "new": [finding.to_json() for finding in self.new],
        }


@attrs.frozen
class Report:
    """The doctor's findings, one `Check` per operation in the order they were asked."""

    checks: tuple[Check, ...]
    """One per operation."""
    spec: str
    """Where the spec the answers were held against came from."""
    base_url: str
    """The server that answered."""

    @property
    def ok(self) -> bool:
        """Whether every operation matched, was refused as the spec says, or was skipped, and
        nothing new was found: the spec needs no change."""
        return all(check.ok for check in self.checks)

    @property
    def drifted(self) -> tuple[Check, ...]:
        """The checks that found something: a drift, a refusal the spec does not list, or
        something new."""
        return tuple(check for check in self.checks if not check.ok)

    def get(self, operation: str) -> Check | None:
        """The check of `operation`, or None when it is not in the report."""
        return next((check for check in self.checks if check.operation == operation), None)

    def answers(self) -> list[tuple[str, int, object]]:
        """(operationId, status, parsed JSON body) of every JSON answer, in order: what a spec
        patch is made from."""
        return [
            (check.operation, check.answer.status, check.answer.json)
            for check in self.checks
            if check.answer is not None and check.answer.is_json
        ]

    def summary(self) -> dict[str, int]:
        """How many checks had each verdict, and how many new things were found."""
        counts = dict.fromkeys(("match", "drift", "refused", "skipped"), 0)
        for check in self.checks:
            counts[check.verdict] += 1
        counts["new"] = sum(len(check.new) for check in self.checks)
        return counts

    def to_json(self) -> dict[str, object]:
        """The report as JSON data: `ok`, `spec`, `base_url`, `summary` and `checks`."""
        return {
            "ok": self.ok,
            "spec": self.spec,
            "base_url": self.base_url,
            "summary": self.summary(),
            "checks": [check.to_json() for check in self.checks],
        }


_UNSHOWN = re.compile(rf"[\x00-\x1f\x7f-\x9f{INVISIBLE}]")


def inert(text: str) -> str:
    """`text` with control characters and bidi controls written as escapes (`\\x1b`), so that
    showing it cannot drive a terminal or reorder what it shows."""
    return _UNSHOWN.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
