"""A client library for accessing Offcloud API"""

from __future__ import annotations

from importlib import import_module

# Not `typing.TYPE_CHECKING`: importing typing would be most of this module's cost, and type
# checkers read this name the same way.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

    from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)


# Hidden from type checkers: a module `__getattr__` would make a misspelt name `Any`.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        # The plain generated clients are imported on first use: the resources (`.api`) do not
        # need them, and importing them costs a few milliseconds of attrs classes.
        if name in __all__:
            value = getattr(import_module(".client", __name__), name)
            globals()[name] = value
            return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
