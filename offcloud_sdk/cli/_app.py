"""The `offcloud` command: every sub-command, built on `Offcloud` and `FakeOffcloud`."""

from __future__ import annotations

import errno
import math
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import attrs
import typer
from typer.core import TyperGroup

from ._config import find_key, forget_key, key_file_problem, save_key
from ._output import (
    API_ERROR,
    AUTH,
    INTERRUPTED,
    NOT_FOUND,
    USAGE,
    Col,
    Failure,
    Outcomes,
    Output,
    failure_of,
    failures_handled,
    human_size,
    json_text,
    plain,
)
from ._progress import Bars

if TYPE_CHECKING:
    from offcloud_api_client.models.request_status import RequestStatus

    from .._client import Offcloud
    from .._downloads.downloads import DownloadProgress


# -- parsing: global options anywhere, usage errors in one line ---------------------------------


def _click_exception() -> type[Exception]:
    """click's ClickException (typer vendors click in recent versions: found through typer)."""
    found = next(kind for kind in typer.BadParameter.__mro__ if kind.__name__ == "ClickException")
    assert issubclass(found, Exception)
    return found


def _options(params: Sequence[Any]) -> dict[str, bool]:
    """Option names of click parameters, and whether each takes a value."""
    found: dict[str, bool] = {}
    for param in params:
        if getattr(param, "param_type_name", None) != "option":
            continue
        takes_value = not (getattr(param, "is_flag", False) or getattr(param, "count", False))
        for name in [*param.opts, *param.secondary_opts]:
            found[name] = takes_value
    return found


class OffcloudGroup(TyperGroup):
    """The `offcloud` group: global options are taken after the sub-command too, and usage
    errors are one line (`offcloud: error: …`, or a JSON object with `--json`), exit 2."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, self.hoisted(args))

    def hoisted(self, args: list[str]) -> list[str]:
        """`args` with the global options given after the sub-command moved before it; an
        option the sub-command has itself (`wait --timeout`, `--json`) stays its own."""
        own = _options(self.params)
        start = 0
        while start < len(args) and args[start].startswith("-") and args[start] != "--":
            start += 2 if own.get(args[start]) else 1
        command = self.commands.get(args[start]) if start < len(args) else None
        if command is None:
            return args
        theirs = {**_options(command.params), "-h": False, "--help": False}
        moved: list[str] = []
        kept: list[str] = []
        index = start + 1
        while index < len(args):
            token = args[index]
            if token == "--":
                kept += args[index:]
                break
            name = token.split("=", 1)[0]
            table = theirs if name in theirs else own if name in own else None
            width = 2 if table is not None and table[name] and "=" not in token else 1
            if table is own and index + width > len(args):
                usage_error = next(
                    k for k in typer.BadParameter.__mro__ if k.__name__ == "UsageError"
                )
                raise usage_error(f"Option '{name}' requires an argument.")
            (moved if table is own else kept).extend(args[index : index + width])
            index += width
        return [*args[:start], *moved, args[start], *kept]

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        json_mode = "--json" in argv[: argv.index("--")] if "--" in argv else "--json" in argv
        try:
            code = super().main(
                argv,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except typer.Abort:
            Output(json_mode=json_mode).error(Failure("interrupted", INTERRUPTED, "Interrupted"))
            code = INTERRUPTED
        except _click_exception() as exc:
            code = _usage_error(exc, json_mode)
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _usage_error(exc: Exception, json_mode: bool) -> int:
    """Print a click error in one line; its exit code."""
    code = getattr(exc, "exit_code", USAGE)
    if type(exc).__name__ == "NoArgsIsHelpError":  # plain `offcloud`: the help was shown
        return int(code)
    message = str(getattr(exc, "format_message", lambda: str(exc))())
    context = getattr(exc, "ctx", None)
    if context is not None:
        message += f" (see `{context.command_path} --help`)"
    if json_mode:
        error = {"type": "UsageError", "message": message, "exit_code": code}
        sys.stderr.write(json_text({"error": error}) + "\n")
    else:
        Output().error(Failure(message, int(code)))
    return int(code)


def _positive(unit: str) -> Callable[[str], float]:
    """A parser for a number above 0 and at most a million (seconds, MiB/s): nan, inf, 0 and
    less refused, and what would overflow a clock or a rate."""

    def parse(value: str) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise typer.BadParameter(f"{value!r} is not a number of {unit}") from None
        if not math.isfinite(number) or not 0 < number <= 1e6:
            raise typer.BadParameter(f"{value}: give a number of {unit} above 0, at most 1000000")
        return number

    return parse


app = typer.Typer(
    cls=OffcloudGroup,
    name="offcloud",
    help="Offcloud from the command line: add downloads, wait for them, fetch the files.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: typer's rich help imports rich.markdown and markdown-it (~150 ms of the
    # 500 ms `offcloud --help` may take); the commands' own output still uses rich.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print the result as JSON on stdout, nothing else there.")
]
Ids = Annotated[list[str], typer.Argument(help="Request ids.", show_default=False)]
STATUS_COLUMNS = (
    Col("id", "id"),
    Col("status", drop=2),
    Col("progress", "id", drop=3),
    Col("size", "id", drop=4),
    Col("name", drop=1),
)
FAILED = frozenset({"error", "canceled", "cancelled"})
DEFAULT_PARALLEL, MAX_PARALLEL, MAX_CONNECTIONS = 3, 16, 32
"""`get -j` and `-x`: the library's default and bounds (`cloud_files`, `segmented`; not
imported here, which would load the SDK for `offcloud --help`)."""


@attrs.define
class State:
    """The options given before (or after) the sub-command."""

    api_key: str | None = attrs.field(default=None, repr=False)
    base_url: str | None = None
    json_mode: bool = False
    max_retries: int = 2
    timeout: float = 30.0
    strict: bool = False

    @cached_property
    def key(self) -> str | None:
        """The key to use: the flag, the environment or the saved one (read once)."""
        return find_key(self.api_key)

    def output(self, json_flag: bool) -> Output:
        secrets = [key for key in (self.key, self.api_key) if key]
        return Output(json_mode=self.json_mode or json_flag, secrets=secrets)

    def client(self, *, need_key: bool = True) -> Offcloud:
        from .._client import Offcloud

        key = self.key
        if need_key and key is None:
            problem = key_file_problem()
            why = f"no API key: {problem};" if problem else "no API key:"
            raise Failure(
                f"{why} run `offcloud login`, pass --api-key or set OFFCLOUD_API_KEY "
                "(the key is on https://offcloud.com/#/account)",
                AUTH,
                "ConfigError" if problem else "AuthError",
            )
        return Offcloud(
            key,
            base_url=self.base_url,
            max_retries=self.max_retries,
            timeout=self.timeout,
            strict=True if self.strict else None,
        )


def _print_version(value: bool) -> None:
    if value:
        from .._version import __version__

        typer.echo(f"offcloud-sdk {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            help="API key (default: $OFFCLOUD_API_KEY, then the key `login` saved). Other "
            "users of this machine can see it in `ps`: prefer `offcloud login` or "
            "OFFCLOUD_API_KEY.",
            show_default=False,
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            envvar="OFFCLOUD_BASE_URL",
            help="Talk to another server, e.g. the one `offcloud sandbox` prints.",
            show_default=False,
        ),
    ] = None,
    json_mode: JsonFlag = False,
    max_retries: Annotated[
        int, typer.Option("--max-retries", min=0, help="Retries per call on network errors.")
    ] = 2,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            parser=_positive("seconds"),
            metavar="SECONDS",
            help="Seconds to wait for each answer.",
        ),
    ] = 30.0,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Fail on any answer that differs from the SDK's spec, instead of reading it "
            "and warning once (default: $OFFCLOUD_STRICT).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=_print_version,
            help="Print the version of offcloud-sdk and exit.",
        ),
    ] = False,
) -> None:
    """Offcloud from the command line."""
    ctx.obj = State(api_key, base_url, json_mode, max_retries, timeout, strict)


def _state(ctx: typer.Context) -> State:
    state = ctx.obj
    assert isinstance(state, State)
    return state


@contextmanager
def connected(ctx: typer.Context, json_flag: bool) -> Iterator[tuple[Output, Offcloud]]:
    """What most commands run in: their output, a client, and failures turned into exit codes."""
    state = _state(ctx)
    out = state.output(json_flag)
    with failures_handled(out), state.client() as oc:
        yield out, oc


# -- account ------------------------------------------------------------------------------------


@app.command()
def login(
    ctx: typer.Context,
    device: Annotated[bool, typer.Option("--device", help="Sign in in a browser.")] = False,
    password: Annotated[
        bool, typer.Option("--password", help="Username and password (retired by Offcloud).")
    ] = False,
    json_flag: JsonFlag = False,
) -> None:
    """Save an API key for the other commands (prompted, or from --api-key)."""
    state = _state(ctx)
    out = state.output(json_flag)
    refused = " (the API key was refused: copy it again from https://offcloud.com/#/account)"
    with failures_handled(out, hints={AUTH: "" if device or password else refused}):
        if device and password:
            raise Failure("choose one of --device and --password", USAGE)
        with state.client(need_key=False) as oc:
            if device:

                def show(code: str, url: str) -> None:
                    out.say(f"Open {url} and enter the code ", bold=code)

                key = oc.device_login(show)
            elif password:
                username = _ask("Username (email)", secret=False)
                secret = _ask("Password", secret=True)
                key = oc.login(username, secret)
            else:
                key = state.api_key or _ask("API key", secret=True)
                oc.api_key = key.strip()
            out.secrets.append(key)
            info = oc.account.info()
        path = save_key(oc.api_key or key)
        out.result({"user_id": info.user_id, "saved_to": path})
        if not out.json_mode:
            out.say(f"Logged in as {info.email or info.user_id}; key saved to {path}")


def _ask(label: str, *, secret: bool) -> str:
    """A line typed at the terminal (hidden when `secret`), or read from stdin when that is
    not a terminal; nothing there is a usage error, not an interruption."""
    if sys.stdin is not None and sys.stdin.isatty():
        answer = typer.prompt(label, hide_input=secret, err=True)
    else:
        answer = sys.stdin.readline() if sys.stdin is not None else ""
        if not answer:
            raise Failure(
                f"no {label.split(' (')[0].lower()} given: stdin is empty (type it at a "
                "terminal, or pipe it in)",
                USAGE,
            )
    text = str(answer).strip()
    if not text:
        raise Failure(f"the {label.split(' (')[0].lower()} is empty", USAGE)
    return text


@app.command()
def logout(ctx: typer.Context, json_flag: JsonFlag = False) -> None:
    """Forget the saved API key."""
    out = _state(ctx).output(json_flag)
    with failures_handled(out):
        path = forget_key()
        out.result({"removed": None if path is None else str(path)})
        if not out.json_mode:
            out.say("Logged out." if path else "No saved key.")


@app.command()
def whoami(ctx: typer.Context, json_flag: JsonFlag = False) -> None:
    """The account the key belongs to."""
    with connected(ctx, json_flag) as (out, oc):
        info = oc.account.info()
        rows = [(name, value) for name, value in plain(info).items()]
        out.result(info, rows, ("field", "value"))


# -- downloads ---------------------------------------------------------------------------------


@app.command()
def add(
    ctx: typer.Context,
    urls: Annotated[
        list[str], typer.Argument(help="Links, magnets or .torrent files.", show_default=False)
    ],
    instant: Annotated[bool, typer.Option("--instant", help="A direct link via a proxy.")] = False,
    remote: Annotated[
        str | None, typer.Option("--remote", help="Send to this remote account id.")
    ] = None,
    folder: Annotated[str | None, typer.Option("--folder", help="Remote folder id.")] = None,
    wait: Annotated[bool, typer.Option("--wait", help="Wait until downloaded.")] = False,
    json_flag: JsonFlag = False,
) -> None:
    """Add downloads: to the cloud (default), --instant, or --remote ACCOUNT_ID."""
    from offcloud_api_client.types import UNSET

    with connected(ctx, json_flag) as (out, oc):
        if instant and remote:
            raise Failure("choose one of --instant and --remote", USAGE)
        if folder and not remote:
            raise Failure("--folder goes with --remote", USAGE)
        if wait and (instant or remote):
            raise Failure("--wait works with cloud downloads", USAGE)
        columns = [Col("id", "id"), Col("status", drop=2), Col("name", drop=1)]
        if instant:  # the instant link is the point of an instant download
            columns.append(Col("link", "link"))
        done = Outcomes(out, columns)
        added: list[tuple[str, str, int]] = []
        with done.reported():
            for url in urls:
                with done.attempt(url):
                    source = _uploaded(oc, url)
                    request: Any
                    if instant:
                        request = oc.instant.add(url=source)
                    elif remote:
                        request = oc.remote.add(
                            url=source, remote_option_id=remote, folder_id=folder or UNSET
                        )
                    else:
                        request = oc.cloud.add(url=source)
                    row: tuple[object, ...] = (request.request_id, request.status)
                    row += (_field(request, "file_name"),)
                    if instant:
                        row += (_field(request, "url"),)
                    added.append((url, request.request_id, done.ok(request, row)))
            if wait and added:
                ids = [request_id for _, request_id, _ in added]
                done.on_interrupt = (
                    "the downloads were added and go on at Offcloud; "
                    f"`offcloud wait {' '.join(ids)}` waits for them again"
                )
                statuses = _wait(oc, out, ids)
                for url, request_id, slot in added:
                    _waited(done, url, statuses[request_id], slot)


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")
"""A URL scheme (two letters at least: `C:` is a Windows drive)."""


def _uploaded(oc: Offcloud, item: str) -> str:
    """A local .torrent file is uploaded first; a link or magnet goes as it is.

    An item with no scheme that looks like a path (a `/`, or a name ending in .torrent or
    .nzb) is a local file: one that is not there is a usage error, not a link to send.
    """
    separators = {"/", os.sep, os.altsep or "/"}
    looks_local = any(s in item for s in separators) or item.lower().endswith((".torrent", ".nzb"))
    if _SCHEME.match(item) or not looks_local:
        return item
    path = Path(item)
    if not path.is_file():
        what = "is a folder" if path.is_dir() else "no such file"
        raise Failure(
            f"{what}: a local .torrent file to upload, or a link with http://, https:// or magnet:",
            USAGE,
        )
    if not item.lower().endswith(".torrent"):
        raise Failure("only .torrent files can be uploaded (for an .nzb, give its link)", USAGE)
    from offcloud_api_client.types import File

    with path.open("rb") as file:
        upload = oc.torrents.upload(file=File(payload=file, file_name=path.name))
    return str(upload.url)


@app.command()
def status(ctx: typer.Context, ids: Ids, json_flag: JsonFlag = False) -> None:
    """The status of cloud downloads."""
    from .._flows.polling import chunks, statuses_by_id
    from ..exceptions import APIConnectionError, AuthError, OffcloudError

    with connected(ctx, json_flag) as (out, oc):
        done = Outcomes(out, STATUS_COLUMNS)
        with done.reported():
            found: dict[str, RequestStatus | Failure] = {}
            for chunk in chunks(list(dict.fromkeys(ids))):
                asked = [list(chunk)] if len(chunk) > 1 else []
                asked += [[request_id] for request_id in chunk]  # one by one if the batch fails
                for question in asked:
                    if all(request_id in found for request_id in question):
                        continue
                    try:
                        if len(question) > 1:
                            answer = oc.cloud.status(request_ids=question)
                        else:
                            answer = oc.cloud.status(request_id=question[0])
                    except (AuthError, APIConnectionError):
                        raise
                    except OffcloudError as exc:
                        if len(question) == 1:
                            found[question[0]] = failure_of(exc)
                        continue
                    found.update(statuses_by_id(answer, question))
                    if len(question) > 1:
                        break  # the batch answered: not one by one
            for request_id in ids:
                got = found.get(request_id)
                if got is None:
                    got = Failure(f"no cloud request {request_id}", NOT_FOUND, "NotFoundError")
                if isinstance(got, Failure):
                    done.failed(request_id, got)
                else:
                    done.ok(got, _status_row(got))


@app.command("wait")
def wait_command(
    ctx: typer.Context,
    ids: Ids,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            parser=_positive("seconds"),
            metavar="SECONDS",
            help="Give up after this many seconds (exit 7); the downloads go on at Offcloud.",
        ),
    ] = None,
    json_flag: JsonFlag = False,
) -> None:
    """Wait for cloud downloads to finish, with a progress bar each."""
    from ..exceptions import APIConnectionError, AuthError, OffcloudError, WaitTimeoutError

    with connected(ctx, json_flag) as (out, oc):
        done = Outcomes(out, STATUS_COLUMNS, on_interrupt="the downloads go on at Offcloud")
        with done.reported():
            try:
                statuses = _wait(oc, out, ids, timeout=timeout)
            except WaitTimeoutError as exc:  # what finished is shown; the rest ran out of time
                for request_id in dict.fromkeys(ids):
                    last = exc.statuses.get(request_id)
                    if last is not None and last.status == "downloaded":
                        _waited(done, request_id, last)
                    else:
                        done.failed(request_id, failure_of(exc))
                return
            except (AuthError, APIConnectionError):
                raise
            except OffcloudError:
                if len(set(ids)) == 1:
                    raise
                # one id spoils the batch (an unknown id): wait for each on its own
                for request_id in dict.fromkeys(ids):
                    with done.attempt(request_id):
                        waited = _wait(oc, out, [request_id], timeout=timeout)
                        _waited(done, request_id, waited[request_id])
                return
            for request_id in dict.fromkeys(ids):
                _waited(done, request_id, statuses[request_id])


def _wait(
    oc: Offcloud, out: Output, ids: list[str], *, timeout: float | None = None
) -> dict[str, RequestStatus]:
    with Bars(out, bytes_mode=False) as bars:
        return oc.cloud.wait_all(
            ids,
            timeout=timeout,
            poll_interval=1.0,
            max_poll_interval=5.0,
            on_progress=bars.status,
            raise_on_error=False,
        )


def _waited(done: Outcomes, item: str, status: RequestStatus, slot: int | None = None) -> None:
    """A request's final status: a success, or the failure of `item` when it ended badly."""
    from .._flows.polling import failure_reason

    if status.status in FAILED:
        message = f"request {status.request_id} ended {status.status}: {failure_reason(status)}"
        done.failed(item, Failure(message, API_ERROR, "DownloadFailedError"), at=slot)
    elif slot is None:
        done.ok(status, _status_row(status))
    else:
        done.replace(slot, status, _status_row(status))


@app.command("ls")
def list_files(
    ctx: typer.Context,
    request_id: Annotated[str, typer.Argument(help="Request id.", show_default=False)],
    json_flag: JsonFlag = False,
) -> None:
    """The files of a finished cloud download."""
    with connected(ctx, json_flag) as (out, oc):
        files = oc.cloud.files(request_id)
        rows = [(f.path or f.name, human_size(f.size) if f.size is not None else "") for f in files]
        out.result(files, rows, (Col("path", "link"), Col("size", "id", drop=1)))


@app.command()
def get(
    ctx: typer.Context,
    items: Annotated[
        list[str], typer.Argument(help="Request ids or file links.", show_default=False)
    ],
    output_dir: Annotated[
        Path, typer.Option("-o", "--output", help="Folder to download into.")
    ] = Path("."),
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite",
            help="Replace files already there; by default a different file is kept and the "
            "download takes a free name beside it, e.g. 'name (2).ext'.",
        ),
    ] = False,
    connections: Annotated[
        int | None,
        typer.Option(
            "-x",
            "--connections",
            min=1,
            max=MAX_CONNECTIONS,
            metavar="N",
            help=f"Connections per file at most, 1 to {MAX_CONNECTIONS}, as aria2c -x (default: "
            "the library's, 8; a small file, or a host that takes no ranges, gets one).",
            show_default=False,
        ),
    ] = None,
    parallel: Annotated[
        int,
        typer.Option(
            "-j",
            "--parallel",
            min=1,
            max=MAX_PARALLEL,
            metavar="K",
            help=f"Files of a request fetched at once, 1 to {MAX_PARALLEL}, as aria2c -j.",
        ),
    ] = DEFAULT_PARALLEL,
    json_flag: JsonFlag = False,
) -> None:
    """Download the files of requests (or single links) into a folder, resumably, with a bar
    per file showing its speed and time left."""
    from ..exceptions import OffcloudError

    with connected(ctx, json_flag) as (out, oc):
        if output_dir.exists() and not output_dir.is_dir():
            raise Failure(f"-o {output_dir}: that is a file, not a folder", USAGE)
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            message = f"cannot make the folder {output_dir}: {exc.strerror or exc}"
            raise Failure(message, API_ERROR, "LocalFileError") from None
        done = Outcomes(out, (Col("file", "link"), Col("size", "id", drop=1)))
        done.on_interrupt = "run the same command again to resume (what came is kept)"
        with done.reported(), Bars(out, bytes_mode=True) as bars:
            for item in items:
                landed: dict[Path, int] = {}  # files seen whole, should another one fail
                progress = _tracking(bars, landed)

                with done.attempt(item):
                    try:
                        if item.startswith(("http://", "https://")):
                            paths = [
                                oc.files.download(
                                    item,
                                    output_dir,
                                    overwrite=overwrite,
                                    on_progress=progress,
                                    connections=connections,
                                )
                            ]
                        else:
                            paths = oc.cloud.download(
                                item,
                                output_dir,
                                overwrite=overwrite,
                                on_progress=progress,
                                parallel=parallel,
                                connections=connections,
                            )
                    except OffcloudError:  # the files that did land are shown before the failure
                        paths = [
                            path
                            for path, size in landed.items()
                            if path.is_file() and path.stat().st_size == size
                        ]
                        _got(done, paths)
                        raise
                    _got(done, paths)


def _tracking(bars: Bars, landed: dict[Path, int]) -> Callable[[DownloadProgress], None]:
    """`bars.download`, also noting in `landed` each file seen whole (path: size); called
    from the threads of the files fetched at once."""

    def progress(seen: DownloadProgress) -> None:
        bars.download(seen)
        if seen.total is not None and seen.done == seen.total:
            landed[seen.path] = seen.total  # one dict item set: atomic, no lock needed

    return progress


def _got(done: Outcomes, paths: list[Path]) -> None:
    for path in paths:
        path = path.resolve()
        done.ok(path, (path, human_size(path.stat().st_size)))


@app.command()
def history(ctx: typer.Context, json_flag: JsonFlag = False) -> None:
    """Your cloud downloads."""
    with connected(ctx, json_flag) as (out, oc):
        items = oc.cloud.history()
        rows = [
            (i.request_id, _field(i, "status"), _field(i, "file_name"), _field(i, "created_on"))
            for i in items
        ]
        columns = (Col("id", "id"), Col("status", drop=2), Col("name", drop=1))
        out.result(items, rows, (*columns, Col("created", "id", drop=3)))


@app.command()
def rm(ctx: typer.Context, ids: Ids, json_flag: JsonFlag = False) -> None:
    """Remove cloud downloads."""
    with connected(ctx, json_flag) as (out, oc):
        done = Outcomes(out, (Col("removed", "id"),))
        with done.reported():
            for request_id in ids:
                with done.attempt(request_id):
                    answer = oc.cloud.remove(requests=[request_id])
                    done.ok({"requestId": request_id, **plain(answer)}, (request_id,))


@app.command()
def retry(
    ctx: typer.Context,
    request_id: Annotated[str, typer.Argument(help="Request id.", show_default=False)],
    json_flag: JsonFlag = False,
) -> None:
    """Retry a failed cloud download."""
    with connected(ctx, json_flag) as (out, oc):
        answer = oc.cloud.retry(request_id)
        out.result(answer)
        if not out.json_mode:
            out.say(f"Retrying {request_id}.")


@app.command()
def cache(
    ctx: typer.Context,
    items: Annotated[list[str], typer.Argument(help="Infohashes or magnets.", show_default=False)],
    json_flag: JsonFlag = False,
) -> None:
    """Which torrents Offcloud has cached."""
    from .._flows.infohashes import infohash
    from ..exceptions import InvalidArgumentError

    with connected(ctx, json_flag) as (out, oc):
        done = Outcomes(out, (Col("torrent", "link"), Col("cached")))
        with done.reported():
            refused: dict[str, Failure] = {}
            for item in items:
                try:
                    infohash(item)
                except InvalidArgumentError as exc:
                    refused[item] = failure_of(exc)
            try:
                asked = [item for item in items if item not in refused]
                cached = oc.cache.check(asked) if asked else {}
            except BaseException:
                for item, failure in refused.items():
                    done.failed(item, failure)
                raise
            for item in items:
                if item in refused:
                    done.failed(item, refused[item])
                else:
                    hit = cached[item]
                    done.ok({"item": item, "cached": hit}, (item, "yes" if hit else "no"))


@app.command()
def proxies(ctx: typer.Context, json_flag: JsonFlag = False) -> None:
    """The proxies instant downloads can use."""
    with connected(ctx, json_flag) as (out, oc):
        answer = oc.proxies.list()
        listed = answer if isinstance(answer, list) else answer.list_
        rows = [(p.id, _field(p, "name"), _field(p, "region")) for p in listed]
        out.result(listed, rows, (Col("id", "id"), "name", Col("region", drop=1)))


@app.command()
def sites(ctx: typer.Context, json_flag: JsonFlag = False) -> None:
    """The sites Offcloud supports, and their health."""
    with connected(ctx, json_flag) as (out, oc):
        listed = oc.sites.list()
        out.result(listed, [(s.name, _field(s, "status")) for s in listed], ("site", "status"))


@app.command()
def remotes(ctx: typer.Context, json_flag: JsonFlag = False) -> None:
    """Your remote accounts (for `add --remote`)."""
    with connected(ctx, json_flag) as (out, oc):
        answer = oc.remote.accounts()
        listed = answer if isinstance(answer, list) else answer.data
        rows = [
            (
                _field(a, "remote_option_id") or _field(a, "account_id"),
                _field(a, "type_"),
                _field(a, "username"),
                _field(a, "host"),
            )
            for a in listed
        ]
        columns = (Col("id", "id"), Col("type", drop=2), Col("user", drop=1), Col("host", drop=3))
        out.result(listed, rows, columns)


# -- the sandbox -------------------------------------------------------------------------------

_SIZE = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*(b|k|kib|m|mib|g|gib|t|tib)?", re.IGNORECASE)
_POWERS = {"b": 0, "k": 1, "kib": 1, "m": 2, "mib": 2, "g": 3, "gib": 3, "t": 4, "tib": 4}
_DURATION = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*(ms|s)?", re.IGNORECASE)


def _size(what: str, *, per_second: bool = False) -> Callable[[str], int]:
    """A parser for bytes: `1048576`, `512K`, `8MiB`, `1.5G`, `1TiB` (K, M, G, T are powers of
    1024, as in curl and aria2), from 1 byte to 1 TiB; with `per_second`, `8MiB/s` too."""

    def parse(value: str) -> int:
        text = str(value).strip()
        text = text.removesuffix("/s") if per_second else text
        found = _SIZE.fullmatch(text)
        if found is None:
            raise typer.BadParameter(
                f"{value!r} is not a {what}: give bytes, or a number with K, M, G, T, KiB, MiB, "
                "GiB or TiB (powers of 1024), e.g. 8MiB"
            )
        number = float(found[1]) * 1024 ** _POWERS[(found[2] or "b").lower()]
        if not 1 <= number <= 1 << 40:
            raise typer.BadParameter(f"{value}: give a {what} of 1 byte to 1 TiB")
        return int(number)

    return parse


def _duration(value: str) -> float:
    """A parser for a wait: `20ms`, `0.5s`, or seconds (`0.5`), from 0 to an hour."""
    found = _DURATION.fullmatch(str(value).strip())
    if found is None:
        raise typer.BadParameter(f"{value!r} is not a duration: give e.g. 20ms, 0.5s or 0.5")
    seconds = float(found[1]) / (1000 if (found[2] or "s").lower() == "ms" else 1)
    if seconds > 3600:
        raise typer.BadParameter(f"{value}: give a duration of at most an hour")
    return seconds


def _refusal(value: str) -> int:
    """A parser for the status that refuses a connection too many: 503 or 429."""
    if str(value).strip() not in ("503", "429"):
        raise typer.BadParameter(f"{value!r}: give 503 or 429")
    return int(value)


@app.command()
def sandbox(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0: any free one).")] = 0,
    speed: Annotated[
        float,
        typer.Option(
            parser=_positive("MiB/s"),
            metavar="MIB_S",
            help="How fast the fake Offcloud fetches a download into the cloud, MiB/s.",
        ),
    ] = 8.0,
    connection_speed: Annotated[
        int | None,
        typer.Option(
            parser=_size("speed", per_second=True),
            metavar="BYTES_S",
            help="Cap each connection downloading a file at this speed: bytes per second, or "
            "e.g. 8MiB, 500K (each connection its own: N connections get N times it).",
        ),
    ] = None,
    latency: Annotated[
        float,
        typer.Option(
            parser=_duration,
            metavar="DURATION",
            help="Wait before answering each file request (time to the first byte): e.g. 20ms.",
        ),
    ] = 0.0,
    max_connections: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=1_000_000,
            metavar="N",
            help="At most N connections per file at a time; one more is refused (see "
            "--refuse-with) with Retry-After: 1, as hosts that limit chunks do.",
        ),
    ] = None,
    refuse_with: Annotated[
        int,
        typer.Option(
            parser=_refusal,
            metavar="503|429",
            help="The status that refuses a connection past --max-connections.",
        ),
    ] = 503,
    api_latency: Annotated[
        float,
        typer.Option(
            parser=_duration,
            metavar="DURATION",
            help="Wait before answering each API call, e.g. 100ms.",
        ),
    ] = 0.0,
    file_size: Annotated[
        int | None,
        typer.Option(
            parser=_size("size"),
            metavar="BYTES",
            help="Add a cached one-file download of this size (e.g. 256MiB) and print its link.",
        ),
    ] = None,
    i_know: Annotated[
        bool,
        typer.Option(
            "--i-know",
            help="Allow a --host that is not loopback: whoever reaches it can use the sandbox, "
            "whose API key is public.",
        ),
    ] = False,
    drift: Annotated[
        bool,
        typer.Option(
            "--drift",
            help="Answer as an Offcloud whose API drifted from the spec: new, missing, renamed, "
            "null and retyped fields, a new status word and a wrapped list, in account_info, "
            "cloud_history, cloud_status and sites_list. Lenient clients read it; --strict "
            "fails.",
        ),
    ] = False,
    json_flag: JsonFlag = False,
) -> None:
    """Run a fake Offcloud on this machine until Ctrl-C, to try the SDK and the CLI.

    With --drift its answers differ from the spec, to try `--strict` and what reports drift.
    --connection-speed, --latency, --max-connections and --api-latency make it a far server,
    and --file-size gives it a big file, to try downloads over many connections.
    """
    from .._calls.clock import SystemClock
    from .._calls.settings import is_loopback
    from ..testing import FakeOffcloud, FarServer
    from ..testing._demo import add_big_file, add_demo_content, add_drift_preset
    from ..testing._far import describe

    out = _state(ctx).output(json_flag)
    with failures_handled(out), ExitStack() as serving:
        public = not is_loopback(host)
        if public and not i_know:
            raise Failure(
                f"--host {host} is not a loopback address: anyone who can reach it could use "
                "the sandbox, whose API key is public (add --i-know to serve there anyway)",
                USAGE,
            )
        if public:
            out.say(f"Warning: the sandbox listens on {host}, with a public API key.")
        fake = FakeOffcloud(clock=SystemClock(), speed=speed * (1 << 20))
        magnets = add_demo_content(fake)
        if drift:
            add_drift_preset(fake)
        try:
            base_url = serving.enter_context(fake.serve(host, port, allow_public=public))
        except OSError as exc:
            hint = (
                "choose another --port, or --port 0 for any free one"
                if exc.errno == errno.EADDRINUSE
                else "check --host: an address of this machine, e.g. 127.0.0.1"
            )
            raise Failure(
                f"cannot listen on {host} port {port}: {exc.strerror or exc} ({hint})", USAGE
            ) from None
        served: dict[str, object] = {
            "base_url": base_url,
            "api_key": fake.api_key,
            "magnets": magnets,
        }
        if file_size is not None:
            served["file_url"] = add_big_file(fake, file_size, base_url)
        far = FarServer(
            speed=connection_speed,
            first_byte=latency,
            max_connections=max_connections,
            refuse_with=503 if refuse_with == 503 else 429,
            api_latency=api_latency,
        )
        fake.far = far  # after the big file was added: its set-up waits for no latency
        out.result(served)
        if not out.json_mode:
            out.say(f"Fake Offcloud at {base_url} (Ctrl-C stops it). Try:\n")
            out.say(f"  export OFFCLOUD_BASE_URL={base_url}")
            out.say(f"  export OFFCLOUD_API_KEY={fake.api_key}")
            out.say(f"  offcloud add --wait '{magnets[0]}'")
            if file_size is not None:
                out.say(f"  offcloud get '{served['file_url']}'   (a {human_size(file_size)} file)")
            if describe(far):
                out.say(f"\nA far server: {describe(far)}.")
            if drift:
                out.say("\nIts answers drift from the spec (--drift): try `offcloud --strict`.")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:  # the way to stop it: not an error
            out.say("Sandbox stopped.")


# -- helpers -----------------------------------------------------------------------------------


def _field(model: object, name: str) -> Any:
    """A model's field, or None when Offcloud left it out."""
    from offcloud_api_client.types import Unset

    value = getattr(model, name, None)
    return None if isinstance(value, Unset) else value


def _status_row(s: RequestStatus) -> tuple[object, ...]:
    progress = _field(s, "progress")
    size = _field(s, "file_size")
    return (
        s.request_id,
        s.status,
        "" if progress is None else f"{progress:.0%}",
        "" if size is None else human_size(size),
        _field(s, "file_name"),
    )


# -- offcloud doctor (in _doctor.py) -----------------------------------------------------------

from ._doctor import doctor as _doctor_command  # noqa: E402  (it imports this module when run)

app.command("doctor")(_doctor_command)
