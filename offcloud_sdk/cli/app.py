"""The `offcloud` command: every sub-command, built on `Offcloud` and `FakeOffcloud`."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import attrs
import typer

from .config import find_key, forget_key, save_key
from .output import (
    API_ERROR,
    AUTH,
    NOT_FOUND,
    USAGE,
    Failure,
    Output,
    failures_handled,
    human_size,
    plain,
)
from .progress import Bars

if TYPE_CHECKING:
    from offcloud_api_client.models.request_status import RequestStatus

    from ..client import Offcloud

app = typer.Typer(
    name="offcloud",
    help="Offcloud from the command line: add downloads, wait for them, fetch the files.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print the result as JSON on stdout, nothing else there.")
]
Ids = Annotated[list[str], typer.Argument(help="Request ids.", show_default=False)]


@attrs.define
class State:
    """The options given before the sub-command."""

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
        secrets = [self.key] if self.key else []
        return Output(json_mode=self.json_mode or json_flag, secrets=secrets)

    def client(self, *, need_key: bool = True) -> Offcloud:
        from ..client import Offcloud

        key = self.key
        if need_key and key is None:
            raise Failure(
                "no API key: run `offcloud login`, pass --api-key or set OFFCLOUD_API_KEY "
                "(the key is on https://offcloud.com/#/account)",
                AUTH,
                "AuthError",
            )
        return Offcloud(
            key,
            base_url=self.base_url,
            max_retries=self.max_retries,
            timeout=self.timeout,
            strict=True if self.strict else None,
        )


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
        float, typer.Option("--timeout", min=0.1, help="Seconds to wait for each answer.")
    ] = 30.0,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Fail on any answer that differs from the SDK's spec, instead of reading it "
            "and warning once (default: $OFFCLOUD_STRICT).",
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
    with failures_handled(out):
        if device and password:
            raise Failure("choose one of --device and --password", USAGE)
        with state.client(need_key=False) as oc:
            if device:

                def show(code: str, url: str) -> None:
                    out.say(f"Open {url} and enter the code ", bold=code)

                key = oc.device_login(show)
            elif password:
                username = typer.prompt("Username (email)", err=True)
                secret = typer.prompt("Password", hide_input=True, err=True)
                key = oc.login(username, secret)
            else:
                key = state.api_key or typer.prompt("API key", hide_input=True, err=True)
                oc.api_key = key.strip()
            info = oc.account.info()
        path = save_key(oc.api_key or key)
        out.result({"user_id": info.user_id, "saved_to": path})
        if not out.json_mode:
            out.say(f"Logged in as {info.email or info.user_id}; key saved to {path}")


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
        added = []
        for url in urls:
            url = _uploaded(oc, url)
            if instant:
                added.append(oc.instant.add(url=url))
            elif remote:
                added.append(
                    oc.remote.add(url=url, remote_option_id=remote, folder_id=folder or UNSET)
                )
            else:
                added.append(oc.cloud.add(url=url))
        result: Any = added
        if wait:
            ids = [request.request_id for request in added]
            result = list(_wait(oc, out, ids).values())
        rows: list[tuple[object, ...]] = [
            (r.request_id, r.status, _field(r, "file_name")) for r in result
        ]
        columns = ["id", "status", "name"]
        if instant:  # the instant link is the point of an instant download
            rows = [(*row, _field(r, "url")) for row, r in zip(rows, result, strict=True)]
            columns.append("link")
        out.result(result, rows, columns)


def _uploaded(oc: Offcloud, item: str) -> str:
    """A local .torrent file is uploaded first; anything else is a link as it is."""
    path = Path(item)
    if not item.lower().endswith(".torrent") or not path.is_file():
        return item
    from offcloud_api_client.types import File

    with path.open("rb") as file:
        upload = oc.torrents.upload(file=File(payload=file, file_name=path.name))
    return str(upload.url)


@app.command()
def status(ctx: typer.Context, ids: Ids, json_flag: JsonFlag = False) -> None:
    """The status of cloud downloads."""
    from ..polling import statuses_by_id

    with connected(ctx, json_flag) as (out, oc):
        if len(ids) > 1:
            answer = oc.cloud.status(request_ids=ids)
        else:
            answer = oc.cloud.status(request_id=ids[0])
        found = statuses_by_id(answer, ids)
        missing = [i for i in ids if i not in found]
        statuses = [found[i] for i in ids if i in found]
        out.result(statuses, _status_rows(statuses), ("id", "status", "progress", "size", "name"))
        if missing:
            raise Failure(f"not found: {', '.join(missing)}", NOT_FOUND, "NotFoundError")


@app.command("wait")
def wait_command(
    ctx: typer.Context,
    ids: Ids,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="Give up after this many seconds.")
    ] = None,
    json_flag: JsonFlag = False,
) -> None:
    """Wait for cloud downloads to finish, with a progress bar each."""
    with connected(ctx, json_flag) as (out, oc):
        statuses = list(_wait(oc, out, ids, timeout=timeout).values())
        out.result(statuses, _status_rows(statuses), ("id", "status", "progress", "size", "name"))


def _wait(
    oc: Offcloud, out: Output, ids: list[str], *, timeout: float | None = None
) -> dict[str, RequestStatus]:
    with Bars(out, bytes_mode=False) as bars:
        return oc.cloud.wait_all(
            ids, timeout=timeout, poll_interval=1.0, max_poll_interval=5.0, on_progress=bars.status
        )


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
        out.result(files, rows, ("path", "size"))


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
    json_flag: JsonFlag = False,
) -> None:
    """Download the files of requests (or single links) into a folder, resumably."""
    with connected(ctx, json_flag) as (out, oc):
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise Failure(f"cannot make {output_dir}: {exc.strerror}", API_ERROR) from None
        paths: list[Path] = []
        with Bars(out, bytes_mode=True) as bars:
            for item in items:
                if item.startswith(("http://", "https://")):
                    paths.append(
                        oc.files.download(
                            item, output_dir, overwrite=overwrite, on_progress=bars.download
                        )
                    )
                else:
                    paths += oc.cloud.download(
                        item, output_dir, overwrite=overwrite, on_progress=bars.download
                    )
        paths = [path.resolve() for path in paths]
        out.result(paths, [(p, human_size(p.stat().st_size)) for p in paths], ("file", "size"))


@app.command()
def history(ctx: typer.Context, json_flag: JsonFlag = False) -> None:
    """Your cloud downloads."""
    with connected(ctx, json_flag) as (out, oc):
        items = oc.cloud.history()
        rows = [
            (i.request_id, _field(i, "status"), _field(i, "file_name"), _field(i, "created_on"))
            for i in items
        ]
        out.result(items, rows, ("id", "status", "name", "created"))


@app.command()
def rm(ctx: typer.Context, ids: Ids, json_flag: JsonFlag = False) -> None:
    """Remove cloud downloads."""
    with connected(ctx, json_flag) as (out, oc):
        answer = oc.cloud.remove(requests=ids)
        out.result(answer)
        if not out.json_mode:
            out.say(f"Removed {len(ids)} request(s).")


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
    with connected(ctx, json_flag) as (out, oc):
        cached = oc.cache.check(items)
        out.result(
            cached,
            [(item, "yes" if hit else "no") for item, hit in cached.items()],
            ("torrent", "cached"),
        )


@app.command()
def proxies(ctx: typer.Context, json_flag: JsonFlag = False) -> None:
    """The proxies instant downloads can use."""
    with connected(ctx, json_flag) as (out, oc):
        answer = oc.proxies.list()
        listed = answer if isinstance(answer, list) else answer.list_
        rows = [(p.id, _field(p, "name"), _field(p, "region")) for p in listed]
        out.result(listed, rows, ("id", "name", "region"))


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
        out.result(listed, rows, ("id", "type", "user", "host"))


# -- the sandbox -------------------------------------------------------------------------------


@app.command()
def sandbox(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port (0: any free one).")] = 0,
    speed: Annotated[float, typer.Option(help="Download speed, MiB/s.")] = 8.0,
    i_know: Annotated[
        bool,
        typer.Option(
            "--i-know",
            help="Allow a --host that is not loopback: whoever reaches it can use the sandbox, "
            "whose API key is public.",
        ),
    ] = False,
    json_flag: JsonFlag = False,
) -> None:
    """Run a fake Offcloud on this machine until Ctrl-C, to try the SDK and the CLI."""
    from ..clock import SystemClock
    from ..settings import is_loopback
    from ..testing import FakeOffcloud
    from ..testing.demo import add_demo_content

    out = _state(ctx).output(json_flag)
    with failures_handled(out):
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
        with fake.serve(host, port, allow_public=public) as base_url:
            out.result({"base_url": base_url, "api_key": fake.api_key, "magnets": magnets})
            if not out.json_mode:
                out.say(f"Fake Offcloud at {base_url} (Ctrl-C stops it). Try:\n")
                out.say(f"  export OFFCLOUD_BASE_URL={base_url}")
                out.say(f"  export OFFCLOUD_API_KEY={fake.api_key}")
                out.say(f"  offcloud add --wait '{magnets[0]}'")
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


def _status_rows(statuses: list[RequestStatus]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for s in statuses:
        progress = _field(s, "progress")
        size = _field(s, "file_size")
        rows.append(
            (
                s.request_id,
                s.status,
                "" if progress is None else f"{progress:.0%}",
                "" if size is None else human_size(size),
                _field(s, "file_name"),
            )
        )
    return rows
