"""Check that a parsed answer holds the types its annotations promise.

The generated models check which keys are present but take any JSON value for a field, so
`{"requestId": 123}` would become a `DownloadRequest` whose `request_id` is an int. The runner
checks every parsed answer against the return annotation of its operation's parser, so a
wrong type is reported where it arrives, not three calls later. Works for any generated
operation, including ones added to the spec later.
"""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import attrs
import offcloud_api_client.models as models
from offcloud_api_client.types import Unset


def type_problem(value: object, parse: Callable[..., object]) -> str | None:
    """The first place where `value` does not match what `parse` is annotated to return."""
    return next(_problems(value, _return_hint(parse), "answer"), None)


@cache
def _return_hint(parse: Callable[..., object]) -> object:
    return _hints(parse)["return"]


@cache
def _field_hints(cls: type) -> dict[str, object]:
    return _hints(cls)


def _hints(obj: Any) -> dict[str, object]:
    namespace = {**vars(models), **vars(sys.modules[obj.__module__])}
    return typing.get_type_hints(obj, globalns=namespace)


def _problems(value: object, hint: object, where: str) -> Iterator[str]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        for option in options:
            if isinstance(option, type) and attrs.has(option) and isinstance(value, option):
                yield from _problems(value, option, where)
                return
        if not any(next(_problems(value, option, where), None) is None for option in options):
            names = " | ".join(_name(option) for option in options if option is not Unset)
            yield f"{where} is {_describe(value)}, expected {names}"
        return
    if origin is list:
        if not isinstance(value, list):
            yield f"{where} is {_describe(value)}, expected a list"
            return
        (item_hint,) = typing.get_args(hint)
        for index, item in enumerate(value):
            yield from _problems(item, item_hint, f"{where}[{index}]")
        return
    if origin is dict:
        if not isinstance(value, dict):
            yield f"{where} is {_describe(value)}, expected an object"
        return
    if hint is Any or hint is object:
        return
    if isinstance(hint, type) and attrs.has(hint):
        if not isinstance(value, hint):
            yield f"{where} is {_describe(value)}, expected {hint.__name__}"
            return
        hints = _field_hints(hint)
        for field in attrs.fields(hint):
            if field.name != "additional_properties":
                yield from _problems(
                    getattr(value, field.name), hints[field.name], _join(where, field.name)
                )
        return
    if not _scalar_matches(value, hint):
        yield f"{where} is {_describe(value)}, expected {_name(hint)}"


def _scalar_matches(value: object, hint: object) -> bool:
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is None or hint is type(None):
        return value is None
    return isinstance(hint, type) and isinstance(value, hint)


def _join(where: str, name: str) -> str:
    return name if where == "answer" else f"{where}.{name}"


def _name(hint: object) -> str:
    return getattr(hint, "__name__", str(hint))


def _describe(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:40]}{'…' if len(text) > 40 else ''}"
