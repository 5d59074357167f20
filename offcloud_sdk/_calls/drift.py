"""Read an answer whose values differ from the spec's types, and say once what differed.

The spec is our reading of an API nobody here can reach, so a client is lenient by default:
when the fast check (`validation.type_problem`) finds a mismatch, the answer's JSON is read
again field by field against the same types, and

- a `null` for an optional field is read as absent (`UNSET`), with a DEBUG record;
- a value that converts losslessly is converted: numeric text to `int`/`float`, an integral
  float to `int`, `0`/`1` and `"true"`/`"false"` (any case) to `bool`, a number to `str`;
- an answer declared as a list that arrived as `{"data": [...]}` or `{"list": [...]}` is
  unwrapped;
- anything else is kept as sent.

Each conversion or kept mismatch logs one WARNING on the `offcloud_sdk.drift` logger per
operation, field path and received type, per process. What still cannot become the model (an
object declared and a list sent, a required field missing) is an `UnexpectedResponseError`,
raised by the caller. In strict mode none of this runs: every mismatch raises.
"""

from __future__ import annotations

import logging
import math
import re
import types
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache
from typing import Any

import attrs
from offcloud_api_client.api import WIRE_NAMES
from offcloud_api_client.types import Unset

from .redaction import is_secret_name, redact
from .validation import field_hints, return_hint

logger = logging.getLogger("offcloud_sdk.drift")
LIST_WRAPPERS = ("data", "list")
"""Keys under which an API may wrap a list it answers."""
SHOWN = 40
"""Characters of a received value a warning shows."""
_INT_TEXT = re.compile(r"-?(0|[1-9][0-9]{0,30})")
_NUMBER_TEXT = re.compile(r"-?(0|[1-9][0-9]{0,30})(\.[0-9]{1,30})?([eE][-+]?[0-9]{1,3})?")
_TRUE, _FALSE = frozenset({"true", "1"}), frozenset({"false", "0"})
_reported: set[tuple[str, str, str]] = set()
"""(operation, path, received type) already logged."""
MAX_REPORTED = 512
"""Kinds of difference logged per process at most (`request()` paths are the user's)."""


def _absent() -> str:
    return "arrived as null; read as absent"


class _Missing:
    """No lossless conversion exists."""


_NO = _Missing()


def reread(
    data: object,
    parse: Callable[..., object],
    operation: str,
    secrets: Iterable[str],
    *,
    keep: bool = True,
) -> object:
    """`data` (an answer's JSON) with what differs from `parse`'s return type converted where
    that loses nothing, nulls for optional fields dropped and a list wrapper taken off; every
    difference logged once. With `keep=False` the caller raises for a value kept as sent, so
    that is not logged."""
    reader = _Reader(operation, tuple(secrets), keep)
    return reader.read(data, return_hint(parse), "", top=True)


@attrs.frozen
class _Reader:
    operation: str
    secrets: tuple[str, ...]
    keep: bool

    def read(self, data: object, hint: object, path: str, *, top: bool = False) -> object:
        options = _options(hint)
        if any(option is Any or option is object for option in options):
            return data
        if data is None:
            if type(None) not in options:
                self._kept(path, data, hint)
            return data
        if isinstance(data, dict):
            return self._object(data, options, hint, path, top=top)
        if isinstance(data, list):
            for option in options:
                if typing.get_origin(option) is list:
                    (item_hint,) = typing.get_args(option)
                    return [self.read(item, item_hint, f"{path}[]") for item in data]
            self._kept(path, data, hint)
            return data
        return self._scalar(data, options, hint, path)

    def _object(
        self, data: dict[str, Any], options: list[object], hint: object, path: str, *, top: bool
    ) -> object:
        models = [o for o in options if isinstance(o, type) and attrs.has(o)]
        if models:
            return self._model(data, _choose(data, models), path)
        if any(typing.get_origin(o) is dict for o in options):
            return data
        lists = [o for o in options if typing.get_origin(o) is list]
        if top and lists:
            for key in LIST_WRAPPERS:
                if isinstance(data.get(key), list):
                    self._unwrapped(path, key, hint)
                    return self.read(data[key], hint, path)
        self._kept(path, data, hint)
        return data

    def _model(self, data: dict[str, Any], model: type, path: str) -> dict[str, Any]:
        names = WIRE_NAMES.get(model.__name__)
        if names is None:  # not a model of this spec (a user's `cast_to`): taken as it came
            return data
        hints, optional = field_hints(model)
        read: dict[str, Any] = {}
        for key, value in data.items():
            name = names.get(key)
            if name is None:  # a field the spec does not know: kept in additional_properties
                read[key] = value
                continue
            hint = hints[name]
            where = f"{path}.{name}" if path else name
            if value is None and name in optional and type(None) not in _options(hint):
                self._log(logging.DEBUG, where, "NoneType", _absent)
                continue
            read[key] = self.read(value, hint, where)
        return read

    def _scalar(self, data: object, options: list[object], hint: object, path: str) -> object:
        kind = type(data)
        for option in options:
            if option is kind or (option is float and kind is int):
                return data
        for option in options:
            converted = _convert(data, option)
            if converted is not _NO:
                self._converted(path, data, hint, option, converted)
                return converted
        self._kept(path, data, hint)
        return data

    def _unwrapped(self, path: str, key: str, hint: object) -> None:
        self._log(
            logging.WARNING,
            path or "answer",
            "dict",
            lambda: (
                f"arrived as an object holding the list under {key!r} where the spec says "
                f"{_name(hint)}; read the list inside"
            ),
        )

    def _converted(
        self, path: str, data: object, hint: object, option: object, converted: object
    ) -> None:
        self._log(
            logging.WARNING,
            path,
            type(data).__name__,
            lambda: (
                f"arrived as {self._shown(data, path)} where the spec says {_name(hint)}; "
                f"read as {_name(option)} {self._shown(converted, path, typed=False)}"
            ),
        )

    def _kept(self, path: str, data: object, hint: object) -> None:
        if not self.keep:
            return
        self._log(
            logging.WARNING,
            path or "answer",
            type(data).__name__,
            lambda: (
                f"arrived as {self._shown(data, path)} where the spec says {_name(hint)}; "
                "kept as sent"
            ),
        )

    def _log(self, level: int, path: str, received: str, what: Callable[[], str]) -> None:
        """Log `what()` once per operation, path and received type; `what` is only called
        then, so an answer with many differing values costs a set lookup per value."""
        seen = (self.operation, path, received)
        if seen in _reported or not logger.isEnabledFor(level):
            return
        if len(_reported) >= MAX_REPORTED:
            if len(_reported) == MAX_REPORTED:
                _reported.add(("", "", ""))
                logger.warning(
                    "more than %d kinds of difference seen: no more are logged", MAX_REPORTED
                )
            return
        _reported.add(seen)
        logger.log(
            level,
            "%s: %s %s. Offcloud's answer differs from the SDK's spec; the SDK read it "
            "anyway (strict=True would raise). Said once per process for this field and "
            "type; `offcloud doctor` reports every difference in full.",
            self.operation,
            path,
            what(),
        )

    def _shown(self, value: object, path: str, *, typed: bool = True) -> str:
        if is_secret_name(path.rpartition(".")[2]):  # an answer to a login holds a new key
            text = "(not shown)"
        else:
            text = redact(repr(value), self.secrets)
            text = text[:SHOWN] + ("…" if len(text) > SHOWN else "")
        return f"{type(value).__name__} {text}" if typed else text


def _options(hint: object) -> list[object]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return [o for o in typing.get_args(hint) if o is not Unset]
    return [hint]


def _choose(data: dict[str, Any], models: list[type]) -> type:
    """The model a union's parser would build from `data`: the first whose required keys are
    all there, else the last."""
    for model in models:
        if _required_keys(model) <= data.keys():
            return model
    return models[-1]


@cache
def _required_keys(model: type) -> frozenset[str]:
    names = WIRE_NAMES.get(model.__name__, {})
    required = {f.name for f in attrs.fields(model) if f.default is attrs.NOTHING}
    return frozenset(key for key, name in names.items() if name in required)


def _convert(value: object, target: object) -> object:
    """`value` as `target` when nothing is lost, else `_NO`."""
    if isinstance(value, bool):
        return _NO  # a bool is not a number, nor text, here
    if target is bool:
        if isinstance(value, int) and value in (0, 1):
            return value == 1
        if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
            return value.lower() in _TRUE
        return _NO
    if target is int:
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            if _INT_TEXT.fullmatch(value):
                return int(value)
            if _NUMBER_TEXT.fullmatch(value):  # "8.0", "1e3": exactly, not through a float
                exact = Decimal(value)
                if exact == exact.to_integral_value():
                    return int(exact)
        return _NO
    if target is float:
        return _number(value) if isinstance(value, str) else _NO
    if target is str and isinstance(value, int | float):
        return str(value) if math.isfinite(value) else _NO
    return _NO


def _number(text: str) -> object:
    if not _NUMBER_TEXT.fullmatch(text):
        return _NO
    number = float(text)
    return number if math.isfinite(number) else _NO


def _name(hint: object) -> str:
    options = _options(hint)
    if len(options) > 1:
        return " | ".join(_name(option) for option in options)
    hint = options[0]
    if hint is type(None):
        return "null"
    if typing.get_origin(hint) is list:
        return f"list[{_name(typing.get_args(hint)[0])}]"
    return getattr(hint, "__name__", str(hint))
