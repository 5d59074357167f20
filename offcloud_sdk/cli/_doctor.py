"""`offcloud doctor`: hold Offcloud's real answers against the SDK's spec.

Registered on the `offcloud` app at the end of `_app.py`; it imports `_app` only when it runs.
Exit codes: 0 when every answer matches (or is a refusal the spec lists, or was skipped), 1
when something drifted or is new; 2 for a usage error (a bad --spec, a --save that is not a
folder, a --patch file that is there already, the doctor's packages missing), 3 when the key
is refused, 6 when Offcloud does not answer, as every command.
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
    from ..exceptions import LocalFileError
    from ._app import connected
    from ._output import USAGE, Failure

    with connected(ctx, json_flag) as (out, oc):
        try:
            spec = Spec.load(spec_path)
        except MissingDependencyError as exc:
            raise Failure(exc.message, USAGE, "MissingDependencyError") from None
        _check_targets(save, patch, spec_path)  # before asking Offcloud anything
        report = check(oc, spec=spec)
        extra: dict[str, object] = {}
        if save is not None:
            try:
                written = save_fixtures(report, save, secrets=out.secrets)
            except (LocalFileError, OSError) as exc:
                raise Failure(f"--save {save}: {exc}", USAGE) from None
            extra["saved"] = [str(path) for path in written]
        if patch is not None:
            changed = _write_patch(report, spec, spec_path, patch, out)
            extra["patch"] = {"file": str(patch), "changed": changed}
        _show(out, report, extra)
        raise typer.Exit(0 if report.ok else 1)


def _check_targets(save: Path | None, patch: Path | None, spec_path: Path | None) -> None:
    """Refuse, as usage errors, a --save that is not a folder and a --patch that would replace
    a file (the spec itself above all): the doctor never replaces a user's file."""
    from ._output import USAGE, Failure

    if save is not None and save.exists() and not save.is_dir():
        raise Failure(f"--save {save}: not a folder", USAGE)
    if patch is None:
        return
    if patch.exists() or patch.is_symlink():
        what = "the spec itself" if spec_path is not None and _same(patch, spec_path) else "a file"
        raise Failure(
            f"--patch {patch}: {what} is there already; the doctor writes the diff to a new "
            "file and never replaces one (apply it with `git apply`)",
            USAGE,
        )
    if not patch.parent.is_dir():
        raise Failure(f"--patch {patch}: the folder {patch.parent} does not exist", USAGE)


def _same(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


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
    try:
        with target.open("x", encoding="utf-8") as file:  # "x": never replace a file
            file.write(diff)
    except OSError as exc:
        raise Failure(
            f"--patch {target}: cannot write the diff: {exc.strerror or exc}", USAGE
        ) from None
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
