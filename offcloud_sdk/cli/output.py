"""What the command prints: results on stdout (JSON with `--json`), the rest on stderr.

Errors become one line on stderr (a JSON object with `--json`) and an exit code:
0 success, 1 API error, 2 usage, 3 authentication, 4 not found, 5 not available, 6 network.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from rich.console import Console

OK, API_ERROR, USAGE, AUTH, NOT_FOUND, NOT_AVAILABLE, NETWORK = range(7)
INTERRUPTED = 130
HINTS = {
    AUTH: " (the API key was refused: run `offcloud login`, or check --api-key and "
    "OFFCLOUD_API_KEY)",
    NETWORK: " (check the connection, or --base-url / OFFCLOUD_BASE_URL)",
}

# Whole escape sequences, 7-bit and 8-bit: CSI; the strings OSC, DCS, SOS, PM and APC, which end
# at BEL or ST (or, unterminated, at the next ESC or the end); two-char ones like `ESC c`.
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)
_BIDI = r"\u202a-\u202e\u2066-\u2069"  # embeddings, overrides, isolates: they reorder text
_CONTROLS = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_RAW_IN_JSON = re.compile(rf"[\x7f-\x9f{_BIDI}]")
"""What json.dumps(ensure_ascii=False) leaves raw (it escapes C0) that a terminal acts on."""


class Failure(Exception):
    """Ends a command with `message` on stderr and `exit_code`."""

    def __init__(self, message: str, exit_code: int, kind: str = "UsageError") -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.kind = kind


def inert(text: str, *, lines: bool = False) -> str:
    """`text` (from Offcloud, say) safe to print on a terminal: no escape sequences, control
    characters or bidi overrides. Newlines and tabs become spaces, unless `lines` keeps them."""
    text = _SEQUENCES.sub("", text)
    if not lines:
        text = text.replace("\n", " ").replace("\t", " ")
    return _CONTROLS.sub("", text)


def json_text(data: object, *, indent: int | None = None) -> str:
    """`data` as JSON, exact, with nothing in it a terminal would act on (C1, bidi escaped)."""
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    return _RAW_IN_JSON.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


def exit_code_for(error: BaseException) -> int:
    from ..exceptions import (
        APIConnectionError,
        AuthError,
        InvalidArgumentError,
        NotAvailableError,
        NotFoundError,
    )

    table: Sequence[tuple[type[BaseException], int]] = (
        (AuthError, AUTH),
        (NotFoundError, NOT_FOUND),
        (NotAvailableError, NOT_AVAILABLE),
        (APIConnectionError, NETWORK),
        (InvalidArgumentError, USAGE),
    )
    return next((code for kind, code in table if isinstance(error, kind)), API_ERROR)


@attrs.define
class Output:
    """Prints for one command run."""

    json_mode: bool = False
    secrets: list[str] = attrs.field(factory=list, repr=False)
    """Keys to keep out of any message."""
    _stdout: Console | None = None
    _stderr: Console | None = None

    @property
    def stdout(self) -> Console:
        if self._stdout is None:
            from rich.console import Console

            self._stdout = Console(soft_wrap=True)
        return self._stdout

    @property
    def stderr(self) -> Console:
        if self._stderr is None:
            from rich.console import Console

            self._stderr = Console(stderr=True, soft_wrap=True)
        return self._stderr

    @property
    def live(self) -> bool:
        """Whether progress bars may be drawn: stderr is a terminal."""
        return sys.stderr.isatty()

    def result(
        self,
        data: object,
        table: Iterable[Sequence[object]] | None = None,
        columns: Sequence[str] = (),
    ) -> None:
        """The command's result: JSON on stdout with `--json`, else a table (or nothing)."""
        if self.json_mode:
            sys.stdout.write(json_text(plain(data), indent=2) + "\n")
            sys.stdout.flush()
            return
        if table is None:
            return
        from rich.table import Table
        from rich.text import Text

        shown = Table(*columns, box=None, header_style="bold", pad_edge=False)
        for row in table:  # as Text: "[Group] Show [1080p]" is a name, not markup
            shown.add_row(*(Text("" if cell is None else inert(str(cell))) for cell in row))
        self.stdout.print(shown)

    def say(self, message: str, *, bold: str = "") -> None:
        """A message for the person at the terminal (stderr; never mixed into JSON), with
        `bold` printed in bold after it."""
        from rich.text import Text

        text = Text(inert(message, lines=True))
        if bold:
            text.append(inert(bold), style="bold")
        self.stderr.print(text, highlight=False)

    def error(self, failure: Failure) -> None:
        if self.json_mode:
            payload = {
                "error": {
                    "type": failure.kind,
                    "message": failure.message,
                    "exit_code": failure.exit_code,
                }
            }
            sys.stderr.write(json_text(payload) + "\n")
        else:
            sys.stderr.write(f"offcloud: error: {inert(failure.message)}\n")
        sys.stderr.flush()


@contextmanager
def failures_handled(output: Output) -> Iterator[None]:
    """Turn every failure into one line on stderr and the exit code of the table."""
    import typer

    from ..exceptions import OffcloudError

    try:
        yield
    except Failure as failure:
        output.error(failure)
        raise typer.Exit(failure.exit_code) from None
    except OffcloudError as exc:
        code = exit_code_for(exc)
        output.error(Failure(exc.message + HINTS.get(code, ""), code, type(exc).__name__))
        raise typer.Exit(code) from None
    except (KeyboardInterrupt, typer.Abort):  # Ctrl-C, or a prompt that got no input
        output.error(Failure("interrupted", INTERRUPTED, "Interrupted"))
        raise typer.Exit(INTERRUPTED) from None
    except typer.Exit:
        raise
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        from ..redaction import redact

        detail = redact(f"{type(exc).__name__}: {exc}", output.secrets)
        output.error(Failure(f"unexpected failure ({detail})", API_ERROR, "InternalError"))
        raise typer.Exit(API_ERROR) from None


def plain(value: Any) -> Any:
    """Models, attrs values and paths as plain JSON data."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if attrs.has(type(value)):
        return plain(attrs.asdict(value, recurse=False))
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def human_size(size: object) -> str:
    """`1.5 GiB` from a byte count (or the value as given when it is not a number)."""
    try:
        amount = float(str(size))
    except ValueError:
        return str(size)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if amount < 1024 or unit == "TiB":
            return f"{amount:.0f} {unit}" if unit == "B" else f"{amount:.1f} {unit}"
        amount /= 1024
    return str(size)
