"""Render api.md, the reference of the SDK: every resource method, every helper and model.

    python tools/api_reference.py DIR [--spec S]   # print the api.md of DIR/offcloud_api_client

`render_api_md(directory, spec)` is what tools/generate.py calls on the package it has just
generated. The package is imported in a child Python (`introspect`, run as `--introspect DIR`)
whose only way to it is `PYTHONPATH=DIR`, and which checks that the module it imported is the one
under DIR, so the committed `generated/` (on the editable install's path) or an installed copy
cannot stand in for it. The child reports, as JSON, each resource method's real signature (from
`inspect.signature`; the generated modules keep their annotations as text) with its operation,
and each model's attrs fields with their JSON keys (`WIRE_NAMES`).

The same child imports `offcloud_sdk` from this project (second on its path, over that package)
and makes an `Offcloud` and an `AsyncOffcloud` (no call is sent) to see the resources as users
get them: where a hand-written resource replaces a generated method by a helper of another
signature, the operation is listed under the name of the resource's method that calls it with
the generated signature (`oc.cache.check_hashes`); the public methods and properties the
resources and the client add are the helpers. `render` turns that, with the spec's summaries
and descriptions, into markdown; `stale` says whether a committed api.md is it.
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import enum
import functools
import importlib
import inspect
import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypedDict, cast

import yaml

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "offcloud_api_client"
SDK = "offcloud_sdk"
PER_CALL = ("extra_headers", "extra_query", "extra_body", "timeout")
"""The keyword-only options every generated method ends with; said once in the header."""
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
REGENERATE = "run scripts/generate"


class ApiReferenceError(Exception):
    """The package could not be read, or is not shaped as the reference expects."""


class Param(TypedDict):
    name: str
    kind: str
    """An `inspect.Parameter` kind's name, e.g. `KEYWORD_ONLY`."""
    annotation: str
    default: str | None
    """The default's repr (`UNSET` for the generated sentinel); None when there is none."""


class Method(TypedDict):
    name: str
    """The name on the client's resource (`oc.<tag>.<name>`)."""
    generated_name: str
    """The name in the generated resource; differs from `name` where the client renames it."""
    raw_name: str | None
    """The name on `oc.with_raw_response.<tag>`; None when the operation is not there."""
    per_call: bool
    """Whether the method takes the per-call options (left out of `params` when it does)."""
    operation_id: str
    http_method: str
    path: str
    params: list[Param]
    returns: str
    doc: str


class Resource(TypedDict):
    tag: str
    sync_class: str
    """The class of `Offcloud().<tag>` (the generated one, or the client's subclass of it)."""
    async_class: str
    methods: list[Method]


class Helper(TypedDict):
    name: str
    kind: str
    """`constructor`, `method` or `property`."""
    params: list[Param]
    returns: str
    """The return annotation; a property's type."""
    doc: str
    """The first paragraph of its docstring."""
    settable: bool
    async_name: str
    """Its name on the async twin (`aclose` for `close`)."""
    awaited: bool
    """Whether the async twin is a coroutine function."""


class Helpers(TypedDict):
    attribute: str
    """The client's attribute (`cloud`, `files`); empty for the client itself."""
    sync_class: str
    async_class: str
    doc: str
    helpers: list[Helper]


class Field(TypedDict):
    name: str
    json_key: str
    annotation: str
    required: bool


class Model(TypedDict):
    name: str
    doc: str
    fields: list[Field]
    not_init: list[str]
    """Fields the constructor does not take (the generated `additional_properties`)."""
    values: list[str] | None
    """An enum's values; None for an attrs model."""


class Reference(TypedDict):
    resources: list[Resource]
    helpers: list[Helpers]
    models: list[Model]


# ---------------------------------------------------------------------------------------------
# Reading the package (in the child Python)


def _annotation_text(annotation: object) -> str:
    if annotation is inspect.Parameter.empty:
        return ""
    if isinstance(annotation, str):
        return annotation
    return inspect.formatannotation(annotation)


def _params(signature: inspect.Signature) -> list[Param]:
    """A method's parameters, `self` left out."""
    return [
        Param(
            name=p.name,
            kind=p.kind.name,
            annotation=_annotation_text(p.annotation),
            default=None if p.default is inspect.Parameter.empty else repr(p.default),
        )
        for p in list(signature.parameters.values())[1:]
    ]


def _plain_signature(function: Callable[..., object]) -> tuple[list[Param], str]:
    """A method's parameters (without `self`) and its return type."""
    signature = inspect.signature(function)
    return _params(signature), _annotation_text(signature.return_annotation)


def _call_signature(function: Callable[..., object]) -> tuple[list[Param], str, bool]:
    """`_plain_signature`, and whether the method takes the per-call options: when it takes
    all of them, in their order, they are left out of the parameters."""
    params, returns = _plain_signature(function)
    per_call = [p["name"] for p in params if p["name"] in PER_CALL] == list(PER_CALL)
    if per_call:
        params = [p for p in params if p["name"] not in PER_CALL]
    return params, returns, per_call


def _signature(function: Callable[..., object]) -> tuple[list[Param], str]:
    """A generated method's parameters (without `self` and the per-call options) and its
    return type."""
    params, returns, per_call = _call_signature(function)
    if not per_call:
        raise ApiReferenceError(f"{function.__qualname__} does not take {', '.join(PER_CALL)}")
    return params, returns


def _without_async(value: object) -> str:
    """`value` as JSON with the `Async` of the async twins' names taken out, so that a sync
    signature and its async twin's compare equal."""
    return re.sub(r"\bAsync(?=[A-Z])", "", json.dumps(value))


def _public(cls: type) -> list[str]:
    return sorted(name for name in dir(cls) if not name.startswith("_"))


def _first_paragraph(value: object) -> str:
    return (inspect.getdoc(value) or "").split("\n\n")[0].strip()


def _getter(member: object) -> Callable[..., object] | None:
    """The function behind a property or cached property; None for anything else."""
    if isinstance(member, property):
        return member.fget
    if isinstance(member, functools.cached_property):
        return cast(Callable[..., object], member.func)
    return None


def _helper(sync_class: type, async_class: type, name: str) -> Helper:
    """The public method or property `name` of a hand-written class, checked against its
    async twin (same signature, up to the `Async` of class names; `aclose` may twin `close`)."""
    where = f"{sync_class.__name__}.{name}"
    async_name = name if hasattr(async_class, name) else f"a{name}"
    if not hasattr(async_class, async_name):
        raise ApiReferenceError(f"{where} has no twin on {async_class.__name__}")
    member = inspect.getattr_static(sync_class, name)
    twin = inspect.getattr_static(async_class, async_name)
    differs = ApiReferenceError(f"{async_class.__name__}.{async_name} differs from {where}")
    getter, twin_getter = _getter(member), _getter(twin)
    if getter is not None:
        returns = _annotation_text(inspect.signature(getter).return_annotation)
        settable = isinstance(member, property) and member.fset is not None
        if twin_getter is None:
            raise differs
        twin_returns = _annotation_text(inspect.signature(twin_getter).return_annotation)
        twin_settable = isinstance(twin, property) and twin.fset is not None
        if (_without_async(returns), settable) != (_without_async(twin_returns), twin_settable):
            raise differs
        return Helper(
            name=name,
            kind="property",
            params=[],
            returns=returns,
            doc=_first_paragraph(getter),
            settable=settable,
            async_name=async_name,
            awaited=False,
        )
    if not inspect.isfunction(member):
        raise ApiReferenceError(f"{where} is neither a method nor a property")
    if not inspect.isfunction(twin):
        raise differs
    params, returns = _plain_signature(member)
    if _without_async((params, returns)) != _without_async(_plain_signature(twin)):
        raise differs
    return Helper(
        name=name,
        kind="method",
        params=params,
        returns=returns,
        doc=_first_paragraph(member),
        settable=False,
        async_name=async_name,
        awaited=inspect.iscoroutinefunction(twin),
    )


def _helpers(attribute: str, sync_class: type, async_class: type, names: list[str]) -> Helpers:
    helpers = [_helper(sync_class, async_class, name) for name in names]
    helpers.sort(key=lambda helper: (helper["kind"] != "method", helper["name"]))
    return Helpers(
        attribute=attribute,
        sync_class=sync_class.__name__,
        async_class=async_class.__name__,
        doc=_first_paragraph(sync_class),
        helpers=helpers,
    )


def _check_twins(group: Helpers, async_class: type, also: Iterable[str]) -> None:
    """Raise when the async class has a public member that the group (or `also`) does not."""
    known = {helper["async_name"] for helper in group["helpers"]}.union(also)
    extra = [name for name in _public(async_class) if name not in known]
    if extra:
        raise ApiReferenceError(f"{async_class.__name__} has {', '.join(extra)} of no sync twin")


def _client_name(
    facade: type, generated: type, name: str, signature: tuple[list[Param], str]
) -> tuple[str, bool]:
    """The name by which the client's `facade` resource reaches the generated method `name`
    (of `signature`), and whether it takes the per-call options there.

    `name` itself, unless the facade overrides it with another signature (a helper); then the
    one public method of the facade, not a generated one, that has the generated signature
    and calls `name` (`check_hashes`, which calls `super().check`).
    """
    function = getattr(facade, name)
    params, returns, per_call = _call_signature(function)
    if function is getattr(generated, name) or ((params, returns) == signature and per_call):
        return name, True
    found: list[tuple[str, bool]] = []
    for candidate in _public(facade):
        method = inspect.unwrap(getattr(facade, candidate))
        if hasattr(generated, candidate) or not inspect.isfunction(method):
            continue
        params, returns, per_call = _call_signature(method)
        if name in method.__code__.co_names and (params, returns) == signature:
            found.append((candidate, per_call))
    if len(found) != 1:
        which = ", ".join(candidate for candidate, _ in found) or "none"
        raise ApiReferenceError(
            f"{facade.__name__}.{name} overrides the generated method with another signature; "
            f"the methods of {facade.__name__} that call `{name}` with its generated signature "
            f"must be one, found: {which}"
        )
    return found[0]


def _clients() -> tuple[Any, Any]:
    """An `Offcloud` and an `AsyncOffcloud` of this project's `offcloud_sdk` (sending nothing)."""
    sdk = importlib.import_module(SDK)
    found = Path(sdk.__file__ or "").resolve()
    if not found.is_relative_to(ROOT):
        raise ApiReferenceError(f"imported {found}, not the {SDK} under {ROOT}")
    options: dict[str, Any] = {
        "api_key": "api-reference",
        "base_url": "https://offcloud.invalid",
        "strict": False,
    }
    return sdk.Offcloud(**options), sdk.AsyncOffcloud(**options)


def introspect(directory: Path) -> Reference:
    """Import the `offcloud_api_client` under `directory` and describe its methods and models,
    as the clients of `offcloud_sdk` have them, with the helpers those add.

    Runs in the child Python that `read` starts; raises ApiReferenceError when the import
    finds another copy of the package or the package is not shaped as expected.
    """
    directory = directory.resolve()
    package = importlib.import_module(PACKAGE)
    found = Path(package.__file__ or "").resolve()
    if not found.is_relative_to(directory):
        raise ApiReferenceError(f"imported {found}, not the package under {directory}")
    client, async_client = _clients()
    try:
        return _describe(client, async_client)
    finally:
        client.close()
        asyncio.run(async_client.aclose())


def _describe(client: Any, async_client: Any) -> Reference:
    import attrs  # the generated models' library; only this side needs it

    api = importlib.import_module(f"{PACKAGE}.api")
    models = importlib.import_module(f"{PACKAGE}.models")

    resources: list[Resource] = []
    groups: list[Helpers] = []
    every_sync, every_async = api.Resources(None), api.AsyncResources(None)
    for tag in api.TAGS:
        sync_class, async_class = type(getattr(every_sync, tag)), type(getattr(every_async, tag))
        facade, async_facade = type(getattr(client, tag)), type(getattr(async_client, tag))
        if not (issubclass(facade, sync_class) and issubclass(async_facade, async_class)):
            raise ApiReferenceError(f"the client's `{tag}` does not extend the generated one")
        raw_class = type(getattr(client.with_raw_response, tag))
        methods: list[Method] = []
        for operation in importlib.import_module(f"{PACKAGE}.api.{tag}").OPERATIONS.values():
            name = operation.id.removeprefix(f"{tag}_")
            function = getattr(sync_class, name, None)
            if function is None or not hasattr(async_class, name):
                raise ApiReferenceError(f"{operation.id} has no method {tag}.{name}")
            params, returns = _signature(function)
            if _signature(getattr(async_class, name)) != (params, returns):
                raise ApiReferenceError(f"{async_class.__name__}.{name} differs from the sync one")
            client_name, per_call = _client_name(facade, sync_class, name, (params, returns))
            async_twin = getattr(async_facade, client_name, None)
            if (
                _client_name(async_facade, async_class, name, (params, returns))
                != (client_name, per_call)
                or async_twin is None
                or not inspect.iscoroutinefunction(async_twin)
            ):
                raise ApiReferenceError(f"{async_facade.__name__} does not reach {operation.id}")
            raw_name = next((n for n in (client_name, name) if hasattr(raw_class, n)), None)
            methods.append(
                Method(
                    name=client_name,
                    generated_name=name,
                    raw_name=raw_name,
                    per_call=per_call,
                    operation_id=operation.id,
                    http_method=operation.method.upper(),
                    path=operation.path,
                    params=params,
                    returns=returns,
                    doc=inspect.getdoc(function) or "",
                )
            )
        public = sorted(name for name in vars(sync_class) if not name.startswith("_"))
        if public != sorted(method["generated_name"] for method in methods):
            raise ApiReferenceError(f"{sync_class.__name__} has methods without an operation")
        resources.append(
            Resource(
                tag=tag,
                sync_class=facade.__name__,
                async_class=async_facade.__name__,
                methods=methods,
            )
        )
        if facade is not sync_class:
            operations = [method["name"] for method in methods]
            added = [name for name in _public(facade) if name not in operations]
            groups.append(_helpers(tag, facade, async_facade, added))
            _check_twins(groups[-1], async_facade, operations)

    # The client's other attributes that are objects of offcloud_sdk (`files`) are resources
    # of helpers only; the rest of its public members are its own helpers.
    client_class, async_client_class = type(client), type(async_client)
    own: list[str] = []
    for name in _public(client_class):
        if name in api.TAGS:
            continue
        value = getattr(client, name)
        if _getter(inspect.getattr_static(client_class, name)) is None or (
            type(value).__module__.split(".")[0] != SDK
        ):
            own.append(name)
            continue
        value_class, async_value_class = type(value), type(getattr(async_client, name))
        groups.append(_helpers(name, value_class, async_value_class, _public(value_class)))
        _check_twins(groups[-1], async_value_class, ())
    group = _helpers("", client_class, async_client_class, own)
    _check_twins(group, async_client_class, [*api.TAGS, *(g["attribute"] for g in groups)])
    params, _ = _plain_signature(client_class.__init__)
    if _without_async(params) != _without_async(_plain_signature(async_client_class.__init__)[0]):
        raise ApiReferenceError(f"{async_client_class.__name__}() differs from the sync one")
    constructor = Helper(
        name=client_class.__name__,
        kind="constructor",
        params=params,
        returns="",
        doc=_first_paragraph(client_class),
        settable=False,
        async_name=async_client_class.__name__,
        awaited=False,
    )
    group["helpers"].insert(0, constructor)
    groups.append(group)

    described: list[Model] = []
    for name in models.__all__:
        cls = getattr(models, name)
        doc = inspect.cleandoc(cls.__doc__ or "")
        if isinstance(cls, type) and issubclass(cls, enum.Enum):
            values = [str(member.value) for member in cls]
            described.append(Model(name=name, doc=doc, fields=[], not_init=[], values=values))
            continue
        if not attrs.has(cls):
            raise ApiReferenceError(f"{PACKAGE}.models.{name} is neither attrs class nor enum")
        keys = {field: key for key, field in api.WIRE_NAMES.get(name, {}).items()}
        fields = [
            Field(
                name=field.name,
                json_key=keys.get(field.name, ""),
                annotation=_annotation_text(field.type),
                required=field.default is attrs.NOTHING,
            )
            for field in attrs.fields(cls)
            if field.init
        ]
        not_init = [field.name for field in attrs.fields(cls) if not field.init]
        described.append(Model(name=name, doc=doc, fields=fields, not_init=not_init, values=None))

    return Reference(resources=resources, helpers=groups, models=described)


def read(directory: Path) -> Reference:
    """`introspect(directory)`, run in a child Python that can only find that package, and
    finds this project's `offcloud_sdk`."""
    directory = directory.resolve()
    if not (directory / PACKAGE / "__init__.py").is_file():
        raise ApiReferenceError(f"no {PACKAGE} package under {directory}")
    # `directory` first on the path, then this project (for offcloud_sdk); `introspect` checks
    # that the imports found them there. -P: the script's directory (tools/) is not put on
    # sys.path. No bytecode is written into the package. The clients it makes read no setting
    # from the environment (`OFFCLOUD_*` left out).
    path = os.pathsep.join(filter(None, [str(directory), str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {name: value for name, value in os.environ.items() if not name.startswith("OFFCLOUD_")}
    env.update(PYTHONPATH=path, PYTHONDONTWRITEBYTECODE="1")
    command = [sys.executable, "-P", str(Path(__file__).resolve()), "--introspect", str(directory)]
    result = subprocess.run(
        command, cwd=directory, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise ApiReferenceError(f"reading {directory / PACKAGE} failed:\n{result.stderr}")
    return cast(Reference, json.loads(result.stdout))


# ---------------------------------------------------------------------------------------------
# Rendering


def _union_members(node: ast.expr) -> list[str]:
    """The members of a union annotation, `Unset` left out, each member itself cleaned."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _union_members(node.left) + _union_members(node.right)
    if isinstance(node, ast.Subscript):
        head = ast.unparse(node.value)
        elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if head in ("Union", "typing.Union"):
            return [member for element in elements for member in _union_members(element)]
        if head in ("Optional", "typing.Optional"):
            return [*_union_members(elements[0]), "None"]
        inner = ", ".join(_join(_union_members(e)) or ast.unparse(e) for e in elements)
        return [f"{head}[{inner}]"]
    text = ast.unparse(node)
    return [] if text in ("Unset", "types.Unset") else [text]


def _join(members: list[str]) -> str:
    unique = list(dict.fromkeys(members))
    return " | ".join([m for m in unique if m != "None"] + (["None"] if "None" in unique else []))


def readable_type(annotation: str) -> str:
    """`annotation` without the `Unset` of optional fields: `str | None` for `None | str | Unset`
    or `Union[Unset, None, str]`; anything that is not a parseable annotation is left as is."""
    try:
        node = ast.parse(annotation, mode="eval").body
    except SyntaxError:
        return annotation
    return _join(_union_members(node)) or annotation


def signature_text(params: Iterable[Param]) -> str:
    """The parameter list as written in Python, with `*` (and `/`) where the kinds change."""
    parts: list[str] = []
    listed = list(params)
    star = False
    for index, param in enumerate(listed):
        kind = param["kind"]
        prefix = ""
        if kind == "KEYWORD_ONLY" and not star:
            parts.append("*")
            star = True
        elif kind == "VAR_POSITIONAL":
            prefix, star = "*", True
        elif kind == "VAR_KEYWORD":
            prefix = "**"
        piece = prefix + param["name"]
        if param["annotation"]:
            piece += f": {param['annotation']}"
        if param["default"] is not None:
            piece += (" = " if param["annotation"] else "=") + param["default"]
        parts.append(piece)
        following = listed[index + 1]["kind"] if index + 1 < len(listed) else None
        if kind == "POSITIONAL_ONLY" and following != "POSITIONAL_ONLY":
            parts.append("/")
    return ", ".join(parts)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(text: str) -> list[str]:
    """A description's lines, stripped at the end, without blank lines around it."""
    lines = [line.rstrip() for line in inspect.cleandoc(text).splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def _model_description(model: Model, schemas: Mapping[str, Any]) -> list[str]:
    """The spec's description of the model; for a model made from an inline schema (not under
    `components/schemas`), the part of its docstring before `Attributes:`, which is that."""
    schema = schemas.get(model["name"])
    if isinstance(schema, Mapping):
        description = schema.get("description")
        return _paragraphs(description) if isinstance(description, str) else []
    before = model["doc"].split("\nAttributes:")[0]
    return [] if before.lstrip().startswith("Attributes:") else _paragraphs(before)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A markdown table, its columns padded so that it reads as one in plain text too."""
    cells = [[_cell(c) for c in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    return [line(cells[0]), line(["-" * w for w in widths]), *map(line, cells[1:])]


def _spec_operations(spec: Mapping[str, Any]) -> dict[str, tuple[str, str, Mapping[str, Any]]]:
    """operationId -> (HTTP method, path, operation object), as the spec has them."""
    found: dict[str, tuple[str, str, Mapping[str, Any]]] = {}
    for path, item in (spec.get("paths") or {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, Mapping) and "operationId" in operation:
                found[operation["operationId"]] = (method.upper(), path, operation)
    return found


HEADER = """\
# API reference

Generated by `scripts/generate` from `{spec}` and the client (`offcloud_sdk`); do
not edit it by hand: change the spec, the generator's templates or the client, and run
`scripts/generate` again.

How to read it: each resource is an attribute of the client, and each of its methods under
Resources is one operation of the API, shown as you call it on an `offcloud_sdk.Offcloud`:
`oc.<resource>.<method>(…)`; on an `offcloud_sdk.AsyncOffcloud` it is
`await oc.<resource>.<method>(…)`, with the same arguments and the same result. Where the
client gives a generated method's name to a helper, the operation is listed under the name the
client has for it, with a note. `oc.with_raw_response.<resource>.<method>(…)`, with the
generated names, answers a `RawResponse` (status, headers, `parse()`) instead. Helpers lists
what the client adds: the methods of its resources that are not one operation (flows over
several calls, file downloads) and the client's own methods and properties.

Every operation also takes the keyword-only per-call options `extra_headers`, `extra_query`,
`extra_body` and `timeout` (unless its note says otherwise); the signatures below leave them
out. An argument whose default is `UNSET` is not sent unless given. Each signature comes with
the HTTP method and path it calls (as the spec writes it) and the operation's summary.

The models are attrs classes: `from offcloud_sdk.types import <Model>` (which also has `File`,
`Unset` and `UNSET`). A field's JSON key is its name on the wire; an optional field the answer
did not carry is `UNSET`.{extra}
"""

EXTRA_KEYS = "\nEvery model also keeps the keys it does not declare in `additional_properties`."
WIDTH = 100


def _wrap(text: str, width: int = WIDTH) -> list[str]:
    """`text` on lines of at most `width` characters (longer words kept whole)."""
    return textwrap.wrap(_one_line(text), width, break_long_words=False, break_on_hyphens=False)


def _comment(text: str) -> list[str]:
    """`text` as `# ` comment lines of at most WIDTH characters."""
    return [f"# {line}" for line in _wrap(text, WIDTH - 2)]


def _method_note(tag: str, method: Method) -> str:
    """What a listed operation's line does not say: that the client renamed it, that it takes
    no per-call options, how `with_raw_response` has it."""
    notes: list[str] = []
    if method["name"] != method["generated_name"]:
        notes.append(
            f"Generated as `{method['generated_name']}`; on the client, "
            f"`oc.{tag}.{method['generated_name']}` is a helper (see Helpers)."
        )
    if not method["per_call"]:
        notes.append("It takes none of the per-call options.")
    if method["raw_name"] is None:
        notes.append("It is not on `oc.with_raw_response`.")
    elif method["raw_name"] != method["name"]:
        notes.append(f"`oc.with_raw_response.{tag}.{method['raw_name']}(…)` calls it.")
    return " ".join(notes)


def _resources(reference: Reference, spec: Mapping[str, Any]) -> list[str]:
    operations = _spec_operations(spec)
    tags = {
        tag["name"]: tag.get("description") or ""
        for tag in spec.get("tags") or []
        if isinstance(tag, Mapping) and "name" in tag
    }
    helped = {group["attribute"] for group in reference["helpers"]}
    lines = ["", "## Resources"]
    for resource in reference["resources"]:
        tag = resource["tag"]
        lines += ["", f"### {tag}", ""]
        description = tags.get(tag, "")
        lines += [*_paragraphs(description), ""] if description else []
        also = f"; its helpers are under [oc.{tag}](#oc{tag})" if tag in helped else ""
        lines += _wrap(
            f"`oc.{tag}`: `{resource['sync_class']}` (`{resource['async_class']}` on "
            f"`AsyncOffcloud`){also}."
        )
        lines += ["", "```python"]
        for index, method in enumerate(sorted(resource["methods"], key=lambda m: m["name"])):
            http_method, path, operation = operations.get(
                method["operation_id"], (method["http_method"], method["path"], {})
            )
            summary = operation.get("summary") or method["doc"].split("\n\n")[0]
            returns = f" -> {method['returns']}" if method["returns"] else ""
            note = _method_note(tag, method)
            lines += [""] if index else []
            lines += [
                f"# {http_method} {path}: {_one_line(summary)}",
                *(_comment(note) if note else []),
                f"oc.{tag}.{method['name']}({signature_text(method['params'])}){returns}",
            ]
        lines += ["```"]
    return lines


def _helper_line(prefix: str, helper: Helper) -> str:
    """How `helper` is called (or read) on an `Offcloud` whose attribute `prefix` it is on."""
    returns = f" -> {helper['returns']}" if helper["returns"] else ""
    if helper["kind"] == "constructor":
        return f"{helper['name']}({signature_text(helper['params'])})"
    if helper["kind"] == "property":
        settable = "  # settable" if helper["settable"] else ""
        return f"oc.{prefix}{helper['name']}: {helper['returns']}{settable}"
    return f"oc.{prefix}{helper['name']}({signature_text(helper['params'])}){returns}"


def _async_differences(groups: list[Helpers]) -> str:
    """Where `AsyncOffcloud` is not `Offcloud` with every method awaited, as a sentence end."""
    differences: list[str] = []
    for group in groups:
        prefix = f"{group['attribute']}." if group["attribute"] else ""
        for helper in group["helpers"]:
            if helper["kind"] != "method":
                continue
            if helper["async_name"] != helper["name"]:
                awaited = "await " if helper["awaited"] else ""
                differences.append(
                    f"`oc.{prefix}{helper['name']}(…)` is "
                    f"`{awaited}oc.{prefix}{helper['async_name']}(…)` there"
                )
            elif not helper["awaited"]:
                differences.append(f"`oc.{prefix}{helper['name']}(…)` is not awaited")
    if not differences:
        return "."
    return ", except that " + ", and ".join(differences) + "."


def _helpers_section(reference: Reference) -> list[str]:
    groups = reference["helpers"]
    resources = {resource["tag"] for resource in reference["resources"]}
    lines = [
        "",
        "## Helpers",
        "",
        *_wrap(
            "What the client adds to the operations: the methods of its resources that are not "
            "one operation of the spec, and the client's own methods and properties. Each is "
            "shown as called on an `offcloud_sdk.Offcloud`, with its signature and the first "
            "paragraph of its docstring. `offcloud_sdk.AsyncOffcloud` has the same, with the "
            "same arguments, every method awaited" + _async_differences(groups)
        ),
    ]
    for group in groups:
        attribute = group["attribute"]
        lines += ["", f"### oc.{attribute}" if attribute else "### oc", ""]
        classes = f"`{group['sync_class']}` (`{group['async_class']}` on `AsyncOffcloud`)"
        if not attribute:
            lines += _wrap(f"`oc`: the client, `{group['sync_class']}` (`{group['async_class']}`).")
        elif attribute in resources:
            lines += _wrap(
                f"`oc.{attribute}`: {classes}, which also has the operations of "
                f"[{attribute}](#{attribute})."
            )
        else:
            lines += _wrap(f"`oc.{attribute}`: {classes}. {group['doc']}")
        renamed = {
            method["generated_name"]: method
            for resource in reference["resources"]
            if resource["tag"] == attribute
            for method in resource["methods"]
            if method["name"] != method["generated_name"]
        }
        prefix = f"{attribute}." if attribute else ""
        lines += ["", "```python"]
        for index, helper in enumerate(group["helpers"]):
            lines += [""] if index else []
            lines += _comment(helper["doc"]) if helper["doc"] else []
            method = renamed.get(helper["name"])
            if method is not None:
                lines += _comment(
                    f"Not the generated `{helper['name']}` ({method['http_method']} "
                    f"{method['path']}): that is `oc.{attribute}.{method['name']}`."
                )
            lines.append(_helper_line(prefix, helper))
        lines += ["```"]
    return lines


def render(reference: Reference, spec: Mapping[str, Any], spec_label: str) -> str:
    """The markdown of api.md for `reference` (`read`'s answer) and the parsed `spec`."""
    attrs_models = [m for m in reference["models"] if m["values"] is None]
    keeps_extra = bool(attrs_models) and all(
        "additional_properties" in m["not_init"] for m in attrs_models
    )
    lines = HEADER.format(spec=spec_label, extra=EXTRA_KEYS if keeps_extra else "").splitlines()
    lines += _resources(reference, spec)
    lines += _helpers_section(reference)

    schemas = (spec.get("components") or {}).get("schemas") or {}
    lines += ["", "## Models"]
    for model in sorted(reference["models"], key=lambda m: (m["name"].lower(), m["name"])):
        lines += ["", f"### {model['name']}", ""]
        description = _model_description(model, schemas)
        lines += [*description, ""] if description else []
        if model["values"] is not None:
            lines.append("Values: " + ", ".join(f"`{value}`" for value in model["values"]) + ".")
        elif model["fields"]:
            rows = [
                [
                    f"`{field['name']}`",
                    f"`{field['json_key']}`" if field["json_key"] else "",
                    f"`{readable_type(field['annotation'])}`",
                    "yes" if field["required"] else "no",
                ]
                for field in model["fields"]
            ]
            lines += _table(["Field", "JSON key", "Type", "Required"], rows)
        elif "additional_properties" in model["not_init"]:
            lines.append("No declared fields: every key is kept in `additional_properties`.")
        else:
            lines.append("No fields.")

    return "\n".join(line.rstrip() for line in lines) + "\n"


def spec_label(spec: Path) -> str:
    """How the header names the spec: its path in the project, or its file name."""
    try:
        return spec.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return spec.name


def render_api_md(directory: Path, spec: Path) -> str:
    """api.md for the `offcloud_api_client` package under `directory`, generated from `spec`."""
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    return render(read(directory), document, spec_label(spec))


def stale(expected: str, path: Path) -> str | None:
    """Why the file at `path` is not byte for byte `expected` (None when it is)."""
    if not path.is_file():
        return f"{path.name} is missing; {REGENERATE}"
    if path.read_bytes() != expected.encode("utf-8"):
        return f"{path.name} is out of date; {REGENERATE}"
    return None


def write(text: str, path: Path) -> None:
    """Write `text` to `path` as UTF-8 with `\\n` line ends, whatever the platform."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path, help=f"the directory holding {PACKAGE}")
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi" / "offcloud.yaml")
    parser.add_argument("--introspect", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.introspect:
            print(json.dumps(introspect(args.directory)))
        else:
            sys.stdout.write(render_api_md(args.directory, args.spec))
    except ApiReferenceError as exc:
        print(f"api_reference: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
