"""Fixtures shared by the SDK tests."""

from sdk_support import harness

__all__ = ["harness"]
