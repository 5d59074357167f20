"""Check that a parsed answer holds the types its annotations promise.

The generated models check which keys are present but take any JSON value for a field, so
`{"requestId": 123}` would become a `DownloadRequest` whose `request_id` is an int. The runner
checks every parsed answer against the return annotation of its operation's parser, so a
wrong type is reported where it arrives, not three calls later. Works for any generated
operation, including ones added to the spec later.

A checker is built once per type (from its annotations) and cached, so a check costs a few
`isinstance` calls per field. A checker returns None, or the problem as a path suffix and a
description: `.files[0].size is str 'big', expected int`.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

import offcloud_api_client.models as models
from offcloud_api_client.types import Unset

from .redaction import is_secret_name

Check = Callable[[object], str | None]


def type_problem(value: object, parse: Callable[..., object]) -> str | None:
    """The first place where `value` does not match what `parse` is annotated to return."""
    problem = _return_checker(parse)(value)
    if problem is None:
        return None
    return problem[1:] if problem.startswith(".") else "answer" + problem


@cache
def _return_checker(parse: Callable[..., object]) -> Check:
    return checker(return_hint(parse))


@cache
def return_hint(parse: Callable[..., object]) -> object:
    """The type `parse` is annotated to return (`Any` when it is not annotated or its
    annotation cannot be resolved)."""
    try:
        return _hints(parse).get("return", Any)
    except (NameError, TypeError, AttributeError):
        return Any


@cache
def field_hints(model: type) -> tuple[dict[str, object], frozenset[str]]:
    """A generated model's field types by name, and the names of its optional fields."""
    import attrs  # here: attrs loads with the first model, not with the SDK

    fields = [f for f in attrs.fields(model) if f.name != "additional_properties"]
    optional = frozenset(f.name for f in fields if f.default is not attrs.NOTHING)
    hints = _hints(model)
    return {f.name: hints[f.name] for f in fields}, optional


class _Models(dict[str, object]):
    """The generated models by name, imported when asked for.

    Model annotations name other models only under `TYPE_CHECKING`; `eval` looks names up in
    a non-dict locals mapping through `__getitem__`, so these resolve there.
    """

    def __missing__(self, name: str) -> object:
        try:
            return getattr(models, name)
        except AttributeError:
            raise KeyError(name) from None


def _hints(obj: Any) -> dict[str, object]:
    return typing.get_type_hints(obj, localns=_Models())


@cache
def checker(hint: object) -> Check:
    """The checker for values annotated `hint`."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _union_checker(typing.get_args(hint))
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return _list_checker(item_hint)
    if origin is dict:
        return _instance_checker(dict, "an object")
    if hint is Any or hint is object:
        return lambda value: None
    if isinstance(hint, type) and _is_model(hint):
        return _model_checker(hint)
    if hint is float:
        return _number_checker((int, float), "float")
    if hint is int:
        return _number_checker((int,), "int")
    if hint is None or hint is type(None):
        return _instance_checker(type(None), "None")
    if isinstance(hint, type):
        return _instance_checker(hint, hint.__name__)
    return _accept  # a type these checks do not know (a user's `cast_to` model may use any)


def _accept(value: object) -> None:
    return None


def _is_model(hint: type) -> bool:
    """Whether `hint` is an attrs class (a generated model), without importing attrs first."""
    return hasattr(hint, "__attrs_attrs__")


def _union_checker(options: tuple[object, ...]) -> Check:
    names = " | ".join(_name(option) for option in options if option is not Unset)
    models_first = [o for o in options if isinstance(o, type) and _is_model(o)]

    def check(value: object) -> str | None:
        if isinstance(value, Unset):
            return None if Unset in options else _wrong(value, names)
        for model in models_first:
            if isinstance(value, model):
                return checker(model)(value)
        for option in options:
            if checker(option)(value) is None:
                return None
        return _wrong(value, names)

    return check


def _list_checker(item_hint: object) -> Check:
    fast = _exact_types(item_hint)

    def check(value: object) -> str | None:
        if not isinstance(value, list):
            return _wrong(value, "a list")
        check_item = checker(item_hint)
        for index, item in enumerate(value):
            if fast is not None and type(item) in fast:
                continue
            problem = check_item(item)
            if problem is not None:
                return f"[{index}]{problem}"
        return None

    return check


def _model_checker(model: type) -> Check:
    @cache
    def fields() -> list[tuple[str, frozenset[type] | None, Check]]:
        try:
            hints, _ = field_hints(model)
        except (NameError, TypeError, AttributeError):  # a user's model, not resolvable here
            return []
        return [(name, _exact_types(hint), checker(hint)) for name, hint in hints.items()]

    def check(value: object) -> str | None:
        if not isinstance(value, model):
            return _wrong(value, model.__name__)
        for name, fast, check_field in fields():
            field = getattr(value, name)
            if fast is not None and type(field) in fast:
                continue  # the common case, without a call per field
            problem = check_field(field)
            if problem is not None:
                if is_secret_name(name) and problem.startswith(" is "):  # a new key, maybe
                    problem = f" is {type(field).__name__} (not shown){_expected(problem)}"
                return f".{name}{problem}"
        return None

    return check


_SCALARS: dict[object, frozenset[type]] = {
    str: frozenset({str}),
    int: frozenset({int}),
    float: frozenset({int, float}),
    bool: frozenset({bool}),
    None: frozenset({type(None)}),
    type(None): frozenset({type(None)}),
    Unset: frozenset({Unset}),
}


def _exact_types(hint: object) -> frozenset[type] | None:
    """The exact types that certainly pass `checker(hint)`, when `hint` is a scalar or a union
    of scalars; None otherwise. Values of other types still go to the checker."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        allowed: set[type] = set()
        for option in typing.get_args(hint):
            part = _exact_types(option)
            if part is None:
                return None
            allowed |= part
        return frozenset(allowed)
    return _SCALARS.get(hint)


def _number_checker(kinds: tuple[type, ...], name: str) -> Check:
    def check(value: object) -> str | None:
        if isinstance(value, kinds) and not isinstance(value, bool):
            return None
        return _wrong(value, name)

    return check


def _instance_checker(kind: type, name: str) -> Check:
    return lambda value: None if isinstance(value, kind) else _wrong(value, name)


def _wrong(value: object, expected: str) -> str:
    text = repr(value)
    shown = f"{text[:40]}{'…' if len(text) > 40 else ''}"
    return f" is {type(value).__name__} {shown}, expected {expected}"


def _expected(problem: str) -> str:
    at = problem.rfind(", expected ")
    return problem[at:] if at >= 0 else ""


def _name(hint: object) -> str:
    return getattr(hint, "__name__", str(hint))
