"""`offcloud doctor`: hold Offcloud's real answers against the SDK's spec.

Registered on the `offcloud` app at the end of `_app.py`; it imports `_app` only when it runs.
Exit codes: 0 when every answer matches (or is a refusal the spec lists, or was skipped), 1
when something drifted or is new; 2 for a usage error (a bad --spec, the doctor's packages
missing), 3 when the key is refused, 6 when Offcloud does not answer, as every command.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..doctor import Report, Spec
    from ._output import Output

DEFAULT_SPEC_NAME = "openapi/offcloud.yaml"
"""The name the patch gives the shipped spec: where it lives in a checkout of the SDK."""


def doctor(
    ctx: typer.Context,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save",
            metavar="DIR",
            help="Write each answer as a fixture, DIR/<operation>/doctor.json, in the format of "
            "tests/fixtures, with the key and personal data masked.",
            show_default=False,
        ),
    ] = None,
    patch: Annotated[
        Path | None,
        typer.Option(
            "--patch",
            metavar="FILE",
            help="Write to FILE a unified diff of the spec that describes the answers.",
            show_default=False,
        ),
    ] = None,
    spec_path: Annotated[
        Path | None,
        typer.Option(
            "--spec",
            metavar="PATH",
            help="The spec to hold the answers against (and to patch); default: the one "
            "shipped with the SDK.",
            show_default=False,
        ),
    ] = None,
    json_flag: Annotated[
        bool, typer.Option("--json", help="Print the report as JSON on stdout, nothing else there.")
    ] = False,
) -> None:
    """Compare Offcloud's answers with the SDK's spec, asking only what changes nothing.

    Exit 0 when they match, 1 when something drifted or is new.
    """
    from ..doctor import MissingDependencyError, Spec, check, save_fixtures
    from ._app import connected
    from ._output import USAGE, Failure

    with connected(ctx, json_flag) as (out, oc):
        try:
            spec = Spec.load(spec_path)
        except MissingDependencyError as exc:
            raise Failure(exc.message, USAGE, "MissingDependencyError") from None
        report = check(oc, spec=spec)
        extra: dict[str, object] = {}
        if save is not None:
            written = save_fixtures(report, save, secrets=out.secrets)
            extra["saved"] = [str(path) for path in written]
        if patch is not None:
            changed = _write_patch(report, spec, spec_path, patch, out)
            extra["patch"] = {"file": str(patch), "changed": changed}
        _show(out, report, extra)
        raise typer.Exit(0 if report.ok else 1)


def _write_patch(
    report: Report, spec: Spec, spec_path: Path | None, target: Path, out: Output
) -> bool:
    """Write the diff that makes `spec` describe the report's answers to `target`; whether it
    changes anything."""
    from .._doctor.fixtures import masked_answers
    from ._output import USAGE, Failure

    try:
        from .._doctor.patch import patched_spec, unified_diff
    except ImportError as exc:
        raise Failure(
            f"--patch is not available in this installation ({exc.name or exc} is missing)",
            USAGE,
        ) from None
    answers = masked_answers(report, secrets=out.secrets)
    new = patched_spec(spec.text, answers)
    name = DEFAULT_SPEC_NAME if spec_path is None else str(spec_path)
    diff = unified_diff(spec.text, new, name)
    target.write_text(diff, encoding="utf-8")
    return bool(diff)


def _show(out: Output, report: Report, extra: dict[str, object]) -> None:
    from ._output import Col

    if out.json_mode:
        out.result({**report.to_json(), **extra})
        return
    rows: list[tuple[str, str, str]] = []
    for found in report.checks:
        verdict = found.verdict + (" +new" if found.new else "")
        details = found.details() or [""]
        rows.append((found.operation, verdict, details[0]))
        rows += [("", "", line) for line in details[1:]]
    out.table(rows, (Col("operation", "id"), Col("verdict", "id"), Col("details")))
    counts = report.summary()
    out.say(
        f"{len(report.checks)} operations: {counts['match']} match, {counts['drift']} drift, "
        f"{counts['refused']} refused, {counts['skipped']} skipped; {counts['new']} new "
        f"(spec: {report.spec})"
    )
    saved = extra.get("saved")
    if isinstance(saved, list) and saved:
        folder = Path(saved[0]).parent.parent
        out.say(f"Saved {len(saved)} answers, masked, as fixtures under {folder}.")
    written = extra.get("patch")
    if isinstance(written, dict):
        what = "a change to the spec" if written["changed"] else "no change (an empty diff)"
        out.say(f"Wrote {what} to {written['file']}.")
    if report.ok:
        out.say("Offcloud answers as the spec says.")
    else:
        out.say(
            "Offcloud's answers differ from the spec: --save DIR keeps them (masked) as "
            "fixtures, --patch FILE proposes a change to the spec."
        )
