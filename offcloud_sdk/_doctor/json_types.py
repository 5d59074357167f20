"""The JSON type of a parsed value, as JSON Schema names it (shared by the checks and the patch)."""

from __future__ import annotations

_NAMES: tuple[tuple[type, str], ...] = (
    (bool, "boolean"),  # before int: a bool is an int to Python
    (int, "integer"),
    (float, "number"),
    (str, "string"),
    (list, "array"),
    (dict, "object"),
)


def json_type(value: object) -> str | None:
    """`null`, `boolean`, `integer`, `number`, `string`, `array` or `object`; None for a value
    JSON cannot hold."""
    if value is None:
        return "null"
    for kind, name in _NAMES:
        if isinstance(value, kind):
            return name
    return None
