"""What the command prints: results on stdout (JSON with `--json`), the rest on stderr.

Errors become one line on stderr (a JSON object with `--json`) and an exit code:
0 success, 1 API or local error, 2 usage, 3 authentication, 4 not found, 5 not available,
6 network, 7 a wait ran out of time, 130 interrupted.

Commands over several items (`add`, `get`, `status`, `wait`, `rm`, `cache`) go through
`Outcomes`: every item is tried, each success is shown and each failure is one line on stderr;
the exit code is the first failure's.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .._text import INVISIBLE

if TYPE_CHECKING:
    from rich.console import Console

OK, API_ERROR, USAGE, AUTH, NOT_FOUND, NOT_AVAILABLE, NETWORK, TIMED_OUT = range(8)
INTERRUPTED = 130
HINTS = {
    AUTH: " (the API key was refused: run `offcloud login`, or check --api-key and "
    "OFFCLOUD_API_KEY)",
    NETWORK: " (check the connection, or --base-url / OFFCLOUD_BASE_URL)",
    TIMED_OUT: " (the downloads go on at Offcloud: run `offcloud wait` again, or give a "
    "larger --timeout)",
}
WORDING = (
    ("resume=True goes on", "run the same command again to resume"),
    (
        "pass api_key= or set OFFCLOUD_API_KEY, or sign in with device_login()",
        "run `offcloud login` and paste it, or set OFFCLOUD_API_KEY; or sign in in a browser "
        "with `offcloud login --device`",
    ),
    (
        "pass api_key=, set OFFCLOUD_API_KEY, or call device_login()",
        "run `offcloud login`, pass --api-key or set OFFCLOUD_API_KEY",
    ),
    ("call device_login() again", "run `offcloud login --device` again"),
    ("api_key holds a character", "the API key holds a character"),
    ("api_key must be", "the API key must be"),
)
"""The library's words for a Python caller, and the command's words for the same thing."""

# Whole escape sequences, 7-bit and 8-bit: CSI; the strings OSC, DCS, SOS, PM and APC, which end
# at BEL or ST (or, unterminated, at the next ESC or the end); two-char ones like `ESC c`.
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)
_BIDI = INVISIBLE  # bidi controls, invisible characters, line separators
_CONTROLS = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_RAW_IN_JSON = re.compile(rf"[\x7f-\x9f{_BIDI}]")
"""What json.dumps(ensure_ascii=False) leaves raw (it escapes C0) that a terminal acts on."""


class Failure(Exception):
    """Ends a command (or one item of it) with `message` on stderr and `exit_code`."""

    def __init__(self, message: str, exit_code: int, kind: str = "UsageError") -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.kind = kind

    def payload(self) -> dict[str, object]:
        """The `error` object of the JSON output."""
        return {"type": self.kind, "message": self.message, "exit_code": self.exit_code}


def for_the_command(message: str) -> str:
    """A library message in the command's words (`offcloud login --device`, not
    `device_login()`)."""
    for library, command in WORDING:
        message = message.replace(library, command)
    return message


def failure_of(error: BaseException, hints: dict[int, str] | None = None) -> Failure:
    """The `Failure` an SDK error ends a command (or an item) with."""
    code = exit_code_for(error)
    message = for_the_command(getattr(error, "message", None) or str(error))
    hint = (HINTS if hints is None else hints).get(code, "")
    return Failure(message + hint, code, type(error).__name__)


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
    return _RAW_IN_JSON.sub(_json_escape, text)


def _json_escape(found: re.Match[str]) -> str:
    """`\\uXXXX`, as a surrogate pair beyond the BMP (tags), as JSON spells it."""
    code = ord(found[0])
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def exit_code_for(error: BaseException) -> int:
    from ..exceptions import (
        APIConnectionError,
        AuthError,
        InvalidArgumentError,
        NotAvailableError,
        NotFoundError,
        WaitTimeoutError,
    )

    table: Sequence[tuple[type[BaseException], int]] = (
        (AuthError, AUTH),
        (NotFoundError, NOT_FOUND),
        (NotAvailableError, NOT_AVAILABLE),
        (WaitTimeoutError, TIMED_OUT),  # before its base: a time-out is not a network error
        (APIConnectionError, NETWORK),
        (InvalidArgumentError, USAGE),
    )
    return next((code for kind, code in table if isinstance(error, kind)), API_ERROR)


UNLIMITED = 100_000
"""The width tables get on a pipe (no COLUMNS): one line per row, for grep and cut."""
ColumnKind = Literal["id", "link", "text"]


@attrs.frozen
class Col:
    """A table column.

    `id` values (request ids, hashes; also dates and sizes) are never cut or wrapped; `link`
    values (links, paths) are never cut, and folded onto more lines only when wider than the
    screen; `text` wraps. When the screen is too narrow, the columns with a `drop` are left
    out, the highest first; when even the rest does not fit, the rows are printed whole and
    the terminal wraps them.
    """

    name: str
    kind: ColumnKind = "text"
    drop: int = 0


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

            piped = not sys.stdout.isatty() and not os.environ.get("COLUMNS")
            self._stdout = Console(soft_wrap=True, width=UNLIMITED if piped else None)
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
        columns: Sequence[str | Col] = (),
    ) -> None:
        """The command's result: JSON on stdout with `--json`, else a table (or nothing)."""
        if self.json_mode:
            sys.stdout.write(json_text(plain(data), indent=2) + "\n")
            sys.stdout.flush()
            return
        if table is not None:
            self.table(table, columns)

    def table(self, rows: Iterable[Sequence[object]], columns: Sequence[str | Col]) -> None:
        """`rows` as a table on stdout, as wide as the screen allows (see `Col`)."""
        from rich.cells import cell_len
        from rich.table import Table
        from rich.text import Text

        specs = [column if isinstance(column, Col) else Col(column) for column in columns]
        cells = [[inert("" if cell is None else str(cell)) for cell in row] for row in rows]

        def least(index: int) -> int:  # the narrowest a column may get
            spec = specs[index]
            longest = max([cell_len(spec.name), *(cell_len(row[index]) for row in cells)])
            return longest if spec.kind == "id" else min(longest, 20 if spec.kind == "link" else 8)

        shown = list(range(len(specs)))
        gaps = 2  # rich's padding between two columns
        while sum(map(least, shown)) + gaps * (len(shown) - 1) > self.stdout.width:
            droppable = [index for index in shown if specs[index].drop]
            if not droppable:
                break
            shown.remove(max(droppable, key=lambda index: specs[index].drop))
        fits = sum(map(least, shown)) + gaps * (len(shown) - 1) <= self.stdout.width
        drawn = Table(box=None, header_style="bold", pad_edge=False)
        for index in shown:
            spec = specs[index]
            if spec.kind == "id":
                drawn.add_column(spec.name, no_wrap=True, min_width=least(index))
            else:
                drawn.add_column(spec.name, overflow="fold", min_width=least(index))
        for row in cells:  # as Text: "[Group] Show [1080p]" is a name, not markup
            drawn.add_row(*(Text(row[index]) for index in shown))
        screen = self.stdout.width
        if not fits:  # too narrow even for the ids and links: whole lines, the terminal wraps
            self.stdout.width = UNLIMITED
        try:
            self.stdout.print(drawn)
        finally:
            self.stdout.width = screen

    def say(self, message: str, *, bold: str = "") -> None:
        """A message for the person at the terminal (stderr; never mixed into JSON), with
        `bold` printed in bold after it."""
        from rich.text import Text

        text = Text(inert(message, lines=True))
        if bold:
            text.append(inert(bold), style="bold")
        self.stderr.print(text, highlight=False)

    def masked(self, text: str) -> str:
        """`text` with the key masked: a message may quote it, an item may be a link with
        `key=` in it."""
        from .._calls.redaction import redact

        return redact(text, self.secrets)

    def error(self, failure: Failure, *, item: str | None = None) -> None:
        """One line on stderr: `offcloud: error: [ITEM: ]message`, or one JSON object."""
        message = self.masked(failure.message)
        item = None if item is None else self.masked(item)
        if self.json_mode:
            payload: dict[str, object] = {} if item is None else {"item": item}
            payload["error"] = {**failure.payload(), "message": message}
            sys.stderr.write(json_text(payload) + "\n")
        else:
            where = "" if item is None else f"{inert(item)}: "
            sys.stderr.write(f"offcloud: error: {where}{inert(message)}\n")
        sys.stderr.flush()


class _Stopped(Exception):
    """An item failed in a way every later item would too (authentication, network)."""


@attrs.define
class Outcomes:
    """What a command over several items did: each result and each failure, in item order.

    With `--json` stdout gets one list: a success is the result as the command gives it, a
    failure `{"item": ITEM, "error": {"type", "message", "exit_code"}}`. Without, successes
    are a table on stdout; failures are one line each on stderr, as they happen, both ways.
    """

    output: Output
    columns: Sequence[str | Col] = ()
    on_interrupt: str = ""
    """Said after `interrupted`, e.g. how to pick the work up again."""
    entries: list[object] = attrs.field(factory=list)
    rows: list[Sequence[object] | None] = attrs.field(factory=list)
    failures: list[Failure] = attrs.field(factory=list)

    def ok(self, result: object, row: Sequence[object]) -> int:
        """Record a success; its place, for `replace`."""
        self.entries.append(plain(result))
        self.rows.append(row)
        return len(self.entries) - 1

    def replace(self, at: int, result: object, row: Sequence[object]) -> None:
        """Put a later result in place of an earlier one (the status after a wait)."""
        self.entries[at] = plain(result)
        self.rows[at] = row

    def failed(self, item: str, failure: Failure, *, at: int | None = None) -> None:
        """Record a failure of `item` (in place of the success at `at`) and say it now."""
        error = {**failure.payload(), "message": self.output.masked(failure.message)}
        entry = {"item": self.output.masked(item), "error": error}
        if at is None:
            self.entries.append(entry)
            self.rows.append(None)
        else:
            self.entries[at] = entry
            self.rows[at] = None
        self.failures.append(failure)
        self.output.error(failure, item=item)

    @contextmanager
    def attempt(self, item: str) -> Iterator[None]:
        """Try one item: its failure is recorded and the next item goes on, unless it would
        fail every item (authentication, network): then the command stops there."""
        from ..exceptions import APIConnectionError, AuthError, OffcloudError

        try:
            yield
        except Failure as failure:
            self.failed(item, failure)
        except OffcloudError as exc:
            self.failed(item, failure_of(exc))
            if isinstance(exc, AuthError | APIConnectionError):
                raise _Stopped from None

    @contextmanager
    def reported(self) -> Iterator[Outcomes]:
        """Show what was done at the end, also when the command stops early or is
        interrupted; then exit with the first failure's code (130 when interrupted)."""
        import typer

        from ..exceptions import OffcloudError

        try:
            yield self
        except _Stopped:
            pass
        except (KeyboardInterrupt, typer.Abort):
            self.show()
            message = "interrupted" + (f": {self.on_interrupt}" if self.on_interrupt else "")
            self.output.error(Failure(message, INTERRUPTED, "Interrupted"))
            raise typer.Exit(INTERRUPTED) from None
        except (Failure, OffcloudError) as exc:  # not one item's: the whole command's
            failure = exc if isinstance(exc, Failure) else failure_of(exc)
            self.failures.append(failure)
            self.show()
            self.output.error(failure)
            raise typer.Exit(self.failures[0].exit_code) from None
        except Exception:
            self.show()
            raise
        self.show()
        if self.failures:
            raise typer.Exit(self.failures[0].exit_code)

    def show(self) -> None:
        if self.output.json_mode:
            self.output.result(self.entries)
        elif rows := [row for row in self.rows if row is not None]:
            self.output.table(rows, self.columns)


@contextmanager
def failures_handled(output: Output, *, hints: dict[int, str] | None = None) -> Iterator[None]:
    """Turn every failure into one line on stderr and the exit code of the table; `hints`
    replace the usual advice added to a message by exit code."""
    import typer

    from ..exceptions import OffcloudError

    try:
        yield
    except Failure as failure:
        output.error(failure)
        raise typer.Exit(failure.exit_code) from None
    except OffcloudError as exc:
        translated = failure_of(exc, hints)
        output.error(translated)
        raise typer.Exit(translated.exit_code) from None
    except (KeyboardInterrupt, typer.Abort):  # Ctrl-C, or a prompt that got no input
        output.error(Failure("interrupted", INTERRUPTED, "Interrupted"))
        raise typer.Exit(INTERRUPTED) from None
    except typer.Exit:
        raise
    except OSError as exc:  # a local file or folder: say which, and why
        where = f"{exc.filename}: " if exc.filename else ""
        output.error(Failure(f"{where}{exc.strerror or exc}", API_ERROR, "LocalError"))
        raise typer.Exit(API_ERROR) from None
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        from .._calls.redaction import redact

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
